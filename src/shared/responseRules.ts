/**
 * Checks a response against the questionnaire it claims to answer: every
 * answered question exists and was visible, every value belongs to the
 * question's scale, and comments go where the questionnaire has a field.
 */
import type { Problem } from './describeIssue.ts';
import type { Questionnaire } from './questionnaire.ts';
import type { SurveyResponse } from './response.ts';
import { scaleValues } from './scales.ts';
import { visibleQuestions } from './visibility.ts';

/** Comment keys: a question id, a section id, or "final". */
export const FINAL_COMMENT_KEY = 'final';

function commentKeys(q: Questionnaire): Set<string> {
  const keys = new Set<string>();
  for (const question of q.questions) if (question.comment) keys.add(question.id);
  for (const section of q.sections) if (section.comment) keys.add(section.id);
  if (q.finalComment) keys.add(FINAL_COMMENT_KEY);
  return keys;
}

export function checkResponseRules(response: SurveyResponse, q: Questionnaire): Problem[] {
  const problems: Problem[] = [];
  if (response.audience !== q.audience) {
    problems.push({ path: 'audience', message: `The questionnaire "${q.id}" is for "${q.audience}", not "${response.audience}".` });
  }
  if (!q.languages.includes(response.language)) {
    problems.push({ path: 'language', message: `The questionnaire has no language "${response.language}".` });
  }
  if (q.audience === 'respondent' && response.completion === 'finished' && response.answeredBy === null) {
    problems.push({ path: 'answeredBy', message: 'A finished respondent survey must say how the answers were given.' });
  }
  if (q.audience === 'relative' && response.answeredBy !== null) {
    problems.push({ path: 'answeredBy', message: 'Relatives answer for themselves: answeredBy must be null.' });
  }
  const byId = new Map(q.questions.map((question) => [question.id, question]));
  const visible = new Set(visibleQuestions(q, response.answers).map((question) => question.id));
  for (const [questionId, value] of Object.entries(response.answers)) {
    const question = byId.get(questionId);
    if (!question) {
      problems.push({ path: `answers.${questionId}`, message: `There is no question "${questionId}" in this questionnaire.` });
    } else if (!visible.has(questionId)) {
      problems.push({ path: `answers.${questionId}`, message: `The question "${questionId}" was hidden by an earlier answer and cannot be answered.` });
    } else if (value !== null && !scaleValues(question.scale).includes(value)) {
      problems.push({
        path: `answers.${questionId}`,
        message: `"${value}" is not an answer on the scale "${question.scale}" (allowed: ${scaleValues(question.scale).join(', ')}).`,
      });
    }
  }
  const allowedComments = commentKeys(q);
  for (const key of Object.keys(response.comments)) {
    if (!allowedComments.has(key)) {
      problems.push({ path: `comments.${key}`, message: `The questionnaire has no comment field "${key}".` });
    }
  }
  return problems;
}
