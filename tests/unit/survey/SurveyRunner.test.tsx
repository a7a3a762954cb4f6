// @vitest-environment jsdom
/**
 * The respondent's survey on a tablet, page by page, against a real
 * (fake-indexeddb) device database: every page change, answer and skip
 * shows at once and is stored right behind, in order; a failed write puts
 * back what is stored and says so; a reload after a tap finds a consistent
 * draft; "Nei" on a factual question removes
 * its follow-ups and "Ja" brings them back; pause and resume; the helper's
 * last page; and reading aloud stops or starts with each new page.
 */
import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Questionnaire } from '../../../src/shared/questionnaire.ts';
import { DEFAULT_PROFILE, type PresentationProfile, type SurveyDraft } from '../../../src/storage/db.ts';
import { startDraft } from '../../../src/storage/surveyStore.ts';
import { SurveyRunner, type SurveyExit } from '../../../src/survey/SurveyRunner.tsx';
import { fixtureQuestionnaires } from '../../support/fixtures.ts';
import { createTestServices, disposeServices, renderWithServices, spokenTexts, type TestServices } from '../../support/renderSurvey.tsx';

const questionnaire: Questionnaire = fixtureQuestionnaires().find((q) => q.id === 'eksempel')!;

/**
 * Two intro pages, eight questions, the end page and the helper's page: the
 * two follow-ups of dagtid-har show only after "Ja" to it.
 */
const PAGES = 12;
/** After "Ja" on dagtid-har, dagtid-liker and dagtid-spurt are added. */
const WITH_DAYTIME = 14;

