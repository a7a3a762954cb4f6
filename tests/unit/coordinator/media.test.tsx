// @vitest-environment jsdom
/**
 * The media page: coverage per language at a glance; an Ogg file is
 * decoded and sent as a WAV; an MP3/WAV goes as it is and a refusal shows
 * the server's own message; delete asks first; a recording is explained
 * before the microphone is asked for, counts down 3-2-1, is heard back and
 * saved as a WAV; a recording made for words a text no longer has is
 * named as such and counted as missing.
 */
import '@testing-library/jest-dom/vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mediaListSchema, type MediaList } from '../../../src/coordinator/media/mediaApi.ts';
import { apiError, fakeApi, FIRST_RENDER, renderAt, resetApi, type Call, type Reply, type Route } from './fakeApi.tsx';
import { API, me, questionnaires } from './fixtures.ts';

const PAGE = '/koordinator/lyd';

function list(language: 'nb' | 'nn', recorded: boolean): MediaList {
  const text = (nb: string, nn: string) => (language === 'nb' ? nb : nn);
  const items = [
    { key: 'page:hei:title', kind: 'page', text: 'Hei!', audio: null, video: null },
    { key: 'page:hei:text', kind: 'page', text: text('Jeg heter Eir.', 'Eg heiter Eir.'), audio: null, video: null },
    {
      key: 'question:bolig-trives', kind: 'question', text: text('Liker du å bo der du bor?', 'Likar du å bu der du bur?'),
      audio: recorded ? { url: '/media/a1b2.wav', hash: 'a1b2', outdated: false } : null, video: null,
    },
    { key: 'question:bolig-lei', kind: 'question', text: text('Er du lei deg der du bor?', 'Er du lei deg der du bur?'), audio: null, video: null },
    { key: 'option:ja-bade-nei:ja', kind: 'option', text: 'Ja', audio: null, video: null },
    { key: 'help:navigation', kind: 'help', text: text('Trykk på svaret ditt.', 'Trykk på svaret ditt.'), audio: null, video: null },
  ];
  return mediaListSchema.parse({ items, coverage: { recorded: items.filter((i) => i.audio).length, total: items.length } });
}

const mediaPath = (key: string, kind = 'audio', language = 'nb') => `${API}/media/respondent/${language}/${kind}/${encodeURIComponent(key)}`;

function api(extra: Record<string, Route> = {}) {
  return fakeApi({
    [`GET ${API}/me`]: { status: 200, body: me },
    [`GET ${API}/questionnaires`]: { status: 200, body: questionnaires },
    [`GET ${API}/media`]: (call: Call): Reply => {
      const params = new URL(call.url, 'http://localhost').searchParams;
      if (params.get('questionnaireId') !== 'respondent') return apiError(404, 'media-unknown-text', 'Teksten finnes ikke.');
      return { status: 200, body: list(params.get('language') === 'nn' ? 'nn' : 'nb', params.get('language') === 'nb') };
    },
    ...extra,
  });
}

/** The list item of one text, found by its heading. */
async function item(text: string): Promise<HTMLElement> {
  const heading = await screen.findByRole('heading', { name: text, level: 3 }, FIRST_RENDER);
  return heading.closest('li')!;
}

const fileInput = (li: HTMLElement, accept: string) =>
  [...li.querySelectorAll<HTMLInputElement>('input[type="file"]')].find((input) => input.accept.includes(accept))!;

async function bytesOf(body: unknown): Promise<Uint8Array> {
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  throw new Error(`not an ArrayBuffer: ${String(body)}`);
}

const ascii = (bytes: Uint8Array, start: number, end: number) => String.fromCharCode(...bytes.subarray(start, end));

/** Web Audio as a browser decodes an Ogg file: 0.1 s of 44.1 kHz stereo. */
function stubAudioContext() {
  const decodeAudioData = vi.fn(async (_data: ArrayBuffer) => ({
    numberOfChannels: 2,
    sampleRate: 44_100,
    getChannelData: (channel: number) => new Float32Array(4410).fill(channel === 0 ? 0.5 : 0.25),
  }));
  class FakeAudioContext {
    decodeAudioData = decodeAudioData;
    close = vi.fn(async () => undefined);
  }
  vi.stubGlobal('AudioContext', FakeAudioContext);
  return decodeAudioData;
}

