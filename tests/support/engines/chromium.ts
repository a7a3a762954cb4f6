/** Chromium (Debian's, through playwright-core) behind the engine-neutral page of enginePage.ts. */
import type { Browser } from 'playwright-core';
import { launchChromium, type ChromiumOptions } from '../browser.ts';
import { callExpression, type EngineBrowser, type EnginePage, type Viewport } from './enginePage.ts';

export function chromiumEngine(browser: Browser): EngineBrowser {
  return {
    engine: 'chromium',
    async newPage(viewport: Viewport): Promise<EnginePage> {
      const context = await browser.newContext({ viewport, hasTouch: true, locale: 'nb-NO' });
      const page = await context.newPage();
      return {
        engine: 'chromium',
        goto: async (url) => void (await page.goto(url)),
        reload: async () => void (await page.reload()),
        evaluate: (fn, ...args) => page.evaluate(callExpression(fn, args)),
        click: (css) => page.locator(css).click({ timeout: 10_000 }),
        type: (css, text) => page.locator(css).pressSequentially(text, { timeout: 10_000 }),
        setOffline: async (offline) => {
          await context.setOffline(offline);
          return true;
        },
        close: () => context.close(),
      };
    },
    close: () => browser.close(),
  };
}

export async function launchChromiumEngine(options: ChromiumOptions = {}): Promise<EngineBrowser> {
  return chromiumEngine(await launchChromium(options));
}
