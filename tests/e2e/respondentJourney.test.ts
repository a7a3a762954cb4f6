/**
 * A respondent's whole survey on a 768×1024 touch tablet in Chromium, by
 * tapping and by keyboard only, against a real server: every answer
 * arrives exactly once, a reload resumes where the person was, and the
 * next person sees nothing of the previous one.
 */
import type { BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loadQuestionnaires } from '../../src/server/loadQuestionnaires.ts';
import { TabletModel, type Input } from './pages/TabletModel.ts';
import { useE2e } from '../support/harness.ts';
import { activeDraftStored } from './pages/storedDraft.ts';

const OPTION_ORDER = ['Ja', 'Både ja og nei', 'Nei'];

describe('the respondent tablet', () => {
  const e2e = useE2e({ questionnaires: loadQuestionnaires().questionnaires });

  async function tablet(input: Input): Promise<{ context: BrowserContext; model: TabletModel }> {
    const context = await e2e.browser.newContext({ viewport: { width: 768, height: 1024 }, hasTouch: true, isMobile: false, locale: 'nb-NO' });
    const page = await context.newPage();
    await page.goto(e2e.server.url);
    return { context, model: new TabletModel(page, input) };
  }

  async function counts() {
    const responses = await e2e.server.db.kysely.selectFrom('responses').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    const answers = await e2e.server.db.kysely.selectFrom('answers').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    return { responses: Number(responses.n), answers: Number(answers.n) };
  }

  /** Answers every question (cycling through the options, skipping every seventh) to the end. */
  async function answerAll(model: TabletModel): Promise<number> {
    let answered = 0;
    for (let step = 0; step < 200; step++) {
      if (await model.page.getByRole('heading', { name: /Hvordan ble svarene gitt/ }).count()) return answered;
      if (await model.isQuestionPage()) {
        const radios = await model.page.getByRole('radio').count();
        if (step % 7 === 3) {
          await model.next('Hopp over');
          answered++;
          continue;
        }
        const label = OPTION_ORDER[step % radios] ?? 'Ja';
        await model.choose(radios === 2 && label === 'Både ja og nei' ? 'Ja' : label);
        answered++;
      }
      await model.next();
    }
    throw new Error('The survey did not reach the helper page');
  }

  it.each<Input>(['touch', 'keyboard'])('takes a whole survey by %s and stores it exactly once', async (input) => {
    const before = await counts();
    const { context, model } = await tablet(input);
    await model.setUp(e2e.server.demo!.tabletCode);
    await model.startSurvey({ unit: 'Tunet boliger' });
    await expect(model.heading().textContent()).resolves.toContain('Hei');
    const answered = await answerAll(model);
    await model.choose('Med hjelp fra personalet');
    await model.press('Ferdig');
    await model.page.getByText('Takk! Svarene er lagret.').waitFor();
    await model.page.getByText('Alt er sendt').waitFor();
    const after = await counts();
    expect(after.responses - before.responses).toBe(1);
    expect(after.answers - before.answers).toBe(answered);
    const stored = await e2e.server.db.kysely.selectFrom('responses').selectAll().orderBy('id').execute();
    expect(stored.some((r) => r.answered_by === 'with-staff' && r.completion === 'finished' && r.language === 'nb')).toBe(true);
    await context.close();
  });

  it('resumes after a reload at the same page with the same answer chosen', async () => {
    const { context, model } = await tablet('touch');
    await model.setUp(e2e.server.demo!.tabletCode);
    await model.startSurvey({ language: 'Nynorsk' });
    while (!(await model.isQuestionPage())) await model.next(/^Gå til neste/);
    await model.choose('Nei');
    await model.next(/^Gå til neste/);
    await model.choose('Både ja og nei');
    const where = await model.pageNumber();
    const question = await model.heading().textContent();
    // A reload loses a tap whose write has not committed yet (src/storage/draftWriter.ts): resume from a stored answer.
    await model.page.waitForFunction(activeDraftStored, { answer: 'bade' }, { polling: 50, timeout: 30_000 });

    await model.page.reload();
    await model.page.getByRole('heading', { name: 'Hjelparen si side' }).waitFor();
    await model.page.getByText(`side ${where.current}`).waitFor();
    await model.press(/^Hald fram/);
    expect(await model.pageNumber()).toEqual(where);
    expect(await model.heading().textContent()).toBe(question);
    // The stored answer is shown (polled: on a loaded machine the check may land a moment after the heading).
    // A lost or changed answer never becomes "Både ja og nei" and fails here.
    const checked = (name: string) => () => model.page.getByRole('radio', { name, exact: true }).isChecked();
    await expect.poll(checked('Både ja og nei'), { timeout: 30_000 }).toBe(true);
    await model.next('Tilbake');
    await expect.poll(checked('Nei'), { timeout: 30_000 }).toBe(true);
    await context.close();
  });

  it('after "Ferdig" shows nothing of the previous person, not even by going back', async () => {
    const { context, model } = await tablet('touch');
    await model.setUp(e2e.server.demo!.tabletCode);
    await model.startSurvey();
    while (!(await model.isQuestionPage())) await model.next();
    const firstQuestion = await model.heading().textContent();
    await model.choose('Nei');
    // The helper ends the survey through pause and "Avslutt og send".
    await model.press('Pause');
    await model.press('Ja, ta pause');
    await model.press(/^Avslutt og send det som er svart/);
    await model.press('Ja, avslutt og send');
    await model.page.getByText('Alt er sendt').waitFor();
    expect(await model.page.getByText(firstQuestion!).count()).toBe(0);
    expect(await model.page.getByRole('button', { name: 'Tilbake' }).count()).toBe(0);
    await model.page.goBack().catch(() => undefined);
    expect(await model.page.getByRole('radio', { name: 'Nei', exact: true, checked: true }).count()).toBe(0);

    await model.page.goto(e2e.server.url);
    await model.startSurvey();
    while (!(await model.isQuestionPage())) await model.next();
    expect(await model.heading().textContent()).toBe(firstQuestion);
    expect(await model.page.getByRole('radio', { checked: true }).count()).toBe(0);
    await model.next('Tilbake');
    await model.next('Tilbake');
    expect(await model.page.getByRole('radio', { checked: true }).count()).toBe(0);
    await context.close();
  });
});
