/**
 * The ingest bench's load generator, in a process of its own: `clients`
 * loops, each POSTing the next unsent batch of the pool file (one JSON body
 * a line) to the server until time is up or the pool is used. Called by
 * ingest.ts with one JSON argument; prints what it measured as its RESULT line.
 */
import { readFileSync } from 'node:fs';
import { exitWithParent, sendResult } from './children.ts';

export interface LoadArgs {
  readonly url: string;
  readonly poolFile: string;
  /** The first line of the pool to send. */
  readonly start: number;
  readonly clients: number;
  readonly runMs: number;
  /** Responses in every body: each must be acknowledged. */
  readonly perBatch: number;
}

export interface LoadResult {
  /** Acknowledged responses. */
  readonly responses: number;
  readonly seconds: number;
  /** Per POST, until the acknowledgement was read, ms. */
  readonly latencies: number[];
  readonly errors: number;
  readonly firstError?: string;
  /** The next unsent line of the pool. */
  readonly next: number;
}

exitWithParent();
const args = JSON.parse(process.argv[2] ?? '{}') as LoadArgs;
const bodies = readFileSync(args.poolFile, 'utf8').split('\n').filter(Boolean);
let next = args.start;
let responses = 0;
let errors = 0;
let firstError: string | undefined;
const latencies: number[] = [];
const started = performance.now();
const deadline = started + args.runMs;
const client = async () => {
  while (performance.now() < deadline && next < bodies.length) {
    const body = bodies[next++]!;
    const t = performance.now();
    try {
      const res = await fetch(args.url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
      const text = await res.text();
      latencies.push(performance.now() - t);
      const ack = res.status === 200 ? (JSON.parse(text) as { acknowledged?: string[] }) : {};
      if (ack.acknowledged?.length !== args.perBatch) {
        errors++;
        firstError ??= `${res.status} ${text.slice(0, 300)}`;
      } else responses += ack.acknowledged.length;
    } catch (error) {
      errors++;
      firstError ??= (error as Error).message;
    }
  }
};
await Promise.all(Array.from({ length: args.clients }, client));
const result: LoadResult = { responses, seconds: (performance.now() - started) / 1000, latencies, errors, next, ...(firstError ? { firstError } : {}) };
sendResult(result);
process.exit(0);
