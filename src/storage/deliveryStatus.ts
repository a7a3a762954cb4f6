/**
 * The one status model of delivery, derived from the outbox and the last
 * recorded send attempt, shown the same way on the helper screen and the
 * relatives' page. Pure: the sync client records, this reads.
 *
 * - waiting: responses queued on the device (not yet held by the server);
 * - refused: responses the server refused (4xx naming them): never "sent";
 * - problem: why the last attempt failed, shown only while something still
 *   waits, so an old failure disappears once a later attempt succeeds;
 *   "no contact" (no answer at all), "server error" (the server answered
 *   with an error) and "unexpected answer" (something else answered, such
 *   as a Wi-Fi log-in page) are told apart;
 * - nextAttemptAt: when the client will try again by itself.
 */
import { MAX_RETRY_MS } from './backoff.ts';
import type { OutboxEntry } from './db.ts';

/** How long a POST may go without an answer before it counts as no contact: a full batch (under 1 MiB) still goes through a slow mobile link. */
export const REQUEST_TIMEOUT_MS = 60_000;

export const LAST_SENT_KEY = 'lastSentAt';
export const SYNC_STATE_KEY = 'syncState';

export type SyncOutcome = 'sent' | 'nothing-to-send' | 'offline' | 'server-error' | 'unexpected-answer' | 'rejected';

/** What the sync client records at the start and end of every attempt. */
export interface SyncState {
  readonly phase: 'sending' | 'idle';
  readonly outcome: SyncOutcome | null;
  /** Device clock, ms. */
  readonly at: number;
}

export type DeliveryProblem = 'no-contact' | 'server-error' | 'unexpected-answer';

export interface DeliveryStatus {
  readonly waiting: number;
  readonly refused: readonly OutboxEntry[];
  readonly sending: boolean;
  readonly problem: DeliveryProblem | null;
  /** Device clock, ms; null when nothing waits or nothing failed. */
  readonly nextAttemptAt: number | null;
  readonly lastSentAt: number | null;
}

const PROBLEMS: Partial<Record<SyncOutcome, DeliveryProblem>> = {
  offline: 'no-contact',
  'server-error': 'server-error',
  'unexpected-answer': 'unexpected-answer',
};

export function isSyncState(value: unknown): value is SyncState {
  return typeof value === 'object' && value !== null && 'phase' in value && 'at' in value;
}

export function deliveryStatus(entries: readonly OutboxEntry[], state: SyncState | undefined, lastSentAt: number | null, now: number): DeliveryStatus {
  const queued = entries.filter((entry) => entry.state === 'queued');
  const refused = entries.filter((entry) => entry.state === 'rejected');
  // A page closed mid-send leaves "sending" behind: after the request's own time limit it is stale.
  const sending = state?.phase === 'sending' && now - state.at < REQUEST_TIMEOUT_MS && queued.length > 0;
  const problem = !sending && queued.length > 0 && state?.outcome ? (PROBLEMS[state.outcome] ?? null) : null;
  // Never further away than the longest backoff: a later time means the clock was set back since.
  const nextAttemptAt = problem ? Math.min(now + MAX_RETRY_MS, Math.max(now, Math.min(...queued.map((entry) => entry.nextAttemptAt)))) : null;
  return { waiting: queued.length, refused, sending, problem, nextAttemptAt, lastSentAt };
}

/** One response's fate, for the relative who just finished it. */
export function responseDelivery(entry: OutboxEntry | undefined): 'sent' | 'waiting' | 'refused' {
  if (!entry) return 'sent';
  return entry.state === 'rejected' ? 'refused' : 'waiting';
}
