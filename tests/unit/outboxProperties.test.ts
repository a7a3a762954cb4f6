/**
 * Property: whatever happens between the tablet and the server — answers,
 * failures, lost acknowledgements, partial acks, requests that hang (before
 * or after the server stored them) and are given up or superseded by "Send
 * nå", reloads, a device clock set days ahead (refused, then sent again once
 * the clock is right) — no response is lost and none is stored twice, and a
 * response leaves the device only once the server holds it. fast-check
 * generates the sequences.
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openSurveyDatabase, type SurveyDatabase } from '../../src/storage/db.ts';
import { deviceDate } from '../../src/storage/surveyStore.ts';
import { createSyncClient, SUPERSEDE_AFTER_MS } from '../../src/storage/syncClient.ts';
import type { SurveyResponse } from '../../src/shared/response.ts';

type ServerMode = 'ok' | 'error-500' | 'network-down' | 'ack-lost' | 'partial-ack' | 'hang' | 'hang-after-commit';

type Step =
  | { kind: 'finish' }
  | { kind: 'sync'; mode: ServerMode; sendNowDuring: boolean }
  | { kind: 'reload' }
  | { kind: 'wait'; ms: number }
  | { kind: 'skew'; days: number }
  | { kind: 'retry-refused' };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.constant<Step>({ kind: 'finish' }),
  fc
    .record({
      mode: fc.constantFrom<ServerMode>('ok', 'error-500', 'network-down', 'ack-lost', 'partial-ack', 'hang', 'hang-after-commit'),
      sendNowDuring: fc.boolean(),
    })
    .map<Step>(({ mode, sendNowDuring }) => ({ kind: 'sync', mode, sendNowDuring })),
  fc.constant<Step>({ kind: 'reload' }),
  fc.integer({ min: 0, max: 400_000 }).map<Step>((ms) => ({ kind: 'wait', ms })),
  // The helper sets the tablet's clock: days ahead (or back to right, 0).
  fc.integer({ min: 0, max: 10 }).map<Step>((days) => ({ kind: 'skew', days })),
  fc.constant<Step>({ kind: 'retry-refused' }),
);

/** The server's date; it takes completion dates up to three days ahead of it. */
const SERVER_TODAY = '2026-11-22';
const LATEST_ACCEPTED = '2026-11-25';
const START = new Date(2026, 10, 22, 10).getTime();
const DAY = 86_400_000;

function response(n: number, completedOn = SERVER_TODAY): SurveyResponse {
  return {
    id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    questionnaireId: 'eksempel',
    questionnaireVersion: 1,
    audience: 'respondent',
    language: 'nb',
    roundCode: 'ABCD2345',
    unitId: null,
    answeredBy: 'alone',
    answers: { 'bolig-trives': n % 2 === 0 ? 'ja' : 'nei' },
    comments: {},
    completion: 'finished',
    completedOn,
  };
}

/** A server that stores by id exactly once and can misbehave on demand. */
class FakeServer {
  readonly stored = new Map<string, string>();
  inserts = 0;
  conflicts = 0;
  mode: ServerMode = 'ok';

