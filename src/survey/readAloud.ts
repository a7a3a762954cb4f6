/**
 * Reads survey texts aloud, one after another: a recorded file when the
 * questionnaire has one, otherwise the tablet's speech synthesis with a
 * Norwegian voice, one sentence per utterance. Owns the choice of voice, the
 * order of playback, cancelling, and the "what is being read now" state that
 * the highlighting follows. The browser objects are injected so tests can
 * use fakes; nothing here knows about React.
 */
import { splitSentences, wordAt } from './sentences.ts';
import type { WordRange } from './sentences.ts';

export type { WordRange } from './sentences.ts';

export interface ReadAloudItem {
  readonly id: string;
  readonly text: string;
  /** 'nb' or 'nn'. */
  readonly lang: string;
  readonly audioUrl?: string | undefined;
}

export interface ReadAloudState {
  readonly speaking: boolean;
  readonly itemId: string | null;
  readonly sentenceIndex: number | null;
  /** Offsets relative to the current sentence. */
  readonly word: WordRange | null;
}

export interface VoiceLike {
  readonly name: string;
  readonly lang: string;
  readonly localService?: boolean;
  readonly default?: boolean;
}

export interface UtteranceEventLike {
  readonly type: string;
  readonly name?: string;
  readonly charIndex?: number;
  readonly charLength?: number;
}

export interface UtteranceLike {
  text: string;
  lang: string;
  voice: VoiceLike | null;
  addEventListener(type: 'boundary' | 'end' | 'error', listener: (event: UtteranceEventLike) => void): void;
}

export type UtteranceConstructor = new (text: string) => UtteranceLike;

export interface SpeechSynthesisLike {
  speak(utterance: UtteranceLike): void;
  cancel(): void;
  getVoices(): readonly VoiceLike[];
  addEventListener(type: 'voiceschanged', listener: () => void): void;
  removeEventListener(type: 'voiceschanged', listener: () => void): void;
}

export interface AudioLike {
  play(): Promise<void> | void;
  pause(): void;
  currentTime: number;
  addEventListener(type: 'ended' | 'error', listener: () => void): void;
  removeEventListener(type: 'ended' | 'error', listener: () => void): void;
}

export interface ReadAloudEnv {
  readonly synth?: SpeechSynthesisLike | undefined;
  readonly Utterance?: UtteranceConstructor | undefined;
  readonly createAudio?: ((url: string) => AudioLike) | undefined;
  /** How long to wait for the first `voiceschanged`; 1500 ms by default. */
  readonly voicesWaitMs?: number | undefined;
}

export interface ReadAloud {
  /** Stops whatever is playing, then reads the items in order. Resolves when done or cancelled. */
  speak(items: readonly ReadAloudItem[]): Promise<void>;
  cancel(): void;
  getState(): ReadAloudState;
  subscribe(listener: () => void): () => void;
  norwegianVoiceAvailable(): Promise<boolean>;
  /** Whether speak(items) would be heard: a recording among them, or a Norwegian voice on the device. */
  canRead(items: readonly ReadAloudItem[]): Promise<boolean>;
}

export const IDLE_STATE: ReadAloudState = Object.freeze({ speaking: false, itemId: null, sentenceIndex: null, word: null });

const DEFAULT_VOICES_WAIT_MS = 1500;

export function browserReadAloudEnv(): ReadAloudEnv {
  if (typeof window === 'undefined') return {};
  return {
    synth: 'speechSynthesis' in window ? window.speechSynthesis : undefined,
    Utterance: typeof window.SpeechSynthesisUtterance === 'function' ? window.SpeechSynthesisUtterance : undefined,
    createAudio: typeof window.Audio === 'function' ? (url) => new window.Audio(url) : undefined,
  };
}

/** One call of speak(); a later speak() or cancel() marks it cancelled. */
interface Session {
  cancelled: boolean;
  readonly resolve: () => void;
  /** Settles the step in progress, for engines that stay silent on cancel. */
  interrupt: (() => void) | null;
  audio: AudioLike | null;
  /** Held so Chrome does not garbage-collect it and drop its `end` event. */
  utterance: UtteranceLike | null;
}

interface Speech {
  readonly synth: SpeechSynthesisLike;
  readonly Utterance: UtteranceConstructor;
}

