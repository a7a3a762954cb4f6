/**
 * Keeps every answer, skip and page change of a survey in progress on the
 * device, each change in one transaction (the survey on screen queues them
 * in order: src/storage/draftWriter.ts). Finishing moves the survey to the
 * outbox in the same transaction, so it is never in both or neither.
 */
import type { Questionnaire } from '../shared/questionnaire.ts';
import type { AnsweredBy, SurveyResponse } from '../shared/response.ts';
import { visibleQuestions } from '../shared/visibility.ts';
import type { OutboxEntry, PresentationProfile, SurveyDatabase, SurveyDraft } from './db.ts';

export interface NewDraft {
  readonly roundCode: string;
  readonly questionnaire: Questionnaire;
  readonly language: string;
  readonly unitId: number | null;
  readonly profile: PresentationProfile;
  readonly firstPageKey: string;
}

export async function startDraft(db: SurveyDatabase, init: NewDraft, now = Date.now()): Promise<SurveyDraft> {
  const draft: SurveyDraft = {
    id: crypto.randomUUID(),
    roundCode: init.roundCode,
    questionnaireId: init.questionnaire.id,
    questionnaireVersion: init.questionnaire.version,
    audience: init.questionnaire.audience,
    language: init.language,
    unitId: init.unitId,
    profile: init.profile,
    answers: {},
    comments: {},
    answeredBy: null,
    pageKey: init.firstPageKey,
    pageNumber: 1,
    status: 'active',
    updatedAt: now,
  };
  await db.drafts.add(draft);
  return draft;
}

async function change(db: SurveyDatabase, id: string, changes: Record<string, unknown>): Promise<SurveyDraft> {
  return db.transaction('rw', db.drafts, async () => {
    const updated = await db.drafts.update(id, { ...changes, updatedAt: Date.now() });
    if (updated === 0) throw new DraftGoneError(id);
    const draft = await db.drafts.get(id);
    if (!draft) throw new DraftGoneError(id);
    return draft;
  });
}

/** The survey was finished or removed elsewhere (another tab): nothing more may be written to it. */
export class DraftGoneError extends Error {
  constructor(readonly draftId: string) {
    super(`Survey ${draftId} is no longer in progress on this device`);
  }
}

/** null records a deliberate skip; an earlier answer to the question is replaced. */
export function saveAnswer(db: SurveyDatabase, id: string, questionId: string, value: string | null): Promise<SurveyDraft> {
  return change(db, id, { [`answers.${questionId}`]: value });
}

export function saveComment(db: SurveyDatabase, id: string, key: string, text: string): Promise<SurveyDraft> {
  const trimmed = text.trim();
  return db.transaction('rw', db.drafts, async () => {
    const draft = await db.drafts.get(id);
    if (!draft) throw new DraftGoneError(id);
    const comments = { ...draft.comments };
    if (trimmed === '') delete comments[key];
    else comments[key] = trimmed;
    return change(db, id, { comments });
  });
}

export function saveAnsweredBy(db: SurveyDatabase, id: string, answeredBy: AnsweredBy): Promise<SurveyDraft> {
  return change(db, id, { answeredBy });
}

export function savePage(db: SurveyDatabase, id: string, pageKey: string, pageNumber: number): Promise<SurveyDraft> {
  return change(db, id, { pageKey, pageNumber, status: 'active' });
}

/** A skip is one tap: the answer becomes null and the page moves on in the same transaction. */
export function skipQuestion(db: SurveyDatabase, id: string, questionId: string, pageKey: string, pageNumber: number): Promise<SurveyDraft> {
  return change(db, id, { [`answers.${questionId}`]: null, pageKey, pageNumber, status: 'active' });
}

export function pauseDraft(db: SurveyDatabase, id: string): Promise<SurveyDraft> {
  return change(db, id, { status: 'paused' });
}

export function listDrafts(db: SurveyDatabase, roundCode: string): Promise<SurveyDraft[]> {
  return db.drafts.where('roundCode').equals(roundCode).reverse().sortBy('updatedAt');
}

export function deviceDate(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The response as sent: only answers to questions the person was shown. */
export function toResponse(draft: SurveyDraft, questionnaire: Questionnaire, completion: SurveyResponse['completion'], today = deviceDate()): SurveyResponse {
  const shown = new Set(visibleQuestions(questionnaire, draft.answers).map((q) => q.id));
  const answers = Object.fromEntries(Object.entries(draft.answers).filter(([questionId]) => shown.has(questionId)));
  return {
    id: draft.id,
    questionnaireId: draft.questionnaireId,
    questionnaireVersion: draft.questionnaireVersion,
    audience: draft.audience,
    language: draft.language,
    roundCode: draft.roundCode,
    unitId: draft.unitId,
    answeredBy: draft.audience === 'relative' ? null : draft.answeredBy,
    answers,
    comments: draft.comments,
    completion,
    completedOn: today,
  };
}

/**
 * 1: read the stored draft (not the screen's copy), 2: build the response,
 * 3: delete the draft and queue the response in one transaction. A draft
 * already finished in another tab yields null and queues nothing.
 */
export async function finishDraft(
  db: SurveyDatabase,
  id: string,
  questionnaire: Questionnaire,
  completion: SurveyResponse['completion'],
): Promise<SurveyResponse | null> {
  return db.transaction('rw', db.drafts, db.outbox, async () => {
    const draft = await db.drafts.get(id);
    if (!draft) return null;
    const response = toResponse(draft, questionnaire, completion);
    const entry: OutboxEntry = { id, response, state: 'queued', attempts: 0, nextAttemptAt: 0, lastError: null };
    await db.outbox.put(entry);
    await db.drafts.delete(id);
    return response;
  });
}