  fetch = async (_url: string | URL | Request, init?: RequestInit): Promise<Response> => {
    if (this.mode === 'network-down') throw new TypeError('Failed to fetch');
    if (this.mode === 'error-500') return new Response(JSON.stringify({ error: { code: 'internal', message: 'Feil' } }), { status: 500 });
    const sent = JSON.parse(String(init?.body)).responses as SurveyResponse[];
    if (this.mode === 'hang' || this.mode === 'hang-after-commit') {
      // A stalled connection: no answer until the client gives up (after the server stored the batch, or before).
      if (this.mode === 'hang-after-commit') this.store(sent);
      return new Promise<Response>((_resolve, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new DOMException('The operation was aborted.', 'AbortError')));
      });
    }
    // A partial ack: the server took only the first half of the batch (e.g. it stopped mid-way).
    const batch = this.mode === 'partial-ack' ? sent.slice(0, Math.ceil(sent.length / 2)) : sent;
    const refusal = this.store(batch);
    if (refusal) return refusal;
    if (this.mode === 'ack-lost') throw new TypeError('connection reset after commit');
    return new Response(JSON.stringify({ acknowledged: batch.map((r) => r.id) }), { status: 200 });
  };

  /** Stores a batch whole or not at all; the refusal, if any. */
  private store(batch: readonly SurveyResponse[]): Response | null {
    const ahead = batch.find((r) => r.completedOn > LATEST_ACCEPTED);
    if (ahead) return new Response(JSON.stringify({ error: { code: 'date-in-future', message: 'Datoen ligger fram i tid', responseId: ahead.id } }), { status: 400 });
    const conflict = batch.find((r) => this.stored.has(r.id) && this.stored.get(r.id) !== JSON.stringify(r));
    if (conflict) {
      this.conflicts++;
      return new Response(JSON.stringify({ error: { code: 'conflict', message: 'Konflikt', responseId: conflict.id } }), { status: 409 });
    }
    for (const r of batch) {
      if (this.stored.has(r.id)) continue;
      this.stored.set(r.id, JSON.stringify(r));
      this.inserts++;
    }
    return null;
  }
}

describe('outbox and sync properties', () => {
  it('never loses or duplicates a response, whatever the network does', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), async (steps) => {
        const name = `prop-${Math.random()}`;
        let db: SurveyDatabase = openSurveyDatabase(name);
        const server = new FakeServer();
        let clock = START;
        let skewDays = 0;
        const deviceNow = () => clock + skewDays * DAY;
        const makeClient = () => createSyncClient({ db, fetch: server.fetch as typeof fetch, now: deviceNow, requestTimeoutMs: 5 });
        const retryRefused = async () => {
          for (const entry of await db.outbox.where('state').equals('rejected').toArray()) await client.retry(entry.id);
        };
        let client = makeClient();
        let finished = 0;
        try {
          for (const s of steps) {
            if (s.kind === 'finish') {
              const r = response(finished++, deviceDate(new Date(deviceNow())));
              await db.outbox.put({ id: r.id, response: r, state: 'queued', attempts: 0, nextAttemptAt: 0, lastError: null });
            } else if (s.kind === 'sync') {
              server.mode = s.mode;
              const first = client.syncNow();
              if (s.sendNowDuring) {
                // "Send nå" while the first send is still under way, once the network has changed.
                clock += SUPERSEDE_AFTER_MS;
                server.mode = 'ok';
                await client.syncNow({ includeWaiting: true });
              }
              await first;
            } else if (s.kind === 'skew') {
              skewDays = s.days;
            } else if (s.kind === 'retry-refused') {
              await retryRefused();
            } else if (s.kind === 'reload') {
              db.close();
              db = openSurveyDatabase(name);
              client = makeClient();
            } else {
              clock += s.ms;
            }
            // Invariant at every step: a response is on the device or on the server (or both), never neither.
            const onDevice = new Set((await db.outbox.toArray()).map((e) => e.id));
            for (let n = 0; n < finished; n++) {
              const id = response(n).id;
              expect(onDevice.has(id) || server.stored.has(id)).toBe(true);
            }
            expect(server.inserts).toBe(server.stored.size);
            expect(server.conflicts).toBe(0);
          }
          // The clock is put right and the network recovers: everything arrives, exactly once, and the device is emptied.
          skewDays = 0;
          server.mode = 'ok';
          for (let i = 0; i < 10 && (await db.outbox.count()) > 0; i++) {
            clock += 10 * 60_000;
            await client.syncNow();
            // The helper sees a refusal for a date set ahead and presses "Prøv igjen".
            await retryRefused();
          }
          expect(await db.outbox.count()).toBe(0);
          expect(server.stored.size).toBe(finished);
          expect(server.inserts).toBe(finished);
          expect(server.conflicts).toBe(0);
        } finally {
          db.close();
          await openSurveyDatabase(name).delete();
        }
      }),
      { numRuns: 200, seed: 20261122 },
    );
  });
});
