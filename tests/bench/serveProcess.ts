/**
 * A server for the bench in a process of its own, so its memory can be
 * sampled apart from its clients and its event loop is shared with nothing
 * the bench does. Started by server.ts with one JSON argument; prints
 * "LISTENING <url>" and serves until it is stopped or the bench is gone.
 */
import { buildApp } from '../../src/server/app.ts';
import { openDatabase } from '../../src/server/db/database.ts';
import { QuestionnaireCache } from '../../src/server/questionnaireVersions.ts';
import type { TestDatabase } from '../support/databases.ts';
import { exitWithParent } from './children.ts';

export interface ServeArgs {
  readonly config: TestDatabase['config'];
  /** The built PWA, for the first-load bench. */
  readonly distDir?: string;
  /** The ingest bench floods the server on purpose: per address per minute, and per round code per hour. */
  readonly submissionsPerMinute?: number;
}

const args = JSON.parse(process.argv[2] ?? '{}') as ServeArgs;
exitWithParent();
// The database was migrated (and seeded) by the bench already.
const db = openDatabase(args.config);
const app = await buildApp(
  {
    db,
    questionnaires: new QuestionnaireCache(db.kysely),
    ...(args.submissionsPerMinute === undefined ? {} : { limits: { submissionsPerMinute: args.submissionsPerMinute, submissionsPerCodePerHour: args.submissionsPerMinute } }),
  },
  args.distDir === undefined ? {} : { distDir: args.distDir },
);
const url = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`LISTENING ${url}\n`);
const stop = () => void app.close().then(() => db.close()).then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
