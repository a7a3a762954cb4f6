/** One question: its life area, picture, text and the answer buttons (memoised: a tap re-renders only what its value changes). */
import { memo, type Ref } from 'react';
import type { Question, Section } from '../shared/questionnaire.ts';
import { getScale } from '../shared/scales.ts';
import { favourableOf } from '../shared/favourableAnswer.ts';
import { AnswerButtons } from './AnswerButtons.tsx';
import { Illustration } from './Illustration.tsx';
import { useRecordings } from './recordings.ts';
import { SignLanguageButton } from './SignLanguageButton.tsx';
import { questionKey } from '../shared/spokenTexts.ts';
import { SpokenText } from './SpokenText.tsx';
import { QUESTION_ID } from './speechItems.ts';

export interface QuestionPageProps {
  readonly question: Question;
  readonly section: Section;
  readonly language: string;
  readonly value: string | null | undefined;
  readonly tapToHear: boolean;
  /** Pages are read aloud: an answer is read as it is chosen, too. */
  readonly readChoice: boolean;
  readonly onAnswer: (value: string) => void;
  readonly headingRef: Ref<HTMLHeadingElement>;
}

export const QuestionPage = memo(function QuestionPage({ question, section, language, value, tapToHear, readChoice, onAnswer, headingRef }: QuestionPageProps) {
  const headingId = `q-${question.id}`;
  const video = useRecordings().video(questionKey(question.id));
  return (
    <div className="question-page">
      <p className="section-name">{section.title[language]}</p>
      <Illustration illustration={question.illustration} language={language} />
      <h1 ref={headingRef} tabIndex={-1} id={headingId} className="page-heading question-text">
        <SpokenText id={QUESTION_ID} text={question.text[language] ?? ''} as="span" />
      </h1>
      {video && <SignLanguageButton url={video} question={question.text[language] ?? ''} />}
      <AnswerButtons
        scale={getScale(question.scale)}
        favourable={favourableOf(question)}
        language={language}
        value={value ?? null}
        onChange={onAnswer}
        tapToHear={tapToHear}
        readChoice={readChoice}
        labelledBy={headingId}
      />
    </div>
  );
});
