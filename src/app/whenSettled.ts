/**
 * When a page has settled: its load event has fired and its main thread
 * has then had one whole idle period (requestIdleCallback reporting at
 * least SETTLED_IDLE_MS free, which a browser gives only when nothing is
 * waiting to run or to be drawn), or `capMs` after the call, whichever
 * comes first. Browsers without requestIdleCallback (Safari) wait
 * FALLBACK_MS after the load event.
 */
export const SETTLED_IDLE_MS = 40;
const FALLBACK_MS = 2_000;

export type SettledWindow = Pick<Window, 'setTimeout' | 'addEventListener'> & {
  readonly document: Pick<Document, 'readyState'>;
  readonly requestIdleCallback?: ((callback: IdleRequestCallback) => number) | undefined;
};

export function whenSettled(win: SettledWindow = window, capMs = 10_000): Promise<void> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = () => {
      settled = true;
      resolve();
    };
    win.setTimeout(settle, capMs);
    const afterLoad = () => {
      const idle = win.requestIdleCallback;
      if (typeof idle !== 'function') {
        win.setTimeout(settle, FALLBACK_MS);
        return;
      }
      const wait = () => {
        idle.call(win, (deadline) => {
          if (settled) return;
          if (deadline.timeRemaining() >= SETTLED_IDLE_MS) settle();
          else wait();
        });
      };
      wait();
    };
    if (win.document.readyState === 'complete') afterLoad();
    else win.addEventListener('load', afterLoad, { once: true });
  });
}
