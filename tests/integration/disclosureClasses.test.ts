/**
 * The four ways single people's answers were recovered before the
 * disclosure module, each replayed on the real server code on SQLite and
 * PostgreSQL: the same attacker as the property test reads everything
 * after every step and must find nothing, and what the coordinator sees
 * instead is checked too.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/server/password.ts';
import type { Results } from '../../src/shared/coordinatorApi.ts';
import { AttackedRound, drawn, PASSWORD } from '../support/attacker/attackedRound.ts';
import { useAppOnDatabase } from '../support/appOnDatabase.ts';
import { DATABASE_KINDS } from '../support/databases.ts';

describe.each(DATABASE_KINDS)('disclosure control on %s', (kind) => {
  const server = useAppOnDatabase(kind);
  let passwordHash = '';
  let rounds = 0;

  beforeAll(async () => {
    passwordHash = await hashPassword(PASSWORD);
  });

  const start = (units: number, k = 5) => AttackedRound.start(server.app, server.db, passwordHash, `${kind}-klasse-${++rounds}`, units, k);
  const results = async (round: AttackedRound, query = ''): Promise<Results> => {
    const res = await round.get(`/rounds/${round.round.id}/results${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('1: never crosses a unit with an answer mode, and hides answer modes when a mode minus a unit gives a small group away', async () => {
    // Unit 2 has all six people answering alone; unit 1 has five alone and one with help.
    const round = await start(2);
    for (let i = 0; i < 5; i++) await round.arrive(drawn({ unit: 0 }));
    await round.arrive(drawn({ unit: 0, answeredBy: 'with-staff', trives: 'nei' }));
    for (let i = 0; i < 6; i++) await round.arrive(drawn({ unit: 1 }));
    await round.close();
    expect(round.leaks()).toEqual([]);

    const crossed = await round.get(`/rounds/${round.round.id}/results?unitId=${round.units[0]}&answerMode=alone`);
    expect(crossed.statusCode).toBe(400);
    expect(crossed.json().error).toMatchObject({ code: 'filters-not-combinable', message: expect.stringContaining('ikke begge') });
    const r = await results(round);
    expect(r.units.map((u) => u.respondent.status)).toEqual(['shown', 'shown']);
    // "alone" (11) would be total (12) minus the one with help: both hidden.
    expect(Object.fromEntries(r.byAnswerMode.map((m) => [m.mode, m.group.status]))).toEqual({ alone: 'protecting', 'with-help': 'too-few', 'someone-else': 'empty', 'not-recorded': 'empty' });
    expect((await results(round, `?unitId=${round.units[0]}`)).byAnswerMode).toEqual([]);
    expect((await results(round, '?answerMode=alone')).units).toEqual([]);
  });

  it('2: counts a survey ended before anyone said how it was answered as an answer mode of its own', async () => {
    const round = await start(2);
    for (let i = 0; i < 6; i++) await round.arrive(drawn({ unit: i % 2 }));
    await round.arrive(drawn({ unit: 0, answeredBy: null, trives: 'nei' }));
    await round.close();
    expect(round.leaks()).toEqual([]);
    const r = await results(round);
    expect(r.groups.respondent).toMatchObject({ n: 7, status: 'shown' });
    const modes = Object.fromEntries(r.byAnswerMode.map((m) => [m.mode, m.group.status]));
    expect(modes['not-recorded']).toBe('too-few');
    // Total minus "alone" would be the one ended survey, so "alone" is hidden to protect it.
    expect(modes.alone).toBe('protecting');
  });

  it('3: changes results only in releases, and lets late answers in only when k of them can join safely', async () => {
    const round = await start(2);
    for (let i = 0; i < 12; i++) await round.arrive(drawn({ unit: i % 2 }));
    // While the round is open there are no results, and progress gives no exact small counts.
    const open = await round.get(`/rounds/${round.round.id}/results`);
    expect(open.statusCode).toBe(409);
    expect(open.json().error.code).toBe('results-not-released');
    await round.close();
    const first = await results(round);
    expect(first.release).toMatchObject({ number: 1, responses: 12, waiting: false });

    // One late answer (a tablet that was offline at closing) changes nothing a coordinator sees.
    await round.arrive(drawn({ unit: 0, trives: 'nei' }));
    const waiting = await results(round);
    expect(waiting.release).toMatchObject({ number: 1, responses: 12, waiting: true });
    expect(waiting.themes).toEqual(first.themes);
    const progress = (await round.get(`/rounds/${round.round.id}/progress`)).json();
    expect(progress.rows.map((row: { status: string }) => row.status)).toEqual(['enough', 'enough']);

    // Four more, all in unit 2: five late answers, but unit 1 would change by one. Still waiting.
    for (let i = 0; i < 4; i++) await round.arrive(drawn({ unit: 1, trives: 'nei' }));
    expect((await results(round)).release).toMatchObject({ number: 1, waiting: true });
    // Four more in unit 1 and one in unit 2: every figure now changes by five or more, so they join.
    for (let i = 0; i < 4; i++) await round.arrive(drawn({ unit: 0, trives: 'nei' }));
    expect((await results(round)).release).toMatchObject({ number: 1, waiting: true });
    await round.arrive(drawn({ unit: 1, trives: 'nei' }));
    const second = await results(round);
    expect(second.release).toMatchObject({ number: 2, responses: 22, waiting: false });
    expect(second.units.map((u) => u.respondent.n)).toEqual([11, 11]);
    expect(round.leaks()).toEqual([]);
  });

  it('4: exports no row per response, and says why in the caller\'s language', async () => {
    const round = await start(1);
    for (let i = 0; i < 6; i++) await round.arrive(drawn({ answeredBy: i === 0 ? 'with-staff' : 'alone' }));
    await round.close();
    expect(round.leaks()).toEqual([]);
    for (const [language, text] of [['nb', 'Enkeltbesvarelser kan ikke lastes ned'], ['nn', 'Enkeltsvar kan ikkje lastast ned'], ['en', 'Single responses cannot be downloaded']]) {
      const res = await round.get(`/rounds/${round.round.id}/export.csv?table=responses`, { 'accept-language': language! });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toContain(text);
    }
    const themes = await round.get(`/rounds/${round.round.id}/export.csv?table=themes`);
    expect(themes.statusCode).toBe(200);
    expect(themes.body).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  });
});
