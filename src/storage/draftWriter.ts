/**
 * The ordered write queue behind a survey on screen. The screen changes
 * from memory at once (a chosen answer, the next page); each change is
 * handed to this queue as a write, and the writes run one at a time, in
 * the order they were given, each in its own IndexedDB transaction.
 *
 * Crash guarantee: every write changes one draft in one transaction, and
 * a write starts only after the one before it committed, and never before
 * the screen's change was painted (the next frame), so the database work
 * does not delay the chosen mark or the next page. The stored draft
 * is therefore always the draft after some first part of the taps, in
 * order: never a mix, never a later tap without an earlier one. A crash,
 * a closed tab or a reload loses only the writes not yet committed: the
 * last tap (or the last few, when taps come faster than a write
 * commits; a write commits within a few milliseconds on a working device).
 *
 * When a write fails, every write queued behind it is dropped (they were
 * made on top of the failed one), the stored draft is read back and handed
 * to `onFailure`, so the screen can return to exactly what is stored.
 * `flush` waits for every queued write and rejects if one failed: finishing
 * a survey awaits it before its own strict transaction.
 */
import type { SurveyDatabase, SurveyDraft } from './db.ts';

export type DraftWrite = (db: SurveyDatabase) => Promise<unknown>;

/** Resolves after the next frame was painted (at once where there are no frames). */
export function afterPaint(): Promise<void> {
  if (typeof requestAnimationFrame !== 'function') return Promise.resolve();
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

export interface DraftWriterFailure {
  readonly error: unknown;
  /** The draft as stored after the failure; undefined when it is gone (finished or removed elsewhere). */
  readonly stored: SurveyDraft | undefined;
}

export class DraftWriter {
  private tail: Promise<void> = Promise.resolve();
  /** Increased on each failure: writes queued under an older generation are dropped. */
  private generation = 0;
  /** The first failure since the last flush began. */
  private failed: { error: unknown } | null = null;

  constructor(
    private readonly db: SurveyDatabase,
    private readonly draftId: string,
    private readonly onFailure: (failure: DraftWriterFailure) => void,
  ) {}

  /** Queues a write behind every earlier one; never rejects (failures go to onFailure). */
  enqueue(write: DraftWrite): void {
    const generation = this.generation;
    // The frame this change shows in, counted from now: it overlaps any earlier write still running.
    const painted = afterPaint();
    this.tail = this.tail.then(async () => {
      if (generation !== this.generation) return;
      await painted;
      if (generation !== this.generation) return;
      try {
        await write(this.db);
      } catch (error) {
        this.generation++;
        this.failed ??= { error };
        const stored = await this.db.drafts.get(this.draftId).catch(() => undefined);
        this.onFailure({ error, stored });
      }
    });
  }

  /** Resolves once every write queued so far has committed; rejects with the failure if one did not. */
  async flush(): Promise<void> {
    this.failed = null;
    await this.tail;
    // Set by a write that ran meanwhile (TypeScript cannot see that across the await).
    const failure = this.failed as { error: unknown } | null;
    this.failed = null;
    if (failure) throw failure.error;
  }
}
