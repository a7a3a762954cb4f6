/**
 * A script installed in every page before the app's own (Playwright's
 * addInitScript): it records pointer-down times and marks the moment a
 * screen is visible and then interactive (the main thread ran the next
 * task), and waits for a chosen answer or the next page. It does not
 * poll the tablet's IndexedDB: it listens for the app's own write
 * transactions on the drafts store to complete (a listener added to each,
 * no extra work in the page) and reads the draft once after each such
 * commit to see whether it now holds the new page and answer. Screens are
 * checked once a frame (requestAnimationFrame), reading the DOM only. All
 * times are the page's own performance.now(), so CDP round trips are
 * never counted.
 */

export interface NextResult {
  readonly renderedAt: number;
  readonly storedAt: number;
}

/** What the probe saw of one tap on an answer. */
export interface ChosenResult {
  /** The animation frame in which the chosen mark is first in the DOM. */
  readonly shownAt: number;
  /** Animation frames that began after the page handled the tap's click, up to and including that one: 1 is the very next frame. */
  readonly framesAfterClick: number;
  /** From that frame's callbacks to the first task after it: the frame's own style, layout and paint. */
  readonly frameWorkMs: number;
}

export interface ProbeWindow {
  __bench: {
    readonly marks: Record<string, number>;
    /** Long tasks (over 50 ms) of the main thread since the page started, as the browser reports them. */
    readonly longTasks: { start: number; duration: number }[];
    /** Starts a new measurement: forgets earlier taps. */
    arm(): void;
    /** Time of the first pointerdown since arm(). */
    firstTap(): number | null;
    /** Time of the last pointerup since arm(): the moment a tap completes and the browser acts on it. */
    lastRelease(): number | null;
    /** Time of the last click since arm(): the browser hands the tap to the app (react-aria acts on it). */
    lastClick(): number | null;
    waitChosen(value: string): Promise<ChosenResult>;
    /**
     * Time the app's listeners spent on the last tap's pointerdown, pointerup and click
     * (Event Timing: processingEnd − processingStart, summed), and how many of the three the
     * browser reported (it reports an event only when its whole duration is 16 ms or more).
     */
    tapHandlers(): Promise<{ ms: number; events: number }>;
    waitNext(args: { prevText: string; prevKey: string; draftId: string; questionId: string; value: string }): Promise<NextResult>;
    activeDraft(): Promise<{ id: string; pageKey: string } | null>;
  };
}

