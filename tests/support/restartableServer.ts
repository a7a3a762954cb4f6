/**
 * A real server for offline end-to-end tests that can be stopped and
 * started again on the same SQLite file and the same port, optionally
 * serving another build of the app. It serves its own snapshot of dist/,
 * so a rebuild by a parallel test run cannot change the app under test.
 * Nothing here is specific to one scenario: the tests hold the steps.
 */
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST_DIR, ensureBuilt } from '../../src/cli/ensureBuilt.ts';
import type { DemoSetup } from '../../src/server/demo.ts';
import { startServer, type RunningServer } from '../../src/server/server.ts';
import type { Questionnaire } from '../../src/shared/questionnaire.ts';
import { freshDatabase } from './databases.ts';

export interface RowCounts {
  readonly responses: number;
  readonly answers: number;
  readonly comments: number;
}

export interface RestartableServer {
  /** http://localhost:<port>/ — the same across restarts. */
  readonly url: string;
  /** The demo round seeded at the first start. */
  readonly demo: DemoSetup;
  /** The snapshot of dist/ served unless another folder is given to start(). */
  readonly appDir: string;
  isRunning(): boolean;
  /** Stops listening and closes the database; the data stays. */
  stop(): Promise<void>;
  /** Starts again on the same port and database, serving appDir or another build. */
  start(options?: { distDir?: string }): Promise<void>;
  /** Exact row counts, read from the running server's database. */
  counts(): Promise<RowCounts>;
  /** Stops the server and deletes the data and the app snapshot. */
  dispose(): Promise<void>;
}

/**
 * Copies the built app. TEST_APP_DIR names an already built app to use
 * instead of dist/ (e.g. built from a clean checkout while others edit src/).
 */
async function snapshotApp(): Promise<string> {
  const source = process.env.TEST_APP_DIR;
  if (!source) await ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'mst-app-'));
  cpSync(source ?? DIST_DIR, dir, { recursive: true });
  if (!existsSync(join(dir, 'index.html')) || !existsSync(join(dir, 'sw.js'))) {
    throw new Error(`The app snapshot in ${dir} is incomplete (was dist/ being rebuilt?)`);
  }
  return dir;
}

export async function startRestartableServer(questionnaires: readonly Questionnaire[]): Promise<RestartableServer> {
  const appDir = await snapshotApp();
  const database = await freshDatabase('sqlite');
  let running: RunningServer | null = await startServer(database.config, questionnaires, { distDir: appDir });
  const url = running.url;
  const port = Number(new URL(url).port);
  const demo = running.demo;
  if (!demo) throw new Error('A fresh database should get the demo round');

  const current = (): RunningServer => {
    if (!running) throw new Error('The server is stopped');
    return running;
  };

  async function count(table: 'responses' | 'answers' | 'comments'): Promise<number> {
    const row = await current()
      .db.kysely.selectFrom(table)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  return {
    url,
    demo,
    appDir,
    isRunning: () => running !== null,
    async stop() {
      const server = running;
      running = null;
      await server?.close();
    },
    async start(options = {}) {
      if (running) throw new Error('The server is already running');
      running = await startServer({ ...database.config, port }, questionnaires, { distDir: options.distDir ?? appDir });
      if (running.url !== url) throw new Error(`Restarted on ${running.url}, expected ${url}`);
    },
    async counts() {
      return { responses: await count('responses'), answers: await count('answers'), comments: await count('comments') };
    },
    async dispose() {
      await running?.close();
      running = null;
      await database.drop();
      rmSync(appDir, { recursive: true, force: true });
    },
  };
}
