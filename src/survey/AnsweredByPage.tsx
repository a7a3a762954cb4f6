/** The helper's last page: how the answers were given, recorded honestly. */
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnsweredBy } from '../shared/response.ts';
import { ANSWERED_BY } from '../shared/responseLimits.ts';
import type { Scale } from '../shared/scales.ts';
import { AnswerButtons } from './AnswerButtons.tsx';
import { SpokenText } from './SpokenText.tsx';
import { TITLE_ID } from './speechItems.ts';

export interface AnsweredByPageProps {
  readonly language: string;
  readonly value: AnsweredBy | null;
  readonly onChange: (value: AnsweredBy) => void;
  readonly error: string | null;
  readonly headingRef: Ref<HTMLHeadingElement>;
}

export function AnsweredByPage({ language, value, onChange, error, headingRef }: AnsweredByPageProps) {
  const { t } = useTranslation();
  const scale: Scale = {
    id: 'answered-by',
    scored: false,
    options: ANSWERED_BY.map((option) => ({ value: option, label: { [language]: t(`answeredBy.${option}`) }, score: null, tone: 'none' })),
  };
  return (
    <div className="answered-by-page">
      <h1 ref={headingRef} tabIndex={-1} id="answered-by-title" className="page-heading">
        <SpokenText id={TITLE_ID} text={t('survey.answeredByTitle')} as="span" />
      </h1>
      <AnswerButtons
        scale={scale}
        favourable="none"
        language={language}
        value={value}
        onChange={(next) => onChange(next as AnsweredBy)}
        tapToHear={false}
        labelledBy="answered-by-title"
      />
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
