/**
 * Many municipalities on one deployment, on SQLite and PostgreSQL: eight
 * municipalities, some sharing, one below its threshold, one not sharing.
 * The comparison counts exactly those that share and passed their own
 * threshold; with fewer than 5 others it says so; opting out leaves a
 * municipality out of the next comparison; a made comparison never changes
 * when a municipality joins or leaves, so nothing is learned by comparing
 * the figures before and after; and the operator sees municipalities and
 * their activity but reaches no municipality's results, exports or media.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/server/password.ts';
import { storeResponses } from '../../src/server/ingest/storeResponses.ts';
import { QuestionnaireCache } from '../../src/server/questionnaireVersions.ts';
import { createMunicipality, createRound, createUnit } from '../../src/server/roundAdmin.ts';
import type { Comparison, OperatorMunicipality, Results } from '../../src/shared/coordinatorApi.ts';
import type { SurveyResponse } from '../../src/shared/response.ts';
import { useAppOnDatabase } from '../support/appOnDatabase.ts';
import { DATABASE_KINDS } from '../support/databases.ts';
import { SEEDED_COST } from '../support/fixtures.ts';

const PASSWORD = 'riktig hest batteri stift';
const ORIGIN = 'http://localhost:80';

/** Per municipality: sharing, and in 2024 and 2025 how many persons answered and how many said "Ja" to feeling safe (trygghet). */
const PLAN = [
  { name: 'M1', shares: true, y2024: [6, 3], y2025: [6, 4] },
  { name: 'M2', shares: true, y2024: [6, 3], y2025: [6, 5] },
  { name: 'M3', shares: true, y2024: [6, 4], y2025: [6, 2] },
  { name: 'M4', shares: true, y2024: [6, 5], y2025: [6, 6] },
  { name: 'M5', shares: true, y2024: [6, 6], y2025: [6, 3] },
  { name: 'M6', shares: true, y2024: [6, 2], y2025: [6, 1] },
  // Shares, but below its own threshold (3 < 5): never counted.
  { name: 'M7', shares: true, y2024: [3, 3], y2025: null },
  // Does not share.
  { name: 'M8', shares: false, y2024: [6, 0], y2025: null },
] as const;

