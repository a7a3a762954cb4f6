// @vitest-environment jsdom
/**
 * Rough edges a respondent meets on a tablet, against a real (fake-indexeddb)
 * device database and the real read-aloud controller: "Hopp over" never
 * removes a chosen answer without asking; the pause and skip questions can
 * be read aloud; an answer tapped while pages are read aloud is read too;
 * on a device without a Norwegian voice "Les opp" says why it is silent;
 * and a full tablet says so in plain words, without technical terms.
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
const PAGES = 12;

describe('respondent care on a tablet', { timeout: 30_000 }, () => {
  let services: TestServices;
  let user: UserEvent;

  beforeEach(() => {
    services = createTestServices();
    user = userEvent.setup({ delay: null });
  });
  afterEach(async () => {
    cleanup();
    await disposeServices(services);
  });

  async function show(firstPageKey: string, profile: PresentationProfile = DEFAULT_PROFILE): Promise<SurveyDraft> {
    const draft = await startDraft(services.db, { roundCode: 'ABCD2345', questionnaire, language: 'nb', unitId: 1, profile, firstPageKey });
    renderWithServices(services, <SurveyRunner questionnaire={questionnaire} initialDraft={draft} onExit={vi.fn<(how: SurveyExit) => void>()} canPause />);
    return draft;
  }

  const progress = () => document.querySelector('[role="progressbar"]')?.getAttribute('aria-valuetext');
  const radio = (name: string) => screen.getByRole('radio', { name });
  const button = (name: string) => screen.getByRole('button', { name });
  const stored = (id: string) => services.db.drafts.get(id);

  it('"Hopp over" with an answer chosen asks first, naming the answer, and keeps it unless the person confirms', async () => {
    const draft = await show('q:bolig-trives');
    await user.click(radio('Både ja og nei'));
    await waitFor(() => expect(radio('Både ja og nei')).toBeChecked());

    await user.click(button('Hopp over'));
    const dialog = await screen.findByRole('alertdialog', { name: 'Hoppe over spørsmålet?' });
    expect(dialog).toHaveTextContent('Du har svart «Både ja og nei». Hvis du hopper over, blir svaret fjernet.');
    // Keeping the answer has the focus: one more careless tap does not delete it.
    expect(within(dialog).getByRole('button', { name: 'Nei, behold svaret' })).toHaveFocus();
    await waitFor(async () => expect((await stored(draft.id))?.answers).toEqual({ 'bolig-trives': 'bade' }));

    await user.click(within(dialog).getByRole('button', { name: 'Nei, behold svaret' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(progress()).toBe(`Side 3 av ${PAGES}`);
    expect(radio('Både ja og nei')).toBeChecked();
    await waitFor(async () => expect((await stored(draft.id))?.answers).toEqual({ 'bolig-trives': 'bade' }));

    await user.click(button('Hopp over'));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Ja, fjern svaret' }));
    await waitFor(() => expect(progress()).toBe(`Side 4 av ${PAGES}`));
    await waitFor(async () => expect((await stored(draft.id))?.answers).toEqual({ 'bolig-trives': null }));

    // With nothing chosen, "Hopp over" moves on at once.
    await user.click(button('Hopp over'));
    await waitFor(() => expect(progress()).toBe(`Side 5 av ${PAGES}`));
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('the pause question and the skip question can be read aloud', async () => {
    await show('q:bolig-trives');
    await user.click(button('Pause'));
    const pause = await screen.findByRole('alertdialog', { name: 'Ta pause?' });
    await user.click(within(pause).getByRole('button', { name: 'Les opp' }));
    expect(spokenTexts(services.readAloud).at(-1)).toEqual([
      'Ta pause?',
      'Alt du har svart, er lagret. Du kan fortsette senere der du var.',
      'Nei, fortsett',
      'Ja, ta pause',
    ]);
    await user.click(within(pause).getByRole('button', { name: 'Nei, fortsett' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());

    await user.click(radio('Ja'));
    await waitFor(() => expect(radio('Ja')).toBeChecked());
    await user.click(button('Hopp over'));
    const skip = await screen.findByRole('alertdialog', { name: 'Hoppe over spørsmålet?' });
    await user.click(within(skip).getByRole('button', { name: 'Les opp' }));
    expect(spokenTexts(services.readAloud).at(-1)).toEqual([
      'Hoppe over spørsmålet?',
      'Du har svart «Ja». Hvis du hopper over, blir svaret fjernet.',
      'Nei, behold svaret',
      'Ja, fjern svaret',
    ]);
  });

  it('reads an answer aloud when it is tapped while pages are read aloud, and chooses it at once', async () => {
    const draft = await show('q:bolig-trives', { ...DEFAULT_PROFILE, autoRead: true });
    await waitFor(() => expect(services.readAloud.speak).toHaveBeenCalledTimes(1));
    await user.click(radio('Nei'));
    await waitFor(() => expect(radio('Nei')).toBeChecked());
    await waitFor(async () => expect((await stored(draft.id))?.answers).toEqual({ 'bolig-trives': 'nei' }));
    expect(spokenTexts(services.readAloud).at(-1)).toEqual(['Nei']);
  });

  it('a full tablet says so in plain words the person understands, and keeps the page', async () => {
    await show('q:bolig-trives');
    const page = progress();
    expect(page).toMatch(/^Side \d+ av /);
    vi.spyOn(services.db.drafts, 'update').mockRejectedValue(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    await user.click(radio('Ja'));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Nettbrettet er fullt. Si fra til hjelperen.');
    expect(alert.textContent).not.toMatch(/enhet|lagringsplass|frigjort/i);
    expect(progress()).toBe(page);
  });

  it('without a Norwegian voice, "Les opp" tells the helper why nothing is read instead of staying silent', async () => {
    vi.spyOn(services.synth, 'getVoices').mockReturnValue([{ name: 'Samantha', lang: 'en-US', localService: true }]);
    await show('intro:hei');
    expect(screen.queryByRole('alert')).toBeNull();
    await user.click(button('Les opp'));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Dette nettbrettet har ingen norsk stemme, så teksten kan ikke leses opp. Til hjelperen: les teksten høyt, eller installer en norsk stemme i innstillingene (tekst til tale).',
    );
    expect(services.synth.spoken).toEqual([]);
  });
});