export function createReadAloud(env: ReadAloudEnv): ReadAloud {
  const { synth, createAudio } = env;
  const speech: Speech | null = synth && env.Utterance ? { synth, Utterance: env.Utterance } : null;
  const voicesWaitMs = env.voicesWaitMs ?? DEFAULT_VOICES_WAIT_MS;

  let state = IDLE_STATE;
  const listeners = new Set<() => void>();
  let session: Session | null = null;
  let voicesWait: Promise<readonly VoiceLike[]> | null = null;
  // After one wait that found nothing, later calls take what exists at once,
  // so a tablet without voices does not pause before every text.
  let voicesSettled = false;

  function setState(next: ReadAloudState): void {
    if (sameState(state, next)) return;
    state = next;
    for (const listener of [...listeners]) listener();
  }

  function update(owner: Session, patch: Partial<ReadAloudState>): void {
    if (session === owner) setState({ ...state, ...patch });
  }

  function loadVoices(): Promise<readonly VoiceLike[]> {
    if (!synth) return Promise.resolve([]);
    const voices = synth.getVoices();
    if (voices.length > 0 || voicesSettled) return Promise.resolve(voices);
    voicesWait ??= new Promise((resolve) => {
      const done = () => {
        synth.removeEventListener('voiceschanged', done);
        clearTimeout(timer);
        voicesSettled = true;
        voicesWait = null;
        resolve(synth.getVoices());
      };
      const timer = setTimeout(done, voicesWaitMs);
      synth.addEventListener('voiceschanged', done);
    });
    return voicesWait;
  }

  function cancel(): void {
    const current = session;
    session = null;
    if (current) {
      current.cancelled = true;
      if (current.audio) stopAudio(current.audio);
      current.interrupt?.();
    }
    synth?.cancel();
    setState(IDLE_STATE);
    current?.resolve();
  }

  function speak(items: readonly ReadAloudItem[]): Promise<void> {
    cancel();
    if (items.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const current: Session = { cancelled: false, resolve, interrupt: null, audio: null, utterance: null };
      session = current;
      const finish = () => {
        if (session === current) {
          session = null;
          setState(IDLE_STATE);
        }
      };
      readItems(current, items).then(
        () => {
          finish();
          resolve();
        },
        (error: unknown) => {
          finish();
          reject(error);
        },
      );
    });
  }

  async function readItems(owner: Session, items: readonly ReadAloudItem[]): Promise<void> {
    for (const item of items) {
      if (owner.cancelled) return;
      update(owner, { speaking: true, itemId: item.id, sentenceIndex: null, word: null });
      if (item.audioUrl !== undefined && createAudio) {
        const played = await playRecording(owner, createAudio, item.audioUrl);
        if (owner.cancelled) return;
        if (played) continue;
      }
      if (speech) await synthesize(owner, speech, item);
    }
  }

  /** Resolves true when the file played to its end (or was cancelled), false when it could not play. */
  function playRecording(owner: Session, create: (url: string) => AudioLike, url: string): Promise<boolean> {
    return new Promise((resolve) => {
      let audio: AudioLike;
      try {
        audio = create(url);
      } catch {
        resolve(false);
        return;
      }
      let settled = false;
      const settle = (played: boolean) => {
        if (settled) return;
        settled = true;
        audio.removeEventListener('ended', onEnded);
        audio.removeEventListener('error', onError);
        if (owner.audio === audio) owner.audio = null;
        if (owner.interrupt === interrupt) owner.interrupt = null;
        if (!played) stopAudio(audio);
        resolve(played);
      };
      const onEnded = () => settle(true);
      const onError = () => settle(false);
      // A cancelled file must not fall back to synthesis.
      const interrupt = () => settle(true);
      audio.addEventListener('ended', onEnded);
      audio.addEventListener('error', onError);
      owner.audio = audio;
      owner.interrupt = interrupt;
      try {
        // Older engines return nothing from play(); a rejection is an autoplay
        // block or a file that cannot be decoded.
        Promise.resolve(audio.play()).catch(onError);
      } catch {
        onError();
      }
    });
  }

  async function synthesize(owner: Session, speech: Speech, item: ReadAloudItem): Promise<void> {
    const voices = await loadVoices();
    if (owner.cancelled) return;
    const voice = pickVoice(voices, item.lang);
    const lang = utteranceLang(item.lang, voice);
    const sentences = splitSentences(item.text);
    for (const [index, sentence] of sentences.entries()) {
      if (owner.cancelled) return;
      update(owner, { sentenceIndex: index, word: null });
      await speakSentence(owner, speech, sentence.text, lang, voice);
    }
  }

  /** Resolves on `end` or `error` alike, so a failing sentence never stops the rest. */
  function speakSentence(owner: Session, { synth, Utterance }: Speech, text: string, lang: string, voice: VoiceLike | null): Promise<void> {
    return new Promise((resolve) => {
      let utterance: UtteranceLike;
      try {
        utterance = new Utterance(text);
      } catch {
        resolve();
        return;
      }
      utterance.lang = lang;
      if (voice) utterance.voice = voice;
      const done = () => {
        if (owner.interrupt === done) owner.interrupt = null;
        if (owner.utterance === utterance) owner.utterance = null;
        resolve();
      };
      utterance.addEventListener('end', done);
      utterance.addEventListener('error', done);
      utterance.addEventListener('boundary', (event) => {
        if (event.name !== 'word' || owner.utterance !== utterance) return;
        update(owner, { word: boundaryWord(text, event) });
      });
      owner.utterance = utterance;
      owner.interrupt = done;
      try {
        synth.speak(utterance);
      } catch {
        done();
      }
    });
  }

  async function norwegianVoiceAvailable(): Promise<boolean> {
    if (!speech) return false;
    const voices = await loadVoices();
    return voices.some((voice) => norwegianLanguage(voice.lang) !== null);
  }

  return {
    speak,
    cancel,
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    norwegianVoiceAvailable,
    async canRead(items) {
      if (createAudio && items.some((item) => item.audioUrl !== undefined)) return true;
      return items.length > 0 && (await norwegianVoiceAvailable());
    },
  };
}

