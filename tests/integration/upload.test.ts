/**
 * Emergency files on a real SQLite file and a real PostgreSQL database: a
 * tablet's round configuration carries only the server's public key; a
 * file sealed with it (by the tablet's own code, Web Crypto in Node) is
 * opened by the server alone and stored exactly once however often it is
 * uploaded; a changed file, another municipality's file and a file that is
 * not one are refused with a clear message and store nothing; a file in
 * clear from an older tablet still works.
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../src/server/password.ts';
import { createMunicipality, createRound, createUnit } from '../../src/server/roundAdmin.ts';
import { EXPORT_FORMAT, type SealedExportFile } from '../../src/shared/exportFile.ts';
import type { SurveyResponse } from '../../src/shared/response.ts';
import { roundConfigSchema } from '../../src/shared/roundConfig.ts';
import { seal } from '../../src/storage/exportOutbox.ts';
import { HEADERS, PASSWORD } from '../support/attacker/attackedRound.ts';
import { useAppOnDatabase } from '../support/appOnDatabase.ts';
import { DATABASE_KINDS } from '../support/databases.ts';

describe.each(DATABASE_KINDS)('emergency files on %s', (kind) => {
  const server = useAppOnDatabase(kind);
  const cookies: Record<string, string> = {};
  let tabletCode = '';
  let unitId = 0;

  beforeAll(async () => {
    const k = server.db.kysely;
    const hash = await hashPassword(PASSWORD);
    for (const name of ['a', 'b']) {
      const municipalityId = await createMunicipality(k, `Kommune ${name}`);
      const unit = await createUnit(k, municipalityId, 'Bolig');
      const round = await createRound(k, { municipalityId, name: 'Runde', opensOn: '2026-09-01', closesOn: '2026-12-31', status: 'open', unitIds: [unit], questionnaireIds: ['eksempel', 'eksempel-parorende'] });
      if (name === 'a') [tabletCode, unitId] = [round.tablet_code, unit];
      await k.insertInto('coordinators').values({ municipality_id: municipalityId, username: `koordinator-${name}`, password_hash: hash, is_admin: 0 }).execute();
      const login = await server.app.inject({ method: 'POST', url: '/api/v1/coordinator/login', payload: { username: `koordinator-${name}`, password: PASSWORD }, headers: HEADERS });
      cookies[name] = String(login.headers['set-cookie']).split(';')[0]!;
    }
  });

  const responses = (count: number): SurveyResponse[] =>
    Array.from({ length: count }, (_, i) => ({
      id: randomUUID(), questionnaireId: 'eksempel', questionnaireVersion: 1, audience: 'respondent', language: 'nb', roundCode: tabletCode, unitId,
      answeredBy: 'alone', answers: { 'bolig-trives': i % 2 ? 'ja' : 'nei' }, comments: {}, completion: 'finished', completedOn: '2026-10-01',
    }));
  const sealedFile = async (list: SurveyResponse[]): Promise<SealedExportFile> => {
    const config = roundConfigSchema.parse((await server.app.inject({ method: 'GET', url: `/api/v1/rounds/${tabletCode}` })).json());
    return { format: EXPORT_FORMAT, version: 2, exportedOn: '2026-10-02', count: list.length, sealed: await seal(list, config.sealingKey!) };
  };
  const upload = (file: unknown, who = 'a', language = 'nb') =>
    server.app.inject({ method: 'POST', url: '/api/v1/coordinator/upload', payload: file as object, headers: { ...HEADERS, cookie: cookies[who]!, 'accept-language': language } });
  const stored = async () => Number((await server.db.kysely.selectFrom('responses').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it("gives tablets the server's public key and nothing of its private key", async () => {
    const config = (await server.app.inject({ method: 'GET', url: `/api/v1/rounds/${tabletCode}` })).json();
    expect(Object.keys(config.sealingKey.jwk).sort()).toEqual(['e', 'kty', 'n']);
  });

  it('opens a sealed file on the server only, and stores its responses exactly once however often it is uploaded', async () => {
    const list = responses(60);
    const file = await sealedFile(list);
    const text = JSON.stringify(file);
    expect(text).not.toContain(tabletCode);
    expect(text).not.toContain('bolig-trives');
    const before = await stored();
    for (let time = 0; time < 2; time++) {
      const res = await upload(file);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ total: 60, stored: 60, refused: [] });
      expect(await stored()).toBe(before + 60);
    }
  });

  it('refuses a file changed after sealing, in the caller\'s language, and stores nothing', async () => {
    const file = await sealedFile(responses(3));
    const data = Buffer.from(file.sealed.data, 'base64');
    data[5] = data[5]! ^ 1;
    const before = await stored();
    const res = await upload({ ...file, sealed: { ...file.sealed, data: data.toString('base64') } }, 'a', 'en');
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'sealed-file-unreadable', message: expect.stringContaining('cannot be opened') });
    expect(await stored()).toBe(before);
  });

  it("refuses each response of another municipality's round and stores none of them", async () => {
    const before = await stored();
    const res = await upload(await sealedFile(responses(2)), 'b');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ total: 2, stored: 0 });
    expect(res.json().refused.map((r: { message: string }) => r.message)).toEqual([expect.stringContaining('annen kommune'), expect.stringContaining('annen kommune')]);
    expect(await stored()).toBe(before);
  });

  it('stores a file in clear from an older tablet, names a refused response, and refuses what is not a response file', async () => {
    const list = responses(3);
    list[1] = { ...list[1]!, answers: { 'finnes-ikke': 'ja' } };
    const res = await upload({ format: EXPORT_FORMAT, version: 1, exportedOn: '2026-10-02', responses: list });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ total: 3, stored: 2, refused: [{ responseId: list[1]!.id }] });
    const junk = await upload({ hello: 'world' });
    expect(junk.statusCode).toBe(400);
    expect(junk.json().error.code).toBe('invalid-export-file');
  });
});
