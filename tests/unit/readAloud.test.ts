/**
 * The read-aloud controller against a fake speech engine and fake audio
 * files: recorded files first, one sentence per utterance with no overlap,
 * Norwegian voice choice, cancelling, highlighting state; and the sentence
 * splitter it reads by.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createReadAloud, pickVoice } from '../../src/survey/readAloud.ts';
import type { AudioLike, ReadAloudItem, ReadAloudState, SpeechSynthesisLike, UtteranceEventLike, UtteranceLike, VoiceLike } from '../../src/survey/readAloud.ts';
import { splitSentences, wordAt } from '../../src/survey/sentences.ts';

class FakeUtterance extends EventTarget implements UtteranceLike {
  lang = '';
  voice: VoiceLike | null = null;
  constructor(public text: string) {
    super();
  }
}

/** Queues utterances like a real engine; the test ends them one by one. */
class FakeSynth extends EventTarget implements SpeechSynthesisLike {
  readonly spoken: FakeUtterance[] = [];
  pending: FakeUtterance[] = [];
  maxPending = 0;
  cancelCalls = 0;
  constructor(public voices: VoiceLike[] = [voice('nb-NO')]) {
    super();
  }
  speak(utterance: UtteranceLike): void {
    if (!(utterance instanceof FakeUtterance)) throw new Error('not a fake utterance');
    this.spoken.push(utterance);
    this.pending.push(utterance);
    this.maxPending = Math.max(this.maxPending, this.pending.length);
  }
  cancel(): void {
    this.cancelCalls++;
    this.pending = [];
  }
  getVoices(): readonly VoiceLike[] {
    return this.voices;
  }
  get current(): FakeUtterance {
    const first = this.pending[0];
    if (!first) throw new Error('nothing is being spoken');
    return first;
  }
  finish(kind: 'end' | 'error' = 'end'): void {
    const utterance = this.current;
    this.pending.shift();
    utterance.dispatchEvent(new Event(kind));
  }
  boundary(fields: Omit<UtteranceEventLike, 'type'>): void {
    this.current.dispatchEvent(Object.assign(new Event('boundary'), fields));
  }
  setVoices(voices: VoiceLike[]): void {
    this.voices = voices;
    this.dispatchEvent(new Event('voiceschanged'));
  }
}

class FakeAudio extends EventTarget implements AudioLike {
  currentTime = 0;
  playing = false;
  paused = 0;
  constructor(
    readonly url: string,
    private readonly playResult: 'ok' | 'reject',
  ) {
    super();
  }
  play(): Promise<void> {
    if (this.playResult === 'reject') return Promise.reject(new Error('NotAllowedError'));
    this.playing = true;
    this.currentTime = 0.5;
    return Promise.resolve();
  }
  pause(): void {
    this.playing = false;
    this.paused++;
  }
  end(): void {
    this.playing = false;
    this.dispatchEvent(new Event('ended'));
  }
  fail(): void {
    this.dispatchEvent(new Event('error'));
  }
}

function voice(lang: string, extra: Partial<VoiceLike> = {}): VoiceLike {
  return { name: `voice ${lang}`, lang, ...extra };
}

function setup(options: { voices?: VoiceLike[]; playResult?: 'ok' | 'reject' } = {}) {
  const synth = new FakeSynth(options.voices);
  const audios: FakeAudio[] = [];
  const controller = createReadAloud({
    synth,
    Utterance: FakeUtterance,
    createAudio: (url) => {
      const audio = new FakeAudio(url, options.playResult ?? 'ok');
      audios.push(audio);
      return audio;
    },
  });
  const states: ReadAloudState[] = [];
  controller.subscribe(() => states.push(controller.getState()));
  return { synth, audios, controller, states };
}

/** Lets the controller's awaits run. */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

function tracked(promise: Promise<void>): { done: () => boolean } {
  let done = false;
  void promise.then(() => {
    done = true;
  });
  return { done: () => done };
}

const nb = (id: string, text: string, audioUrl?: string): ReadAloudItem => ({ id, text, lang: 'nb', audioUrl });

