/**
 * Behind a reverse proxy and without one. By default the server trusts no
 * forwarded header: a client that sends X-Forwarded-For from any address
 * (loopback too) is limited by its own address. With TRUST_PROXY naming
 * the proxy, the original client's address and scheme count: https gives
 * a `__Host-` Secure cookie and HSTS, and each client behind the proxy has
 * its own sign-in limit. Coordinator answers are never cached.
 */
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/server/config.ts';
import { hashPassword } from '../../src/server/password.ts';
import { SEEDED_COST } from '../support/fixtures.ts';
import { createMunicipality } from '../../src/server/roundAdmin.ts';
import { useAppOnDatabase, type AppOnDatabase } from '../support/appOnDatabase.ts';

const PASSWORD = 'riktig hest batteri stift';
const HOST = 'survey.example.kommune.no';

async function addCoordinator(env: AppOnDatabase, username: string) {
  const k = env.db.kysely;
  const municipality = await createMunicipality(k, `Kommune ${username}`);
  await k.insertInto('coordinators').values({ municipality_id: municipality, username, password_hash: await hashPassword(PASSWORD, SEEDED_COST), is_admin: 1 }).execute();
}

function login(env: AppOnDatabase, username: string, password: string, headers: Record<string, string>) {
  return env.app.inject({ method: 'POST', url: '/api/v1/coordinator/login', payload: { username, password }, headers: { host: HOST, ...headers } });
}

describe('TRUST_PROXY in the configuration', () => {
  it('is off by default, takes addresses or networks, and refuses "true" with a clear message', () => {
    expect(readConfig({}).trustProxy).toBe(false);
    expect(readConfig({ TRUST_PROXY: '127.0.0.1' }).trustProxy).toBe('127.0.0.1');
    expect(readConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toBe('loopback,10.0.0.0/8');
    expect(() => readConfig({ TRUST_PROXY: '1' })).toThrow(/TRUST_PROXY/);
    expect(() => readConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
    expect(() => readConfig({ TRUST_PROXY: 'example.org' })).toThrow(/TRUST_PROXY/);
  });
});

/** Few failures per address, so that reaching the limit takes few password checks. */
const limits = { signInFailuresPerAddress: 3 };

describe('without TRUST_PROXY (straight to the server)', () => {
  const env = useAppOnDatabase('sqlite', { limits });

  it('ignores X-Forwarded-For and -Proto even from loopback: changing it escapes no limit and fakes no https', async () => {
    await addCoordinator(env, 'direkte');
    const origin = `http://${HOST}`;
    let last = 0;
    for (let i = 0; i < limits.signInFailuresPerAddress + 1; i++) {
      // Different users, so only the per-address limit can stop this.
      const res = await login(env, `ukjent${i}`, 'feil passord her', { origin, 'x-forwarded-for': `203.0.113.${i + 1}`, 'x-forwarded-proto': 'https' });
      last = res.statusCode;
    }
    expect(last).toBe(429);
    const right = await login(env, 'direkte', PASSWORD, { origin, 'x-forwarded-proto': 'https' });
    expect(right.statusCode).toBe(429);
    expect(right.headers['strict-transport-security']).toBeUndefined();
  });
});

describe('with TRUST_PROXY=loopback behind a TLS proxy', () => {
  const env = useAppOnDatabase('sqlite', { trustProxy: 'loopback', limits });
  const origin = `https://${HOST}`;
  const viaProxy = (client: string) => ({ origin, 'x-forwarded-for': client, 'x-forwarded-proto': 'https' });

  it('gives a __Host- Secure cookie, HSTS, and clears the cookie with Secure on sign-out', async () => {
    await addCoordinator(env, 'proxyanne');
    const res = await login(env, 'proxyanne', PASSWORD, viaProxy('198.51.100.7'));
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^__Host-mst_session=/);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    const session = cookie.split(';')[0]!;
    const me = await env.app.inject({ method: 'GET', url: '/api/v1/coordinator/me', headers: { host: HOST, cookie: session, ...viaProxy('198.51.100.7') } });
    expect(me.statusCode).toBe(200);
    expect(me.headers['cache-control']).toBe('no-store');
    const out = await env.app.inject({ method: 'POST', url: '/api/v1/coordinator/logout', headers: { host: HOST, cookie: session, ...viaProxy('198.51.100.7') } });
    expect(out.statusCode).toBe(204);
    const cleared = ([] as string[]).concat(out.headers['set-cookie'] ?? []);
    const hostCookie = cleared.find((c) => c.startsWith('__Host-mst_session='));
    expect(hostCookie).toMatch(/; Secure/);
  });

  it("limits each client behind the proxy by its own address: one client's failures never lock out another", async () => {
    await addCoordinator(env, 'proxybjorn');
    for (let i = 0; i < limits.signInFailuresPerAddress; i++) await login(env, `ukjent${i}`, 'feil passord her', viaProxy('203.0.113.66'));
    expect((await login(env, 'ukjent99', 'feil passord her', viaProxy('203.0.113.66'))).statusCode).toBe(429);
    expect((await login(env, 'proxybjorn', PASSWORD, viaProxy('198.51.100.8'))).statusCode).toBe(200);
  });
});
