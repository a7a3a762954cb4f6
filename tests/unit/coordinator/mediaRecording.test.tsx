// @vitest-environment jsdom
/**
 * Recording a voice in the browser: the page explains first and asks for
 * the microphone only on "Start opptaket", counts down 3-2-1, records until
 * Stop, releases the microphone, lets the coordinator listen, and saves the
 * recording (WebM/Opus from MediaRecorder) as a WAV. A refused microphone
 * is explained in plain words.
 */
import '@testing-library/jest-dom/vitest';
import { act, screen, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mediaListSchema } from '../../../src/coordinator/media/mediaApi.ts';
import { fakeApi, FIRST_RENDER, renderAt, resetApi } from './fakeApi.tsx';
import { API, me, questionnaires } from './fixtures.ts';

const TEXT = 'Er du lei deg der du bor?';
const PUT_PATH = `${API}/media/respondent/nb/audio/${encodeURIComponent('question:bolig-lei')}`;
const list = mediaListSchema.parse({
  items: [{ key: 'question:bolig-lei', kind: 'question', text: TEXT, audio: null, video: null }],
  coverage: { recorded: 0, total: 1 },
});

function api() {
  return fakeApi({
    [`GET ${API}/me`]: { status: 200, body: me },
    [`GET ${API}/questionnaires`]: { status: 200, body: questionnaires },
    [`GET ${API}/media`]: { status: 200, body: list },
    [`PUT ${PUT_PATH}`]: { status: 201, body: { hash: 'e5f6', url: '/media/e5f6.wav', outdated: false } },
  });
}

/** A microphone and MediaRecorder as Chrome gives them: WebM/Opus chunks. */
function stubRecording(getUserMedia: () => Promise<unknown>) {
  const track = { stop: vi.fn() };
  const stream = { getTracks: () => [track] };
  const userMedia = vi.fn(async () => {
    await getUserMedia();
    return stream;
  });
  Object.defineProperty(navigator, 'mediaDevices', { configurable: true, value: { getUserMedia: userMedia } });
  class FakeRecorder {
    state = 'inactive';
    mimeType = 'audio/webm;codecs=opus';
    ondataavailable: ((event: { data: Blob }) => void) | null = null;
    onstop: (() => void) | null = null;
    start() {
      this.state = 'recording';
    }
    stop() {
      this.state = 'inactive';
      this.ondataavailable?.({ data: new Blob([new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, ...new Array(30).fill(3)])], { type: this.mimeType }) });
      this.onstop?.();
    }
  }
  vi.stubGlobal('MediaRecorder', FakeRecorder);
  class FakeAudioContext {
    decodeAudioData = async () => ({ numberOfChannels: 1, sampleRate: 48_000, getChannelData: () => new Float32Array(48_000).fill(0.1) });
    close = async () => undefined;
  }
  vi.stubGlobal('AudioContext', FakeAudioContext);
  URL.createObjectURL = vi.fn(() => 'blob:opptak');
  URL.revokeObjectURL = vi.fn();
  return { track, userMedia };
}

describe('recording a voice', { timeout: 20_000 }, () => {
  let user: UserEvent;
  beforeEach(() => {
    user = userEvent.setup({ delay: null });
  });
  afterEach(() => {
    resetApi();
    vi.useRealTimers();
  });

  async function item() {
    return (await screen.findByRole('heading', { name: TEXT, level: 3 }, FIRST_RENDER)).closest('li')!;
  }

  it('explains, asks for the microphone, counts down, records, plays back and saves a WAV', async () => {
    const { track, userMedia } = stubRecording(async () => undefined);
    const fake = api();
    renderAt('/koordinator/lyd');
    const li = await item();

    await user.click(within(li).getByRole('button', { name: 'Ta opp' }));
    expect(within(li).getByText(/spør nettleseren om lov til å bruke mikrofonen/)).toBeInTheDocument();
    expect(userMedia).not.toHaveBeenCalled();

    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    await user.click(within(li).getByRole('button', { name: 'Start opptaket' }));
    expect(await within(li).findByText('Opptaket starter om 3')).toBeInTheDocument();
    expect(userMedia).toHaveBeenCalledWith({ audio: true });
    act(() => vi.advanceTimersByTime(1000));
    expect(within(li).getByText('Opptaket starter om 2')).toBeInTheDocument();
    act(() => vi.advanceTimersByTime(1000));
    expect(within(li).getByText('Opptaket starter om 1')).toBeInTheDocument();
    act(() => vi.advanceTimersByTime(1000));
    expect(within(li).getByText(/Opptaket er i gang/)).toBeInTheDocument();
    act(() => vi.advanceTimersByTime(2000));
    expect(within(li).getByText('2 sekunder av høyst 110')).toBeInTheDocument();
    expect(within(li).getByRole('button', { name: 'Stopp' })).toHaveFocus();

    await user.click(within(li).getByRole('button', { name: 'Stopp' }));
    expect(track.stop).toHaveBeenCalled();
    expect(within(li).getByText('Lytt til opptaket før du lagrer det.')).toBeInTheDocument();
    expect(li.querySelector('audio')).toHaveAttribute('src', 'blob:opptak');
    expect(fake.callsTo('PUT', PUT_PATH)).toHaveLength(0);

    await user.click(within(li).getByRole('button', { name: 'Lagre opptaket' }));
    expect(await within(li).findByText('Stemmen er lagret.')).toBeInTheDocument();
    const [put] = fake.callsTo('PUT', PUT_PATH);
    expect(put?.headers.get('Content-Type')).toBe('audio/wav');
    expect((put?.body as ArrayBuffer).byteLength).toBe(44 + 22_050 * 2);
    expect(li.querySelector('audio')).toHaveAttribute('src', '/media/e5f6.wav');
    expect(screen.getByText('1 av 1 tekst har innlest stemme')).toBeInTheDocument();
  });

  it('explains a refused microphone in plain words', async () => {
    stubRecording(async () => {
      throw new DOMException('Permission denied', 'NotAllowedError');
    });
    api();
    renderAt('/koordinator/lyd');
    const li = await item();
    await user.click(within(li).getByRole('button', { name: 'Ta opp' }));
    await user.click(within(li).getByRole('button', { name: 'Start opptaket' }));
    expect(await within(li).findByText(/Nettleseren fikk ikke lov til å bruke mikrofonen/)).toBeInTheDocument();
    await user.click(within(li).getByRole('button', { name: 'Lukk' }));
    expect(within(li).getByRole('button', { name: 'Ta opp' })).toHaveFocus();
  });
});
