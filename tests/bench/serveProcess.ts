/**
 * The server for the export measurements, in a process of its own so its
 * memory can be sampled apart from the client that downloads the export.
 * Called by scale.ts with one JSON argument (the database configuration);
 * prints "LISTENING <url>" and serves until it is stopped.
 */
import { buildApp } from '../../src/server/app.ts';
import { openDatabase } from '../../src/server/db/database.ts';
import { QuestionnaireCache } from '../../src/server/questionnaireVersions.ts';
import type { TestDatabase } from '../support/databases.ts';

const config = JSON.parse(process.argv[2] ?? '{}') as TestDatabase['config'];
// The database was migrated and seeded by the bench already.
const db = openDatabase(config);
const app = await buildApp({ db, questionnaires: new QuestionnaireCache(db.kysely) });
const url = await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`LISTENING ${url}\n`);
const stop = () => void app.close().then(() => db.close()).then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
