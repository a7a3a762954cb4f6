/**
 * Coordinator accounts over their life, on SQLite and PostgreSQL: change
 * one's own password; an admin resets a colleague's (a one-time password,
 * shown once, that must be changed at the next sign-in) or disables an
 * account; common passwords are refused; only admins manage units.
 */
import { describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/server/password.ts';
import { SEEDED_COST } from '../support/fixtures.ts';
import { createMunicipality } from '../../src/server/roundAdmin.ts';
import { useAppOnDatabase } from '../support/appOnDatabase.ts';
import { DATABASE_KINDS } from '../support/databases.ts';

const PASSWORD = 'riktig hest batteri stift';
const NEW_PASSWORD = 'en helt annen lang setning';
const ORIGIN = 'http://localhost:80';

describe.each(DATABASE_KINDS)('coordinator accounts on %s', (kind) => {
  const env = useAppOnDatabase(kind);
  const ids: Record<string, number> = {};
  let ready = false;

  async function setUp() {
    if (ready) return;
    ready = true;
    const k = env.db.kysely;
    const a = await createMunicipality(k, 'Kommune A');
    const b = await createMunicipality(k, 'Kommune B');
    const hash = await hashPassword(PASSWORD, SEEDED_COST);
    const rows = await k
      .insertInto('coordinators')
      .values([
        { municipality_id: a, username: 'admin-a', password_hash: hash, is_admin: 1 },
        { municipality_id: a, username: 'kari', password_hash: hash, is_admin: 0 },
        { municipality_id: a, username: 'ola', password_hash: hash, is_admin: 0 },
        { municipality_id: b, username: 'admin-b', password_hash: hash, is_admin: 1 },
        { municipality_id: b, username: 'bare-i-b', password_hash: hash, is_admin: 0 },
      ])
      .returning(['id', 'username'])
      .execute();
    for (const row of rows) ids[row.username] = row.id;
  }
  const headers = (cookie = '') => ({ cookie, origin: ORIGIN, host: 'localhost:80', 'accept-language': 'en' });
  async function login(username: string, password = PASSWORD) {
    const res = await env.app.inject({ method: 'POST', url: '/api/v1/coordinator/login', payload: { username, password }, headers: headers() });
    return { res, cookie: String(res.headers['set-cookie'] ?? '').split(';')[0]! };
  }
  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, cookie: string, payload?: object) =>
    env.app.inject({ method, url: `/api/v1/coordinator${url}`, headers: headers(cookie), ...(payload === undefined ? {} : { payload }) });

  it('lets a coordinator change their own password, refusing a wrong current one and common passwords', async () => {
    await setUp();
    const { cookie } = await login('kari');
    const wrong = await call('POST', '/password', cookie, { currentPassword: 'ikke mitt passord nei', newPassword: NEW_PASSWORD });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('wrong-password');
    for (const common of ['123456789012', 'qwertyuiopasdfghjkl', 'passwordpassword']) {
      const res = await call('POST', '/password', cookie, { currentPassword: PASSWORD, newPassword: common });
      expect(res.statusCode, common).toBe(400);
      expect(res.json().error.code).toBe('password-common');
    }
    const short = await call('POST', '/password', cookie, { currentPassword: PASSWORD, newPassword: 'kort' });
    expect(short.json().error.code).toBe('password-too-short');
    expect((await call('POST', '/password', cookie, { currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).statusCode).toBe(204);
    expect((await login('kari')).res.statusCode).toBe(401);
    expect((await login('kari', NEW_PASSWORD)).res.statusCode).toBe(200);
    // The session that changed it goes on.
    expect((await call('GET', '/me', cookie)).statusCode).toBe(200);
  });

  it("lets an admin reset a colleague's password: a one-time password that must be changed at sign-in", async () => {
    await setUp();
    const admin = (await login('admin-a')).cookie;
    const ola = (await login('ola')).cookie;
    const reset = await call('POST', `/coordinators/${ids.ola}/reset-password`, admin);
    expect(reset.statusCode).toBe(200);
    const oneTime = reset.json().password as string;
    expect(oneTime.length).toBeGreaterThanOrEqual(12);
    // Shown once: the list never carries it.
    expect((await call('GET', '/coordinators', admin)).body).not.toContain(oneTime);
    // Ola's old session ends; the old password no longer works.
    expect((await call('GET', '/me', ola)).statusCode).toBe(401);
    expect((await login('ola')).res.statusCode).toBe(401);
    const signedIn = await login('ola', oneTime);
    expect(signedIn.res.statusCode).toBe(200);
    expect(signedIn.res.json().mustChangePassword).toBe(true);
    const blocked = await call('GET', '/rounds', signedIn.cookie);
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('password-change-required');
    expect((await call('POST', '/password', signedIn.cookie, { currentPassword: oneTime, newPassword: NEW_PASSWORD })).statusCode).toBe(204);
    expect((await call('GET', '/rounds', signedIn.cookie)).statusCode).toBe(200);
    // Not for a colleague in another municipality, and not by a non-admin.
    expect((await call('POST', `/coordinators/${ids['bare-i-b']}/reset-password`, admin)).statusCode).toBe(404);
    const kari = (await login('kari', NEW_PASSWORD)).cookie;
    expect((await call('POST', `/coordinators/${ids.ola}/reset-password`, kari)).statusCode).toBe(403);
  });

  it('lets an admin disable an account: its sessions end and it cannot sign in; never their own', async () => {
    await setUp();
    const admin = (await login('admin-a')).cookie;
    const kari = (await login('kari', NEW_PASSWORD)).cookie;
    const disabled = await call('PATCH', `/coordinators/${ids.kari}`, admin, { disabled: true });
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json()).toMatchObject({ username: 'kari', disabled: true });
    expect((await call('GET', '/me', kari)).statusCode).toBe(401);
    const again = await login('kari', NEW_PASSWORD);
    expect(again.res.statusCode).toBe(401);
    expect(again.res.json().error.code).toBe('wrong-login');
    expect((await call('PATCH', `/coordinators/${ids['admin-a']}`, admin, { disabled: true })).statusCode).toBe(400);
    expect((await call('PATCH', `/coordinators/${ids['bare-i-b']}`, admin, { disabled: true })).statusCode).toBe(404);
    expect((await call('PATCH', `/coordinators/${ids.kari}`, admin, { disabled: false })).statusCode).toBe(200);
    expect((await login('kari', NEW_PASSWORD)).res.statusCode).toBe(200);
  });

  it('refuses common passwords for a new coordinator', async () => {
    await setUp();
    const admin = (await login('admin-a')).cookie;
    const res = await call('POST', '/coordinators', admin, { username: 'ny-person', password: 'iloveyou1234', isAdmin: false });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('password-common');
  });

  it('keeps usernames per municipality: an admin learns nothing of another municipality’s names', async () => {
    await setUp();
    const adminA = (await login('admin-a')).cookie;
    const adminB = (await login('admin-b')).cookie;
    const me = await call('GET', '/me', adminA);
    const suffixA = me.json().municipality.usernameSuffix;
    expect(suffixA).toBe('kommune-a');
    const created = await call('POST', '/coordinators', adminA, { username: 'Per', password: NEW_PASSWORD, isAdmin: false });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().username).toBe('per@kommune-a');
    // The same name in B is B's own: no "taken", so A's names cannot be probed from B (even typed with A's ending).
    for (const username of ['per', 'per@kommune-a']) {
      const inB = await call('POST', '/coordinators', adminB, { username, password: NEW_PASSWORD, isAdmin: false });
      expect(inB.statusCode, username).toBe(201);
      expect(inB.json().username).toMatch(/@kommune-b$/);
    }
    // Taken only within one's own municipality, whose names the admin sees anyway.
    const again = await call('POST', '/coordinators', adminA, { username: 'per', password: NEW_PASSWORD, isAdmin: false });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('username-taken');
    // The new colleague signs in with the full name.
    expect((await login('per@kommune-a', NEW_PASSWORD)).res.statusCode).toBe(200);
  });

  it('lets only admins create and rename units', async () => {
    await setUp();
    const ola = (await login('ola', NEW_PASSWORD)).cookie;
    const created = await call('POST', '/units', ola, { name: 'Ny enhet' });
    expect(created.statusCode).toBe(403);
    expect(created.json().error.code).toBe('admin-only');
    const admin = (await login('admin-a')).cookie;
    const made = await call('POST', '/units', admin, { name: 'Ny enhet' });
    expect(made.statusCode).toBe(201);
    expect((await call('PATCH', `/units/${made.json().id}`, ola, { name: 'Omdøpt' })).statusCode).toBe(403);
    // Everyone still sees the units, to choose them for a round.
    expect((await call('GET', '/units', ola)).statusCode).toBe(200);
  });
});
