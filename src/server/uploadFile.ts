/**
 * Stores the responses of a tablet's emergency file through the same
 * ingest as a tablet's batches, so a second upload, or one after the
 * tablet did send, adds nothing. The steps, in order:
 * 1: refuse responses of rounds outside the coordinator's municipality;
 * 2: store the rest in batches of at most MAX_BATCH;
 * 3: a refusal that names one response sets only that one aside, with the
 *    reason, and the rest of the batch is stored again; one that names
 *    none stores the batch one by one to find it;
 * 4: any other failure (the database) ends the request with 5xx; nothing
 *    half-stored stays behind a batch, and uploading again is safe.
 */
import type { Kysely } from 'kysely';
import { MAX_BATCH, type SurveyResponse } from '../shared/response.ts';
import { HttpError, type ApiErrorCode } from './apiErrors.ts';
import type { Database } from './db/schema.ts';
import { storeResponses } from './ingest/storeResponses.ts';
import type { QuestionnaireCache } from './questionnaireVersions.ts';
import { findRoundByCode } from './rounds.ts';

export interface Refused {
  readonly responseId: string;
  readonly code: ApiErrorCode;
}

export async function storeFileResponses(
  db: Kysely<Database>,
  cache: QuestionnaireCache,
  municipalityId: number,
  responses: readonly SurveyResponse[],
): Promise<{ total: number; stored: number; refused: Refused[] }> {
  const unique = [...new Map(responses.map((response) => [response.id, response])).values()];
  const refused: Refused[] = [];
  // Step 1.
  const ours = new Map<string, boolean>();
  const mine: SurveyResponse[] = [];
  for (const response of unique) {
    if (!ours.has(response.roundCode)) ours.set(response.roundCode, (await findRoundByCode(db, response.roundCode))?.round.municipality_id === municipalityId);
    if (ours.get(response.roundCode)) mine.push(response);
    else refused.push({ responseId: response.id, code: 'not-your-round' });
  }
  let stored = 0;
  async function store(batch: readonly SurveyResponse[]): Promise<void> {
    if (batch.length === 0) return;
    try {
      stored += (await storeResponses(db, cache, { responses: [...batch] })).acknowledged.length;
    } catch (error) {
      if (!(error instanceof HttpError) || error.status >= 500) throw error;
      // Step 3.
      const culprit = batch.find((response) => response.id === error.extra.responseId) ?? (batch.length === 1 ? batch[0] : undefined);
      if (culprit) {
        refused.push({ responseId: culprit.id, code: error.code });
        await store(batch.filter((response) => response !== culprit));
      } else {
        for (const response of batch) await store([response]);
      }
    }
  }
  // Step 2.
  for (let start = 0; start < mine.length; start += MAX_BATCH) await store(mine.slice(start, start + MAX_BATCH));
  return { total: unique.length, stored, refused };
}
