/**
 * `npm run create-operator -- <username>`: adds an operator of the
 * deployment (no municipality: creates municipalities and sees their
 * activity, never their results or media) on the configured database, with
 * a random password printed once and stored only as a hash.
 */
import { newCoordinatorSchema } from '../shared/coordinatorApi.ts';
import { readConfig } from '../server/config.ts';
import { loadQuestionnaires } from '../server/loadQuestionnaires.ts';
import { hashPassword, randomPassword } from '../server/password.ts';
import { prepareDatabase } from '../server/server.ts';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const username = process.argv[2]?.toLowerCase();
if (!username) fail('Bruk: npm run create-operator -- <brukernavn>');
const password = randomPassword();
if (!newCoordinatorSchema.safeParse({ username, password, isAdmin: false }).success) fail(`Ugyldig brukernavn «${username}»: bruk 3–100 bokstaver, tall, punktum, @, _ eller bindestrek.`);

const db = await prepareDatabase(readConfig(), loadQuestionnaires().questionnaires);
try {
  const taken = await db.kysely.selectFrom('coordinators').select('id').where('username', '=', username).executeTakeFirst();
  if (taken) fail(`Brukernavnet «${username}» er allerede i bruk.`);
  await db.kysely.insertInto('coordinators').values({ municipality_id: null, username, password_hash: await hashPassword(password), is_admin: 0, is_operator: 1 }).execute();
  console.log(`Driftskonto opprettet (${db.location}).\n  brukernavn: ${username}\n  passord:    ${password}\n  (Passordet vises bare nå. Logg inn på /koordinator.)`);
} finally {
  await db.close();
}
