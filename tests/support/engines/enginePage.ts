/**
 * One page in any of the three engines the survey is tested in, with the
 * few operations every driver offers alike: navigate, run a function in
 * the page, click and type like a user (real input events), and, where the
 * engine can emulate it, go offline. Everything else (finding elements by
 * their accessible name, waiting) is done in the page by engineModel.ts,
 * the same way in every engine.
 */
export type Engine = 'chromium' | 'firefox' | 'webkit';

export interface Viewport {
  readonly width: number;
  readonly height: number;
}

export interface EnginePage {
  readonly engine: Engine;
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  /** Runs `fn` in the page with JSON arguments and returns its (awaited) JSON result. */
  evaluate<A extends unknown[], R>(fn: (...args: A) => R | Promise<R>, ...args: A): Promise<Awaited<R>>;
  /** A real mouse click (or tap) on the one element matching `css`. */
  click(css: string): Promise<void>;
  /** Types `text` into the element matching `css`, key by key. */
  type(css: string, text: string): Promise<void>;
  /**
   * Emulates losing the network where the engine can (Chromium, Firefox
   * over BiDi); returns false where it cannot (WebKitGTK's WebDriver has no
   * network emulation), so the test cuts the network by stopping the server.
   */
  setOffline(offline: boolean): Promise<boolean>;
  /** Closes the page and everything it stored (its own browser context or session). */
  close(): Promise<void>;
}

export interface EngineBrowser {
  readonly engine: Engine;
  /** A fresh page with its own storage, at this viewport (WebKitGTK's window is at least 447 px wide). */
  newPage(viewport: Viewport): Promise<EnginePage>;
  close(): Promise<void>;
}

/** The source of an expression that calls `fn` with `args`, for drivers that take a string. */
export function callExpression(fn: (...args: never[]) => unknown, args: readonly unknown[]): string {
  return `(${fn.toString()})(...${JSON.stringify(args)})`;
}
