/**
 * Real server processes for integration tests that need what one process
 * cannot show: a crash, a restart, several processes on one database.
 * Each runs `startServer` (what `npm start` runs) in a process of its own,
 * configured through the environment exactly like production
 * (src/server/config.ts), on the fixture questionnaires.
 */
import type { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { DemoSetup } from '../../src/server/demo.ts';
import { lineFrom, spawnChild, stopChild } from '../bench/children.ts';
import type { TestDatabase } from './databases.ts';

/** A server process that may not listen yet. */
export interface LaunchedServerProcess {
  readonly child: ChildProcess;
  /** Resolves once it listens; rejects if it exits first. */
  readonly listening: Promise<ServerProcess>;
  /** Everything the process wrote to stdout so far (its logs). */
  output(): string;
  isRunning(): boolean;
  stop(): Promise<void>;
}

export interface ServerProcess {
  readonly child: ChildProcess;
  /** http://127.0.0.1:<port> without a trailing slash. */
  readonly url: string;
  /** The demo round, when this process seeded it (the first on a fresh database). */
  readonly demo: DemoSetup | null;
  /** Everything the process wrote to stdout so far (its logs). */
  output(): string;
  isRunning(): boolean;
  stop(): Promise<void>;
}

/** Starts a server process on `config` with extra environment variables; resolves once it listens. */
export function startServerProcess(config: TestDatabase['config'], env: Record<string, string> = {}): Promise<ServerProcess> {
  return launchServerProcess(config, env).listening;
}

/** Starts a server process and returns at once, to watch it start. */
export function launchServerProcess(config: TestDatabase['config'], env: Record<string, string> = {}): LaunchedServerProcess {
  const child = spawnChild(join(import.meta.dirname, 'serverProcessMain.ts'), {
    env: {
      PORT: String(config.port),
      HOST: config.host,
      DATA_DIR: config.dataDir,
      ...(config.databaseUrl ? { DATABASE_URL: config.databaseUrl } : {}),
      ...env,
    },
  });
  let out = '';
  child.stdout!.on('data', (data: Buffer) => {
    out += data.toString();
  });
  const output = () => out;
  const isRunning = () => child.exitCode === null && child.signalCode === null;
  const stop = () => stopChild(child);
  const demoLine = lineFrom(child, 'DEMO ');
  demoLine.catch(() => undefined);
  const listening = (async (): Promise<ServerProcess> => {
    const url = await lineFrom(child, 'LISTENING ');
    const demo = JSON.parse(await demoLine) as DemoSetup | null;
    return { child, url: url.replace(/\/$/, '').replace('localhost', '127.0.0.1'), demo, output, isRunning, stop };
  })();
  // A test that watches the start-up awaits `listening` later; until then its failure is not unhandled.
  listening.catch(() => undefined);
  return { child, listening, output, isRunning, stop };
}
