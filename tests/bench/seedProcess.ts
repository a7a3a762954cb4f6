/**
 * Seeds the scale bench's database in a child process, so the memory the
 * seeding used is gone when the results and exports are measured, and the
 * server later opens a database no other process holds.
 * Called by scale.ts with one JSON argument; prints the Seeded summary as its RESULT line.
 */
import { loadQuestionnaires } from '../../src/server/loadQuestionnaires.ts';
import { prepareDatabase } from '../../src/server/server.ts';
import type { DatabaseKind, TestDatabase } from '../support/databases.ts';
import { exitWithParent, sendResult } from './children.ts';
import { seed } from './seed.ts';

interface Args {
  readonly kind: DatabaseKind;
  readonly config: TestDatabase['config'];
  readonly total: number;
}

exitWithParent();
const args = JSON.parse(process.argv[2] ?? '{}') as Args;
const questionnaires = loadQuestionnaires().questionnaires;
const test: TestDatabase = { config: args.config, drop: async () => undefined };
const db = await prepareDatabase(args.config, questionnaires);
const seeded = await seed(args.kind, test, db, questionnaires, args.total);
sendResult(seeded);
process.exit(0);
