/**
 * Stores batches of responses exactly once. The steps, in order:
 * 1: check every response against its round, unit and questionnaire,
 *    before anything is written (a bad batch changes nothing);
 * 2: in one transaction, insert each new response with its answers;
 *    a response already stored with the same body is acknowledged again,
 *    one stored with a different body refuses the whole batch (409);
 * 3: acknowledge every id the database now holds.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Questionnaire } from '../shared/questionnaire.ts';
import type { SurveyResponse, SyncPayload } from '../shared/response.ts';
import { checkResponseRules } from '../shared/responseRules.ts';
import { getScale } from '../shared/scales.ts';
import { HttpError } from './apiErrors.ts';
import { isUniqueViolation } from './db/errors.ts';
import type { Database, NewAnswer, NewResponse } from './db/schema.ts';
import type { QuestionnaireCache } from './questionnaireVersions.ts';
import { pairsOf } from './results/roundQuestionnaires.ts';
import { findRoundByCode, type FoundRound } from './rounds.ts';
import { summarise, type StoredResponse } from './summaries/contribution.ts';
import { addSummaries } from './summaries/writeSummaries.ts';

export interface PreparedResponse {
  readonly response: NewResponse;
  readonly answers: NewAnswer[];
  readonly comments: { response_id: string; comment_key: string; body: string }[];
  /** The reversed pairs of the version it answered, for its summary. */
  readonly pairs: readonly (readonly [string, string])[];
}

/** What a prepared response adds to the summary tables. */
export function storedResponse(item: PreparedResponse): StoredResponse {
  const { response } = item;
  return {
    round_id: response.round_id,
    audience: response.audience,
    unit_id: response.unit_id ?? null,
    answered_by: response.answered_by ?? null,
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
  // A factual "Ja" ("Tar du medisiner?") says nothing about how good the help is: no score.
  if (question.kind !== 'opinion') return { theme: question.theme ?? null, score: null };
  const option = value === null ? undefined : getScale(question.scale).options.find((o) => o.value === value);
  const raw = option?.score ?? null;
  return { theme: question.theme ?? null, score: raw === null ? null : question.reversed ? 100 - raw : raw };
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

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

async function prepare(
  db: Kysely<Database>,
  cache: QuestionnaireCache,
  response: SurveyResponse,
  rounds: Map<string, FoundRound | null>,
  today: string,
): Promise<PreparedResponse> {
  const responseId = response.id;
  let found = rounds.get(response.roundCode);
  if (found === undefined) {
    found = await findRoundByCode(db, response.roundCode);
    rounds.set(response.roundCode, found);
  }
  if (!found) throw new HttpError(404, 'unknown-round', { responseId });
  const { round, kind } = found;
  // A closed round still takes answers given while it was open (a tablet that was offline at closing).
  const answeredWhileOpen = round.status === 'closed' && response.completedOn <= round.closes_on;
  if (round.status !== 'open' && !answeredWhileOpen) throw new HttpError(409, 'round-not-open', { responseId });
  if (response.audience === 'respondent' && kind !== 'tablet') throw new HttpError(403, 'wrong-code-for-audience', { responseId });

  const inRound = await db
    .selectFrom('round_questionnaires')
    .select('questionnaire_id')
    .where('round_id', '=', round.id)
    .where('questionnaire_id', '=', response.questionnaireId)
    .executeTakeFirst();
  const questionnaire = inRound ? await cache.get(response.questionnaireId, response.questionnaireVersion) : null;
  if (!questionnaire) throw new HttpError(400, 'unknown-questionnaire', { responseId });

  if (response.unitId !== null) {
    const unit = await db
      .selectFrom('round_units')
      .select('unit_id')
      .where('round_id', '=', round.id)
      .where('unit_id', '=', response.unitId)
      .executeTakeFirst();
    if (!unit) throw new HttpError(400, 'unknown-unit', { responseId });
  }
  if (response.completedOn > addDays(today, 1)) throw new HttpError(400, 'date-in-future', { responseId });

  const problems = checkResponseRules(response, questionnaire);
  if (problems.length > 0) throw new HttpError(400, 'invalid-answers', { responseId, details: problems });

  return responseRows(questionnaire, response, round.id, responseHash(response));
}

async function writeBatch(db: Kysely<Database>, prepared: readonly PreparedResponse[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const stored: PreparedResponse[] = [];
    for (const item of prepared) {
      const existing = await trx.selectFrom('responses').select('body_hash').where('id', '=', item.response.id).executeTakeFirst();
      if (existing) {
        if (existing.body_hash !== item.response.body_hash) throw new HttpError(409, 'conflict', { responseId: item.response.id });
        continue;
      }
      await trx.insertInto('responses').values(item.response).execute();
      if (item.answers.length > 0) await trx.insertInto('answers').values(item.answers).execute();
      if (item.comments.length > 0) await trx.insertInto('comments').values(item.comments).execute();
      stored.push(item);
    }
    await addSummaries(trx, summarise(stored.map(storedResponse)));
  });
}

export async function storeResponses(
  db: Kysely<Database>,
  cache: QuestionnaireCache,
  payload: SyncPayload,
  today = new Date().toISOString().slice(0, 10),
): Promise<{ acknowledged: string[] }> {
  const ids = payload.responses.map((r) => r.id);
  const duplicate = ids.find((id, index) => ids.indexOf(id) !== index);
  if (duplicate) throw new HttpError(400, 'duplicate-in-batch', { responseId: duplicate });

  const rounds = new Map<string, FoundRound | null>();
  const prepared: PreparedResponse[] = [];
  for (const response of payload.responses) prepared.push(await prepare(db, cache, response, rounds, today));

  // Two processes may race on the same new id; the loser re-reads and acknowledges or refuses.
  for (let attempt = 1; ; attempt++) {
    try {
      await writeBatch(db, prepared);
      return { acknowledged: ids };
    } catch (error) {
      if (attempt < 3 && isUniqueViolation(error)) continue;
      throw error;
    }
  }
}
