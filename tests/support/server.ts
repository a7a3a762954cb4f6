/**
 * A real server on loopback for end-to-end tests: a fresh database, the
 * built app from dist/ (built first if missing or stale), the demo round.
 */
import { DIST_DIR, ensureBuilt } from '../../src/cli/ensureBuilt.ts';
import type { Questionnaire } from '../../src/shared/questionnaire.ts';
import { startServer, type RunningServer } from '../../src/server/server.ts';
import { freshDatabase, type DatabaseKind } from './databases.ts';

export interface TestServer extends RunningServer {
  stop(): Promise<void>;
}

export async function startTestServer(questionnaires: readonly Questionnaire[], kind: DatabaseKind = 'sqlite'): Promise<TestServer> {
  await ensureBuilt();
  const database = await freshDatabase(kind);
  const server = await startServer(database.config, questionnaires, { distDir: DIST_DIR });
  return {
    ...server,
    stop: async () => {
      await server.close();
      await database.drop();
    },
  };
}
