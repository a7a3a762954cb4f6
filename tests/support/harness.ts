/**
 * The one end-to-end harness: a real server for the file (a fresh database,
 * the built app) and a browser, started before the file's tests and stopped
 * after them. Call inside a describe block; the returned holder's fields
 * are available once the suite's beforeAll has run.
 *
 *   const e2e = useE2e();                      // TestServer + Chromium
 *   const e2e = useE2e({ restartable: true }); // RestartableServer (stop/start, counts) + Chromium
 *   const e2e = useE2e({ restartable: true, engine: 'webkit' }); // + e2e.engine, an engine-neutral browser
 *
 * `e2e.browser` is Chromium (playwright-core), for the Playwright-based
 * tests; `engine` gives WebKit, Firefox or Chromium behind the
 * engine-neutral EngineBrowser of engines/enginePage.ts (a file that asks
 * for WebKit or Firefox starts no Chromium).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { Questionnaire } from '../../src/shared/questionnaire.ts';
import { launchChromium, type ChromiumOptions } from './browser.ts';
import type { DatabaseKind } from './databases.ts';
import { chromiumEngine } from './engines/chromium.ts';
import type { Engine, EngineBrowser } from './engines/enginePage.ts';
import { launchFirefoxEngine } from './engines/firefox.ts';
import { launchWebKitEngine } from './engines/webkit.ts';
import { fixtureQuestionnaires } from './fixtures.ts';
import { startRestartableServer, type RestartableServer } from './restartableServer.ts';
import { startTestServer, type TestServer } from './server.ts';

export type { Engine, EngineBrowser, EnginePage, Viewport } from './engines/enginePage.ts';

export interface E2eOptions {
  /** The questionnaires the server is prepared with; the test fixtures unless given. */
  readonly questionnaires?: readonly Questionnaire[];
  /** Extra flags or environment for Chromium, or a function that makes them when the suite starts. */
  readonly chromium?: ChromiumOptions | (() => ChromiumOptions);
  /** The database kind of a plain server (a restartable server is always SQLite). */
  readonly database?: DatabaseKind;
  /** Also start this engine as `engine` (for the cross-engine tests). */
  readonly engine?: Engine;
}

export interface E2e<S> {
  readonly server: S;
  /** Chromium; throws in a file that asked for WebKit or Firefox. */
  readonly browser: Browser;
  /** The engine asked for in the options; throws if none was. */
  readonly engine: EngineBrowser;
}

/** Starts the named engine on its own (WebKit needs Xvfb and WebKitWebDriver, Firefox puppeteer-core). */
export async function launchEngine(engine: Engine, chromium: ChromiumOptions = {}): Promise<EngineBrowser> {
  if (engine === 'webkit') return launchWebKitEngine();
  if (engine === 'firefox') return launchFirefoxEngine();
  return chromiumEngine(await launchChromium(chromium));
}

export function useE2e(options: E2eOptions & { readonly restartable: true }): E2e<RestartableServer>;
export function useE2e(options?: E2eOptions & { readonly restartable?: false }): E2e<TestServer>;
export function useE2e(options: E2eOptions & { readonly restartable?: boolean } = {}): E2e<TestServer | RestartableServer> {
  let server: TestServer | RestartableServer | undefined;
  let browser: Browser | undefined;
  let engine: EngineBrowser | undefined;
  const questionnaires = options.questionnaires ?? fixtureQuestionnaires();

  beforeAll(async () => {
    server = options.restartable ? await startRestartableServer(questionnaires) : await startTestServer(questionnaires, options.database);
    // A file that asks for WebKit or Firefox gets no Chromium: two cores are shared.
    if (!options.engine || options.engine === 'chromium') browser = await launchChromium(typeof options.chromium === 'function' ? options.chromium() : options.chromium);
    if (options.engine) engine = browser ? chromiumEngine(browser) : await launchEngine(options.engine);
  });
  afterAll(async () => {
    if (engine && options.engine !== 'chromium') await engine.close().catch(() => undefined);
    await browser?.close();
    if (server && 'dispose' in server) await server.dispose();
    else await server?.stop();
  });

  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`The e2e ${what} is not started (use it inside a test or after beforeAll)`);
    return value;
  };
  return {
    get server() {
      return ready(server, 'server');
    },
    get browser() {
      return ready(browser, 'browser');
    },
    get engine() {
      return ready(engine, `engine (ask for one with useE2e({ engine }))`);
    },
  };
}
