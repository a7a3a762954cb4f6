/**
 * Completion dates must lie in the round's period, on SQLite and
 * PostgreSQL: a response dated before the round opened is refused, and a
 * closed round takes responses dated within its period only during the
 * grace after closing (for tablets that were offline when it closed), so
 * someone who holds a code cannot change a closed round's figures with
 * backdated answers.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CLOSED_ROUND_GRACE_DAYS } from '../../src/server/ingest/storeResponses.ts';
import { createMunicipality, createRound, createUnit } from '../../src/server/roundAdmin.ts';
import { useAppOnDatabase } from '../support/appOnDatabase.ts';
import { DATABASE_KINDS } from '../support/databases.ts';

const daysFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe.each(DATABASE_KINDS)('completion dates and closed rounds on %s', (kind) => {
  const env = useAppOnDatabase(kind);

  it('takes only dates within the period, and a closed round only during the grace after closing', async () => {
    const k = env.db.kysely;
    const municipality = await createMunicipality(k, 'Datokommune');
    const unit = await createUnit(k, municipality, 'Enhet');
    const base = { municipalityId: municipality, unitIds: [unit], questionnaireIds: ['eksempel'] };
    const open = await createRound(k, { ...base, name: 'Åpen', opensOn: daysFromToday(-30), closesOn: daysFromToday(30), status: 'open' });
    const justClosed = await createRound(k, { ...base, name: 'Nylig lukket', opensOn: daysFromToday(-60), closesOn: daysFromToday(-5), status: 'closed' });
    const longClosed = await createRound(k, { ...base, name: 'Lukket for lenge siden', opensOn: daysFromToday(-200), closesOn: daysFromToday(-CLOSED_ROUND_GRACE_DAYS - 2), status: 'closed' });
    const response = (roundCode: string, completedOn: string) => ({
      id: randomUUID(), questionnaireId: 'eksempel', questionnaireVersion: 1, audience: 'respondent', language: 'nb', roundCode, unitId: unit, answeredBy: 'alone',
      answers: { 'bolig-trives': 'ja' }, comments: {}, completion: 'finished', completedOn,
    });
    const post = (roundCode: string, completedOn: string) => env.app.inject({ method: 'POST', url: '/api/v1/responses', payload: { responses: [response(roundCode, completedOn)] }, headers: { 'accept-language': 'en' } });
    const count = async () => Number((await k.selectFrom('responses').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

    // Before the round opened: refused, whether the round is open or closed.
    for (const [code, date] of [[open.tablet_code, daysFromToday(-31)], [open.tablet_code, '1999-01-01'], [justClosed.tablet_code, '1999-01-01'], [justClosed.tablet_code, daysFromToday(-61)]] as const) {
      const res = await post(code, date);
      expect(res.statusCode, `${date}`).toBe(400);
      expect(res.json().error.code).toBe('date-outside-round');
    }
    // A closed round, dated after it closed: refused as before.
    expect((await post(justClosed.tablet_code, daysFromToday(-2))).statusCode).toBe(409);
    // A round closed longer ago than the grace: refused even within its period.
    expect((await post(longClosed.tablet_code, daysFromToday(-100))).statusCode).toBe(409);
    expect(await count()).toBe(0);

    // Within the period: the open round, and the round closed within the grace (an offline tablet).
    expect((await post(open.tablet_code, daysFromToday(-30))).statusCode).toBe(200);
    expect((await post(justClosed.tablet_code, daysFromToday(-10))).statusCode).toBe(200);
    expect(await count()).toBe(2);
  });
});