function stopAudio(audio: AudioLike): void {
  audio.pause();
  audio.currentTime = 0;
}

function boundaryWord(text: string, event: UtteranceEventLike): WordRange | null {
  const { charIndex, charLength } = event;
  if (charIndex === undefined || charIndex < 0 || charIndex >= text.length) return null;
  // Safari sends no charLength and some engines send 0.
  if (charLength !== undefined && charLength > 0) return { start: charIndex, length: Math.min(charLength, text.length - charIndex) };
  return wordAt(text, charIndex);
}

/** 'nb', 'nn' or 'no' for a Norwegian language tag (any case, '-' or '_'), else null. */
function norwegianLanguage(tag: string): string | null {
  const [primary, region, ...rest] = tag.toLowerCase().replace(/_/g, '-').split('-');
  if (primary !== 'nb' && primary !== 'nn' && primary !== 'no') return null;
  if (rest.length > 0 || (region !== undefined && region !== 'no')) return null;
  return primary;
}

function primaryLanguage(tag: string): string {
  return tag.toLowerCase().split(/[-_]/)[0] ?? '';
}

/**
 * The voice for a text: one of the text's own written standard first, then
 * any Norwegian one (generic 'no' before the other standard), since a bokmål
 * voice reading nynorsk is still far better than an English one.
 */
export function pickVoice(voices: readonly VoiceLike[], lang: string): VoiceLike | null {
  const wanted = primaryLanguage(lang);
  const order = wanted === 'nn' ? ['nn', 'no', 'nb'] : wanted === 'nb' || wanted === 'no' ? ['nb', 'no', 'nn'] : [wanted];
  for (const language of order) {
    const candidates = voices.filter((voice) =>
      order.length > 1 ? norwegianLanguage(voice.lang) === language : primaryLanguage(voice.lang) === language,
    );
    if (candidates.length > 0) return bestOf(candidates);
  }
  return null;
}

/**
 * Local voices first: on poor Wi-Fi a network voice fails or lags. Then the
 * engine's default, then the engine's own order.
 */
function bestOf(candidates: readonly VoiceLike[]): VoiceLike | null {
  const rank = (voice: VoiceLike) => (voice.localService === true ? 2 : 0) + (voice.default === true ? 1 : 0);
  return candidates.reduce<VoiceLike | null>((best, voice) => (best === null || rank(voice) > rank(best) ? voice : best), null);
}

/**
 * The text's own tag ('nb-NO', 'nn-NO') when the voice speaks it; otherwise
 * the voice's tag, because engines that choose by lang rather than by voice
 * (Android) would otherwise switch to a non-Norwegian default.
 */
function utteranceLang(lang: string, voice: VoiceLike | null): string {
  const primary = primaryLanguage(lang);
  const own = primary === 'nb' || primary === 'nn' ? `${primary}-NO` : lang;
  if (voice === null || primaryLanguage(voice.lang) === primary) return own;
  return voice.lang.replace(/_/g, '-');
}

function sameState(a: ReadAloudState, b: ReadAloudState): boolean {
  return (
    a.speaking === b.speaking &&
    a.itemId === b.itemId &&
    a.sentenceIndex === b.sentenceIndex &&
    a.word?.start === b.word?.start &&
    a.word?.length === b.word?.length
  );
}