/** Runs in the page: must not use anything from its module scope. */
export function installProbe(): void {
  const marks: Record<string, number> = {};
  const longTasks: { start: number; duration: number }[] = [];
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No Long Tasks API: the relatives' figures stay empty.
  }
  let taps: number[] = [];
  let releases: number[] = [];
  addEventListener('pointerdown', (event) => taps.push(event.timeStamp), true);
  addEventListener('pointerup', (event) => releases.push(event.timeStamp), true);
  let clicks: number[] = [];
  /** performance.now() when the page began handling each click (this capture listener runs first). */
  let clicksHandled: number[] = [];
  addEventListener(
    'click',
    (event) => {
      clicks.push(event.timeStamp);
      clicksHandled.push(performance.now());
    },
    true,
  );
  let eventTimings: { name: string; processingStart: number; processingEnd: number }[] = [];
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as PerformanceEventTiming[]) {
        eventTimings.push({ name: entry.name, processingStart: entry.processingStart, processingEnd: entry.processingEnd });
      }
    }).observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit);
  } catch {
    // No Event Timing API: tapHandlers() reports no events.
  }

  const shown = (el: Element | null | undefined): el is HTMLElement =>
    !!el && (el as HTMLElement).checkVisibility?.() !== false && !(el as HTMLButtonElement).disabled && el.getAttribute('aria-disabled') !== 'true';
  const buttonNamed = (name: string) => [...document.querySelectorAll('button')].find((b) => b.textContent?.trim().startsWith(name));
  const heading = (text: string) => [...document.querySelectorAll('h1')].some((h) => h.textContent?.trim() === text);

  /** Screens whose "visible" and "interactive" moments are marked as the page loads. */
  const screens: Record<string, () => boolean> = {
    setup: () => shown(document.querySelector('.setup input')) && shown(document.querySelector('.setup button[type=submit]')),
    helper: () => heading('Hjelperens side') && shown(buttonNamed('Start ny undersøkelse')),
    'first-page': () => /^Side 1 av \d+$/.test(document.querySelector('.progress-text')?.textContent?.trim() ?? '') && shown(document.querySelector('.nav-next')) && !!document.querySelector('h1'),
    'relative-start': () => location.pathname.startsWith('/p/') && !!document.querySelector('h1') && shown(buttonNamed('Start')),
    'surveyjs-first-page': () => shown(document.querySelector('.sd-navigation__next-btn')) && (document.body?.textContent ?? '').includes('Jeg heter Eir'),
  };
  const pendingScreens = new Set(Object.keys(screens));
  const channel = new MessageChannel();
  const waitingForTask: string[] = [];
  channel.port1.onmessage = () => {
    const name = waitingForTask.shift();
    if (name) marks[name] = performance.now();
  };
  const watchScreens = () => {
    for (const name of [...pendingScreens]) {
      let ok = false;
      try {
        ok = screens[name]!();
      } catch {
        ok = false;
      }
      if (ok) {
        pendingScreens.delete(name);
        marks[`${name}:visible`] = performance.now();
        // Interactive: the main thread is free again to run the next task.
        waitingForTask.push(name);
        channel.port2.postMessage(null);
      }
    }
    if (pendingScreens.size > 0) requestAnimationFrame(watchScreens);
  };
  requestAnimationFrame(watchScreens);

  // The app's own commits to the drafts store, as they happen.
  let commitWaiters: (() => void)[] = [];
  const original = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
    const tx = original.apply(this, args);
    const stores = typeof args[0] === 'string' ? [args[0]] : [...args[0]];
    if (args[1] === 'readwrite' && stores.includes('drafts')) {
      tx.addEventListener('complete', () => {
        const waiters = commitWaiters;
        commitWaiters = [];
        for (const wake of waiters) wake();
      });
    }
    return tx;
  } as IDBDatabase['transaction'];
  const nextCommit = () =>
    new Promise<number>((resolve) => {
      commitWaiters.push(() => resolve(performance.now()));
    });

  let dbPromise: Promise<IDBDatabase> | null = null;
  const database = () =>
    (dbPromise ??= new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('min-stemme-teller');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    }));
  const request = <T>(make: (store: IDBObjectStore) => IDBRequest): Promise<T> =>
    database().then(
      (db) =>
        new Promise<T>((resolve, reject) => {
          const r = make(original.call(db, 'drafts', 'readonly').objectStore('drafts'));
          r.onsuccess = () => resolve(r.result as T);
          r.onerror = () => reject(r.error);
        }),
    );
  type Draft = { id: string; pageKey: string; status: string; answers: Record<string, string | null> };

  const untilFrame = (check: () => boolean) =>
    new Promise<number>((resolve) => {
      const tick = () => (check() ? resolve(performance.now()) : requestAnimationFrame(tick));
      requestAnimationFrame(tick);
    });

  /** The chosen mark as it is painted: the radio checked and its check visible (CSS on the checked input). */
  const chosenShown = (value: string) => {
    const input = document.querySelector<HTMLInputElement>(`label.answer input[type=radio][value="${CSS.escape(value)}"]`);
    const check = input?.closest('label')?.querySelector('.answer-check');
    return !!input?.checked && !!check && getComputedStyle(check).visibility === 'visible';
  };

  (window as unknown as ProbeWindow).__bench = {
    marks,
    longTasks,
    arm: () => {
      taps = [];
      releases = [];
      clicks = [];
      clicksHandled = [];
      eventTimings = [];
    },
    firstTap: () => taps[0] ?? null,
    lastRelease: () => releases.at(-1) ?? null,
    lastClick: () => clicks.at(-1) ?? null,
    waitChosen: (value) =>
      new Promise<ChosenResult>((resolve) => {
        let frames = 0;
        const tick = () => {
          const now = performance.now();
          if (clicksHandled.length > 0) frames++;
          if (!chosenShown(value)) {
            requestAnimationFrame(tick);
            return;
          }
          // A task posted from the frame's callbacks runs once the frame's rendering is done.
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve({ shownAt: now, framesAfterClick: frames, frameWorkMs: performance.now() - now });
          channel.port2.postMessage(null);
        };
        requestAnimationFrame(tick);
      }),
    tapHandlers: async () => {
      // Entries arrive after the frame is presented: wait for the click's, at most half a second.
      for (let i = 0; i < 25 && !eventTimings.some((e) => e.name === 'click'); i++) await new Promise((r) => setTimeout(r, 20));
      const tap = eventTimings.filter((e) => e.name === 'pointerdown' || e.name === 'pointerup' || e.name === 'click');
      return { ms: tap.reduce((sum, e) => sum + (e.processingEnd - e.processingStart), 0), events: tap.length };
    },
    waitNext: async ({ prevText, prevKey, draftId, questionId, value }) => {
      const rendered = untilFrame(() => {
        const text = document.querySelector('.progress-text')?.textContent?.trim() ?? '';
        return text !== '' && text !== prevText && !!document.querySelector('h1');
      });
      // One read after each commit of the drafts store, none in between.
      const stored = (async () => {
        for (;;) {
          const committedAt = await nextCommit();
          const draft = await request<Draft | undefined>((store) => store.get(draftId));
          if (draft && draft.pageKey !== prevKey && draft.answers[questionId] === value) return committedAt;
        }
      })();
      const [renderedAt, storedAt] = await Promise.all([rendered, stored]);
      return { renderedAt, storedAt };
    },
    activeDraft: async () => {
      const all = await request<Draft[]>((store) => store.getAll());
      const active = all.find((d) => d.status === 'active');
      return active ? { id: active.id, pageKey: active.pageKey } : null;
    },
  };
}
