/**
 * Starts one server process: opens and migrates the database, records the
 * questionnaire versions, seeds the demo on an empty database and listens.
 * `npm start` and the end-to-end tests both start the server through here.
 */
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Questionnaire } from '../shared/questionnaire.ts';
import { appLogger, buildApp } from './app.ts';
import type { ServerConfig } from './config.ts';
import { openDatabase, type Db } from './db/database.ts';
import { migrateToLatest } from './db/migrations.ts';
import { seedDemoIfEmpty, type DemoSetup } from './demo.ts';
import { QuestionnaireCache, registerQuestionnaires } from './questionnaireVersions.ts';

export interface RunningServer {
  readonly app: FastifyInstance;
  readonly db: Db;
  readonly url: string;
  readonly demo: DemoSetup | null;
  close(): Promise<void>;
}

export class StartupError extends Error {}

/** How long a starting server waits for its database (PostgreSQL still starting, a failover) before giving up. */
export const DATABASE_WAIT_MS = 120_000;

export interface PrepareOptions {
  /** Told about each failed attempt to reach the database while waiting, and about connections lost later. */
  readonly log?: Pick<FastifyBaseLogger, 'warn'>;
  readonly waitMs?: number;
}

/**
 * Opens and migrates the database, waiting for it: until it answers (and the migrations, which
 * several processes starting at once take turns at, have run), each failure is logged and tried
 * again after a growing pause of at most 5 s, for up to `waitMs`.
 */
export async function prepareDatabase(config: ServerConfig, questionnaires: readonly Questionnaire[], options: PrepareOptions = {}): Promise<Db> {
  const log = options.log;
  const db = openDatabase({ ...config, ...(log ? { onConnectionLost: (error: Error) => log.warn({ reason: error.message }, 'database connection lost') } : {}) });
  const deadline = Date.now() + (options.waitMs ?? DATABASE_WAIT_MS);
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        await migrateToLatest(db.kysely as never, db.dialect);
        break;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        const reason = error instanceof Error ? error.message : String(error);
        (log ?? { warn: (_: unknown, message: string) => console.error(`${message}: ${reason}`) }).warn({ attempt, reason }, 'waiting for the database');
        await new Promise((resolve) => setTimeout(resolve, Math.min(5000, 250 * 2 ** Math.min(attempt, 5))));
      }
    }
    const problems = await registerQuestionnaires(db.kysely, questionnaires);
    if (problems.length > 0) throw new StartupError(problems.join('\n'));
    return db;
  } catch (error) {
    await db.close();
    throw error;
  }
}

export async function startServer(
  config: ServerConfig,
  questionnaires: readonly Questionnaire[],
  options: { distDir?: string; logger?: boolean } = {},
): Promise<RunningServer> {
  // The app's logger exists before the database, so waiting for it is logged the same way.
  const logger = options.logger ? appLogger(config.logLevel) : undefined;
  const db = await prepareDatabase(config, questionnaires, logger ? { log: logger } : {});
  const demo = await seedDemoIfEmpty(db.kysely, questionnaires);
  const app = await buildApp({ db, questionnaires: new QuestionnaireCache(db.kysely) }, { ...(options.distDir ? { distDir: options.distDir } : {}), trustProxy: config.trustProxy, ...(logger ? { logger } : {}) });
  const address = await app.listen({ port: config.port, host: config.host });
  app.log.info({ database: db.dialect, trustProxy: config.trustProxy !== false }, 'server started');
  const url = new URL(address);
  if (url.hostname === '127.0.0.1' || url.hostname === '0.0.0.0' || url.hostname === '[::]' || url.hostname === '[::1]') {
    url.hostname = 'localhost';
  }
  return {
    app,
    db,
    url: url.toString(),
    demo,
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}
