/**
 * Limits that hold across server processes (kept in the database), on
 * SQLite and PostgreSQL: a run of wrong passwords slows sign-in for that
 * username down by a growing delay instead of locking the right password
 * out; two processes on one database count together; unknown round codes
 * cannot be guessed at speed; a round code takes a bounded number of
 * submissions; and password hashing never starves other requests.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { hashPassword } from '../../src/server/password.ts';
import { SEEDED_COST } from '../support/fixtures.ts';
import { QuestionnaireCache } from '../../src/server/questionnaireVersions.ts';
import { createMunicipality, createRound, createUnit } from '../../src/server/roundAdmin.ts';
import { useAppOnDatabase } from '../support/appOnDatabase.ts';
import { DATABASE_KINDS } from '../support/databases.ts';

const PASSWORD = 'riktig hest batteri stift';
const ORIGIN = 'http://localhost:80';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(DATABASE_KINDS)('limits kept in the %s database', (kind) => {
  const env = useAppOnDatabase(kind, { limits: { submissionsPerCodePerHour: 6 } });
  const others: FastifyInstance[] = [];
  afterAll(async () => {
    for (const app of others) await app.close();
  });
  /** A second server process's app on the same database. */
  async function secondApp(): Promise<FastifyInstance> {
    const app = await buildApp({ db: env.db, questionnaires: new QuestionnaireCache(env.db.kysely), limits: { submissionsPerCodePerHour: 6 } });
    others.push(app);
    return app;
  }
  async function addCoordinator(username: string) {
    const k = env.db.kysely;
    const municipality = await createMunicipality(k, `Kommune ${username}`);
    await k.insertInto('coordinators').values({ municipality_id: municipality, username, password_hash: await hashPassword(PASSWORD, SEEDED_COST), is_admin: 0 }).execute();
    return municipality;
  }
  const login = (username: string, password: string, app = env.app) =>
    app.inject({ method: 'POST', url: '/api/v1/coordinator/login', payload: { username, password }, headers: { origin: ORIGIN, host: 'localhost:80' } });

  it('slows a username down by a growing delay after five wrong passwords, and then lets the right one in', async () => {
    await addCoordinator('forsinket');
    for (let i = 0; i < 5; i++) expect((await login('forsinket', `feil passord ${i}`)).statusCode).toBe(401);
    const waited = await login('forsinket', PASSWORD);
    expect(waited.statusCode).toBe(429);
    const first = Number(waited.headers['retry-after']);
    expect(first).toBeGreaterThanOrEqual(1);
    expect(first).toBeLessThanOrEqual(2);
    await sleep(first * 1000 + 100);
    expect((await login('forsinket', 'enda et feil passord')).statusCode).toBe(401);
    const second = Number((await login('forsinket', PASSWORD)).headers['retry-after']);
    expect(second).toBeGreaterThan(first);
    await sleep(second * 1000 + 100);
    expect((await login('forsinket', PASSWORD)).statusCode).toBe(200);
    // A successful sign-in starts the count again.
    expect((await login('forsinket', 'feil igjen, men bare en gang')).statusCode).toBe(401);
    expect((await login('forsinket', PASSWORD)).statusCode).toBe(200);
  });

  it('counts wrong passwords of two server processes on one database together', async () => {
    await addCoordinator('toprosesser');
    const other = await secondApp();
    for (let i = 0; i < 3; i++) expect((await login('toprosesser', `feil ${i} passord`)).statusCode).toBe(401);
    for (let i = 0; i < 2; i++) expect((await login('toprosesser', `feil ${i} passord`, other)).statusCode).toBe(401);
    expect((await login('toprosesser', PASSWORD)).statusCode).toBe(429);
    expect((await login('toprosesser', PASSWORD, other)).statusCode).toBe(429);
  });

  it('stops guessing round codes from one address, by lookups and by submissions, counted across processes', async () => {
    const other = await secondApp();
    let status = 0;
    let tries = 0;
    while (status !== 429 && tries < 200) {
      const app = tries % 2 === 0 ? env.app : other;
      const guess = `GJETT${String(tries).padStart(4, '0')}`;
      const submission = {
        id: randomUUID(), questionnaireId: 'eksempel', questionnaireVersion: 1, audience: 'respondent', language: 'nb', roundCode: guess, unitId: null, answeredBy: 'alone',
        answers: {}, comments: {}, completion: 'finished', completedOn: '2026-06-01',
      };
      const res = tries % 3 === 0
        ? await app.inject({ method: 'POST', url: '/api/v1/responses', payload: { responses: [submission] } })
        : await app.inject({ method: 'GET', url: `/api/v1/rounds/${guess}` });
      status = res.statusCode;
      tries++;
      if (status !== 429) expect(status).toBe(404);
    }
    expect(status).toBe(429);
    expect(tries).toBeLessThanOrEqual(61);
  });

  it('takes a bounded number of submissions per round code, and other rounds go on', async () => {
    const k = env.db.kysely;
    const municipality = await addCoordinator('kodegrense');
    const unit = await createUnit(k, municipality, 'Enhet');
    const base = { municipalityId: municipality, opensOn: '2026-01-01', closesOn: '2026-12-31', status: 'open' as const, unitIds: [unit], questionnaireIds: ['eksempel'] };
    const flooded = await createRound(k, { ...base, name: 'Flom' });
    const quiet = await createRound(k, { ...base, name: 'Stille' });
    const response = (roundCode: string) => ({
      id: randomUUID(), questionnaireId: 'eksempel', questionnaireVersion: 1, audience: 'respondent', language: 'nb', roundCode, unitId: unit, answeredBy: 'alone',
      answers: { 'bolig-trives': 'ja' }, comments: {}, completion: 'finished', completedOn: '2026-06-01',
    });
    // From an address of its own: the guessing above has used up 127.0.0.1's unknown codes.
    const post = (responses: unknown[]) => env.app.inject({ method: 'POST', url: '/api/v1/responses', payload: { responses }, remoteAddress: '127.0.0.2' });
    expect((await post([response(flooded.tablet_code), response(flooded.tablet_code), response(flooded.tablet_code)])).statusCode).toBe(200);
    expect((await post([response(flooded.tablet_code), response(flooded.tablet_code), response(flooded.tablet_code)])).statusCode).toBe(200);
    const refused = await post([response(flooded.tablet_code)]);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('rate-limited');
    expect((await post([response(quiet.tablet_code)])).statusCode).toBe(200);
    const stored = await k.selectFrom('responses').select((eb) => eb.fn.countAll().as('n')).where('round_id', '=', flooded.id).executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(6);
  });
});

