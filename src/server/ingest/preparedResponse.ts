/**
 * The rows one response becomes when it is stored: the response, its
 * answers with theme and score fixed from the version it answered, its
 * comments, and what it adds to the summary tables.
 */
import { createHash } from 'node:crypto';
import type { Questionnaire } from '../../shared/questionnaire.ts';
import type { SurveyResponse } from '../../shared/response.ts';
import { pairsOf, scoreOf as scoreFor, sectionCompared } from '../../shared/favourableAnswer.ts';
import type { NewAnswer, NewResponse } from '../db/schema.ts';
import { APART_PREFIX, type StoredResponse } from '../summaries/contribution.ts';

export interface PreparedResponse {
  readonly response: NewResponse;
  readonly answers: NewAnswer[];
  readonly comments: { response_id: string; comment_key: string; body: string }[];
  /** The reversed pairs of the version it answered, for its summary. */
  readonly pairs: readonly (readonly [string, string])[];
}

/** What a prepared response adds to the summary tables, stored to count in release `release`. */
export function storedResponse(item: PreparedResponse, release: number): StoredResponse {
  const { response } = item;
  return {
    round_id: response.round_id,
    audience: response.audience,
    unit_id: response.unit_id ?? null,
    answered_by: response.answered_by ?? null,
    release_no: release,
    answers: item.answers.map((a) => ({ question_id: a.question_id, theme: a.theme ?? null, value: a.value ?? null, score: a.score ?? null })),
    commentKeys: item.comments.map((c) => c.comment_key),
    pairs: item.pairs,
  };
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([k, v]) => [k, sortKeys(v)]),
    );
  }
  return value;
}

/** The same response sent twice hashes the same, whatever the key order. */
export function responseHash(response: SurveyResponse): string {
  return createHash('sha256').update(JSON.stringify(sortKeys(response))).digest('hex');
}

function scoreOf(q: Questionnaire, questionId: string, value: string | null): { theme: string | null; score: number | null } {
  const question = q.questions.find((candidate) => candidate.id === questionId);
  if (!question) return { theme: null, score: null };
  // A question in a `compare: false` section is scored, but kept out of the theme figures and the overall score.
  const apart = !sectionCompared(q.sections.find((s) => s.id === question.section));
  const theme = question.theme === undefined ? null : apart ? `${APART_PREFIX}${question.theme}` : question.theme;
  // A factual "Ja" ("Tar du medisiner?") says nothing about how good the help is: favourable "none", no score.
  return { theme, score: scoreFor(question, value) };
}

/** The rows one response becomes: theme and score fixed now, from the version it answered. */
export function responseRows(q: Questionnaire, response: SurveyResponse, roundId: number, bodyHash: string): PreparedResponse {
  return {
    response: {
      id: response.id,
      round_id: roundId,
      unit_id: response.unitId,
      questionnaire_id: response.questionnaireId,
      questionnaire_version: response.questionnaireVersion,
      audience: response.audience,
      language: response.language,
      answered_by: response.answeredBy,
      completion: response.completion,
      completed_on: response.completedOn,
      body_hash: bodyHash,
    },
    answers: Object.entries(response.answers).map(([questionId, value]) => ({
      response_id: response.id,
      question_id: questionId,
      value,
      ...scoreOf(q, questionId, value),
    })),
    comments: Object.entries(response.comments).map(([key, body]) => ({ response_id: response.id, comment_key: key, body })),
    pairs: pairsOf(q),
  };
}

