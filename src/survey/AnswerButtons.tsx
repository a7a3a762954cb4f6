/**
 * The answer choices of a question as one radio group (react-aria's radio
 * hooks with RadioOption, not its components: a question page mounts on
 * every "Gå til neste", and the hooks mount in about half the work): big
 * bars with a symbol, a word and a colour, the chosen one marked with a
 * border and a check. With tap-to-hear, the first press reads an option
 * aloud and a second press on the same option chooses it; where pages are
 * read aloud, an option is read as it is chosen (right after the frame
 * that shows it chosen). The symbols and colours
 * follow the question's favourable answer (src/shared/favourableAnswer.ts):
 * faces and green-to-orange only where "Ja" is good; neutral marks on one
 * calm colour on reversed and factual questions.
 */
import { useState } from 'react';
import { useRadioGroup } from 'react-aria';
import { useRadioGroupState } from 'react-stately';
import { useTranslation } from 'react-i18next';
import { answerSymbols } from '../shared/favourableAnswer.ts';
import type { Favourable } from '../shared/questionnaire.ts';
import type { Scale } from '../shared/scales.ts';
import { AnswerIcon, answerSymbolOf, CheckIcon } from './AnswerIcon.tsx';
import { RadioOption } from './RadioOption.tsx';
import { SpokenText } from './SpokenText.tsx';
import { useReadAloud } from './useReadAloud.ts';
import { useRecordings } from './recordings.ts';
import { optionKey } from '../shared/spokenTexts.ts';
import { afterPaint } from '../storage/draftWriter.ts';

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
  const [armed, setArmed] = useState<string | null>(null);
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

  const state = useRadioGroupState({ value, onChange: choose });
  const { radioGroupProps } = useRadioGroup({ 'aria-labelledby': labelledBy }, state);

  return (
    <div {...radioGroupProps} className={`answers ${graded ? 'answers-graded' : 'answers-bars'}`}>
      {scale.options.map((option) => {
        const label = option.label[language] ?? option.value;
        return (
          <RadioOption
            key={option.value}
            state={state}
            value={option.value}
            ariaLabel={label}
            className={`answer ${symbols === 'faces' ? `tone-${option.tone}` : option.tone === 'none' ? 'tone-none' : 'tone-plain'}${armed === option.value ? ' armed' : ''}`}
            describedBy={armed === option.value ? 'tap-again-hint' : undefined}
          >
            {(isSelected) => (
              <>
                <AnswerIcon symbol={answerSymbolOf(symbols, option.tone)} />
                <SpokenText id={optionItemId(option.value)} text={label} as="span" className="answer-label" />
                {isSelected && (
                  <span className="answer-chosen">
                    <CheckIcon />
                    <span className="visually-hidden">{t('survey.chosen')}</span>
                  </span>
                )}
              </>
            )}
          </RadioOption>
        );
      })}
      {armed !== null && (
        <p id="tap-again-hint" className="tap-again" role="status">
          {t('survey.tapAgain')}
        </p>
      )}
    </div>
  );
}
