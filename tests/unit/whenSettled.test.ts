/**
 * The service worker is registered once the page has settled: after its
 * load event, in the first idle period long enough to show the main thread
 * has nothing waiting, or at the latest after the cap; without
 * requestIdleCallback (Safari), a fixed wait after load.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SETTLED_IDLE_MS, whenSettled, type SettledWindow } from '../../src/app/whenSettled.ts';

/** A page whose load event and idle periods the test hands out. */
function fakePage(options: { loaded: boolean; idle: boolean }) {
  const loadListeners: (() => void)[] = [];
  const idleCallbacks: IdleRequestCallback[] = [];
  const win: SettledWindow = {
    document: { readyState: options.loaded ? 'complete' : 'loading' },
    setTimeout: ((handler: () => void, ms: number) => setTimeout(handler, ms)) as unknown as Window['setTimeout'],
    addEventListener: ((type: string, listener: () => void) => {
      if (type === 'load') loadListeners.push(listener);
    }) as Window['addEventListener'],
    requestIdleCallback: options.idle
      ? (callback) => {
          idleCallbacks.push(callback);
          return idleCallbacks.length;
        }
      : undefined,
  };
  return {
    win,
    load: () => loadListeners.splice(0).forEach((listener) => listener()),
    /** Runs the waiting idle callbacks with this much time free; how many there were. */
    idle(free: number) {
      const waiting = idleCallbacks.splice(0);
      for (const callback of waiting) callback({ didTimeout: false, timeRemaining: () => free });
      return waiting.length;
    },
  };
}

describe('whenSettled', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  function track(promise: Promise<void>) {
    const state = { settled: false };
    void promise.then(() => {
      state.settled = true;
    });
    return state;
  }

  it('waits for the load event, then for an idle period with the main thread free', async () => {
    const page = fakePage({ loaded: false, idle: true });
    const state = track(whenSettled(page.win));
    expect(page.idle(SETTLED_IDLE_MS)).toBe(0); // nothing asked for idle time before load
    page.load();
    // Short idle periods (a frame's leftovers while the page is still busy) do not count.
    expect(page.idle(SETTLED_IDLE_MS - 30)).toBe(1);
    expect(page.idle(5)).toBe(1);
    await vi.advanceTimersByTimeAsync(0);
    expect(state.settled).toBe(false);
    expect(page.idle(SETTLED_IDLE_MS + 5)).toBe(1);
    await vi.advanceTimersByTimeAsync(0);
    expect(state.settled).toBe(true);
  });

  it('on a page already loaded, needs only the idle period', async () => {
    const page = fakePage({ loaded: true, idle: true });
    const state = track(whenSettled(page.win));
    page.idle(49.9);
    await vi.advanceTimersByTimeAsync(0);
    expect(state.settled).toBe(true);
  });

  it('gives up waiting after the cap, on a page that never goes idle', async () => {
    const page = fakePage({ loaded: false, idle: true });
    const state = track(whenSettled(page.win, 10_000));
    page.load();
    for (let i = 0; i < 20; i++) {
      page.idle(3);
      await vi.advanceTimersByTimeAsync(400);
    }
    expect(state.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(state.settled).toBe(true);
  });

  it('without requestIdleCallback (Safari), settles a fixed wait after the load event', async () => {
    const page = fakePage({ loaded: false, idle: false });
    const state = track(whenSettled(page.win));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(state.settled).toBe(false);
    page.load();
    await vi.advanceTimersByTimeAsync(1_999);
    expect(state.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(state.settled).toBe(true);
  });
});
