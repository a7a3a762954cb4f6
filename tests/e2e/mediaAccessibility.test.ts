/**
 * The media page in Debian Chromium, in bokmål and English: axe-core
 * (WCAG 2.2 A/AA) finds nothing before an upload, with the recording panel
 * open and after the upload; a WAV file raises the coverage from 0 to 1;
 * a recording from Chromium's fake microphone (WebM/Opus) is converted to
 * WAV in the page and stored; both are deleted again after a confirmation.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { silentWav } from '../support/media.ts';
import { useE2e } from '../support/harness.ts';

const WORDS = {
  nb: {
    coverage: /^(\d+) av (\d+) tekster? har innlest stemme$/,
    question: 'Liker du å bo der du bor?',
    recordedQuestion: 'Er du lei deg der du bor?',
    record: 'Ta opp',
    start: 'Start opptaket',
    stop: 'Stopp',
    save: 'Lagre opptaket',
    saved: 'Stemmen er lagret.',
    delete: 'Slett stemmen',
    confirmDelete: 'Ja, slett stemmen',
    deleted: 'Stemmen er slettet. Enhetens stemme brukes.',
  },
  en: {
    coverage: /^(\d+) of (\d+) texts? ha(?:s|ve) a recorded voice$/,
    question: 'Liker du å bo der du bor?',
    recordedQuestion: 'Er du lei deg der du bor?',
    record: 'Record',
    start: 'Start recording',
    stop: 'Stop',
    save: 'Save the recording',
    saved: 'The voice has been saved.',
    delete: 'Delete the voice',
    confirmDelete: 'Yes, delete the voice',
    deleted: 'The voice has been deleted. The device voice will be used.',
  },
} as const;

describe('accessibility of the media page', () => {
  const e2e = useE2e({ chromium: { args: ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'] } });

  /** The bokmål coverage line, as [recorded, total]. */
  async function coverage(page: Page, pattern: RegExp): Promise<[number, number]> {
    const text = (await page.locator('.coverage-count').first().textContent()) ?? '';
    const match = pattern.exec(text.trim());
    if (!match) throw new Error(`unexpected coverage text: ${text}`);
    return [Number(match[1]), Number(match[2])];
  }

  async function waitForCoverage(page: Page, pattern: RegExp, recorded: number) {
    await expect.poll(async () => (await coverage(page, pattern))[0], { timeout: 30_000 }).toBe(recorded);
  }

  const itemOf = (page: Page, text: string) => page.locator('li.media-item', { has: page.getByRole('heading', { name: text, level: 3 }) });

  it.each(['nb', 'en'] as const)('has no violations before and after an upload and a recording in %s', async (language) => {
    const words = WORDS[language];
    const context = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const found: Record<string, string[]> = {};
    const check = async (step: string) => {
      const violations = await axeViolations(page);
      if (violations.length > 0) found[step] = violations;
    };

    await page.goto(`${e2e.server.url}koordinator`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    if (language === 'en') {
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { name: 'Sign in', level: 1 }).waitFor();
    }
    await page.getByRole('textbox').first().fill(e2e.server.demo!.username);
    await page.locator('input[type="password"]').fill(e2e.server.demo!.password);
    await page.locator('form').getByRole('button').first().click();
    await page.getByRole('table').first().waitFor();

    // Through the main menu, then the questionnaire chosen in the address.
    await page.getByRole('link', { name: language === 'nb' ? 'Innlest stemme og tegnspråk' : 'Recorded voice and sign language' }).click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.goto(`${e2e.server.url}koordinator/lyd?skjema=eksempel&sprak=nb`);
    await page.locator('.coverage-count').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(language);
    const [before, total] = await coverage(page, words.coverage);
    expect(before).toBe(0);
    expect(total).toBeGreaterThan(10);
    await check('before upload');

    // 1: upload a WAV file for one question.
    const item = itemOf(page, words.question);
    await item.locator('input[type="file"][accept*=".wav"]').setInputFiles({ name: 'stemme.wav', mimeType: 'audio/wav', buffer: silentWav(4000) });
    await item.getByText(words.saved).waitFor();
    await waitForCoverage(page, words.coverage, 1);
    const src = await item.locator('audio').getAttribute('src');
    expect(src).toMatch(/^\/media\/[0-9a-f]+\.wav$/);
    const served = await page.request.get(`${e2e.server.url}${src!.slice(1)}`);
    expect(served.headers()['content-type']).toBe('audio/wav');
    await check('after upload');

    // 2: record another question with Chromium's fake microphone: WebM/Opus, converted to WAV in the page.
    const recorded = itemOf(page, words.recordedQuestion);
    await recorded.getByRole('button', { name: words.record, exact: true }).click();
    await check('recording explained');
    await recorded.getByRole('button', { name: words.start }).click();
    const stop = recorded.getByRole('button', { name: words.stop, exact: true });
    await stop.waitFor({ timeout: 30_000 });
    await page.waitForTimeout(1500);
    await stop.click();
    await recorded.getByRole('button', { name: words.save }).waitFor();
    await check('recording heard back');
    await recorded.getByRole('button', { name: words.save }).click();
    await recorded.getByText(words.saved).waitFor({ timeout: 30_000 });
    await waitForCoverage(page, words.coverage, 2);
    const recordedSrc = await recorded.locator('audio').getAttribute('src');
    const recording = await page.request.get(`${e2e.server.url}${recordedSrc!.slice(1)}`);
    expect(recording.headers()['content-type']).toBe('audio/wav');
    const wav = await recording.body();
    expect(wav.readUInt32LE(24)).toBe(22_050);
    expect(wav.length).toBeGreaterThan(44 + 22_050 * 2); // more than one second of sound

    // 3: delete both after the confirmation, so the other language starts from 0 again.
    for (const text of [words.question, words.recordedQuestion]) {
      const row = itemOf(page, text);
      await row.getByRole('button', { name: words.delete }).click();
      await row.getByRole('button', { name: words.confirmDelete }).click();
      await row.getByText(words.deleted).waitFor();
    }
    await waitForCoverage(page, words.coverage, 0);
    await check('after delete');

    expect(found).toEqual({});
    await context.close();
  });
});
