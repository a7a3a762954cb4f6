/**
 * Several server processes started at once on one empty database (a
 * supervisor starting three, or a restart of all of them): exactly one
 * seeds the demo municipality and prints its one-time login; the others
 * find it there and print nothing.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { seedDemoIfEmpty } from '../../src/server/demo.ts';
import { loadQuestionnaires } from '../../src/server/loadQuestionnaires.ts';
import { prepareDatabase } from '../../src/server/server.ts';
import type { Db } from '../../src/server/db/database.ts';
import { DATABASE_KINDS, freshDatabase, type TestDatabase } from '../support/databases.ts';

const { questionnaires } = loadQuestionnaires();

describe.each(DATABASE_KINDS)('the demo seed on an empty %s database', (kind) => {
  let database: TestDatabase;
  const handles: Db[] = [];
  afterAll(async () => {
    for (const handle of handles) await handle.close();
    await database?.drop();
  });

  it('is made once when four processes start at the same moment', { timeout: 60_000 }, async () => {
    database = await freshDatabase(kind);
    for (let i = 0; i < 4; i++) handles.push(await prepareDatabase(database.config, questionnaires));
    const seeded = await Promise.all(handles.map((handle) => seedDemoIfEmpty(handle.kysely, questionnaires)));
    expect(seeded.filter((demo) => demo !== null)).toHaveLength(1);
    const db = handles[0]!.kysely;
    expect(await db.selectFrom('municipalities').select('name').execute()).toEqual([{ name: 'Demo kommune' }]);
    expect(await db.selectFrom('coordinators').select('username').execute()).toHaveLength(1);
    expect(await db.selectFrom('rounds').select('id').execute()).toHaveLength(1);
    // A later start prints no second login.
    expect(await seedDemoIfEmpty(db, questionnaires)).toBeNull();
  });
});
