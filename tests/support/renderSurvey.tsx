/**
 * Renders survey components the way the app does: inside the services and
 * read-aloud contexts, with a fresh IndexedDB database (fake-indexeddb), a
 * sync client that only records its calls, and the real read-aloud
 * controller driven by a fake speech engine whose sentences never end on
 * their own. speak() and cancel() are wrapped in spies so tests can see
 * what was read. Import 'fake-indexeddb/auto' before this module.
 */
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { vi, type Mock } from 'vitest';
import '../../src/app/i18n.ts';
import { ServicesContext } from '../../src/survey/services.ts';
import { openSurveyDatabase, type SurveyDatabase } from '../../src/storage/db.ts';
import type { SyncOutcome } from '../../src/storage/deliveryStatus.ts';
import { createSyncClient, type SyncClient } from '../../src/storage/syncClient.ts';
import { createReadAloud, type ReadAloud, type ReadAloudItem, type SpeechSynthesisLike, type UtteranceLike, type VoiceLike } from '../../src/survey/readAloud.ts';
import { ReadAloudContext } from '../../src/survey/useReadAloud.ts';

class FakeUtterance extends EventTarget implements UtteranceLike {
  lang = '';
  voice: VoiceLike | null = null;
  constructor(public text: string) {
    super();
  }
}

/** Keeps every utterance pending until cancel(), like a long text still being read. */
export class FakeSynth implements SpeechSynthesisLike {
  readonly spoken: string[] = [];
  pending: FakeUtterance[] = [];
  cancelCalls = 0;
  speak(utterance: UtteranceLike): void {
    if (!(utterance instanceof FakeUtterance)) throw new Error('not a fake utterance');
    this.spoken.push(utterance.text);
    this.pending.push(utterance);
  }
  cancel(): void {
    this.cancelCalls++;
    this.pending = [];
  }
  getVoices(): readonly VoiceLike[] {
    return [{ name: 'Nora', lang: 'nb-NO', localService: true }];
  }
  addEventListener(): void {}
  removeEventListener(): void {}
}

export interface RecordingReadAloud extends ReadAloud {
  readonly speak: Mock<(items: readonly ReadAloudItem[]) => Promise<void>>;
  readonly cancel: Mock<() => void>;
}

export interface TestServices {
  readonly db: SurveyDatabase;
  readonly sync: SyncClient & { readonly syncNow: Mock<SyncClient['syncNow']> };
  readonly readAloud: RecordingReadAloud;
  readonly synth: FakeSynth;
}

/** Texts of every item passed to speak(), call by call. */
export function spokenTexts(readAloud: RecordingReadAloud): string[][] {
  return readAloud.speak.mock.calls.map(([items]) => items.map((item) => item.text));
}

/**
 * Without options the sync client only records its calls; with a fetch, it
 * is the app's real sync client sending through that fetch (its calls are
 * recorded too).
 */
export function createTestServices(options: { fetch?: typeof fetch } = {}): TestServices {
  installDomPolyfills();
  const db = openSurveyDatabase(`test-${crypto.randomUUID()}`);
  const real = options.fetch ? createSyncClient({ db, fetch: options.fetch }) : null;
  const sync = {
    syncNow: vi.fn(async (request?: { includeWaiting?: boolean }): Promise<SyncOutcome> => (real ? real.syncNow(request) : 'sent')),
    retry: vi.fn(async (id: string): Promise<SyncOutcome> => (real ? real.retry(id) : 'sent')),
    start: vi.fn(),
    stop: vi.fn(),
  };
  const synth = new FakeSynth();
  const reader = createReadAloud({ synth, Utterance: FakeUtterance });
  const readAloud: RecordingReadAloud = {
    ...reader,
    speak: vi.fn((items: readonly ReadAloudItem[]) => reader.speak(items)),
    cancel: vi.fn(() => reader.cancel()),
  };
  return { db, sync, readAloud, synth };
}

export function withServices(services: TestServices, ui: ReactElement): ReactElement {
  const { db, sync, readAloud } = services;
  return (
    <ServicesContext value={{ db, sync, readAloud }}>
      <ReadAloudContext value={readAloud}>{ui}</ReadAloudContext>
    </ServicesContext>
  );
}

export function renderWithServices(services: TestServices, ui: ReactElement): RenderResult {
  return render(withServices(services, ui));
}

/** Stops reading and deletes the test's database. */
export async function disposeServices(services: TestServices): Promise<void> {
  services.readAloud.cancel();
  services.db.close();
  await services.db.delete();
}

/** jsdom lacks a few browser APIs that react-aria may touch. */
function installDomPolyfills(): void {
  if (typeof window === 'undefined') return;
  if (typeof window.matchMedia !== 'function') {
    window.matchMedia = (query: string) =>
      ({
        matches: false,
        media: query,
        onchange: null,
        addListener: () => {},
        removeListener: () => {},
        addEventListener: () => {},
        removeEventListener: () => {},
        dispatchEvent: () => false,
      }) satisfies MediaQueryList;
  }
}
