// @vitest-environment jsdom
/**
 * A relative's survey on their own phone: a comment page after the housing
 * section and a final comment, each stored in the draft when the person
 * moves on, and "Send svarene" on the last page instead of the end page,
 * which queues the response (with no "answered by") and leaves the survey.
 */
import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Questionnaire } from '../../../src/shared/questionnaire.ts';
import { DEFAULT_PROFILE, type SurveyDraft } from '../../../src/storage/db.ts';
import { startDraft } from '../../../src/storage/surveyStore.ts';
import { SurveyRunner, type SurveyExit } from '../../../src/survey/SurveyRunner.tsx';
import { fixtureQuestionnaires } from '../../support/fixtures.ts';
import { createTestServices, disposeServices, renderWithServices, type TestServices } from '../../support/renderSurvey.tsx';

const questionnaire: Questionnaire = fixtureQuestionnaires().find((q) => q.id === 'eksempel-parorende')!;

/** Intro, eight questions, the housing comment, the final comment and the end page. */
const PAGES = 12;

describe('SurveyRunner (relative on a phone)', { timeout: 30_000 }, () => {
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

  async function start(firstPageKey: string): Promise<SurveyDraft> {
    const draft = await startDraft(services.db, { roundCode: 'PARO2345', questionnaire, language: 'nb', unitId: 2, profile: DEFAULT_PROFILE, firstPageKey });
    renderWithServices(services, <SurveyRunner questionnaire={questionnaire} initialDraft={draft} onExit={onExit} canPause={false} />);
    return draft;
  }

  const stored = (id: string) => services.db.drafts.get(id);
  // A plain query rather than getByRole: it runs on every DOM change while waiting for a page.
  const progress = () => document.querySelector('[role="progressbar"]')?.getAttribute('aria-valuetext');
  const heading = () => screen.getByRole('heading', { level: 1 }).textContent;
  const button = (name: string) => screen.getByRole('button', { name });
  const commentBox = () => screen.getByRole('textbox', { name: 'Kommentar (valgfritt)' });

  async function go(name: 'Gå til neste' | 'Tilbake', current: number): Promise<void> {
    await user.click(button(name));
    await waitFor(() => expect(progress()).toBe(`Side ${current} av ${PAGES}`));
  }

  it('stores a section comment in the draft when the person moves on, and shows it again on the way back', async () => {
    const draft = await start('q:bolig-trygghet');
    expect(progress()).toBe(`Side 9 av ${PAGES}`);
    expect(screen.getAllByRole('radio')).toHaveLength(7);
    expect(screen.queryByRole('button', { name: 'Pause' })).toBeNull();
    await user.click(screen.getByRole('radio', { name: '5' }));
    await waitFor(async () => expect((await stored(draft.id))?.answers['bolig-trygghet']).toBe('5'));

    await go('Gå til neste', 10);
    expect(heading()).toBe('Kommentar om boligen');
    expect(screen.queryByRole('button', { name: 'Hopp over' })).toBeNull();
    expect(commentBox()).toHaveValue('');
    await user.type(commentBox(), '  Fine rom.  ');
    await waitFor(async () => expect((await stored(draft.id))?.comments).toEqual({}));

    await go('Gå til neste', 11);
    expect(heading()).toBe('Noe annet du vil si?');
    await waitFor(async () => expect((await stored(draft.id))?.comments).toEqual({ bolig: 'Fine rom.' }));
    expect(commentBox()).toHaveValue('');

    await go('Tilbake', 10);
    expect(heading()).toBe('Kommentar om boligen');
    await waitFor(() => expect(commentBox()).toHaveValue('Fine rom.'));
  });

  // "Tilbake" saves what was typed on a comment page too, as "Gå til neste", "Send svarene"
  // and pause do, so the text is there when the person comes back.
  it('keeps a comment typed on the final comment page when the person goes back and returns', async () => {
    const draft = await start('c:final');
    await user.type(commentBox(), 'Hei.');
    await go('Tilbake', 10);
    await go('Gå til neste', 11);
    await waitFor(() => expect(commentBox()).toHaveValue('Hei.'), { timeout: 300 });
    await waitFor(async () => expect((await stored(draft.id))?.comments).toEqual({ final: 'Hei.' }));
  });

  it('"Send svarene" on the final comment queues the response without "answered by" and leaves the survey', async () => {
    const draft = await start('c:final');
    expect(progress()).toBe(`Side 11 av ${PAGES}`);
    expect(screen.queryByRole('button', { name: 'Gå til neste' })).toBeNull();
    await user.type(commentBox(), 'Takk for en fin bolig.');

    await user.click(button('Send svarene'));
    await waitFor(() => expect(onExit).toHaveBeenCalledExactlyOnceWith('finished'));
    expect(screen.queryByRole('heading', { name: 'Takk!' })).toBeNull();

    const outbox = await services.db.outbox.toArray();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]?.response).toMatchObject({
      id: draft.id,
      audience: 'relative',
      answeredBy: null,
      completion: 'finished',
      roundCode: 'PARO2345',
      unitId: 2,
      comments: { final: 'Takk for en fin bolig.' },
    });
    await waitFor(async () => expect(await stored(draft.id)).toBeUndefined());
    expect(services.sync.syncNow).toHaveBeenCalledTimes(1);
  });
});