afterEach(() => {
  vi.useRealTimers();
});

describe('recorded files', () => {
  it('plays the recorded file and does not use synthesis for that item', async () => {
    const { synth, audios, controller } = setup();
    const run = tracked(controller.speak([nb('q1', 'Liker du maten?', '/audio/nb/q1.mp3'), nb('q2', 'Neste.')]));
    await settle();

    expect(audios.map((a) => a.url)).toEqual(['/audio/nb/q1.mp3']);
    expect(audios[0]?.playing).toBe(true);
    expect(synth.spoken).toEqual([]);
    expect(controller.getState()).toMatchObject({ speaking: true, itemId: 'q1', sentenceIndex: null });

    audios[0]?.end();
    await settle();
    expect(synth.spoken.map((u) => u.text)).toEqual(['Neste.']);
    synth.finish();
    await settle();
    expect(run.done()).toBe(true);
  });

  it('falls back to synthesis when the file fails to load', async () => {
    const { synth, audios, controller } = setup();
    void controller.speak([nb('q1', 'Liker du maten?', '/audio/nb/mangler.mp3')]);
    await settle();
    audios[0]?.fail();
    await settle();
    expect(synth.spoken.map((u) => u.text)).toEqual(['Liker du maten?']);
  });

  it('falls back to synthesis when play() is rejected', async () => {
    const { synth, controller } = setup({ playResult: 'reject' });
    void controller.speak([nb('q1', 'Liker du maten?', '/audio/nb/q1.mp3')]);
    await settle();
    expect(synth.spoken.map((u) => u.text)).toEqual(['Liker du maten?']);
  });
});

describe('synthesis', () => {
  it('speaks one utterance per sentence, each only after the previous one ended', async () => {
    const { synth, controller } = setup();
    const run = tracked(controller.speak([nb('intro', 'Hei! Jeg heter Eir. Vil du svare?'), nb('q1', 'Bor du alene?')]));
    await settle();

    const expected = ['Hei!', 'Jeg heter Eir.', 'Vil du svare?', 'Bor du alene?'];
    for (const [index, text] of expected.entries()) {
      expect(synth.spoken).toHaveLength(index + 1);
      expect(synth.current.text).toBe(text);
      await settle();
      expect(synth.spoken).toHaveLength(index + 1);
      synth.finish();
      await settle();
    }
    expect(synth.maxPending).toBe(1);
    expect(run.done()).toBe(true);
    expect(controller.getState()).toEqual({ speaking: false, itemId: null, sentenceIndex: null, word: null });
  });

  it('reports the item and sentence being read', async () => {
    const { synth, controller } = setup();
    void controller.speak([nb('intro', 'Hei! Jeg heter Eir.')]);
    await settle();
    expect(controller.getState()).toEqual({ speaking: true, itemId: 'intro', sentenceIndex: 0, word: null });
    synth.finish();
    await settle();
    expect(controller.getState()).toEqual({ speaking: true, itemId: 'intro', sentenceIndex: 1, word: null });
  });

  it('moves on to the next sentence after an error event', async () => {
    const { synth, controller } = setup();
    const run = tracked(controller.speak([nb('intro', 'Hei! Jeg heter Eir.')]));
    await settle();
    synth.finish('error');
    await settle();
    expect(synth.current.text).toBe('Jeg heter Eir.');
    synth.finish();
    await settle();
    expect(run.done()).toBe(true);
  });

  it('updates the word from boundary events, relative to the sentence', async () => {
    const { synth, controller, states } = setup();
    void controller.speak([nb('intro', 'Hei! Jeg heter Eir.')]);
    await settle();
    synth.finish();
    await settle();

    synth.boundary({ name: 'word', charIndex: 4, charLength: 5 });
    expect(controller.getState().word).toEqual({ start: 4, length: 5 });
    // Safari gives no length: it is taken from the text.
    synth.boundary({ name: 'word', charIndex: 10 });
    expect(controller.getState().word).toEqual({ start: 10, length: 3 });
    synth.boundary({ name: 'sentence', charIndex: 0, charLength: 14 });
    expect(controller.getState().word).toEqual({ start: 10, length: 3 });

    const before = controller.getState();
    synth.boundary({ name: 'word', charIndex: 10, charLength: 3 });
    expect(controller.getState()).toBe(before);
    expect(new Set(states).size).toBe(states.length);
  });

  it('resolves at once when the device has no speech synthesis', async () => {
    const controller = createReadAloud({});
    await expect(controller.speak([nb('q1', 'Hei.')])).resolves.toBeUndefined();
    expect(controller.getState().speaking).toBe(false);
    expect(await controller.norwegianVoiceAvailable()).toBe(false);
  });
});

