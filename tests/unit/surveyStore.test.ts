/**
 * Answers are kept on the device as they are given, and a finished survey
 * moves to the outbox exactly once, with only the answers the person saw.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_PROFILE, openSurveyDatabase, type SurveyDatabase } from '../../src/storage/db.ts';
import { DraftGoneError, finishDraft, listDrafts, pauseDraft, saveAnswer, saveComment, savePage, startDraft } from '../../src/storage/surveyStore.ts';
import { fixtureQuestionnaires } from '../support/fixtures.ts';

const questionnaire = fixtureQuestionnaires().find((q) => q.id === 'eksempel')!;

describe('survey store', () => {
  let db: SurveyDatabase;

  beforeEach(() => {
    db = openSurveyDatabase(`test-${Math.random()}`);
  });
  afterEach(async () => {
    await db.delete();
  });

  const start = () => startDraft(db, { roundCode: 'ABCD2345', questionnaire, language: 'nn', unitId: 3, profile: DEFAULT_PROFILE, firstPageKey: 'intro:hei' });

  it('keeps every answer, skip, comment and page as it is given, and survives reopening the database', async () => {
    const draft = await start();
    await saveAnswer(db, draft.id, 'bolig-trives', 'ja');
    await saveAnswer(db, draft.id, 'bolig-lei', null);
    await saveAnswer(db, draft.id, 'bolig-trives', 'bade');
    await savePage(db, draft.id, 'q:bolig-trygg', 5);
    db.close();
    const reopened = openSurveyDatabase(db.name);
    const stored = await reopened.drafts.get(draft.id);
    expect(stored).toMatchObject({ answers: { 'bolig-trives': 'bade', 'bolig-lei': null }, pageKey: 'q:bolig-trygg', pageNumber: 5, language: 'nn', unitId: 3 });
    reopened.close();
  });

  it('lists paused surveys of the round, newest first', async () => {
    const first = await start();
    const second = await start();
    await pauseDraft(db, first.id);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await pauseDraft(db, second.id);
    const drafts = await listDrafts(db, 'ABCD2345');
    expect(drafts.map((d) => d.id)).toEqual([second.id, first.id]);
    expect(drafts.every((d) => d.status === 'paused')).toBe(true);
  });

  it('moves a finished survey to the outbox in one step, leaving out answers to questions it hid', async () => {
    const draft = await start();
    await saveAnswer(db, draft.id, 'dagtid-har', 'ja');
    await saveAnswer(db, draft.id, 'dagtid-liker', 'ja');
    await saveAnswer(db, draft.id, 'dagtid-har', 'nei');
    const response = await finishDraft(db, draft.id, questionnaire, 'finished');
    expect(response?.answers).toEqual({ 'dagtid-har': 'nei' });
    expect(response?.completedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await db.drafts.count()).toBe(0);
    expect(await db.outbox.toArray()).toEqual([expect.objectContaining({ id: draft.id, state: 'queued', attempts: 0 })]);
  });

  it('finishing the same survey twice (two tabs) queues one response', async () => {
    const draft = await start();
    const [a, b] = await Promise.all([finishDraft(db, draft.id, questionnaire, 'finished'), finishDraft(db, draft.id, questionnaire, 'finished')]);
    expect([a, b].filter((r) => r !== null)).toHaveLength(1);
    expect(await db.outbox.count()).toBe(1);
  });

  it('refuses to write to a survey that was finished elsewhere', async () => {
    const draft = await start();
    await finishDraft(db, draft.id, questionnaire, 'ended');
    await expect(saveAnswer(db, draft.id, 'bolig-trives', 'ja')).rejects.toBeInstanceOf(DraftGoneError);
  });

  it('drops an emptied comment', async () => {
    const draft = await start();
    await saveComment(db, draft.id, 'final', '  Fint  ');
    expect((await db.drafts.get(draft.id))?.comments).toEqual({ final: 'Fint' });
    await saveComment(db, draft.id, 'final', '   ');
    expect((await db.drafts.get(draft.id))?.comments).toEqual({});
  });
});
