/**
 * The symbol on an answer button, so colour is never the only signal.
 * Faces (smile, straight, sad) only where "Ja" is the favourable answer, so
 * the smile is always on the good answer; on reversed and factual
 * questions neutral marks instead (✓ for Ja, ~ for the middle, ✗ for Nei),
 * which say which answer it is without saying it is good or bad.
 */
import type { Tone } from '../shared/scales.ts';

export type AnswerSymbol = 'smile' | 'straight' | 'frown' | 'yes' | 'middle' | 'no';

/** The symbol for an option: `tone` is the option's own tone on its scale (positive = the "Ja"/agree end). */
export function answerSymbolOf(symbols: 'faces' | 'neutral', tone: Tone): AnswerSymbol | null {
  if (tone === 'none') return null;
  if (symbols === 'faces') return tone === 'positive' ? 'smile' : tone === 'neutral' ? 'straight' : 'frown';
  return tone === 'positive' ? 'yes' : tone === 'neutral' ? 'middle' : 'no';
}

const MOUTHS = { smile: 'M14 27q10 10 20 0', straight: 'M14 30h20', frown: 'M14 33q10-10 20 0' } as const;
const MARKS = { yes: 'M12 25l8 8 16-17', middle: 'M11 26q6.5-8 13 0t13 0', no: 'M14 14l20 20M34 14l-20 20' } as const;

export function AnswerIcon({ symbol }: { symbol: AnswerSymbol | null }) {
  if (symbol === null) return null;
  const face = symbol === 'smile' || symbol === 'straight' || symbol === 'frown';
  return (
    <svg className="answer-icon" data-symbol={symbol} viewBox="0 0 48 48" width="48" height="48" aria-hidden="true" focusable="false">
      {face ? (
        <>
          <circle cx="24" cy="24" r="21" fill="#fff" stroke="currentColor" strokeWidth="4" />
          <circle cx="16.5" cy="19" r="3" fill="currentColor" />
          <circle cx="31.5" cy="19" r="3" fill="currentColor" />
          <path d={MOUTHS[symbol]} fill="none" stroke="currentColor" strokeWidth="4" strokeLinecap="round" />
        </>
      ) : (
        <>
          <rect x="3" y="3" width="42" height="42" rx="8" fill="#fff" stroke="currentColor" strokeWidth="4" />
          <path d={MARKS[symbol]} fill="none" stroke="currentColor" strokeWidth="5" strokeLinecap="round" strokeLinejoin="round" />
        </>
      )}
    </svg>
  );
}

export function CheckIcon() {
  return (
    <svg className="check-icon" viewBox="0 0 32 32" width="32" height="32" aria-hidden="true" focusable="false">
      <circle cx="16" cy="16" r="15" fill="currentColor" />
      <path d="M9 16.5l5 5 9-10" fill="none" stroke="#fff" strokeWidth="4" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
