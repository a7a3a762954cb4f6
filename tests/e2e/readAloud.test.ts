/**
 * Read-aloud with a real speech engine: Chromium with speech-dispatcher
 * and espeak-ng's Norwegian voices. A respondent's pages are read as they
 * open (the default), and "Les opp" reads them again: the question, each
 * answer and the help in Norwegian, one sentence at a time, highlighting
 * what is being read; a page change stops it.
 */
import { describe, expect, it } from 'vitest';
import { speechEnvironment } from '../support/speech.ts';
import { TabletModel } from './pages/TabletModel.ts';
import { useE2e } from '../support/harness.ts';

declare global {
  interface Window {
    __utterances: { text: string; lang: string; voice: string }[];
    __cancels: number;
    /** How many times a text began to be highlighted as read (seen by a MutationObserver, so a short highlight is never missed). */
    __highlights: number;
  }
}

describe('read-aloud with a real Norwegian voice', () => {
  const e2e = useE2e({ chromium: speechEnvironment });

  it('reads a question page aloud in Norwegian, highlighting each part, with no voice warning', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 768, height: 1024 }, hasTouch: true });
    await context.addInitScript(() => {
      window.__utterances = [];
      window.__cancels = 0;
      window.__highlights = 0;
      const reading = (node: Node) => node instanceof Element && (node.matches('[data-reading="true"]') || node.querySelector('[data-reading="true"]') !== null);
      new MutationObserver((records) => {
        for (const record of records) {
          if (record.type === 'attributes' ? reading(record.target) : [...record.addedNodes].some(reading)) window.__highlights++;
        }
      }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-reading'] });
      const cancel = speechSynthesis.cancel.bind(speechSynthesis);
      speechSynthesis.cancel = () => {
        window.__cancels++;
        cancel();
      };
      const speak = speechSynthesis.speak.bind(speechSynthesis);
      speechSynthesis.speak = (u: SpeechSynthesisUtterance) => {
        window.__utterances.push({ text: u.text, lang: u.lang, voice: u.voice?.lang ?? '' });
        speak(u);
      };
    });
    const model = new TabletModel(await context.newPage());
    /** Waits until a text has been highlighted as read since `before` (a count of window.__highlights). */
    const highlightedSince = (before: number) =>
      model.page.waitForFunction((count) => window.__highlights > count, before, { timeout: 30_000 });
    const highlights = () => model.page.evaluate(() => window.__highlights);
    await model.page.goto(e2e.server.url);
    await model.setUp(e2e.server.demo!.tabletCode);
    // The tablet has a Norwegian voice, so the helper is not warned (once the engine has listed its voices).
    await model.page.waitForFunction(() => speechSynthesis.getVoices().some((v) => v.lang === 'nb'), undefined, { timeout: 30_000 });
    await model.page.getByText('ingen norsk stemme').waitFor({ state: 'detached', timeout: 5_000 }).catch(() => undefined);
    expect(await model.page.getByText('ingen norsk stemme').count()).toBe(0);

    await model.startSurvey();
    while (!(await model.isQuestionPage())) await model.next();
    // Read aloud by default: the question page is read as it opens, answers included.
    await model.page.waitForFunction(() => window.__utterances.some((u) => u.text === 'Liker du å bo der du bor?'), undefined, { timeout: 30_000 });
    await highlightedSince(0);
    await model.page.getByRole('button', { name: 'Les opp', exact: true }).waitFor({ timeout: 30_000 });
    const opened = await model.page.evaluate(() => window.__utterances.map((u) => u.text));
    expect(opened.slice(opened.lastIndexOf('Liker du å bo der du bor?'))).toEqual([
      'Liker du å bo der du bor?', 'Ja', 'Både ja og nei', 'Nei', 'Trykk på svaret ditt.', 'Så trykker du på Gå til neste.',
    ]);

    await model.page.evaluate(() => {
      window.__utterances = [];
    });
    const beforeReading = await highlights();
    await model.press('Les opp');
    await highlightedSince(beforeReading);
    await model.page.getByRole('button', { name: 'Les opp', exact: true }).waitFor({ timeout: 30_000 });
    const spoken = await model.page.evaluate(() => window.__utterances);
    expect(spoken.map((u) => u.text)).toEqual(['Liker du å bo der du bor?', 'Ja', 'Både ja og nei', 'Nei', 'Trykk på svaret ditt.', 'Så trykker du på Gå til neste.']);
    expect(spoken.every((u) => u.lang === 'nb-NO' && u.voice === 'nb')).toBe(true);

    // Reading stops when the person moves on (and the next page is read from its start).
    const beforeAgain = await highlights();
    await model.press('Les opp');
    await highlightedSince(beforeAgain);
    const cancelsBefore = await model.page.evaluate(() => window.__cancels);
    await model.next();
    expect(await model.page.evaluate(() => window.__cancels)).toBeGreaterThan(cancelsBefore);
    const newQuestion = (await model.heading().textContent())?.trim() ?? '';
    expect(newQuestion).not.toBe('Liker du å bo der du bor?');
    // Waits for the new question to be spoken, not for its highlight: an engine with no sound
    // device may end each sentence at once, so the highlight can come and go between two looks.
    await model.page.waitForFunction((question) => window.__utterances.some((u) => u.text === question), newQuestion, { timeout: 30_000 });
    await context.close();
  });
});
