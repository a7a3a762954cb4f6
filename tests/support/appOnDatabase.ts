/**
 * The server app on a fresh database of either kind, for integration tests
 * that drive it with app.inject: prepared with the fixture questionnaires,
 * closed and dropped after the suite. Call inside a describe block.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildApp, type AppOptions } from '../../src/server/app.ts';
import type { AppContext } from '../../src/server/context.ts';
import type { Db } from '../../src/server/db/database.ts';
import { QuestionnaireCache } from '../../src/server/questionnaireVersions.ts';
import { prepareDatabase } from '../../src/server/server.ts';
import { freshDatabase, type DatabaseKind, type TestDatabase } from './databases.ts';
import { fixtureQuestionnaires } from './fixtures.ts';

export interface AppOnDatabase {
  readonly app: FastifyInstance;
  readonly db: Db;
}

/** The app and database, available once the suite's beforeAll has run; options as production's (e.g. trustProxy) and test limits. */
export function useAppOnDatabase(kind: DatabaseKind, options: AppOptions & { limits?: AppContext['limits'] } = {}): AppOnDatabase {
  let testDb: TestDatabase | undefined;
  const holder = {} as { app: FastifyInstance; db: Db };
  beforeAll(async () => {
    testDb = await freshDatabase(kind);
    holder.db = await prepareDatabase(testDb.config, fixtureQuestionnaires());
    const { limits, ...appOptions } = options;
    holder.app = await buildApp({ db: holder.db, questionnaires: new QuestionnaireCache(holder.db.kysely), ...(limits ? { limits } : {}) }, appOptions);
  });
  afterAll(async () => {
    await holder.app?.close();
    await holder.db?.close();
    await testDb?.drop();
  });
  return holder;
}
