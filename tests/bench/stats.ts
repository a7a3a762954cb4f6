/** Small measuring helpers shared by the bench modules. */
import { Worker } from 'node:worker_threads';

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  // Nearest-rank: the smallest value with at least p % of the values at or below it.
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1]!;
}

export const median = (values: readonly number[]) => percentile(values, 50);

export const MiB = 2 ** 20;

export interface RssSample {
  /** performance.timeOrigin-based milliseconds (performance.now() of the main thread). */
  readonly at: number;
  readonly rss: number;
}

/**
 * Samples a process's resident set size every 50 ms from a worker thread,
 * so a long synchronous query on the main thread (better-sqlite3) cannot
 * hide its peak by blocking the sampling timer.
 */
export class RssSampler {
  private readonly worker: Worker;
  private readonly ready: Promise<void>;

  private constructor(intervalMs: number, pid: number | undefined) {
    const source = `
      const { parentPort, workerData } = require('node:worker_threads');
      const { readFileSync } = require('node:fs');
      const samples = [];
      // Another process (a server started by the bench): its resident set from /proc, in bytes.
      const rssOf = (pid) => Number(/VmRSS:\\s+(\\d+) kB/.exec(readFileSync('/proc/' + pid + '/status', 'utf8'))[1]) * 1024;
      const rss = () => (workerData.pid ? rssOf(workerData.pid) : process.memoryUsage.rss());
      const take = () => samples.push({ at: performance.timeOrigin + performance.now(), rss: rss() });
      take();
      const timer = setInterval(take, workerData.intervalMs);
      parentPort.postMessage('ready');
      parentPort.on('message', () => { clearInterval(timer); take(); parentPort.postMessage(samples); });
    `;
    this.worker = new Worker(source, { eval: true, workerData: { intervalMs, pid } });
    this.ready = new Promise((resolve) => this.worker.once('message', () => resolve()));
  }

  /** Samples this process, or the process `pid` (Linux /proc). */
  static async start(intervalMs = 50, pid?: number): Promise<RssSampler> {
    const sampler = new RssSampler(intervalMs, pid);
    await sampler.ready;
    return sampler;
  }

  /** Stops sampling; times are converted to the main thread's performance.now() clock. */
  async stop(): Promise<RssSample[]> {
    const samples = await new Promise<RssSample[]>((resolve) => {
      this.worker.once('message', (data: RssSample[]) => resolve(data));
      this.worker.postMessage('stop');
    });
    await this.worker.terminate();
    return samples.map((s) => ({ at: s.at - performance.timeOrigin, rss: s.rss }));
  }
}

export interface Measured<T> {
  readonly result: T;
  readonly ms: number;
  /** RSS before the operation started. */
  readonly rssBefore: number;
  /** Highest RSS seen while it ran. */
  readonly rssPeak: number;
  readonly samples: RssSample[];
}

/** Times an operation and records the peak RSS while it runs. */
export async function measure<T>(operation: () => Promise<T>): Promise<Measured<T>> {
  const sampler = await RssSampler.start();
  const rssBefore = process.memoryUsage.rss();
  const started = performance.now();
  const result = await operation();
  const ms = performance.now() - started;
  const samples = await sampler.stop();
  const rssPeak = Math.max(rssBefore, ...samples.map((s) => s.rss));
  return { result, ms, rssBefore, rssPeak, samples };
}

/** A small seeded generator (mulberry32), so every run builds the same data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

export const seconds = (ms: number) => ms / 1000;
