/**
 * Starts one server process: opens and migrates the database, records the
 * questionnaire versions, seeds the demo on an empty database and listens.
 * `npm start` and the end-to-end tests both start the server through here.
 */
import type { FastifyInstance } from 'fastify';
import type { Questionnaire } from '../shared/questionnaire.ts';
import { buildApp } from './app.ts';
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

export async function prepareDatabase(config: ServerConfig, questionnaires: readonly Questionnaire[]): Promise<Db> {
  const db = openDatabase(config);
  try {
    await migrateToLatest(db.kysely as never, db.dialect);
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
  const db = await prepareDatabase(config, questionnaires);
  const demo = await seedDemoIfEmpty(db.kysely, questionnaires);
  const app = await buildApp({ db, questionnaires: new QuestionnaireCache(db.kysely) }, options);
  const address = await app.listen({ port: config.port, host: config.host });
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