describe('password hashing through a bounded queue', () => {
  const env = useAppOnDatabase('sqlite');

  it('answers a compressed round configuration while sixteen sign-ins are being checked', async () => {
    const k = env.db.kysely;
    const municipality = await createMunicipality(k, 'Travel kommune');
    const unit = await createUnit(k, municipality, 'Enhet');
    const round = await createRound(k, { municipalityId: municipality, name: 'Runde', opensOn: '2026-01-01', closesOn: '2026-12-31', status: 'open', unitIds: [unit], questionnaireIds: ['eksempel', 'eksempel-parorende'] });
    const users = Array.from({ length: 16 }, (_, i) => `travel${i}`);
    // At the product's own cost: this test is about what that cost does to the other requests.
    const hash = await hashPassword(PASSWORD);
    await k.insertInto('coordinators').values(users.map((username) => ({ municipality_id: municipality, username, password_hash: hash, is_admin: 0 }))).execute();
    let signedIn = 0;
    const signIns = users.map((username) =>
      env.app
        .inject({ method: 'POST', url: '/api/v1/coordinator/login', payload: { username, password: PASSWORD }, headers: { origin: ORIGIN, host: 'localhost:80' } })
        .then((res) => {
          expect(res.statusCode).toBe(200);
          signedIn++;
        }),
    );
    await sleep(20);
    const config = await env.app.inject({ method: 'GET', url: `/api/v1/rounds/${round.tablet_code}`, headers: { 'accept-encoding': 'br' } });
    const signedInMeanwhile = signedIn;
    expect(config.statusCode).toBe(200);
    expect(config.headers['content-encoding']).toBe('br');
    await Promise.all(signIns);
    // The hashing queue leaves threads for compression: the tablet is answered long before the sign-ins are done.
    expect(signedInMeanwhile).toBeLessThanOrEqual(4);
  });
});
