/**
 * One question: its life area, picture, text and the answer buttons.
 * Memoised, and the chosen answer comes from the live answers
 * (src/survey/liveAnswers.ts) into the answer buttons alone: after the
 * frame that shows a tap, the radio group re-renders, not the picture,
 * text or page around it.
 */
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
import { useLiveAnswer, type LiveAnswers } from './liveAnswers.ts';

export interface QuestionPageProps {
  readonly question: Question;
  readonly section: Section;
  readonly language: string;
  /** The survey's answers as shown; this page shows and sets its question's. */
  readonly answers: LiveAnswers;
  readonly tapToHear: boolean;
  /** Pages are read aloud: an answer is read as it is chosen, too. */
  readonly readChoice: boolean;
  readonly onAnswer: (value: string) => void;
  readonly headingRef: Ref<HTMLHeadingElement>;
}

export const QuestionPage = memo(function QuestionPage({ question, section, language, answers, tapToHear, readChoice, onAnswer, headingRef }: QuestionPageProps) {
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
      <QuestionAnswers question={question} answers={answers} language={language} onAnswer={onAnswer} tapToHear={tapToHear} readChoice={readChoice} labelledBy={headingId} />
    </div>
  );
});

interface QuestionAnswersProps {
  readonly question: Question;
  readonly answers: LiveAnswers;
  readonly language: string;
  readonly onAnswer: (value: string) => void;
  readonly tapToHear: boolean;
  readonly readChoice: boolean;
  readonly labelledBy: string;
}

/** The only part of the page that follows the chosen answer. */
function QuestionAnswers({ question, answers, language, onAnswer, tapToHear, readChoice, labelledBy }: QuestionAnswersProps) {
  const { value, revision } = useLiveAnswer(answers, question.id);
  return (
    <AnswerButtons
      scale={getScale(question.scale)}
      favourable={favourableOf(question)}
      language={language}
      value={value ?? null}
      revision={revision}
      onChange={onAnswer}
      tapToHear={tapToHear}
      readChoice={readChoice}
      labelledBy={labelledBy}
    />
  );
}
