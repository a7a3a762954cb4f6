/**
 * Recorded voices and videos on real SQLite and PostgreSQL: upload, replace
 * (new hash), delete, wrong type and oversized files refused with clear
 * messages, another municipality's coordinator kept out, and a recording
 * played only for the words it was recorded for.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import type { Db } from '../../src/server/db/database.ts';
import { hashPassword } from '../../src/server/password.ts';
import { QuestionnaireCache, registerQuestionnaires } from '../../src/server/questionnaireVersions.ts';
import { createMunicipality, createRound, createUnit } from '../../src/server/roundAdmin.ts';
import { prepareDatabase } from '../../src/server/server.ts';
import { DATABASE_KINDS, freshDatabase, type TestDatabase } from '../support/databases.ts';
import { fixtureQuestionnaires } from '../support/fixtures.ts';
import { mp4File, silentWav, webmHeader } from '../support/media.ts';

const PASSWORD = 'riktig hest batteri stift';
const HEADERS = { origin: 'http://localhost', host: 'localhost' };

describe.each(DATABASE_KINDS)('question media on %s', (kind) => {
  let testDb: TestDatabase;
  let db: Db;
  let app: FastifyInstance;
  let cookieA = '';
  let cookieB = '';
  let tabletCode = '';
  let municipalityA = 0;
  let unitA = 0;

  beforeAll(async () => {
    testDb = await freshDatabase(kind);
    db = await prepareDatabase(testDb.config, fixtureQuestionnaires());
    const k = db.kysely;
    const a = await createMunicipality(k, 'A');
    const b = await createMunicipality(k, 'B');
    const unit = await createUnit(k, a, 'U');
    municipalityA = a;
    unitA = unit;
    tabletCode = (await createRound(k, { municipalityId: a, name: 'R', opensOn: '2026-01-01', closesOn: '2026-12-31', status: 'open', unitIds: [unit], questionnaireIds: ['eksempel'] })).tablet_code;
    const hash = await hashPassword(PASSWORD);
    await k.insertInto('coordinators').values([
      { municipality_id: a, username: 'a', password_hash: hash, is_admin: 0 },
      { municipality_id: b, username: 'b', password_hash: hash, is_admin: 0 },
    ]).execute();
    app = await buildApp({ db, questionnaires: new QuestionnaireCache(k) });
    const login = async (username: string) =>
      String((await app.inject({ method: 'POST', url: '/api/v1/coordinator/login', payload: { username, password: PASSWORD }, headers: HEADERS })).headers['set-cookie']).split(';')[0]!;
    cookieA = await login('a');
    cookieB = await login('b');
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
    await testDb?.drop();
  });

  const path = (key: string, mediaKind = 'audio', language = 'nb') => `/api/v1/coordinator/media/eksempel/${language}/${mediaKind}/${key}`;
  const put = (url: string, body: Buffer, type: string, cookie = cookieA) =>
    app.inject({ method: 'PUT', url, payload: body, headers: { ...HEADERS, cookie, 'content-type': type } });
  const list = async (cookie = cookieA) => (await app.inject({ url: '/api/v1/coordinator/media?questionnaireId=eksempel&language=nb', headers: { cookie } })).json();

  it('lists every text a respondent hears, with coverage', async () => {
    const body = await list();
    const keys = body.items.map((i: { key: string }) => i.key);
    expect(keys).toContain('page:hei:title');
    expect(keys).toContain('question:bolig-trives');
    expect(keys).toContain('option:ja-bade-nei:bade');
    expect(keys).toContain('help:navigation');
    expect(body.coverage).toEqual({ recorded: 0, total: keys.length });
  });

  it('uploads, serves, replaces with a new hash and deletes a recorded voice', async () => {
    const first = await put(path('question:bolig-trives'), silentWav(800, 0), 'audio/wav');
    expect(first.statusCode).toBe(201);
    const { hash, url } = first.json();
    expect(url).toBe(`/media/${hash}.wav`);
    const served = await app.inject(url);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('audio/wav');
    expect(served.headers['cache-control']).toContain('immutable');
    expect(served.rawPayload.equals(silentWav(800, 0))).toBe(true);

    const config = (await app.inject(`/api/v1/rounds/${tabletCode}`)).json();
    expect(config.media).toEqual([{ questionnaireId: 'eksempel', language: 'nb', key: 'question:bolig-trives', kind: 'audio', url, hash }]);
    expect((await list()).coverage.recorded).toBe(1);

    const second = await put(path('question:bolig-trives'), silentWav(900, 1), 'audio/wav');
    expect(second.json().hash).not.toBe(hash);
    expect((await app.inject(url)).statusCode).toBe(404);
    expect((await app.inject(`/api/v1/rounds/${tabletCode}`)).json().media[0].hash).toBe(second.json().hash);

    expect((await app.inject({ method: 'DELETE', url: path('question:bolig-trives'), headers: { ...HEADERS, cookie: cookieA } })).statusCode).toBe(204);
    expect((await app.inject(`/api/v1/rounds/${tabletCode}`)).json().media).toEqual([]);
    expect((await app.inject(second.json().url)).statusCode).toBe(404);
  });

  it('answers a byte range with 206 and two bytes, as Safari asks for audio and video', async () => {
    const wav = silentWav(600, 3);
    const { url } = (await put(path('question:dagtid-har'), wav, 'audio/wav')).json();
    try {
      const full = await app.inject(url);
      expect(full.headers['accept-ranges']).toBe('bytes');
      const first = await app.inject({ url, headers: { range: 'bytes=0-1' } });
      expect(first.statusCode).toBe(206);
      expect(first.headers['content-range']).toBe(`bytes 0-1/${wav.length}`);
      expect(first.headers['accept-ranges']).toBe('bytes');
      expect(first.rawPayload.equals(wav.subarray(0, 2))).toBe(true);
      const tail = await app.inject({ url, headers: { range: 'bytes=40-' } });
      expect(tail.statusCode).toBe(206);
      expect(tail.rawPayload.equals(wav.subarray(40))).toBe(true);
      const beyond = await app.inject({ url, headers: { range: `bytes=${wav.length + 10}-` } });
      expect(beyond.statusCode).toBe(416);
      expect(beyond.headers['content-range']).toBe(`bytes */${wav.length}`);
    } finally {
      await app.inject({ method: 'DELETE', url: path('question:dagtid-har'), headers: { ...HEADERS, cookie: cookieA } });
    }
  });

  it('refuses a file that is not sound, whatever it claims, and one that is too large', async () => {
    const fake = await put(path('question:bolig-lei'), Buffer.from('dette er ikke lyd, bare tekst som later som'), 'audio/mpeg');
    expect(fake.statusCode).toBe(415);
    expect(fake.json().error.message).toContain('MP3, M4A eller WAV');
    const big = await put(path('question:bolig-lei'), silentWav(3_000_000), 'audio/wav');
    expect(big.statusCode).toBe(413);
    expect(big.json().error.message).toContain('høyst 5 MB');
    const video = await put(path('option:ja-bade-nei:ja', 'video'), silentWav(), 'video/mp4');
    expect(video.statusCode).toBe(400);
    expect(video.json().error.code).toBe('media-video-only-questions');
    expect((await put(path('question:finnes-ikke'), silentWav(), 'audio/wav')).statusCode).toBe(404);
    expect((await list()).coverage.recorded).toBe(0);
  });

  it('checks a file by its tracks and codecs: a voice is sound only, a sign-language video has a picture an iPad plays', async () => {
    try {
      const h264 = mp4File([{ handler: 'vide', codec: 'avc1' }, { handler: 'soun', codec: 'mp4a' }]);
      const m4a = mp4File([{ handler: 'soun', codec: 'mp4a' }], 'M4A ');
      const asVoice = await put(path('question:bolig-lei'), h264, 'audio/mp4');
      expect(asVoice.statusCode).toBe(415);
      expect(asVoice.json().error.code).toBe('media-voice-has-video');
      expect(asVoice.json().error.message).toContain('bilde');
      const asVideo = await put(path('question:bolig-lei', 'video'), m4a, 'video/mp4');
      expect(asVideo.statusCode).toBe(415);
      expect(asVideo.json().error.code).toBe('media-video-without-picture');
      const wavAsVideo = await put(path('question:bolig-lei', 'video'), silentWav(), 'video/mp4');
      expect(wavAsVideo.json().error.code).toBe('media-video-without-picture');
      const opus = await put(path('question:bolig-lei'), mp4File([{ handler: 'soun', codec: 'Opus' }]), 'audio/mp4');
      expect(opus.statusCode).toBe(415);
      expect(opus.json().error.code).toBe('media-codec-unplayable');
      const mpeg4Part2 = await put(path('question:bolig-lei', 'video'), mp4File([{ handler: 'vide', codec: 'mp4v' }]), 'video/mp4');
      expect(mpeg4Part2.json().error.code).toBe('media-codec-unplayable');
      const webmAudio = await put(path('question:bolig-lei', 'video'), webmHeader(['A_OPUS']), 'video/webm');
      expect(webmAudio.json().error.code).toBe('media-video-without-picture');
      const english = await app.inject({ method: 'PUT', url: path('question:bolig-lei'), payload: h264, headers: { ...HEADERS, cookie: cookieA, 'content-type': 'audio/mp4', 'accept-language': 'en' } });
      expect(english.json().error.message).toContain('picture');
      expect((await list()).coverage.recorded).toBe(0);

      // What an iPad plays is kept, whatever the browser declared.
      const voice = await put(path('question:bolig-lei'), m4a, 'video/mp4');
      expect(voice.statusCode).toBe(201);
      expect(voice.json().url).toMatch(/\.m4a$/);
      const video = await put(path('question:bolig-lei', 'video'), h264, 'video/mp4');
      expect(video.statusCode).toBe(201);
      expect(video.json().url).toMatch(/\.mp4$/);
      const vp9 = await put(path('question:bolig-trygg', 'video'), webmHeader(['V_VP9', 'A_OPUS']), 'video/webm');
      expect(vp9.statusCode).toBe(201);
    } finally {
      for (const [key, kind] of [['question:bolig-lei', 'audio'], ['question:bolig-lei', 'video'], ['question:bolig-trygg', 'video']] as const) {
        await app.inject({ method: 'DELETE', url: path(key, kind), headers: { ...HEADERS, cookie: cookieA } });
      }
    }
  });

  it("keeps another municipality's coordinator out of this municipality's media", async () => {
    const mine = await put(path('question:bolig-trygg'), silentWav(700, 2), 'audio/wav');
    expect(mine.statusCode).toBe(201);
    expect((await list(cookieB)).coverage.recorded).toBe(0);
    const theirs = await app.inject({ method: 'DELETE', url: path('question:bolig-trygg'), headers: { ...HEADERS, cookie: cookieB } });
    expect(theirs.statusCode).toBe(404);
    expect((await app.inject(`/api/v1/rounds/${tabletCode}`)).json().media).toHaveLength(1);
    expect((await put(path('question:bolig-trygg'), silentWav(), 'audio/wav', '')).statusCode).toBe(401);
    const crossSite = await app.inject({ method: 'PUT', url: path('question:bolig-trygg'), payload: silentWav(), headers: { host: 'localhost', origin: 'https://evil.example', cookie: cookieA, 'content-type': 'audio/wav' } });
    expect(crossSite.statusCode).toBe(403);
  });

  it('plays a recording only for the words it was recorded for: a version that words the text otherwise gets the device voice, and the page asks again', async () => {
    const k = db.kysely;
    const first = fixtureQuestionnaires().find((q) => q.id === 'eksempel')!;
    expect((await put(path('question:bolig-trives'), silentWav(500, 4), 'audio/wav')).statusCode).toBe(201);
    // A new version words that question otherwise and keeps every other text; a new round takes it.
    const reworded = { ...first, version: 2, questions: first.questions.map((q) => (q.id === 'bolig-trives' ? { ...q, text: { ...q.text, nb: 'Trives du der du bor?' } } : q)) };
    expect(await registerQuestionnaires(k, [reworded])).toEqual([]);
    const newCode = (await createRound(k, { municipalityId: municipalityA, name: 'R2', opensOn: '2026-01-01', closesOn: '2026-12-31', status: 'open', unitIds: [unitA], questionnaireIds: ['eksempel'] })).tablet_code;
    const keysOf = async (code: string) => ((await app.inject(`/api/v1/rounds/${code}`)).json().media as { key: string }[]).map((m) => m.key).sort();
    const trives = async () => (await list()).items.find((i: { key: string }) => i.key === 'question:bolig-trives');

    // The round on the first version plays both recordings; the round on the new one only the text worded as before.
    expect(await keysOf(tabletCode)).toEqual(['question:bolig-trives', 'question:bolig-trygg']);
    expect(await keysOf(newCode)).toEqual(['question:bolig-trygg']);
    // The media page shows the newest words, says the recording is for other words, and does not count it.
    expect(await trives()).toMatchObject({ text: 'Trives du der du bor?', audio: { outdated: true } });
    expect((await list()).coverage.recorded).toBe(1);

    // Recorded again for the new words: the new round plays it; the first round's old words get the device voice.
    const again = await put(path('question:bolig-trives'), silentWav(500, 5), 'audio/wav');
    expect(again.json()).toMatchObject({ outdated: false });
    expect(await keysOf(newCode)).toEqual(['question:bolig-trives', 'question:bolig-trygg']);
    expect(await keysOf(tabletCode)).toEqual(['question:bolig-trygg']);
    expect(await trives()).toMatchObject({ audio: { outdated: false } });
    expect((await list()).coverage.recorded).toBe(2);

    // A recording stored before the words were kept is taken as current, for every version.
    await k.updateTable('media_assignments').set({ spoken_text: null }).where('text_key', '=', 'question:bolig-trives').execute();
    expect(await keysOf(tabletCode)).toEqual(['question:bolig-trives', 'question:bolig-trygg']);
  });
});
