/**
 * Property: whatever happens between the tablet and the server — answers,
 * failures, lost acknowledgements, partial acks, reloads — no response is
 * lost and none is stored twice, and a response leaves the device only
 * once the server holds it. fast-check generates the sequences.
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openSurveyDatabase, type SurveyDatabase } from '../../src/storage/db.ts';
import { createSyncClient } from '../../src/storage/syncClient.ts';
import type { SurveyResponse } from '../../src/shared/response.ts';

type ServerMode = 'ok' | 'error-500' | 'network-down' | 'ack-lost' | 'partial-ack';

type Step =
  | { kind: 'finish' }
  | { kind: 'sync'; mode: ServerMode }
  | { kind: 'reload' }
  | { kind: 'wait'; ms: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.constant<Step>({ kind: 'finish' }),
  fc.constantFrom<ServerMode>('ok', 'error-500', 'network-down', 'ack-lost', 'partial-ack').map<Step>((mode) => ({ kind: 'sync', mode })),
  fc.constant<Step>({ kind: 'reload' }),
  fc.integer({ min: 0, max: 400_000 }).map<Step>((ms) => ({ kind: 'wait', ms })),
);

function response(n: number): SurveyResponse {
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
    completedOn: '2026-11-22',
  };
}

/** A server that stores by id exactly once and can misbehave on demand. */
class FakeServer {
  readonly stored = new Map<string, string>();
  inserts = 0;
  mode: ServerMode = 'ok';

  fetch = async (_url: string | URL | Request, init?: RequestInit): Promise<Response> => {
    if (this.mode === 'network-down') throw new TypeError('Failed to fetch');
    if (this.mode === 'error-500') return new Response(JSON.stringify({ error: { code: 'internal', message: 'Feil' } }), { status: 500 });
    const sent = JSON.parse(String(init?.body)).responses as SurveyResponse[];
    // A partial ack: the server took only the first half of the batch (e.g. it stopped mid-way).
    const batch = this.mode === 'partial-ack' ? sent.slice(0, Math.ceil(sent.length / 2)) : sent;
    for (const r of batch) {
      const body = JSON.stringify(r);
      const existing = this.stored.get(r.id);
      if (existing === undefined) {
        this.stored.set(r.id, body);
        this.inserts++;
      } else if (existing !== body) {
        return new Response(JSON.stringify({ error: { code: 'conflict', message: 'Konflikt', responseId: r.id } }), { status: 409 });
      }
    }
    if (this.mode === 'ack-lost') throw new TypeError('connection reset after commit');
    const acknowledged = batch.map((r) => r.id);
    return new Response(JSON.stringify({ acknowledged }), { status: 200 });
  };
}

describe('outbox and sync properties', () => {
  it('never loses or duplicates a response, whatever the network does', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), async (steps) => {
        const name = `prop-${Math.random()}`;
        let db: SurveyDatabase = openSurveyDatabase(name);
        const server = new FakeServer();
        let clock = 1_000_000;
        const makeClient = () => createSyncClient({ db, fetch: server.fetch as typeof fetch, now: () => clock });
        let client = makeClient();
        let finished = 0;
        try {
          for (const s of steps) {
            if (s.kind === 'finish') {
              const r = response(finished++);
              await db.outbox.put({ id: r.id, response: r, state: 'queued', attempts: 0, nextAttemptAt: 0, lastError: null });
            } else if (s.kind === 'sync') {
              server.mode = s.mode;
              await client.syncNow();
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
          }
          // The network recovers: everything arrives, exactly once, and the device is emptied.
          server.mode = 'ok';
          for (let i = 0; i < 10 && (await db.outbox.count()) > 0; i++) {
            clock += 10 * 60_000;
            await client.syncNow();
          }
          expect(await db.outbox.count()).toBe(0);
          expect(server.stored.size).toBe(finished);
          expect(server.inserts).toBe(finished);
        } finally {
          db.close();
          await openSurveyDatabase(name).delete();
        }
      }),
      { numRuns: 200, seed: 20261122 },
    );
    // 200 runs of a real (fake-indexeddb) database take seconds on a loaded machine.
  }, 120_000);
});
