/**
 * Input at the edge of what the databases hold, on SQLite and PostgreSQL:
 * ids and versions beyond a 32-bit integer, NUL and other control
 * characters, huge arrays, and response ids differing only in case. Each
 * gets a clear 4xx in the API's error shape and changes nothing, never a
 * 500 (which a tablet would retry for ever).
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/server/password.ts';
import { SEEDED_COST } from '../support/fixtures.ts';
import { createMunicipality, createRound, createUnit } from '../../src/server/roundAdmin.ts';
import { apiErrorSchema, type SurveyResponseInput } from '../../src/shared/response.ts';
import { useAppOnDatabase } from '../support/appOnDatabase.ts';
import { DATABASE_KINDS } from '../support/databases.ts';

const PASSWORD = 'riktig hest batteri stift';
const ORIGIN = 'http://localhost:80';

describe.each(DATABASE_KINDS)('bounded input on %s', (kind) => {
  const env = useAppOnDatabase(kind);
  let tabletCode = '';
  let relativeCode = '';
  let unitId = 0;
  let cookie = '';

  async function setUp() {
    if (tabletCode) return;
    const k = env.db.kysely;
    const municipality = await createMunicipality(k, 'Grensekommune');
    unitId = await createUnit(k, municipality, 'Enhet');
    const round = await createRound(k, { municipalityId: municipality, name: 'Runde', opensOn: '2026-01-01', closesOn: '2026-12-31', status: 'open', unitIds: [unitId], questionnaireIds: ['eksempel', 'eksempel-parorende'] });
    tabletCode = round.tablet_code;
    relativeCode = round.relative_code;
    await k.insertInto('coordinators').values({ municipality_id: municipality, username: 'grete', password_hash: await hashPassword(PASSWORD, SEEDED_COST), is_admin: 1 }).execute();
    const login = await env.app.inject({ method: 'POST', url: '/api/v1/coordinator/login', payload: { username: 'grete', password: PASSWORD }, headers: { origin: ORIGIN, host: 'localhost:80' } });
    expect(login.statusCode).toBe(200);
    cookie = String(login.headers['set-cookie']).split(';')[0]!;
  }

  function respondent(overrides: Partial<SurveyResponseInput> = {}): SurveyResponseInput {
    return {
      id: randomUUID(), questionnaireId: 'eksempel', questionnaireVersion: 1, audience: 'respondent', language: 'nb', roundCode: tabletCode, unitId, answeredBy: 'alone',
      answers: { 'bolig-trives': 'ja', 'helhet-fornoyd': 'ja' }, comments: {}, completion: 'finished', completedOn: '2026-06-01', ...overrides,
    };
  }
  function relative(overrides: Partial<SurveyResponseInput> = {}): SurveyResponseInput {
    return {
      id: randomUUID(), questionnaireId: 'eksempel-parorende', questionnaireVersion: 1, audience: 'relative', language: 'nb', roundCode: relativeCode, unitId: null, answeredBy: null,
      answers: { relasjon: 'forelder', 'bolig-trivsel': '5' }, comments: {}, completion: 'finished', completedOn: '2026-06-01', ...overrides,
    };
  }
  const post = (responses: unknown[]) => env.app.inject({ method: 'POST', url: '/api/v1/responses', payload: { responses }, headers: { 'accept-language': 'en' } });
  const stored = async () => Number((await env.db.kysely.selectFrom('responses').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  function expectClearRefusal(res: { statusCode: number; json(): unknown }, status = 400) {
    expect(res.statusCode).toBe(status);
    const body = apiErrorSchema.parse(res.json());
    expect(body.error.message.length).toBeGreaterThan(10);
    return body.error;
  }

  it('refuses a unit id or questionnaire version beyond a 32-bit integer with 400, storing nothing', async () => {
    await setUp();
    const before = await stored();
    expectClearRefusal(await post([respondent({ unitId: 2 ** 31 })]));
    expectClearRefusal(await post([respondent({ questionnaireVersion: 2 ** 31 })]));
    expectClearRefusal(await post([respondent({ unitId: 2 ** 53 + 2 })]));
    expect(await stored()).toBe(before);
  });

  it("refuses NUL and other control characters in a relative's comment with a specific 400, storing nothing", async () => {
    await setUp();
    const before = await stored();
    for (const text of ['Bra\u0000 sted', 'Escape \u001b[31m', 'Slett\u007f']) {
      const error = expectClearRefusal(await post([relative({ comments: { bolig: text } })]));
      expect(error.code).toBe('control-characters');
      expect(error.message).toMatch(/character/i);
    }
    // Line breaks and tabs are ordinary text.
    expect((await post([relative({ comments: { bolig: 'Første linje\nandre\tlinje' } })])).statusCode).toBe(200);
    expect(await stored()).toBe(before + 1);
  });

  it('answers a round code holding NUL, control characters or broken percent-encoding with a 4xx in the usual shape, not a 500', async () => {
    await setUp();
    for (const code of ['%00', 'AB%00CD', '%1B', 'ABCD%0A', '%ZZ', '%E0%A4%A']) {
      const res = await env.app.inject({ method: 'GET', url: `/api/v1/rounds/${code}` });
      expect(res.statusCode, code).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, code).toBeLessThan(500);
      apiErrorSchema.parse(res.json());
    }
  });

  it('refuses control characters in coordinator input (a unit name) and 40,000 unit ids in a round', async () => {
    await setUp();
    const headers = { cookie, origin: ORIGIN, host: 'localhost:80', 'accept-language': 'en' };
    const unit = await env.app.inject({ method: 'POST', url: '/api/v1/coordinator/units', payload: { name: 'Enhet\u0000B' }, headers });
    expect(expectClearRefusal(unit).code).toBe('control-characters');
    const ids = Array.from({ length: 40_000 }, (_, i) => i + 1);
    const round = await env.app.inject({ method: 'POST', url: '/api/v1/coordinator/rounds', payload: { name: 'Stor', opensOn: '2026-01-01', closesOn: '2026-02-01', questionnaireIds: ['eksempel'], unitIds: ids }, headers });
    expectClearRefusal(round);
    const big = await env.app.inject({ method: 'GET', url: `/api/v1/coordinator/rounds/${2 ** 31}`, headers });
    expectClearRefusal(big, 404);
    const units = await env.db.kysely.selectFrom('units').select('name').execute();
    expect(units.map((u) => u.name)).not.toContain('Enhet\u0000B');
  });

  it('stores a response id once whatever its letter case', async () => {
    await setUp();
    const before = await stored();
    const response = respondent();
    const upper = { ...response, id: response.id.toUpperCase() };
    expect((await post([upper])).statusCode).toBe(200);
    const again = await post([response]);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ acknowledged: [response.id] });
    expect(await stored()).toBe(before + 1);
    const row = await env.db.kysely.selectFrom('responses').select('id').where('id', '=', response.id).executeTakeFirst();
    expect(row?.id).toBe(response.id);
  });
});
