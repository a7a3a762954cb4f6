/**
 * `npm run create-municipality -- "Navn" [--admin <name>]`: creates a
 * municipality with its first admin ("admin@<suffix>" unless named) on the configured database; the
 * admin's one-time password is printed once and stored only as a hash.
 * The same as "Ny kommune" on the operator's page.
 */
import { parseArgs } from 'node:util';
import { newMunicipalitySchema } from '../shared/coordinatorApi.ts';
import { HttpError } from '../server/apiErrors.ts';
import { readConfig } from '../server/config.ts';
import { loadQuestionnaires } from '../server/loadQuestionnaires.ts';
import { createMunicipalityWithAdmin } from '../server/municipalities.ts';
import { prepareDatabase } from '../server/server.ts';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const { values, positionals } = parseArgs({ allowPositionals: true, options: { admin: { type: 'string' } } });
const name = positionals[0]?.trim();
if (!name) fail('Bruk: npm run create-municipality -- "Kommunenavn" [--admin <brukernavn>]');
const parsed = newMunicipalitySchema.safeParse({ name, ...(values.admin ? { adminUsername: values.admin } : {}) });
if (!parsed.success) fail('Ugyldig navn eller brukernavn: kommunenavnet må ha 2–100 tegn, brukernavnet 3–50 bokstaver (a–z), tall, punktum, _ eller bindestrek (kommunens ending legges til).');

const db = await prepareDatabase(readConfig(), loadQuestionnaires().questionnaires);
try {
  const created = await createMunicipalityWithAdmin(db.kysely, parsed.data.name, parsed.data.adminUsername);
  console.log(
    `Kommune opprettet (${db.location}): ${created.name}\n  første administrator: ${created.adminUsername}\n  engangspassord:       ${created.password}\n  (Passordet vises bare nå, og må byttes ved første innlogging.)`,
  );
} catch (error) {
  if (error instanceof HttpError) fail(error.code === 'municipality-exists' ? `Kommunen «${name}» finnes allerede.` : 'Brukernavnet er allerede i bruk.');
  throw error;
} finally {
  await db.close();
}
