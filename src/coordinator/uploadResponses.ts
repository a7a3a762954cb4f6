/**
 * Sends the responses of a tablet's emergency file to the same public,
 * idempotent endpoint the tablets use, so a second upload adds nothing.
 * The steps, in order:
 * 1: split the responses into batches of at most MAX_BATCH;
 * 2: POST each batch; a 2xx names every id the server now holds, stored
 *    now or before — those count as stored;
 * 3: a 4xx that names one response refuses only that one: it is set aside
 *    with the server's message and the rest of the batch is sent again;
 *    a 4xx that names none sends the batch one by one to find the culprit;
 * 4: a 5xx, 429 or network failure stops the upload; nothing is lost, and
 *    uploading the file again later is safe.
 */
import { MAX_BATCH, syncAckSchema, type SurveyResponse } from '../shared/response.ts';
import { ApiFailure, failureMessage, requestJson } from './api.ts';

export const RESPONSES_ENDPOINT = '/api/v1/responses';

export interface Refusal {
  readonly responseId: string;
  readonly message: string;
}

export interface UploadReport {
  readonly total: number;
  readonly stored: number;
  readonly refused: readonly Refusal[];
  /** Why the upload stopped early, if it did. */
  readonly stopped: string | null;
}

export function batchesOf<T>(items: readonly T[], size = MAX_BATCH): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += size) batches.push(items.slice(start, start + size));
  return batches;
}

class Stop extends Error {}

export async function uploadResponses(
  responses: readonly SurveyResponse[],
  notAcknowledged: string,
  onProgress: (done: number, total: number) => void = () => {},
): Promise<UploadReport> {
  const unique = [...new Map(responses.map((response) => [response.id, response])).values()];
  let stored = 0;
  let done = 0;
  const refused: Refusal[] = [];

  async function send(batch: readonly SurveyResponse[]): Promise<void> {
    if (batch.length === 0) return;
    try {
      const ack = syncAckSchema.parse(await requestJson(RESPONSES_ENDPOINT, { method: 'POST', body: { responses: batch } }));
      const held = new Set(ack.acknowledged);
      for (const response of batch) {
        if (held.has(response.id)) stored += 1;
        else refused.push({ responseId: response.id, message: notAcknowledged });
      }
    } catch (error) {
      if (!(error instanceof ApiFailure) || error.status === 0 || error.status >= 500 || error.status === 429 || error.status === 408) {
        throw new Stop(failureMessage(error));
      }
      const culprit = batch.find((response) => response.id === error.responseId);
      const detail = error.details[0] ? ` (${error.details[0].path}: ${error.details[0].message})` : '';
      if (culprit || batch.length === 1) {
        const refusedOne = culprit ?? batch[0]!;
        refused.push({ responseId: refusedOne.id, message: `${error.message}${detail}` });
        await send(batch.filter((response) => response !== refusedOne));
      } else {
        for (const response of batch) await send([response]);
      }
    }
  }

  try {
    for (const batch of batchesOf(unique)) {
      await send(batch);
      done += batch.length;
      onProgress(done, unique.length);
    }
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    return { total: unique.length, stored, refused, stopped: error.message };
  }
  return { total: unique.length, stored, refused, stopped: null };
}
