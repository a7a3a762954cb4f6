/**
 * Page model of the tablet for end-to-end tests: set-up, the helper
 * screen and the survey pages, driven by touch or by keyboard only.
 */
import type { Locator, Page } from 'playwright-core';

export type Input = 'touch' | 'keyboard';

export class TabletModel {
  constructor(
    readonly page: Page,
    readonly input: Input = 'touch',
  ) {}

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  /** The accessible name of the focused element (aria-label, labelledby, label or visible text). */
  focusedName(): Promise<string> {
    return this.page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el) return '';
        const labelled = el.getAttribute('aria-label');
        if (labelled) return labelled;
        const byId = el.getAttribute('aria-labelledby');
        if (byId) return byId.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
        const visibleText = (node: Element) => {
          const copy = node.cloneNode(true) as Element;
          copy.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
          return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
        };
        if (el instanceof HTMLInputElement && el.labels?.[0]) return visibleText(el.labels[0]);
        return visibleText(el);
    });
  }

  /** Presses Tab until the focused element has this accessible name. */
  async tabTo(name: string | RegExp, maxPresses = 40): Promise<void> {
    for (let i = 0; i < maxPresses; i++) {
      await this.page.keyboard.press('Tab');
      const focused = (await this.focusedName()).trim();
      if (typeof name === 'string' ? focused === name : name.test(focused)) return;
    }
    throw new Error(`No focusable element named ${String(name)} within ${maxPresses} Tab presses`);
  }

  async press(name: string | RegExp): Promise<void> {
    if (this.input === 'keyboard') {
      await this.tabTo(name);
      await this.page.keyboard.press('Enter');
    } else {
      await this.page.getByRole('button', { name, exact: typeof name === 'string' }).tap();
    }
  }

  /** Chooses an option of a radio group by its visible label. */
  async choose(label: string): Promise<void> {
    if (this.input === 'keyboard') {
      // A radio group is one Tab stop; the arrow keys move within it.
      const group = this.page.getByRole('radiogroup').filter({ has: this.page.getByRole('radio', { name: label, exact: true }) });
      for (let i = 0; i < 40 && !(await group.evaluate((el) => el.contains(document.activeElement))); i++) {
        await this.page.keyboard.press('Tab');
      }
      for (let i = 0; i < 12 && (await this.focusedName()).trim() !== label; i++) await this.page.keyboard.press('ArrowDown');
      await this.page.keyboard.press('Space');
    } else {
      // The helper screen's late notices (a voice found late, an update) sit below its form; should anything
      // else move the label between aiming and tapping, tap again, as a person would.
      const checked = this.page.getByRole('radio', { name: label, exact: true }).and(this.page.locator(':checked'));
      for (let attempt = 0; attempt < 3; attempt++) {
        await this.page.locator('label').filter({ hasText: new RegExp(`^\\s*${label}\\s*$`) }).first().tap();
        if (await checked.waitFor({ timeout: 5_000 }).then(() => true, () => false)) return;
      }
    }
    await this.page.getByRole('radio', { name: label, exact: true }).and(this.page.locator(':checked')).waitFor();
  }

  async setUp(code: string): Promise<void> {
    const field = this.page.getByRole('textbox', { name: 'Kode for nettbrettet' });
    // The form is a lazy chunk that can come after the load event: a person sees it before tabbing to it.
    await field.waitFor();
    if (this.input === 'keyboard') {
      await this.tabTo('Kode for nettbrettet');
      await this.page.keyboard.type(code);
      await this.page.keyboard.press('Enter');
    } else {
      await field.tap();
      await field.fill(code);
      await this.press('Hent undersøkelsen');
    }
    await this.page.getByRole('heading', { name: 'Hjelperens side' }).waitFor();
  }

  async startSurvey(options: { language?: 'Bokmål' | 'Nynorsk'; unit?: string } = {}): Promise<void> {
    await this.press('Start ny undersøkelse');
    if (options.language) await this.choose(options.language);
    if (options.unit) await this.choose(options.unit);
    await this.press(/^Start – gi/);
    await this.page.locator('.progress-text', { hasText: /^Side 1 av \d+$/ }).waitFor();
  }

  async pageNumber(): Promise<{ current: number; total: number }> {
    const text = (await this.page.locator('.progress-text').textContent()) ?? '';
    const match = /(\d+) av (\d+)/.exec(text);
    if (!match) throw new Error(`No page number in "${text}"`);
    return { current: Number(match[1]), total: Number(match[2]) };
  }

  async next(label: string | RegExp = /^Gå til neste|^Gå til neste →$/): Promise<void> {
    const before = await this.pageNumber();
    await this.press(label);
    await this.page.waitForFunction(
      (n) => !document.querySelector('.progress-text')?.textContent?.includes(`Side ${n} `),
      before.current,
    );
  }

  async isQuestionPage(): Promise<boolean> {
    return (await this.page.locator('.question-page').count()) > 0;
  }
}