describe('cancelling', () => {
  it('stops synthesis and resolves the promise', async () => {
    const { synth, controller } = setup();
    const run = tracked(controller.speak([nb('intro', 'Hei! Jeg heter Eir.')]));
    await settle();
    controller.cancel();
    await settle();
    expect(synth.cancelCalls).toBeGreaterThan(0);
    expect(run.done()).toBe(true);
    expect(synth.spoken).toHaveLength(1);
    expect(controller.getState()).toEqual({ speaking: false, itemId: null, sentenceIndex: null, word: null });
  });

  it('stops and rewinds a playing file without falling back to synthesis', async () => {
    const { synth, audios, controller } = setup();
    const run = tracked(controller.speak([nb('q1', 'Liker du maten?', '/audio/nb/q1.mp3')]));
    await settle();
    controller.cancel();
    await settle();
    expect(audios[0]?.playing).toBe(false);
    expect(audios[0]?.currentTime).toBe(0);
    expect(run.done()).toBe(true);
    expect(synth.spoken).toEqual([]);
  });

  it('cancels the first text when speak is called again', async () => {
    const { synth, controller } = setup();
    const first = tracked(controller.speak([nb('q1', 'Første. Andre.')]));
    await settle();
    const second = tracked(controller.speak([nb('q2', 'Ny side.')]));
    await settle();

    expect(first.done()).toBe(true);
    expect(synth.cancelCalls).toBeGreaterThan(0);
    expect(synth.spoken.map((u) => u.text)).toEqual(['Første.', 'Ny side.']);
    // The first utterance ending late must not move the second text along.
    synth.spoken[0]?.dispatchEvent(new Event('end'));
    await settle();
    expect(controller.getState()).toMatchObject({ itemId: 'q2', sentenceIndex: 0 });
    synth.finish();
    await settle();
    expect(second.done()).toBe(true);
    expect(synth.spoken).toHaveLength(2);
  });
});

