/**
 * One question's answers as a stacked horizontal bar (inline SVG). Every
 * segment has its own pattern and, when wide enough, its percentage, and
 * the legend repeats label and percentage: colour is never the only
 * signal. The SVG's accessible name summarises it; the data table beside
 * it is what a screen-reader user reads.
 */
import { useId } from 'react';
import type { QuestionFigures } from './questionFigures.ts';

const WIDTH = 640;
const HEIGHT = 44;
const MIN_LABELLED_WIDTH = 44;

type Fill = { readonly kind: 'solid' | 'stripes' | 'dots' | 'cross' | 'vertical' | 'horizontal' | 'grid'; readonly ink: string; readonly paper: string };
/** Eight fills that differ in pattern as well as colour (the relatives' scale has seven answers). */
const FILLS: readonly Fill[] = [
  { kind: 'solid', ink: '#134673', paper: '#134673' },
  { kind: 'stripes', ink: '#1d5f99', paper: '#ffffff' },
  { kind: 'dots', ink: '#14212b', paper: '#dfe6ec' },
  { kind: 'cross', ink: '#8a4600', paper: '#fff4e5' },
  { kind: 'vertical', ink: '#1e6b34', paper: '#ffffff' },
  { kind: 'solid', ink: '#5b6770', paper: '#5b6770' },
  { kind: 'horizontal', ink: '#134673', paper: '#e6f0fa' },
  { kind: 'grid', ink: '#6b3fa0', paper: '#ffffff' },
];

function fillOf(index: number): Fill {
  return FILLS[index % FILLS.length] ?? FILLS[0]!;
}

function pattern(id: string, fill: Fill) {
  return (
    <pattern key={id} id={id} width="8" height="8" patternUnits="userSpaceOnUse">
      <rect width="8" height="8" fill={fill.paper} />
      {fill.kind === 'stripes' ? <path d="M-2 10 L10 -2 M-2 2 L2 -2 M6 10 L10 6" stroke={fill.ink} strokeWidth="2.5" /> : null}
      {fill.kind === 'dots' ? <circle cx="4" cy="4" r="1.6" fill={fill.ink} /> : null}
      {fill.kind === 'cross' ? <path d="M0 0 L8 8 M8 0 L0 8" stroke={fill.ink} strokeWidth="1.5" /> : null}
      {fill.kind === 'vertical' ? <path d="M2 0 V8 M6 0 V8" stroke={fill.ink} strokeWidth="1.5" /> : null}
      {fill.kind === 'horizontal' ? <path d="M0 2 H8 M0 6 H8" stroke={fill.ink} strokeWidth="1.5" /> : null}
      {fill.kind === 'grid' ? <path d="M0 0.5 H8 M0.5 0 V8" stroke={fill.ink} strokeWidth="1.5" /> : null}
    </pattern>
  );
}

export interface StackedBarProps {
  readonly figures: QuestionFigures;
  /** The accessible name, from chartName(): the same figures as the table. */
  readonly name: string;
}

export function StackedBar({ figures, name }: StackedBarProps) {
  const id = `bar${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const total = figures.options.reduce((sum, option) => sum + option.share, 0) || 1;
  let x = 0;
  return (
    <figure className="chart">
      <svg role="img" aria-label={name} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="stacked-bar" focusable="false">
        <defs>{figures.options.map((_, index) => pattern(`${id}-${index}`, fillOf(index)))}</defs>
        {figures.options.map((option, index) => {
          const width = (option.share / total) * WIDTH;
          const start = x;
          x += width;
          if (width <= 0) return null;
          return (
            <g key={option.value}>
              <rect x={start} y={0} width={width} height={HEIGHT} fill={`url(#${id}-${index})`} stroke="#ffffff" strokeWidth="2" />
              {width >= MIN_LABELLED_WIDTH ? (
                <text x={start + width / 2} y={HEIGHT / 2} className="bar-label" textAnchor="middle" dominantBaseline="central">
                  {option.percent}
                </text>
              ) : null}
            </g>
          );
        })}
        <rect x={1} y={1} width={WIDTH - 2} height={HEIGHT - 2} fill="none" stroke="#14212b" strokeWidth="2" />
      </svg>
      <ul className="chart-legend" aria-hidden="true">
        {figures.options.map((option, index) => (
          <li key={option.value}>
            <svg width="28" height="18" viewBox="0 0 28 18" focusable="false">
              <rect x="1" y="1" width="26" height="16" fill={`url(#${id}-${index})`} stroke="#14212b" strokeWidth="1.5" />
            </svg>
            <span lang={option.label.lang}>{option.label.text}</span> {option.percent}
          </li>
        ))}
      </ul>
    </figure>
  );
}