describe('media page', { timeout: 20_000 }, () => {
  let user: UserEvent;
  afterEach(() => {
    resetApi();
    vi.useRealTimers();
  });

  it('shows coverage per language with the missing texts, and every text with its voice state', async () => {
    user = userEvent.setup({ delay: null });
    api();
    renderAt(PAGE);
    expect(await screen.findByText('1 av 6 tekster har innlest stemme', {}, FIRST_RENDER)).toBeInTheDocument();
    expect(screen.getByText('0 av 6 tekster har innlest stemme')).toBeInTheDocument();
    expect(screen.getByText('5 tekster mangler innlest stemme')).toBeInTheDocument();
    expect(screen.getByText('6 tekster mangler innlest stemme')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'Spørsmål (Bokmål)' })).toBeInTheDocument();

    const trives = await item('Liker du å bo der du bor?');
    expect(trives).toHaveTextContent('Innlest stemme');
    expect(trives.querySelector('audio')).toHaveAttribute('src', '/media/a1b2.wav');
    expect(within(trives).getByText('Ingen tegnspråkvideo')).toBeInTheDocument();
    const lei = await item('Er du lei deg der du bor?');
    expect(lei).toHaveTextContent('Ingen innlest stemme – enhetens stemme brukes');
    expect(lei.querySelector('audio')).toBeNull();
    // Only questions get a sign-language video.
    expect(within(await item('Ja')).queryByRole('button', { name: 'Last opp tegnspråkvideo' })).toBeNull();

    await user.selectOptions(screen.getByLabelText('Språk'), 'nn');
    expect(await item('Likar du å bu der du bur?')).toHaveTextContent('Ingen innlest stemme – enhetens stemme brukes');
    expect(screen.getByRole('heading', { name: 'Likar du å bu der du bur?' })).toHaveAttribute('lang', 'nn');
  });

  it('says when a recording was made for words the text no longer has, and counts the text as missing', async () => {
    const outdated = (language: 'nb' | 'nn'): MediaList => {
      const base = list(language, language === 'nb');
      const items = base.items.map((i) => (i.audio ? { ...i, audio: { ...i.audio, outdated: true } } : i));
      return { items, coverage: { recorded: 0, total: items.length } };
    };
    api({
      [`GET ${API}/media`]: (call: Call): Reply => ({ status: 200, body: outdated(new URL(call.url, 'http://localhost').searchParams.get('language') === 'nn' ? 'nn' : 'nb') }),
    });
    renderAt(PAGE);
    expect(await screen.findAllByText('0 av 6 tekster har innlest stemme', {}, FIRST_RENDER)).toHaveLength(2);
    expect(screen.getAllByText('6 tekster mangler innlest stemme')).toHaveLength(2);
    const trives = await item('Liker du å bo der du bor?');
    expect(trives).toHaveTextContent('Innlest for en eldre tekst – nettbrettene bruker enhetens stemme. Teksten er endret etter at stemmen ble lest inn: les inn på nytt.');
    expect(trives).not.toHaveTextContent('✓');
    // The old recording can still be heard, replaced or deleted.
    expect(trives.querySelector('audio')).toHaveAttribute('src', '/media/a1b2.wav');
    expect(await item('Er du lei deg der du bor?')).not.toHaveTextContent('eldre tekst');
  });

  it('decodes an uploaded Ogg file and sends it as a 22 050 Hz mono WAV', async () => {
    user = userEvent.setup({ delay: null });
    const decode = stubAudioContext();
    const stored = { hash: 'c3d4', url: '/media/c3d4.wav', outdated: false };
    const fake = api({ [`PUT ${mediaPath('question:bolig-lei')}`]: { status: 201, body: stored } });
    renderAt(PAGE);
    const lei = await item('Er du lei deg der du bor?');

    const ogg = new File([new Uint8Array([0x4f, 0x67, 0x67, 0x53, 0, 2, ...new Array(40).fill(7)])], 'stemme.ogg', { type: 'audio/ogg' });
    await user.upload(fileInput(lei, '.ogg'), ogg);

    expect(await within(lei).findByText('Stemmen er lagret.')).toBeInTheDocument();
    expect(decode).toHaveBeenCalledTimes(1);
    const [put] = fake.callsTo('PUT', mediaPath('question:bolig-lei'));
    expect(put?.headers.get('Content-Type')).toBe('audio/wav');
    const wav = await bytesOf(put?.body);
    expect(ascii(wav, 0, 4)).toBe('RIFF');
    expect(ascii(wav, 8, 12)).toBe('WAVE');
    expect(new DataView(wav.buffer).getUint32(24, true)).toBe(22_050);
    expect(wav.byteLength).toBe(44 + 2205 * 2);
    expect(lei.querySelector('audio')).toHaveAttribute('src', stored.url);
    expect(screen.getByText('2 av 6 tekster har innlest stemme')).toBeInTheDocument();
  });

  it('sends a WAV file as it is and shows the server’s message when it is refused', async () => {
    user = userEvent.setup({ delay: null });
    const decode = stubAudioContext();
    const message = 'Filen er for stor. Lyd kan være høyst 5 MB og video høyst 60 MB.';
    const fake = api({ [`PUT ${mediaPath('question:bolig-lei')}`]: apiError(413, 'media-too-large', message) });
    renderAt(PAGE);
    const lei = await item('Er du lei deg der du bor?');

    const bytes = new Uint8Array([...'RIFF'].map((c) => c.charCodeAt(0)).concat([0, 0, 0, 0], [...'WAVE'].map((c) => c.charCodeAt(0)), new Array(20).fill(1)));
    await user.upload(fileInput(lei, '.wav'), new File([bytes], 'lang.wav', { type: 'audio/wav' }));

    expect((await within(lei).findByText(message)).closest('[role="alert"]')).not.toBeNull();
    expect(decode).not.toHaveBeenCalled();
    const [put] = fake.callsTo('PUT', mediaPath('question:bolig-lei'));
    expect(put?.headers.get('Content-Type')).toBe('audio/wav');
    expect(await bytesOf(put?.body)).toEqual(bytes);
    expect(lei).toHaveTextContent('Ingen innlest stemme – enhetens stemme brukes');
    expect(screen.getByText('1 av 6 tekster har innlest stemme')).toBeInTheDocument();
  });

  it('refuses a sound file over 5 MB before sending it, in the coordinator\'s language', async () => {
    user = userEvent.setup({ delay: null });
    const decode = stubAudioContext();
    const fake = api({});
    renderAt(PAGE);
    const lei = await item('Er du lei deg der du bor?');

    const header = [...'RIFF'].map((c) => c.charCodeAt(0)).concat([0, 0, 0, 0], [...'WAVE'].map((c) => c.charCodeAt(0)));
    const big = new File([new Uint8Array(header), new Uint8Array(5 * 1024 * 1024)], 'lang.wav', { type: 'audio/wav' });
    await user.upload(fileInput(lei, '.wav'), big);

    const alert = (await within(lei).findByText(/Filen er 5,0 MB\. En innlest stemme kan være høyst 5 MB/)).closest('[role="alert"]');
    expect(alert).not.toBeNull();
    expect(fake.callsTo('PUT', mediaPath('question:bolig-lei'))).toHaveLength(0);
    expect(decode).not.toHaveBeenCalled();
  });

  it('asks before deleting a voice, and Cancel deletes nothing', async () => {
    user = userEvent.setup({ delay: null });
    const fake = api({ [`DELETE ${mediaPath('question:bolig-trives')}`]: { status: 204 } });
    renderAt(PAGE);
    const trives = await item('Liker du å bo der du bor?');

    await user.click(within(trives).getByRole('button', { name: 'Slett stemmen' }));
    const question = within(trives).getByRole('group', { name: /Slette den innleste stemmen for «Liker du å bo der du bor\?»/ });
    expect(fake.callsTo('DELETE', mediaPath('question:bolig-trives'))).toHaveLength(0);
    expect(within(question).getByRole('button', { name: 'Avbryt' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(within(trives).getByRole('button', { name: 'Slett stemmen' })).toHaveFocus();
    expect(fake.callsTo('DELETE', mediaPath('question:bolig-trives'))).toHaveLength(0);

    await user.click(within(trives).getByRole('button', { name: 'Slett stemmen' }));
    await user.click(within(trives).getByRole('button', { name: 'Ja, slett stemmen' }));
    expect(await within(trives).findByText('Stemmen er slettet. Enhetens stemme brukes.')).toBeInTheDocument();
    expect(fake.callsTo('DELETE', mediaPath('question:bolig-trives'))).toHaveLength(1);
    expect(trives).toHaveTextContent('Ingen innlest stemme – enhetens stemme brukes');
    expect(screen.getAllByText('0 av 6 tekster har innlest stemme')).toHaveLength(2);
  });
});
