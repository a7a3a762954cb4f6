/**
 * `npm run create-coordinator -- <username> [--municipality "Navn"] [--admin]`:
 * adds a coordinator on the configured database (SQLite or DATABASE_URL)
 * with a random password that is printed once and stored only as a hash.
 * A named municipality that does not exist yet is created.
 */
import { parseArgs } from 'node:util';
import { newCoordinatorSchema } from '../shared/coordinatorApi.ts';
import { readConfig } from '../server/config.ts';
import { loadQuestionnaires } from '../server/loadQuestionnaires.ts';
import { hashPassword, randomPassword } from '../server/password.ts';
import { createMunicipality } from '../server/roundAdmin.ts';
import { prepareDatabase } from '../server/server.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { municipality: { type: 'string' }, admin: { type: 'boolean', default: false } },
});

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const username = positionals[0]?.toLowerCase();
if (!username) fail('Bruk: npm run create-coordinator -- <brukernavn> [--municipality "Kommunenavn"] [--admin]');
const password = randomPassword();
const parsed = newCoordinatorSchema.safeParse({ username, password, isAdmin: values.admin });
if (!parsed.success) fail(`Ugyldig brukernavn «${username}»: bruk 3–100 bokstaver, tall, punktum, @, _ eller bindestrek.`);

const db = await prepareDatabase(readConfig(), loadQuestionnaires().all);
try {
  const k = db.kysely;
  let municipalityId: number;
  if (values.municipality) {
    const found = await k.selectFrom('municipalities').select('id').where('name', '=', values.municipality).executeTakeFirst();
    municipalityId = found?.id ?? (await createMunicipality(k, values.municipality));
  } else {
    const all = await k.selectFrom('municipalities').select(['id', 'name']).execute();
    if (all.length !== 1) fail(`Oppgi kommunen med --municipality. Kommuner i databasen: ${all.map((m) => m.name).join(', ') || '(ingen)'}`);
    municipalityId = all[0]!.id;
  }
  const taken = await k.selectFrom('coordinators').select('id').where('username', '=', username).executeTakeFirst();
  if (taken) fail(`Brukernavnet «${username}» er allerede i bruk.`);
  await k
    .insertInto('coordinators')
    .values({ municipality_id: municipalityId, username, password_hash: await hashPassword(password), is_admin: values.admin ? 1 : 0 })
    .execute();
  console.log(`Koordinator opprettet (${db.location}).\n  brukernavn: ${username}\n  passord:    ${password}\n  (Passordet vises bare nå.)`);
} finally {
  await db.close();
}
