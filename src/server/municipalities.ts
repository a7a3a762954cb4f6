/**
 * What an operator does to municipalities: create one with its first
 * admin (a one-time password, shown once), and list them with their
 * activity, never their results or media. Used by the operator's page and
 * `npm run create-municipality`.
 */
import type { Kysely } from 'kysely';
import type { CreatedMunicipality, OperatorMunicipality } from '../shared/coordinatorApi.ts';
import { activityCount } from '../shared/disclosure/activity.ts';
import { HttpError } from './apiErrors.ts';
import type { Database } from './db/schema.ts';
import { hashPassword, randomPassword } from './password.ts';
import { createMunicipality } from './roundAdmin.ts';
import { withSuffix } from '../shared/usernames.ts';

/** The municipality and its first admin, whose username ends in the municipality's suffix ("admin@aas" unless another name is given). */
export async function createMunicipalityWithAdmin(db: Kysely<Database>, name: string, adminName = 'admin'): Promise<CreatedMunicipality> {
  const clash = await db.selectFrom('municipalities').select('id').where('name', '=', name).executeTakeFirst();
  if (clash) throw new HttpError(409, 'municipality-exists');
  const password = randomPassword();
  const hash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    const id = await createMunicipality(trx, name);
    const { username_suffix } = await trx.selectFrom('municipalities').select('username_suffix').where('id', '=', id).executeTakeFirstOrThrow();
    const adminUsername = withSuffix(adminName, username_suffix!);
    const taken = await trx.selectFrom('coordinators').select('id').where('username', '=', adminUsername).executeTakeFirst();
    if (taken) throw new HttpError(409, 'username-taken');
    await trx.insertInto('coordinators').values({ municipality_id: id, username: adminUsername, password_hash: hash, is_admin: 1, must_change_password: 1 }).execute();
    return { id, name, adminUsername, password };
  });
}

export async function operatorMunicipalities(db: Kysely<Database>): Promise<OperatorMunicipality[]> {
  const municipalities = await db.selectFrom('municipalities').select(['id', 'name', 'shares_comparison']).orderBy('name').execute();
  const coordinators = await db
    .selectFrom('coordinators')
    .select(['municipality_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('municipality_id', 'is not', null)
    .groupBy('municipality_id')
    .execute();
  const rounds = await db
    .selectFrom('rounds')
    .select(['municipality_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['municipality_id', 'status'])
    .execute();
  // Released responses only (they change in releases of at least k), and rounded (src/shared/disclosure/activity.ts).
  const cells = await db.selectFrom('summary_cells').select(['round_id', 'release_no', (eb) => eb.fn.sum<number>('responses').as('n')]).groupBy(['round_id', 'release_no']).execute();
  const newest = new Map((await db.selectFrom('result_releases').select(['round_id', (eb) => eb.fn.max('number').as('m')]).groupBy('round_id').execute()).map((r) => [Number(r.round_id), Number(r.m)]));
  const municipalityOf = new Map((await db.selectFrom('rounds').select(['id', 'municipality_id']).execute()).map((r) => [r.id, r.municipality_id]));
  const released = new Map<number, number>();
  for (const c of cells) {
    if (Number(c.release_no) > (newest.get(Number(c.round_id)) ?? 0)) continue;
    const m = municipalityOf.get(Number(c.round_id))!;
    released.set(m, (released.get(m) ?? 0) + Number(c.n));
  }
  return municipalities.map((m) => {
    const ofM = rounds.filter((r) => r.municipality_id === m.id);
    return {
      id: m.id,
      name: m.name,
      coordinators: Number(coordinators.find((c) => c.municipality_id === m.id)?.n ?? 0),
      rounds: ofM.reduce((sum, r) => sum + Number(r.n), 0),
      closedRounds: Number(ofM.find((r) => r.status === 'closed')?.n ?? 0),
      responses: activityCount(released.get(m.id) ?? 0),
      sharesComparison: m.shares_comparison === 1,
    };
  });
}