describe('SurveyRunner (respondent on a tablet)', { timeout: 30_000 }, () => {
  let services: TestServices;
  let user: UserEvent;
  let onExit: ReturnType<typeof vi.fn<(how: SurveyExit) => void>>;

  beforeEach(() => {
    services = createTestServices();
    user = userEvent.setup({ delay: null });
    onExit = vi.fn<(how: SurveyExit) => void>();
  });
  afterEach(async () => {
    cleanup();
    await disposeServices(services);
  });

  async function start(firstPageKey = 'intro:hei', profile: PresentationProfile = DEFAULT_PROFILE): Promise<SurveyDraft> {
    return startDraft(services.db, { roundCode: 'ABCD2345', questionnaire, language: 'nb', unitId: 1, profile, firstPageKey });
  }

  function show(draft: SurveyDraft) {
    return renderWithServices(services, <SurveyRunner questionnaire={questionnaire} initialDraft={draft} onExit={onExit} canPause />);
  }

  async function stored(id: string): Promise<SurveyDraft | undefined> {
    return services.db.drafts.get(id);
  }

  // A plain query rather than getByRole: it runs on every DOM change while waiting for a page.
  const progress = () => document.querySelector('[role="progressbar"]')?.getAttribute('aria-valuetext');
  const heading = () => screen.getByRole('heading', { level: 1 }).textContent;
  const button = (name: string) => screen.getByRole('button', { name });
  const radio = (name: string) => screen.getByRole('radio', { name });

  async function onPage(current: number, total: number): Promise<void> {
    await waitFor(() => expect(progress()).toBe(`Side ${current} av ${total}`));
  }

  /** Presses a navigation button and waits until the page number shows the new page. */
  async function go(name: 'Gå til neste' | 'Tilbake' | 'Hopp over', current: number, total: number): Promise<void> {
    await user.click(button(name));
    await onPage(current, total);
  }

  /** The answer shows as chosen at once; its write follows right behind. */
  async function choose(name: string, questionId: string, value: string, draftId: string): Promise<void> {
    const option = radio(name);
    await user.click(option);
    expect(option).toBeChecked();
    await waitFor(async () => expect((await stored(draftId))?.answers[questionId]).toBe(value));
  }

  it('starts on the first intro page, page 1 of N, with nowhere to go back to', async () => {
    show(await start());
    expect(progress()).toBe(`Side 1 av ${PAGES}`);
    expect(screen.getByText(`Side 1 av ${PAGES}`, { selector: '.progress-text' })).toBeVisible();
    expect(heading()).toBe('Hei!');
    expect(document.querySelector('.page-text')).toHaveTextContent('Jeg heter Eir. Jeg vil høre hva du synes.');
    expect(screen.getByRole('img', { name: 'Eir vinker og smiler.' })).toBeInTheDocument();
    expect(button('Gå til neste')).toBeEnabled();
    expect(screen.queryByRole('button', { name: 'Tilbake' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Hopp over' })).toBeNull();
  });

  /**
   * Holds every database transaction until the test lets it go, as a slow
   * tablet would; `release(n)` lets go of the n-th held one (0 = oldest),
   * `fail(n)` makes it fail as a full or broken disk would.
   */
  function holdTransactions() {
    const original = services.db.transaction.bind(services.db) as (...args: unknown[]) => Promise<unknown>;
    const held: { go: () => void; fail: () => void }[] = [];
    const spy = vi.spyOn(services.db, 'transaction').mockImplementation(((...args: unknown[]) =>
      new Promise<void>((resolve, reject) => {
        held.push({ go: resolve, fail: () => reject(new Error('The disk refused the write')) });
      }).then(() => original(...args))) as unknown as typeof services.db.transaction);
    return {
      held,
      release: (n = 0) => held.splice(n, 1)[0]!.go(),
      fail: (n = 0) => held.splice(n, 1)[0]!.fail(),
      restore: () => spy.mockRestore(),
    };
  }

  it('shows the next page at once and stores the page change right behind it', async () => {
    const draft = await start();
    show(draft);
    const writes = holdTransactions();

    await user.click(button('Gå til neste'));
    // The new page shows while the write is still waiting for the disk.
    expect(progress()).toBe(`Side 2 av ${PAGES}`);
    expect(heading()).toBe('Svarene dine er hemmelige. Du kan hoppe over spørsmål.');
    expect(button('Gå til neste')).toBeEnabled();
    await waitFor(async () => expect((await stored(draft.id))?.pageKey).toBe('intro:hei'));

    await waitFor(() => expect(writes.held).toHaveLength(1));
    writes.release();
    writes.restore();
    await waitFor(async () => expect(await stored(draft.id)).toMatchObject({ pageKey: 'intro:hemmelig', pageNumber: 2 }));
    // Screen-reader users follow along: focus on the new heading, the page number announced.
    expect(screen.getByRole('heading', { level: 1 })).toHaveFocus();
    expect(document.querySelector('[aria-live="polite"]')).toHaveTextContent(`Side 2 av ${PAGES}`);
  });

  it('taps in quick succession are stored in the order they were made, even when the disk answers the newest first', async () => {
    const draft = await start('q:bolig-trives');
    show(draft);
    const writes = holdTransactions();

    await user.click(radio('Ja'));
    expect(radio('Ja')).toBeChecked();
    await user.click(radio('Nei'));
    await user.click(radio('Både ja og nei'));
    expect(radio('Både ja og nei')).toBeChecked();
    await user.click(button('Gå til neste'));
    expect(heading()).toBe('Er du lei deg der du bor?');

    // Let the newest held write go first, every time: only an ordered queue still ends on the last tap.
    for (let released = 0; released < 4; released++) {
      await waitFor(() => expect(writes.held.length).toBeGreaterThan(0));
      await new Promise((resolve) => setTimeout(resolve, 10));
      writes.release(writes.held.length - 1);
    }
    writes.restore();
    await waitFor(async () =>
      expect(await stored(draft.id)).toMatchObject({ answers: { 'bolig-trives': 'bade' }, pageKey: 'q:bolig-lei', pageNumber: 4 }),
    );
  });

  it('a failed write takes the chosen answer back off the screen and says it was not saved', async () => {
    const draft = await start('q:bolig-trives');
    show(draft);
    await choose('Ja', 'bolig-trives', 'ja', draft.id);
    const writes = holdTransactions();

    await user.click(radio('Nei'));
    expect(radio('Nei')).toBeChecked();
    await waitFor(() => expect(writes.held).toHaveLength(1));
    writes.fail();
    writes.restore();

    await waitFor(() => expect(radio('Ja')).toBeChecked());
    expect(radio('Nei')).not.toBeChecked();
    expect(screen.getByRole('alert')).toHaveTextContent('Det siste valget ble ikke lagret. Skjermen viser nå det som er lagret. Velg på nytt, eller si fra til hjelperen.');
    await waitFor(async () => expect((await stored(draft.id))?.answers['bolig-trives']).toBe('ja'));

    // Choosing again works and the notice goes.
    await choose('Nei', 'bolig-trives', 'nei', draft.id);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('a failed page change returns to the page that is stored, with the answers stored', async () => {
    const draft = await start('q:bolig-trives');
    show(draft);
    const writes = holdTransactions();
    await user.click(radio('Ja'));
    await user.click(button('Gå til neste'));
    expect(heading()).toBe('Er du lei deg der du bor?');

    await waitFor(() => expect(writes.held).toHaveLength(1));
    writes.release(); // the answer
    await waitFor(() => expect(writes.held).toHaveLength(1));
    writes.fail(); // the page change
    writes.restore();

    await waitFor(() => expect(heading()).toBe('Liker du å bo der du bor?'));
    expect(progress()).toBe(`Side 3 av ${PAGES}`);
    expect(radio('Ja')).toBeChecked();
    expect(screen.getByRole('alert')).toHaveTextContent('ikke lagret');
  });

  it('a reload right after a tap shows either the tap or the state before it, never a mix', async () => {
    const draft = await start('q:bolig-trives');
    show(draft);
    const writes = holdTransactions();
    await user.click(radio('Ja'));
    await user.click(button('Gå til neste'));
    await waitFor(() => expect(writes.held).toHaveLength(1));

    // The tablet goes down before anything was written: the reload shows the question unanswered.
    cleanup();
    writes.restore();
    const before = (await stored(draft.id))!;
    show(before);
    expect(heading()).toBe('Liker du å bo der du bor?');
    expect(screen.getAllByRole('radio').filter((r) => (r as HTMLInputElement).checked)).toHaveLength(0);

    // Again, going down after the answer was written but before the page change: the answer, on its page.
    const writes2 = holdTransactions();
    await user.click(radio('Ja'));
    await user.click(button('Gå til neste'));
    await waitFor(() => expect(writes2.held).toHaveLength(1));
    writes2.release();
    await waitFor(async () => expect((await stored(draft.id))?.answers['bolig-trives']).toBe('ja'));
    cleanup();
    writes2.restore();
    const afterAnswer = (await stored(draft.id))!;
    expect(afterAnswer).toMatchObject({ pageKey: 'q:bolig-trives', answers: { 'bolig-trives': 'ja' } });
    show(afterAnswer);
    expect(heading()).toBe('Liker du å bo der du bor?');
    expect(radio('Ja')).toBeChecked();
  });

  it('stores each answer as it is chosen, stores a skip as null, and keeps answers when going back', async () => {
    const draft = await start();
    show(draft);
    await go('Gå til neste', 2, PAGES);
    await go('Gå til neste', 3, PAGES);
    expect(heading()).toBe('Liker du å bo der du bor?');
    expect(screen.getByText('Der du bor')).toBeInTheDocument();

    await choose('Ja', 'bolig-trives', 'ja', draft.id);
    await choose('Både ja og nei', 'bolig-trives', 'bade', draft.id);
    expect(radio('Ja')).not.toBeChecked();

    await go('Gå til neste', 4, PAGES);
    expect(heading()).toBe('Er du lei deg der du bor?');
    expect(radio('Ja')).not.toBeChecked();
    expect(radio('Både ja og nei')).not.toBeChecked();

    await go('Hopp over', 5, PAGES);
    expect(heading()).toBe('Føler du deg trygg der du bor?');
    await waitFor(async () => {
      const afterSkip = await stored(draft.id);
      expect(afterSkip?.answers).toEqual({ 'bolig-trives': 'bade', 'bolig-lei': null });
      expect(afterSkip).toMatchObject({ pageKey: 'q:bolig-trygg', pageNumber: 5 });
    });

    await go('Tilbake', 4, PAGES);
    expect(screen.getAllByRole('radio').filter((r) => (r as HTMLInputElement).checked)).toHaveLength(0);
    await go('Tilbake', 3, PAGES);
    expect(heading()).toBe('Liker du å bo der du bor?');
    expect(radio('Både ja og nei')).toBeChecked();
    expect(radio('Ja')).not.toBeChecked();
    await waitFor(async () => expect((await stored(draft.id))?.pageKey).toBe('q:bolig-trives'));
  });

  it('shows one page at a time: the pages rendered ahead of a move are nowhere in the document', async () => {
    const draft = await start('q:bolig-lei');
    show(draft);
    expect(heading()).toBe('Er du lei deg der du bor?');
    // Time for the pages before and after to be rendered ahead (after the frame, at low priority).
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(document.querySelectorAll('h1')).toHaveLength(1);
    expect(document.querySelectorAll('[role="radiogroup"]')).toHaveLength(1);
    expect(screen.getAllByText('Der du bor')).toHaveLength(1);
    expect(screen.queryByText('Liker du å bo der du bor?')).toBeNull();
    expect(screen.queryByText('Føler du deg trygg der du bor?')).toBeNull();

    await go('Gå til neste', 5, PAGES);
    expect(heading()).toBe('Føler du deg trygg der du bor?');
    expect(screen.queryByText('Er du lei deg der du bor?')).toBeNull();
    await go('Tilbake', 4, PAGES);
    await go('Tilbake', 3, PAGES);
    expect(heading()).toBe('Liker du å bo der du bor?');
    expect(document.querySelectorAll('h1')).toHaveLength(1);
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 })).toHaveFocus());
  });

  it('"Ja" on a factual question adds its follow-up pages, "Nei" removes them again', async () => {
    const draft = await start('q:dagtid-har');
    show(draft);
    expect(progress()).toBe(`Side 7 av ${PAGES}`);
    expect(heading()).toBe('Har du en jobb eller et sted å gå på dagtid?');
    expect(screen.getAllByRole('radio').map((r) => r.getAttribute('aria-label'))).toEqual(['Ja', 'Nei']);

    await choose('Ja', 'dagtid-har', 'ja', draft.id);
    await onPage(7, WITH_DAYTIME);
    await go('Gå til neste', 8, WITH_DAYTIME);
    expect(heading()).toBe('Liker du det du gjør på dagtid?');

    await go('Tilbake', 7, WITH_DAYTIME);
    expect(radio('Ja')).toBeChecked();
    await choose('Nei', 'dagtid-har', 'nei', draft.id);
    await onPage(7, PAGES);
    await go('Gå til neste', 8, PAGES);
    expect(heading()).toBe('Er personalet snille mot deg?');
    await waitFor(async () => expect((await stored(draft.id))?.pageKey).toBe('q:personalet-snill'));

    await go('Tilbake', 7, PAGES);
    expect(radio('Nei')).toBeChecked();
    await choose('Ja', 'dagtid-har', 'ja', draft.id);
    await onPage(7, WITH_DAYTIME);
    await go('Gå til neste', 8, WITH_DAYTIME);
    expect(heading()).toBe('Liker du det du gjør på dagtid?');
    await go('Gå til neste', 9, WITH_DAYTIME);
    expect(heading()).toBe('Blir du spurt om hva du vil gjøre?');
    await go('Gå til neste', 10, WITH_DAYTIME);
    expect(heading()).toBe('Er personalet snille mot deg?');
  });

  it('pauses only after the helper confirms, and resumes on the same page', async () => {
    const draft = await start();
    const first = show(draft);
    await go('Gå til neste', 2, PAGES);
    await go('Gå til neste', 3, PAGES);
    await choose('Ja', 'bolig-trives', 'ja', draft.id);

    await user.click(button('Pause'));
    const dialog = screen.getByRole('alertdialog', { name: 'Ta pause?' });
    expect(within(dialog).getByRole('button', { name: 'Nei, fortsett' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Nei, fortsett' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(onExit).not.toHaveBeenCalled();
    expect(progress()).toBe(`Side 3 av ${PAGES}`);
    await waitFor(async () => expect((await stored(draft.id))?.status).toBe('active'));

    await user.click(button('Pause'));
    await user.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Ja, ta pause' }));
    await waitFor(() => expect(onExit).toHaveBeenCalledExactlyOnceWith('paused'));
    const paused = await stored(draft.id);
    expect(paused).toMatchObject({ status: 'paused', pageKey: 'q:bolig-trives', answers: { 'bolig-trives': 'ja' } });

    first.unmount();
    show(paused!);
    expect(progress()).toBe(`Side 3 av ${PAGES}`);
    expect(heading()).toBe('Liker du å bo der du bor?');
    expect(radio('Ja')).toBeChecked();
    await go('Gå til neste', 4, PAGES);
    await waitFor(async () => expect((await stored(draft.id))?.status).toBe('active'));
  });

  it('the helper must say how the answers were given; "Ferdig" then queues only the answers that were shown', async () => {
    const draft = await start('q:dagtid-har');
    show(draft);
    await choose('Ja', 'dagtid-har', 'ja', draft.id);
    await go('Gå til neste', 8, WITH_DAYTIME);
    await choose('Ja', 'dagtid-liker', 'ja', draft.id);
    await go('Tilbake', 7, WITH_DAYTIME);
    await choose('Nei', 'dagtid-har', 'nei', draft.id);
    await go('Gå til neste', 8, PAGES);
    await go('Gå til neste', 9, PAGES);
    await go('Gå til neste', 10, PAGES);
    await go('Gå til neste', 11, PAGES);
    expect(heading()).toBe('Takk!');
    await go('Gå til neste', 12, PAGES);
    expect(heading()).toBe('Til hjelperen: Hvordan ble svarene gitt?');
    expect(screen.queryByRole('button', { name: 'Gå til neste' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Hopp over' })).toBeNull();

    await user.click(button('Ferdig'));
    expect(await screen.findByRole('alert')).toHaveTextContent('Velg ett av svarene før du trykker Ferdig.');
    expect(onExit).not.toHaveBeenCalled();
    expect(await services.db.outbox.count()).toBe(0);
    await waitFor(async () => expect(await stored(draft.id)).toBeDefined());

    await user.click(radio('Personen svarte alene'));
    await waitFor(async () => expect((await stored(draft.id))?.answeredBy).toBe('alone'));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    await user.click(button('Ferdig'));
    await waitFor(() => expect(onExit).toHaveBeenCalledExactlyOnceWith('finished'));

    const outbox = await services.db.outbox.toArray();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ id: draft.id, state: 'queued', attempts: 0 });
    expect(outbox[0]?.response).toMatchObject({
      id: draft.id,
      audience: 'respondent',
      answeredBy: 'alone',
      completion: 'finished',
      roundCode: 'ABCD2345',
      unitId: 1,
    });
    expect(outbox[0]?.response.answers).toEqual({ 'dagtid-har': 'nei' });
    await waitFor(async () => expect(await stored(draft.id)).toBeUndefined());
    expect(services.sync.syncNow).toHaveBeenCalledTimes(1);
  });

  it('stops reading when the page changes', async () => {
    show(await start());
    await user.click(button('Les opp'));
    expect(spokenTexts(services.readAloud)).toEqual([['Hei!', 'Jeg heter Eir. Jeg vil høre hva du synes.']]);
    expect(button('Stopp opplesingen')).toHaveAttribute('aria-pressed', 'true');
    expect(services.synth.pending).toHaveLength(1);
    const cancelsBefore = services.readAloud.cancel.mock.calls.length;

    await go('Gå til neste', 2, PAGES);
    expect(services.readAloud.cancel.mock.calls.length).toBeGreaterThan(cancelsBefore);
    expect(services.synth.pending).toHaveLength(0);
    expect(button('Les opp')).toHaveAttribute('aria-pressed', 'false');
    // Without autoRead nothing starts by itself on the new page.
    expect(services.readAloud.speak).toHaveBeenCalledTimes(1);
  });

  it('with autoRead, reads each new page aloud as it shows', async () => {
    const draft = await start('intro:hemmelig', { ...DEFAULT_PROFILE, autoRead: true });
    show(draft);
    await waitFor(() => expect(spokenTexts(services.readAloud)).toEqual([['Svarene dine er hemmelige. Du kan hoppe over spørsmål.']]));
    expect(services.synth.spoken).toEqual(['Svarene dine er hemmelige.']);

    await go('Gå til neste', 3, PAGES);
    await waitFor(() => expect(services.readAloud.speak).toHaveBeenCalledTimes(2));
    expect(spokenTexts(services.readAloud)[1]).toEqual([
      'Liker du å bo der du bor?',
      'Ja',
      'Både ja og nei',
      'Nei',
      'Trykk på svaret ditt. Så trykker du på Gå til neste.',
    ]);
    // The first page's sentence was cut off; the new page's first sentence is being read.
    expect(services.synth.spoken.at(-1)).toBe('Liker du å bo der du bor?');
    expect(services.synth.pending.map((u) => u.text)).toEqual(['Liker du å bo der du bor?']);

    // An answer does not restart the reading of the page: the answer alone is read.
    await choose('Ja', 'bolig-trives', 'ja', draft.id);
    expect(services.readAloud.speak).toHaveBeenCalledTimes(3);
    expect(spokenTexts(services.readAloud)[2]).toEqual(['Ja']);
  });

  // A tap-to-hear "armed" answer belongs to its question: on the next question the hint
  // "Trykk en gang til" is not shown and the first tap on the same answer reads it again.
  it('with tap-to-hear, a first tap on the next question reads the answer again instead of choosing it', async () => {
    const draft = await start('q:bolig-trives', { ...DEFAULT_PROFILE, tapToHear: true });
    show(draft);
    await user.click(radio('Ja'));
    expect(spokenTexts(services.readAloud)).toEqual([['Ja']]);
    expect(radio('Ja')).not.toBeChecked();

    await go('Hopp over', 4, PAGES);
    expect(heading()).toBe('Er du lei deg der du bor?');
    expect(screen.queryByText('Trykk en gang til for å velge')).toBeNull();
    await user.click(radio('Ja'));
    expect(spokenTexts(services.readAloud)).toEqual([['Ja'], ['Ja']]);
    expect(radio('Ja')).not.toBeChecked();
    // Nothing was chosen: only the skip of the first question is stored.
    await waitFor(async () => expect((await stored(draft.id))?.answers).toEqual({ 'bolig-trives': null }));
  });

  it('with tap-to-hear, an answer armed on a page is not armed any more after going back and returning', async () => {
    const draft = await start('q:bolig-lei', { ...DEFAULT_PROFILE, tapToHear: true });
    show(draft);
    await user.click(radio('Nei'));
    expect(screen.getByText('Trykk en gang til for å velge')).toBeInTheDocument();

    await go('Tilbake', 3, PAGES);
    await go('Gå til neste', 4, PAGES);
    expect(heading()).toBe('Er du lei deg der du bor?');
    expect(screen.queryByText('Trykk en gang til for å velge')).toBeNull();
    await user.click(radio('Nei'));
    expect(spokenTexts(services.readAloud)).toEqual([['Nei'], ['Nei']]);
    expect(radio('Nei')).not.toBeChecked();
    await waitFor(async () => expect((await stored(draft.id))?.pageKey).toBe('q:bolig-lei'));
    expect((await stored(draft.id))?.answers).toEqual({});
  });
});
