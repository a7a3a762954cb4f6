/**
 * Which questions a person is shown, given the answers so far: a question
 * with a condition shows only when the earlier question got one of the
 * listed answers. The survey flow and the server use the same rule.
 */
import type { Question, Questionnaire } from './questionnaire.ts';

export type AnswerMap = Readonly<Record<string, string | null>>;

export function isVisible(question: Question, answers: AnswerMap): boolean {
  const condition = question.condition;
  if (!condition) return true;
  const given = answers[condition.question];
  return typeof given === 'string' && condition.answerIn.includes(given);
}

/** Conditions point backwards, so one pass in order settles chains of them. */
export function visibleQuestions(questionnaire: Questionnaire, answers: AnswerMap): Question[] {
  const visible: Question[] = [];
  const shown = new Set<string>();
  for (const question of questionnaire.questions) {
    const parent = question.condition?.question;
    if (parent !== undefined && !shown.has(parent)) continue;
    if (isVisible(question, answers)) {
      visible.push(question);
      shown.add(question.id);
    }
  }
  return visible;
}
