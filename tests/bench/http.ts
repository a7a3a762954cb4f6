/**
 * HTTP for the bench, with node:http rather than fetch: the request asks
 * for compression the way Chromium does, and the reply is counted as it
 * came over the socket (compressed, headers included), never decompressed
 * on the way. And a watcher that asks /api/v1/health on a fixed clock from
 * a worker thread, so nothing the bench's own thread does delays it.
 */
import { Agent, request, type IncomingHttpHeaders } from 'node:http';
import { Worker } from 'node:worker_threads';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { percentile } from './stats.ts';

/** What Chromium sends. */
export const BROWSER_ACCEPT_ENCODING = 'gzip, deflate, br, zstd';

export interface Fetched {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  /** Until the first byte of the body (the headers may come earlier). */
  readonly firstByteMs: number;
  readonly ms: number;
  /** Bytes read from the socket for this reply: status line, headers and the body as sent. */
  readonly wireBytes: number;
  /** The body as sent (compressed when content-encoding says so). */
  readonly bodyBytes: number;
  readonly encoding: string;
  /** The decompressed body, when asked for. */
  readonly body?: Buffer;
  /** When each body byte count was reached (performance.now()), when asked for. */
  readonly progress?: { at: number; bytes: number }[];
}

export interface GetOptions {
  readonly headers?: Record<string, string>;
  readonly agent?: Agent;
  readonly keepBody?: boolean;
  readonly progress?: boolean;
  readonly timeoutMs?: number;
}

function decode(body: Buffer, encoding: string): Buffer {
  if (encoding === 'br') return brotliDecompressSync(body);
  if (encoding === 'gzip') return gunzipSync(body);
  if (encoding === '' || encoding === 'identity') return body;
  throw new Error(`Unexpected content-encoding ${encoding}`);
}

export function get(url: string, options: GetOptions = {}): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let firstByte: number | undefined;
    let bodyBytes = 0;
    const chunks: Buffer[] = [];
    const progress: { at: number; bytes: number }[] = [];
    const req = request(url, { headers: { 'Accept-Encoding': BROWSER_ACCEPT_ENCODING, ...options.headers }, agent: options.agent ?? false }, (res) => {
      const socket = res.socket;
      const readBefore = (socket as { benchReadBefore?: number }).benchReadBefore ?? 0;
      res.on('data', (chunk: Buffer) => {
        const now = performance.now();
        firstByte ??= now;
        bodyBytes += chunk.length;
        if (options.keepBody) chunks.push(chunk);
        if (options.progress) progress.push({ at: now, bytes: bodyBytes });
      });
      res.on('error', reject);
      res.on('end', () => {
        const ended = performance.now();
        const encoding = String(res.headers['content-encoding'] ?? '');
        try {
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            firstByteMs: (firstByte ?? ended) - started,
            ms: ended - started,
            wireBytes: socket.bytesRead - readBefore,
            bodyBytes,
            encoding: encoding || 'identity',
            ...(options.keepBody ? { body: decode(Buffer.concat(chunks), encoding) } : {}),
            ...(options.progress ? { progress } : {}),
          });
        } catch (error) {
          reject(error as Error);
        }
      });
    });
    // A reused keep-alive socket has read earlier replies: count from here.
    req.on('socket', (socket) => {
      (socket as { benchReadBefore?: number }).benchReadBefore = socket.bytesRead;
    });
    req.setTimeout(options.timeoutMs ?? 600_000, () => req.destroy(new Error(`${url}: no answer in ${options.timeoutMs ?? 600_000} ms`)));
    req.on('error', reject);
    req.end();
  });
}

export interface HealthSummary {
  readonly asked: number;
  readonly failed: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

export function summariseHealth(samples: readonly { ms: number; ok: boolean }[]): HealthSummary {
  const ms = samples.map((s) => s.ms);
  return { asked: samples.length, failed: samples.filter((s) => !s.ok).length, p50: percentile(ms, 50), p99: percentile(ms, 99), max: ms.length > 0 ? Math.max(...ms) : Number.NaN };
}

/**
 * Asks GET /api/v1/health every `intervalMs` on a clock of its own (open
 * loop: a new request goes out on time even while earlier ones wait, as
 * tablets' requests would), from a worker thread. Failures are counted,
 * never thrown: a watcher cannot end the run.
 */
export class HealthWatch {
  private readonly worker: Worker;
  private readonly ready: Promise<void>;
  private failure: string | undefined;

  private constructor(origin: string, intervalMs: number) {
    const source = `
      const { parentPort, workerData } = require('node:worker_threads');
      const http = require('node:http');
      const agent = new http.Agent({ keepAlive: true });
      const samples = [];
      let outstanding = 0;
      let stopping = false;
      const ask = () => {
        if (outstanding > 1000) return;
        outstanding++;
        const t = performance.now();
        const done = (ok) => { outstanding--; samples.push({ at: t, ms: performance.now() - t, ok }); finishIfDone(); };
        const req = http.get(workerData.origin + '/api/v1/health', { agent }, (res) => {
          res.resume();
          res.on('end', () => done(res.statusCode === 200));
          res.on('error', () => done(false));
        });
        req.setTimeout(120000, () => req.destroy(new Error('timeout')));
        req.on('error', () => done(false));
      };
      const finishIfDone = () => {
        if (stopping && outstanding === 0) { agent.destroy(); parentPort.postMessage(samples); }
      };
      const timer = setInterval(ask, workerData.intervalMs);
      ask();
      parentPort.postMessage('ready');
      parentPort.on('message', () => { stopping = true; clearInterval(timer); finishIfDone(); });
    `;
    this.worker = new Worker(source, { eval: true, workerData: { origin, intervalMs } });
    this.worker.on('error', (error) => {
      this.failure = error.message;
    });
    this.ready = new Promise((resolve, reject) => {
      this.worker.once('message', () => resolve());
      this.worker.once('error', reject);
    });
  }

  static async start(origin: string, intervalMs = 20): Promise<HealthWatch> {
    const watch = new HealthWatch(origin, intervalMs);
    await watch.ready;
    return watch;
  }

  /** Stops asking, waits for the answers still out, and sums them up. */
  async stop(): Promise<HealthSummary & { samples: { at: number; ms: number; ok: boolean }[] }> {
    if (this.failure) throw new Error(`The health watcher failed: ${this.failure}`);
    const samples = await new Promise<{ at: number; ms: number; ok: boolean }[]>((resolve, reject) => {
      this.worker.once('message', resolve);
      this.worker.once('error', reject);
      this.worker.once('exit', () => reject(new Error('The health watcher exited')));
      this.worker.postMessage('stop');
    });
    await this.worker.terminate();
    return { ...summariseHealth(samples), samples };
  }

  /** Ends the watcher without waiting (an error path). */
  async abandon(): Promise<void> {
    await this.worker.terminate();
  }
}
