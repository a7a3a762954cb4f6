/**
 * The answer choices of a question as one radio group of native radio
 * inputs (the browser gives the arrow keys, the single Tab stop and the
 * checked state): big bars with a symbol, a word and a colour, the chosen
 * one marked with a thicker edge and a check. Each bar is memoised, so a tap
 * re-renders the two bars whose mark changes and nothing else. With
 * tap-to-hear, the first press reads an option aloud and a second press on
 * the same option chooses it (React puts an unchosen radio back
 * unchecked); where pages are read aloud, an option is read as it is
 * chosen (right after the frame that shows it chosen). The symbols and
 * colours follow the question's favourable answer
 * (src/shared/favourableAnswer.ts): faces and green-to-orange only where
 * "Ja" is good; neutral marks on one calm colour on reversed and factual
 * questions.
 */
import { memo, useId, useRef, useState } from 'react';
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

export function AnswerButtons({ scale, favourable, language, value, onChange, tapToHear, readChoice = false, labelledBy }: AnswerButtonsProps) {
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

  function choose(next: string) {
    const option = scale.options.find((o) => o.value === next);
    const label = option?.label[language] ?? '';
    if (tapToHear && armed !== next && option) {
      setArmed(next);
      read(next, label);
      return;
    }
    setArmed(null);
    onChange(next);
    // Read after the frame that shows the choice (starting the voice re-renders what is being read), and after the answer's write starts.
    if (readChoice && !tapToHear && option) void afterPaint().then(() => read(next, label));
  }

  // One handler for every bar, the same across renders, so a bar re-renders only when its own mark changes.
  const latestChoose = useRef(choose);
  latestChoose.current = choose;
  const [onChoose] = useState(() => (next: string) => latestChoose.current(next));

  return (
    <div role="radiogroup" aria-labelledby={labelledBy} className={`answers ${graded ? 'answers-graded' : 'answers-bars'}`}>
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
  readonly onChoose: (value: string) => void;
}

/**
 * One answer: the whole bar is the label of a visually hidden radio input.
 * Choosing it changes only how the bar is painted (data-selected: colour,
 * a thicker edge drawn inside the border, the check shown in the place kept
 * for it), never its size, so the tap's frame lays nothing out again; the
 * focus ring is CSS on the bar around the focused input.
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
        checked={isSelected}
        onChange={() => onChoose(value)}
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