describe.each(DATABASE_KINDS)('the comparison with other municipalities on %s', (kind) => {
  const env = useAppOnDatabase(kind);
  const ids: Record<string, number> = {};
  const rounds: Record<string, number> = {};
  const cookies: Record<string, string> = {};
  let ready = false;
  let address = 0;

  const headers = (cookie = '') => ({ cookie, origin: ORIGIN, host: 'localhost:80', 'accept-language': 'en' });
  async function login(username: string) {
    const res = await env.app.inject({ method: 'POST', url: '/api/v1/coordinator/login', payload: { username, password: PASSWORD }, headers: headers(), remoteAddress: `127.3.0.${++address}` });
    expect(res.statusCode, res.body).toBe(200);
    return String(res.headers['set-cookie']).split(';')[0]!;
  }

  async function closedRound(municipality: number, unit: number, year: number, [n, yes]: readonly [number, number]) {
    const k = env.db.kysely;
    const r = await createRound(k, { municipalityId: municipality, name: `Runde ${year}`, opensOn: `${year}-09-01`, closesOn: `${year}-10-31`, status: 'open', unitIds: [unit], questionnaireIds: ['eksempel'] });
    const responses = Array.from({ length: n }, (_, i): SurveyResponse => ({
      id: randomUUID(), questionnaireId: 'eksempel', questionnaireVersion: 1, audience: 'respondent', language: 'nb', roundCode: r.tablet_code,
      unitId: unit, answeredBy: 'alone', answers: { 'bolig-trygg': i < yes ? 'ja' : 'nei' }, comments: {}, completion: 'finished', completedOn: `${year}-10-01`,
    }));
    await storeResponses(k, new QuestionnaireCache(k), { responses });
    await k.updateTable('rounds').set({ status: 'closed' }).where('id', '=', r.id).execute();
    return r.id;
  }

  async function setUp() {
    if (ready) return;
    ready = true;
    const k = env.db.kysely;
    const hash = await hashPassword(PASSWORD, SEEDED_COST);
    for (const m of PLAN) {
      const id = await createMunicipality(k, m.name);
      ids[m.name] = id;
      const unit = await createUnit(k, id, 'Bofellesskapet');
      await k.insertInto('coordinators').values({ municipality_id: id, username: `admin-${m.name.toLowerCase()}`, password_hash: hash, is_admin: 1 }).execute();
      rounds[`${m.name}-2024`] = await closedRound(id, unit, 2024, m.y2024);
      if (m.y2025) rounds[`${m.name}-2025`] = await closedRound(id, unit, 2025, m.y2025);
      cookies[m.name] = await login(`admin-${m.name.toLowerCase()}`);
    }
    await k.insertInto('coordinators').values({ municipality_id: null, username: 'drift', password_hash: hash, is_admin: 0, is_operator: 1 }).execute();
    cookies.operator = await login('drift');
  }

  const call = (method: 'GET' | 'PATCH', url: string, cookie: string, payload?: object) =>
    env.app.inject({ method, url: `/api/v1${url}`, headers: headers(cookie), ...(payload === undefined ? {} : { payload }) });

  async function comparisonOf(name: string, year: number): Promise<Comparison | null> {
    const res = await call('GET', `/coordinator/rounds/${rounds[`${name}-${year}`]}/results`, cookies[name]!);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as Results).comparison;
  }
  const safety = (c: Comparison | null) => c!.voices.find((v) => v.voice === 'respondent')!.themes.find((t) => t.theme === 'trygghet')!;
  async function membersOf(period: string): Promise<string[]> {
    const rows = await env.db.kysely.selectFrom('comparison_members').select('municipality_id').where('period', '=', period).where('theme', '=', 'trygghet').execute();
    return rows.map((r) => PLAN.find((m) => ids[m.name] === r.municipality_id)!.name).sort();
  }

  it('is off by default, and an admin opts in on the municipality page (and can withdraw)', async () => {
    await setUp();
    const me = await call('GET', '/coordinator/me', cookies.M1!);
    expect(me.json().municipality.sharesComparison).toBe(false);
    expect(await comparisonOf('M1', 2024)).toBeNull();
    for (const m of PLAN.filter((x) => x.shares)) {
      const res = await call('PATCH', '/coordinator/municipality', cookies[m.name]!, { sharesComparison: true });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().sharesComparison).toBe(true);
    }
    const bad = await call('PATCH', '/coordinator/municipality', cookies.M1!, { sharesComparison: 'ja' });
    expect(bad.statusCode).toBe(400);
  });

  it('compares with exactly the municipalities that share and passed their own threshold, as quartiles, never one of them', async () => {
    await setUp();
    const comparison = await comparisonOf('M1', 2024);
    expect(comparison?.state).toBe('ready');
    expect(comparison?.period).toBe('2024');
    // M1–M6: M7 is below its threshold, M8 does not share.
    expect(await membersOf('2024')).toEqual(['M1', 'M2', 'M3', 'M4', 'M5', 'M6']);
    const row = safety(comparison);
    // Shares 2/6, 3/6, 3/6, 4/6, 5/6, 6/6: quartiles 0.5, 0.583, 0.792, published in steps of 5 points.
    expect(row.distribution?.municipalities).toBe(6);
    expect(row.distribution?.lowerQuartile).toBeCloseTo(0.5, 9);
    expect(row.distribution?.median).toBeCloseTo(0.6, 9);
    expect(row.distribution?.upperQuartile).toBeCloseTo(0.8, 9);
    expect(row.own.share).toBeCloseTo(0.5, 9);
    expect(row.position).toBe('lower-middle');
    // No theme the municipalities did not answer is compared.
    expect(comparison!.voices[0]!.themes.find((t) => t.theme === 'trivsel')!.distribution).toBeNull();
    // Nothing names another municipality or gives one's share.
    const body = JSON.stringify(comparison);
    for (const m of PLAN.filter((x) => x.name !== 'M1')) expect(body).not.toContain(`"${m.name}"`);
    // A municipality that does not share sees no comparison.
    expect(await comparisonOf('M8', 2024)).toBeNull();
  });

  it('does not change when a municipality joins or leaves: the figures before and after are the same, so they reveal nothing of it', async () => {
    await setUp();
    const before = await comparisonOf('M2', 2024);
    expect(safety(before).distribution).not.toBeNull();
    // M8 joins; M6 leaves.
    expect((await call('PATCH', '/coordinator/municipality', cookies.M8!, { sharesComparison: true })).statusCode).toBe(200);
    expect((await call('PATCH', '/coordinator/municipality', cookies.M6!, { sharesComparison: false })).statusCode).toBe(200);
    const after = await comparisonOf('M2', 2024);
    expect(after).toEqual(before);
    expect(await membersOf('2024')).toEqual(['M1', 'M2', 'M3', 'M4', 'M5', 'M6']);
    // M8, now sharing, sees the 2024 comparison made before it joined, which does not hold its own figure.
    const m8 = safety(await comparisonOf('M8', 2024));
    expect(m8.distribution).toEqual(safety(before).distribution);
  });

  it('leaves a municipality that opted out out of the next comparison, and says when fewer than 5 others are left', async () => {
    await setUp();
    // 2025: M6 opted out, M7 and M8 have no round: M1–M5, so M1 has 4 others.
    const comparison = await comparisonOf('M1', 2025);
    expect(comparison?.state).toBe('ready');
    expect(await membersOf('2025')).toEqual(['M1', 'M2', 'M3', 'M4', 'M5']);
    const row = safety(comparison);
    expect(row.distribution).toBeNull();
    expect(row.position).toBeNull();
    // Its own share is still shown beside "not enough municipalities".
    expect(row.own.share).toBeCloseTo(4 / 6, 9);
  });

  it('lets the operator see municipalities and their activity, rounded, but never a municipality’s results, exports or media', async () => {
    await setUp();
    const list = await call('GET', '/operator/municipalities', cookies.operator!);
    expect(list.statusCode, list.body).toBe(200);
    const byName = new Map((list.json() as OperatorMunicipality[]).map((m) => [m.name, m]));
    expect([...byName.keys()].sort()).toEqual(PLAN.map((m) => m.name));
    // M1's released responses: 12, shown as 10; M7's 3 as "under 10".
    expect(byName.get('M1')).toMatchObject({ rounds: 2, closedRounds: 2, responses: 10, coordinators: 1 });
    expect(byName.get('M7')!.responses).toBeNull();
    expect(JSON.stringify(list.json())).not.toMatch(/share"|median|trygghet/);
    for (const url of [
      `/coordinator/rounds/${rounds['M1-2024']}/results`,
      `/coordinator/rounds/${rounds['M1-2024']}/export.xlsx`,
      `/coordinator/rounds/${rounds['M1-2024']}/export.csv?table=overview`,
      `/coordinator/rounds/${rounds['M1-2024']}`,
      '/coordinator/rounds',
      '/coordinator/media',
      '/coordinator/units',
    ]) {
      const res = await call('GET', url, cookies.operator!);
      expect(res.statusCode, url).toBe(403);
      expect(res.json().error.code).toBe('operator-not-allowed');
    }
    // The operator's own account works; a coordinator cannot use the operator's pages.
    expect((await call('GET', '/coordinator/me', cookies.operator!)).json()).toMatchObject({ username: 'drift', operator: true });
    expect((await call('GET', '/operator/municipalities', cookies.M1!)).statusCode).toBe(403);
  });

  it('lets the operator create a municipality with its first admin, whose one-time password must be changed', async () => {
    await setUp();
    const res = await env.app.inject({ method: 'POST', url: '/api/v1/operator/municipalities', headers: headers(cookies.operator), payload: { name: 'Nykommune', adminUsername: 'Sjef' } });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    // The municipality's own suffix is added to the admin's username.
    expect(created.adminUsername).toBe('sjef@nykommune');
    const again = await env.app.inject({ method: 'POST', url: '/api/v1/operator/municipalities', headers: headers(cookies.operator), payload: { name: 'Nykommune' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('municipality-exists');
    const signIn = await env.app.inject({ method: 'POST', url: '/api/v1/coordinator/login', payload: { username: 'sjef@nykommune', password: created.password }, headers: headers(), remoteAddress: '127.3.1.1' });
    expect(signIn.statusCode).toBe(200);
    expect(signIn.json()).toMatchObject({ isAdmin: true, mustChangePassword: true, municipality: { name: 'Nykommune', sharesComparison: false } });
  });
});
