/**
 * Stores batches of responses exactly once. The steps, in order:
 * 1: check every response against its round, unit and questionnaire
 *    (from memory, see roundDirectory.ts), before anything is written: a
 *    bad batch changes nothing;
 * 2: hand the batch to the group committer (groupCommit.ts), which writes
 *    it with the other batches waiting, in one transaction: a response
 *    already stored with the same body is acknowledged again, one stored
 *    with a different body refuses the whole batch (409);
 * 3: once that transaction has committed, acknowledge every id.
 */
import type { Kysely } from 'kysely';
import type { SurveyResponse, SyncPayload } from '../../shared/response.ts';
import { checkResponseRules } from '../../shared/responseRules.ts';
import { HttpError } from '../apiErrors.ts';
import type { Database } from '../db/schema.ts';
import { groupCommitter } from './groupCommit.ts';
import { responseHash, responseRows, type PreparedResponse } from './preparedResponse.ts';
import type { QuestionnaireCache } from '../questionnaireVersions.ts';
import { roundDirectory, type RoundEntry } from './roundDirectory.ts';

/**
 * How many days ahead of the server's own date a completion date may be: a
 * tablet whose clock is set a day or two ahead (or that is a time zone
 * ahead near midnight) still delivers; a date further ahead is refused and
 * the helper can send it again once the clock is right (the tablet then
 * moves the date back to its today).
 */
export const FUTURE_DATE_GRACE_DAYS = 3;

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/**
 * How long after its closing date a closed round still takes responses
 * completed within its period: a tablet that was offline when the round
 * closed sends them when it is next online. Later, nothing can be added to
 * a closed round's figures.
 */
export const CLOSED_ROUND_GRACE_DAYS = 30;

/** Why a response does not belong to the round behind its code, or null. */
function roundProblem(entry: RoundEntry | null, response: SurveyResponse, today: string): HttpError | null {
  const responseId = response.id;
  if (!entry) return new HttpError(404, 'unknown-round', { responseId });
  const { round, kind } = entry.found;
  if (response.completedOn < round.opens_on) return new HttpError(400, 'date-outside-round', { responseId });
  // A closed round still takes answers given while it was open (a tablet that was offline at closing), for a while.
  const answeredWhileOpen = round.status === 'closed' && response.completedOn <= round.closes_on && today <= addDays(round.closes_on, CLOSED_ROUND_GRACE_DAYS);
  if (round.status !== 'open' && !answeredWhileOpen) return new HttpError(409, 'round-not-open', { responseId });
  if (response.audience === 'respondent' && kind !== 'tablet') return new HttpError(403, 'wrong-code-for-audience', { responseId });
  if (!entry.questionnaires.has(response.questionnaireId)) return new HttpError(400, 'unknown-questionnaire', { responseId });
  if (response.unitId !== null && !entry.units.has(response.unitId)) return new HttpError(400, 'unknown-unit', { responseId });
  return null;
}

async function prepare(db: Kysely<Database>, cache: QuestionnaireCache, response: SurveyResponse, today: string): Promise<PreparedResponse> {
  const responseId = response.id;
  const directory = roundDirectory(db);
  let entry = await directory.get(response.roundCode);
  // What is held only ever accepts: a refusal is checked against the database first.
  if (roundProblem(entry, response, today)) entry = await directory.get(response.roundCode, true);
  const problem = roundProblem(entry, response, today);
  if (problem) throw problem;
  const questionnaire = await cache.get(response.questionnaireId, response.questionnaireVersion);
  if (!questionnaire) throw new HttpError(400, 'unknown-questionnaire', { responseId });
  if (response.completedOn > addDays(today, FUTURE_DATE_GRACE_DAYS)) throw new HttpError(400, 'date-in-future', { responseId });

  const problems = checkResponseRules(response, questionnaire);
  if (problems.length > 0) throw new HttpError(400, 'invalid-answers', { responseId, details: problems });

  return responseRows(questionnaire, response, entry!.found.round.id, responseHash(response));
}

export async function storeResponses(
  db: Kysely<Database>,
  cache: QuestionnaireCache,
  payload: SyncPayload,
  today = new Date().toISOString().slice(0, 10),
): Promise<{ acknowledged: string[] }> {
  const ids = payload.responses.map((r) => r.id);
  // One response id in any letter case is one response: stored in lower case, acknowledged as sent.
  const stored = ids.map((id) => id.toLowerCase());
  const duplicate = ids.find((_, index) => stored.indexOf(stored[index]!) !== index);
  if (duplicate) throw new HttpError(400, 'duplicate-in-batch', { responseId: duplicate });

  const prepared: PreparedResponse[] = [];
  for (const response of payload.responses) prepared.push(await prepare(db, cache, { ...response, id: response.id.toLowerCase() }, today));
  await groupCommitter(db).write(prepared);
  return { acknowledged: ids };
}
