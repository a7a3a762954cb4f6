/**
 * Firefox ESR (Debian's firefox-esr) driven by puppeteer-core over
 * WebDriver BiDi, with no geckodriver. Each page gets its own browser
 * context (BiDi user context), so pages share no storage.
 */
import puppeteer from 'puppeteer-core';
import { callExpression, type EngineBrowser, type EnginePage, type Viewport } from './enginePage.ts';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export async function launchFirefoxEngine(): Promise<EngineBrowser> {
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX_PATH, headless: true, timeout: 60_000, protocolTimeout: 60_000 });
  return {
    engine: 'firefox',
    async newPage(viewport: Viewport): Promise<EnginePage> {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      page.setDefaultNavigationTimeout(30_000);
      await page.setViewport(viewport);
      return {
        engine: 'firefox',
        goto: async (url) => void (await page.goto(url)),
        reload: async () => void (await page.reload()),
        evaluate: <A extends unknown[], R>(fn: (...args: A) => R | Promise<R>, ...args: A) => page.evaluate(callExpression(fn, args)) as Promise<Awaited<R>>,
        click: (css) => page.click(css),
        type: (css, text) => page.type(css, text),
        setOffline: async (offline) => {
          await page.setOfflineMode(offline);
          return true;
        },
        close: () => context.close(),
      };
    },
    close: () => browser.close(),
  };
}
