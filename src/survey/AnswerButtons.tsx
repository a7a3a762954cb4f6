/**
 * The answer choices of a question as one radio group of native radio
 * inputs (the browser gives the arrow keys, the single Tab stop and the
 * checked state): big bars with a symbol, a word and a colour, the chosen
 * one marked with a thicker edge and a check.
 *
 * A tap is drawn by the browser alone: it checks the radio and CSS paints
 * the mark from `:checked`, so the mark is in the very next frame whatever
 * React is doing; the answer then goes to the survey (onChange) and the
 * bars catch up in a transition (the spoken "Valgt"). The radios are not
 * controlled by React state: after each render a layout effect puts the
 * native checked state back in line with `value`, which is how a failed
 * write rolls a mark back (`revision` changes even when the value reads
 * the same).
 *
 * With tap-to-hear, the first press reads an option aloud and a second
 * press on the same option chooses it (the first press's click is
 * cancelled, so the browser leaves the radio unchecked); where pages are
 * read aloud, an option is read as it is chosen (right after the frame that
 * shows it chosen). The symbols and colours follow the question's
 * favourable answer (src/shared/favourableAnswer.ts): faces and
 * green-to-orange only where "Ja" is good; neutral marks on one calm colour
 * on reversed and factual questions.
 */
import { memo, useId, useLayoutEffect, useRef, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { answerSymbols } from '../shared/favourableAnswer.ts';
import type { Favourable } from '../shared/questionnaire.ts';
import type { Scale } from '../shared/scales.ts';
import { AnswerIcon, answerSymbolOf, CheckIcon, type AnswerSymbol } from './AnswerIcon.tsx';
import { SpokenText } from './SpokenText.tsx';
import { useReadAloud } from './useReadAloud.ts';
import { useRecordings } from './recordings.ts';
import { optionKey } from '../shared/spokenTexts.ts';
import { afterPaint } from '../storage/draftWriter.ts';
import { usePageShown } from './pageShown.ts';

export interface AnswerButtonsProps {
  readonly scale: Scale;
  /** The question's favourable answer: decides faces or neutral marks. */
  readonly favourable: Favourable;
  readonly language: string;
  readonly value: string | null;
  /** Changes whenever the answers were changed (or put back) elsewhere: the radios are set to `value` again. */
  readonly revision?: number;
  readonly onChange: (value: string) => void;
  readonly tapToHear: boolean;
  /** Read an option aloud as it is chosen (when pages are read aloud). */
  readonly readChoice?: boolean;
  /** Labelled by the question text. */
  readonly labelledBy: string;
}

export function optionItemId(value: string): string {
  return `option:${value}`;
}

export function AnswerButtons({ scale, favourable, language, value, revision = 0, onChange, tapToHear, readChoice = false, labelledBy }: AnswerButtonsProps) {
  const { t } = useTranslation();
  const readAloud = useReadAloud();
  const recordings = useRecordings();
  const name = useId();
  const [armed, setArmed] = useState<string | null>(null);
  // An answer armed on a page ends when the page is left: coming back, the first tap reads again.
  const shown = usePageShown();
  if (!shown && armed !== null) setArmed(null);
  // The 1–6 scale sits in a grid; every other scale is a column of wide bars.
  const graded = scale.id === 'grad-1-6';
  const symbols = answerSymbols(favourable);

  function read(option: string, label: string) {
    void readAloud.speak([{ id: optionItemId(option), text: label, lang: language, audioUrl: recordings.audio(optionKey(scale.id, option)) }]);
  }

  // The native radios follow `value` after every render that may have changed it.
  const group = useRef<HTMLDivElement>(null);
  /** The answer the radios show: `value`, or a tap React has not rendered yet. */
  const showing = useRef(value);
  useLayoutEffect(() => {
    showing.current = value;
    for (const input of group.current?.querySelectorAll<HTMLInputElement>('input[type=radio]') ?? []) input.checked = input.value === value;
  }, [value, revision]);

  /** A press on a bar; false when the press only reads the option aloud (the browser then leaves the radio as it was). */
  function choose(next: string): boolean {
    if (showing.current === next) return true;
    const option = scale.options.find((o) => o.value === next);
    const label = option?.label[language] ?? '';
    if (tapToHear && armed !== next && option) {
      setArmed(next);
      read(next, label);
      return false;
    }
    showing.current = next;
    if (armed !== null) setArmed(null);
    onChange(next);
    // Read after the frame that shows the choice (starting the voice re-renders what is being read), and after the answer's write starts.
    if (readChoice && !tapToHear && option) void afterPaint().then(() => read(next, label));
    return true;
  }

  // One handler for every bar, the same across renders, so a bar re-renders only when its own mark changes.
  const latestChoose = useRef(choose);
  latestChoose.current = choose;
  const [onChoose] = useState(() => (next: string) => latestChoose.current(next));

  return (
    <div ref={group} role="radiogroup" aria-labelledby={labelledBy} className={`answers ${graded ? 'answers-graded' : 'answers-bars'}`}>
      {scale.options.map((option) => (
        <AnswerBar
          key={option.value}
          name={name}
          value={option.value}
          label={option.label[language] ?? option.value}
          tone={symbols === 'faces' ? `tone-${option.tone}` : option.tone === 'none' ? 'tone-none' : 'tone-plain'}
          symbol={answerSymbolOf(symbols, option.tone)}
          isSelected={value === option.value}
          isArmed={armed === option.value}
          chosenText={t('survey.chosen')}
          onChoose={onChoose}
        />
      ))}
      {armed !== null && (
        <p id="tap-again-hint" className="tap-again" role="status">
          {t('survey.tapAgain')}
        </p>
      )}
    </div>
  );
}

interface AnswerBarProps {
  readonly name: string;
  readonly value: string;
  readonly label: string;
  readonly tone: string;
  readonly symbol: AnswerSymbol | null;
  readonly isSelected: boolean;
  readonly isArmed: boolean;
  readonly chosenText: string;
  readonly onChoose: (value: string) => boolean;
}

/**
 * One answer: the whole bar is the label of a visually hidden radio input.
 * Choosing it changes only how the bar is painted (CSS on the checked
 * input: colour, a thicker edge drawn inside the border, the check shown in
 * the place kept for it), never its size, so the tap's frame lays nothing
 * out again; the focus ring is CSS on the bar around the focused input.
 * `data-selected` (React's view, a moment later) marks it in browsers
 * without `:has()`.
 */
const AnswerBar = memo(function AnswerBar({ name, value, label, tone, symbol, isSelected, isArmed, chosenText, onChoose }: AnswerBarProps) {
  return (
    <label className={`answer ${tone}${isArmed ? ' armed' : ''}`} data-selected={isSelected || undefined}>
      <input
        type="radio"
        className="visually-hidden"
        name={name}
        value={value}
        aria-label={label}
        aria-describedby={isArmed ? 'tap-again-hint' : undefined}
        defaultChecked={isSelected}
        onClick={(event: MouseEvent<HTMLInputElement>) => {
          if (!onChoose(value)) event.preventDefault();
        }}
      />
      <AnswerIcon symbol={symbol} />
      <SpokenText id={optionItemId(value)} text={label} as="span" className="answer-label" />
      <span className="answer-check">
        <CheckIcon />
      </span>
      {isSelected && <span className="answer-chosen visually-hidden">{chosenText}</span>}
    </label>
  );
});
