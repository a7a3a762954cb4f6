/**
 * Engine-neutral page model for the cross-engine tests: finds controls by
 * their accessible name inside the page (the same code in WebKit, Firefox
 * and Chromium), then clicks and types through the engine's own driver, so
 * the app gets real input events. Every wait is bounded and says what it
 * waited for.
 */
import type { EnginePage } from '../../support/harness.ts';

type Kind = 'button' | 'radio' | 'textbox';

const DEFAULT_WAIT_MS = 20_000;

/** In the page: marks the one visible control of this kind and name and returns a CSS selector for it. */
function markControl(kind: Kind, name: string, prefix: boolean): string | null {
  const norm = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
  const matches = (text: string) => (prefix ? text.startsWith(name) : text === name);
  const visibleText = (node: Element) => {
    const copy = node.cloneNode(true) as Element;
    copy.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
    return norm(copy.textContent);
  };
  const shown = (el: Element) => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.height > 0;
  };
  let target: Element | undefined;
  if (kind === 'button') {
    target = [...document.querySelectorAll('button, [role="button"], a[href]')].find(
      (el) => shown(el) && !el.hasAttribute('disabled') && (matches(norm(el.getAttribute('aria-label'))) || matches(visibleText(el))),
    );
  } else if (kind === 'radio') {
    const radio = [...document.querySelectorAll<HTMLInputElement>('input[type="radio"]')].find(
      (input) => matches(norm(input.getAttribute('aria-label'))) || (input.labels?.[0] ? matches(visibleText(input.labels[0])) : false),
    );
    // The label takes the click (react-aria hides the input under it).
    target = radio?.closest('label') ?? radio?.labels?.[0] ?? undefined;
  } else {
    target = [...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')].find(
      (input) => shown(input) && (matches(norm(input.getAttribute('aria-label'))) || (input.labels?.[0] ? matches(visibleText(input.labels[0])) : false)),
    );
  }
  if (!target) return null;
  const id = String(Math.random()).slice(2);
  target.setAttribute('data-e2e-target', id);
  target.scrollIntoView({ block: 'center' });
  return `[data-e2e-target="${id}"]`;
}

export class EngineModel {
  constructor(readonly page: EnginePage) {}

  /** Polls `fn` in the page until it returns a truthy value; fails with `what` after `timeoutMs`. */
  async waitFor<A extends unknown[], R>(what: string, fn: (...args: A) => R | Promise<R>, args: A, timeoutMs = DEFAULT_WAIT_MS): Promise<NonNullable<Awaited<R>>> {
    const deadline = Date.now() + timeoutMs;
    let lastError: unknown;
    for (;;) {
      try {
        const value = await this.page.evaluate(fn, ...args);
        if (value) return value as NonNullable<Awaited<R>>;
      } catch (error) {
        // A navigation in progress destroys the page's context: try again.
        lastError = error;
      }
      if (Date.now() > deadline) {
        const shown = await this.describePage().catch(() => 'nothing readable');
        throw new Error(`${this.page.engine}: timed out after ${timeoutMs} ms waiting for ${what}${lastError ? ` (${String(lastError)})` : ''}; the page shows ${shown}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }

  /** The page's heading and buttons, for a timeout's message. */
  describePage(): Promise<string> {
    return this.page.evaluate(() => {
      const heading = document.querySelector('h1')?.textContent?.trim() ?? '(no heading)';
      const buttons = [...document.querySelectorAll('button')].map((b) => b.textContent?.replace(/\s+/g, ' ').trim()).join(' | ');
      return `"${heading}" at ${location.pathname} with buttons: ${buttons}`;
    });
  }

  private control(kind: Kind, name: string, prefix: boolean, timeoutMs = DEFAULT_WAIT_MS): Promise<string> {
    return this.waitFor(`the ${kind} "${name}"${prefix ? ' …' : ''}`, markControl, [kind, name, prefix], timeoutMs);
  }

  /** Presses the button with this name (or, with `prefix`, whose name starts with it). */
  async press(name: string, options: { prefix?: boolean } = {}): Promise<void> {
    await this.page.click(await this.control('button', name, options.prefix ?? false));
  }

  /** Chooses the answer with this name and waits until it is checked and, on an answer bar, shows the chosen mark (drawn by this engine's CSS). */
  async choose(name: string): Promise<void> {
    await this.page.click(await this.control('radio', name, false));
    await this.waitFor(
      `"${name}" to be checked and marked`,
      (label: string) =>
        [...document.querySelectorAll<HTMLInputElement>('input[type="radio"]')].some((input) => {
          if (!input.checked || (input.getAttribute('aria-label') !== label && input.labels?.[0]?.textContent?.replace(/\s+/g, ' ').trim() !== label)) return false;
          const bar = input.closest('label.answer');
          if (!bar) return true;
          const marks = [...document.querySelectorAll('label.answer .answer-check')].filter((check) => getComputedStyle(check).visibility === 'visible');
          return marks.length === 1 && bar.contains(marks[0]!);
        }),
      [name],
    );
  }

  async type(name: string, text: string): Promise<void> {
    await this.page.type(await this.control('textbox', name, false), text);
  }

  async waitForHeading(text: string, timeoutMs = DEFAULT_WAIT_MS): Promise<void> {
    await this.waitFor(`the heading "${text}"`, (t: string) => [...document.querySelectorAll('h1')].some((h) => h.textContent?.trim() === t), [text], timeoutMs);
  }

  async waitForText(text: string, timeoutMs = DEFAULT_WAIT_MS): Promise<void> {
    await this.waitFor(`the text "${text}"`, (t: string) => document.body.innerText.replace(/\s+/g, ' ').includes(t), [text], timeoutMs);
  }

  /** The running page number ("Side 3 av 12"), or null off the survey pages. */
  async pageNumber(): Promise<number | null> {
    return this.page.evaluate(() => {
      const match = /Side (\d+) av/.exec(document.querySelector('.progress-text')?.textContent ?? '');
      return match ? Number(match[1]) : null;
    });
  }

  async isQuestionPage(): Promise<boolean> {
    return this.page.evaluate(() => document.querySelector('.question-page') !== null);
  }

  /** The names of the answer options on this page. */
  async options(): Promise<string[]> {
    return this.page.evaluate(() =>
      [...document.querySelectorAll<HTMLInputElement>('input[type="radio"]')].map(
        (input) => input.getAttribute('aria-label') ?? input.labels?.[0]?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
      ),
    );
  }

  /** Presses a navigation button and waits until the running page number changes. */
  async next(name = 'Gå til neste', prefix = true): Promise<void> {
    const before = await this.pageNumber();
    await this.press(name, { prefix });
    await this.waitFor(`a page after page ${before}`, (n: number | null) => {
      const match = /Side (\d+) av/.exec(document.querySelector('.progress-text')?.textContent ?? '');
      return (match ? Number(match[1]) : null) !== n;
    }, [before]);
  }

  /** Waits until the service worker controls the page, reloading once if it took over after the load. */
  async waitForServiceWorker(): Promise<void> {
    await this.waitFor('an active service worker', async () => Boolean((await navigator.serviceWorker.ready).active), [], 30_000);
    try {
      await this.waitFor('the service worker to control the page', () => navigator.serviceWorker.controller !== null, [], 5_000);
    } catch {
      await this.page.reload();
      await this.waitFor('the service worker to control the page after a reload', () => navigator.serviceWorker.controller !== null, [], 15_000);
    }
  }
}