describe('voices', () => {
  it('waits for voiceschanged when no voices are listed yet', async () => {
    vi.useFakeTimers();
    const { synth, controller } = setup({ voices: [] });
    void controller.speak([{ id: 'q1', text: 'Korleis har du det?', lang: 'nn' }]);
    await settle();
    expect(synth.spoken).toEqual([]);

    synth.setVoices([voice('en-US'), voice('nb-NO'), voice('nn-NO')]);
    await settle();
    expect(synth.current.voice?.lang).toBe('nn-NO');
    expect(synth.current.lang).toBe('nn-NO');
  });

  it('proceeds with what exists after a bounded wait', async () => {
    vi.useFakeTimers();
    const { synth, controller } = setup({ voices: [] });
    void controller.speak([nb('q1', 'Hei.')]);
    await settle();
    expect(synth.spoken).toEqual([]);
    await vi.advanceTimersByTimeAsync(1500);
    await settle();
    expect(synth.current.voice).toBeNull();
    expect(synth.current.lang).toBe('nb-NO');
  });

  it('picks an nn voice for nynorsk and an nb voice for bokmål', async () => {
    const voices = [voice('en-GB'), voice('nb_NO'), voice('NN-no')];
    const { synth, controller } = setup({ voices });
    void controller.speak([
      { id: 'a', text: 'Bokmål.', lang: 'nb' },
      { id: 'b', text: 'Nynorsk.', lang: 'nn' },
    ]);
    await settle();
    expect(synth.current.voice).toBe(voices[1]);
    expect(synth.current.lang).toBe('nb-NO');
    synth.finish();
    await settle();
    expect(synth.current.voice).toBe(voices[2]);
    expect(synth.current.lang).toBe('nn-NO');
  });

  it('falls back to a generic Norwegian voice', async () => {
    const voices = [voice('en-US'), voice('no-NO')];
    const { synth, controller } = setup({ voices });
    void controller.speak([{ id: 'b', text: 'Nynorsk.', lang: 'nn' }]);
    await settle();
    expect(synth.current.voice).toBe(voices[1]);
    expect(synth.current.lang).toBe('no-NO');
  });

  it('prefers the same written standard, then no, then the other one', () => {
    const nbVoice = voice('nb-NO');
    const noVoice = voice('no');
    expect(pickVoice([nbVoice, noVoice], 'nn')).toBe(noVoice);
    expect(pickVoice([nbVoice], 'nn')).toBe(nbVoice);
    expect(pickVoice([voice('nb-SE'), voice('de-DE')], 'nb')).toBeNull();
    const local = voice('nb-NO', { localService: true });
    expect(pickVoice([voice('nb-NO', { localService: false }), local], 'nb')).toBe(local);
  });

  it('tells whether a Norwegian voice exists', async () => {
    expect(await setup({ voices: [voice('en-US'), voice('nb')] }).controller.norwegianVoiceAvailable()).toBe(true);
    expect(await setup({ voices: [voice('en-US'), voice('sv-SE')] }).controller.norwegianVoiceAvailable()).toBe(false);
  });

  it('checks for a Norwegian voice after the voices arrive, and gives up after the wait', async () => {
    vi.useFakeTimers();
    const late = setup({ voices: [] });
    const answer = late.controller.norwegianVoiceAvailable();
    late.synth.setVoices([voice('nn-NO')]);
    expect(await answer).toBe(true);

    const none = setup({ voices: [] });
    const noAnswer = none.controller.norwegianVoiceAvailable();
    await vi.advanceTimersByTimeAsync(1500);
    expect(await noAnswer).toBe(false);
  });
});

describe('splitSentences', () => {
  it('splits on ! . ? with offsets into the original text', () => {
    expect(splitSentences('Hei! Jeg heter Eir. Vil du svare?')).toEqual([
      { text: 'Hei!', start: 0 },
      { text: 'Jeg heter Eir.', start: 5 },
      { text: 'Vil du svare?', start: 20 },
    ]);
  });

  it('keeps abbreviations and numbers together', () => {
    expect(splitSentences('f.eks. dette')).toEqual([{ text: 'f.eks. dette', start: 0 }]);
    expect(splitSentences('Det tar 1.5 timer. Kl. 12:30 spiser vi.').map((s) => s.text)).toEqual([
      'Det tar 1.5 timer.',
      'Kl. 12:30 spiser vi.',
    ]);
    expect(splitSentences('Vi har fri 17. mai. Det er fint.').map((s) => s.text)).toEqual(['Vi har fri 17. mai.', 'Det er fint.']);
  });

  it('splits after a colon followed by a space', () => {
    expect(splitSentences('Ja: nei')).toEqual([
      { text: 'Ja:', start: 0 },
      { text: 'nei', start: 4 },
    ]);
  });

  it('keeps "?!" and closing quotes with their sentence, and splits at line breaks', () => {
    expect(splitSentences('  Hva?! «Ja.» Bra\nNeste linje  ')).toEqual([
      { text: 'Hva?!', start: 2 },
      { text: '«Ja.»', start: 8 },
      { text: 'Bra', start: 14 },
      { text: 'Neste linje', start: 18 },
    ]);
  });

  it('never returns empty sentences', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences('   \n\n  ')).toEqual([]);
  });

  it('finds a word from its position', () => {
    expect(wordAt('Jeg heter Eir.', 4)).toEqual({ start: 4, length: 5 });
    expect(wordAt('Jeg heter Eir.', 3)).toEqual({ start: 4, length: 5 });
    expect(wordAt('Jeg heter Eir.', 14)).toBeNull();
  });
});
