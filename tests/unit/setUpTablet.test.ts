/**
 * Tablet set-up stores the round for offline use without ever waiting on a
 * permission prompt: Firefox answers navigator.storage.persist() with a
 * prompt that can stay pending for good (issue 16, Found 1).
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openSurveyDatabase, type SurveyDatabase } from '../../src/storage/db.ts';
import { PERSISTED_KEY, setUpTablet, tabletRound, TABLET_ROUND_KEY } from '../../src/storage/roundStore.ts';
import { tabletRoundConfig } from '../support/fixtures.ts';

describe('tablet set-up', () => {
  let db: SurveyDatabase;
  let answerPrompt: (granted: boolean) => void = () => undefined;

  beforeEach(() => {
    db = openSurveyDatabase(`setup-${Math.random()}`);
    // Firefox: persisted() is false and persist() is a prompt nobody answers.
    vi.stubGlobal('navigator', {
      storage: {
        persisted: async () => false,
        persist: () => new Promise<boolean>((resolve) => (answerPrompt = resolve)),
      },
    });
  });
  afterEach(async () => {
    vi.unstubAllGlobals();
    await db.delete();
  });

  it('finishes while the storage permission prompt is still open, and records the answer when it comes', async () => {
    const finished = await Promise.race([
      setUpTablet(db, tabletRoundConfig()).then(() => 'set up'),
      new Promise((resolve) => setTimeout(() => resolve('still waiting on the prompt'), 3_000)),
    ]);
    expect(finished).toBe('set up');
    expect((await db.settings.get(TABLET_ROUND_KEY))?.value).toBe('ABCD2345');
    expect((await tabletRound(db))?.code).toBe('ABCD2345');

    answerPrompt(true);
    await vi.waitFor(async () => expect((await db.settings.get(PERSISTED_KEY))?.value).toBe(true), { timeout: 3_000 });
  }, 15_000);
});
