/**
 * Runs one survey, page by page. Every answer, skip and page change is
 * written to the device database first; the screen moves on only after
 * the write committed. Focus goes to each new page's heading and a live
 * region announces "Side X av N", so screen-reader users follow along.
 * The browser's back (Android's back gesture) moves back one page.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from './services.ts';
import type { Questionnaire } from '../shared/questionnaire.ts';
import type { RoundMedia } from '../shared/roundConfig.ts';
import type { AnsweredBy } from '../shared/response.ts';
import { FINAL_COMMENT_KEY } from '../shared/responseRules.ts';
import { getScale } from '../shared/scales.ts';
import type { SurveyDraft } from '../storage/db.ts';
import { DraftGoneError, finishDraft, pauseDraft, saveAnswer, saveAnsweredBy, saveComment, savePage } from '../storage/surveyStore.ts';
import { AnsweredByPage } from './AnsweredByPage.tsx';
import './survey.css';
import { CommentPage } from './CommentPage.tsx';
import { NavigationBar } from './NavigationBar.tsx';
import { resumeIndex, surveyPages, type SurveyPage } from './pages.ts';
import { PauseButton } from './PauseButton.tsx';
import { ProgressIndicator } from './ProgressIndicator.tsx';
import { QuestionPage } from './QuestionPage.tsx';
import { SpeakButton } from './SpeakButton.tsx';
import { speechItems } from './speechItems.ts';
import { recordingsFor, RecordingsContext } from './recordings.ts';
import { TextPage } from './TextPage.tsx';
import { useBackGesture } from './useBackGesture.ts';

export type SurveyExit = 'paused' | 'finished' | 'gone';

export interface SurveyRunnerProps {
  readonly questionnaire: Questionnaire;
  readonly initialDraft: SurveyDraft;
  readonly onExit: (how: SurveyExit) => void;
  /** Tablets offer a pause for the helper; a relative's phone just keeps the draft. */
  readonly canPause: boolean;
  /** The round's recorded voices and videos (any questionnaire and language; filtered here). */
  readonly media?: readonly RoundMedia[];
}

function isQuotaError(error: unknown): boolean {
  const name = (error as { name?: string; inner?: { name?: string } }).name;
  const inner = (error as { inner?: { name?: string } }).inner?.name;
  return name === 'QuotaExceededError' || inner === 'QuotaExceededError';
}

export function SurveyRunner({ questionnaire, initialDraft, onExit: exitTo, canPause, media = [] }: SurveyRunnerProps) {
  const { t, i18n } = useTranslation();
  const { db, sync, readAloud } = useServices();
  const [draft, setDraft] = useState(initialDraft);
  const pages = useMemo(() => surveyPages(questionnaire, draft.answers), [questionnaire, draft.answers]);
  const [index, setIndex] = useState(() => resumeIndex(pages, initialDraft.pageKey, questionnaire));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** Text typed on the current comment page; other pages read the stored comment. */
  const [typed, setTyped] = useState<{ pageKey: string; text: string } | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  /** Error texts name the device the person holds: the helper's tablet, or the relative's own phone. */
  const device = questionnaire.audience === 'relative' ? 'phone' : 'tablet';
  const language = draft.language;
  const recordings = useMemo(() => recordingsFor(media, questionnaire.id, language), [media, questionnaire.id, language]);
  const page: SurveyPage = pages[Math.min(index, pages.length - 1)]!;
  const pageNumber = Math.min(index, pages.length - 1) + 1;
  // The browser's back (Android's back gesture) is "Tilbake", never a way out of the survey.
  const backGesture = useBackGesture(draft.id, () => {
    if (index > 0 && !busy) void back();
  });

  function onExit(how: SurveyExit) {
    backGesture.leave();
    exitTo(how);
  }

  useEffect(() => {
    void i18n.changeLanguage(language);
  }, [i18n, language]);

  // A new page: stop reading, move focus to its heading, read it if the profile asks and the device can be heard.
  useEffect(() => {
    readAloud.cancel();
    headingRef.current?.focus();
    document.title = `${t('survey.pageOf', { current: pageNumber, total: pages.length })} – ${t('app.name')}`;
    if (!draft.profile.autoRead) return;
    let current = true;
    const items = speechItems(page, questionnaire, language, t, recordings);
    void readAloud.canRead(items).then((audible) => {
      if (current && audible) void readAloud.speak(items);
    });
    return () => {
      current = false;
    };
    // Only a page change should trigger this, not every answer on the page.
  }, [page.key]);

  useEffect(() => () => readAloud.cancel(), [readAloud]);

  async function persist(write: () => Promise<SurveyDraft>): Promise<SurveyDraft | null> {
    setBusy(true);
    try {
      const saved = await write();
      setDraft(saved);
      setError(null);
      return saved;
    } catch (failure) {
      if (failure instanceof DraftGoneError) {
        onExit('gone');
        return null;
      }
      setError(isQuotaError(failure) ? t('survey.storageFull', { context: device }) : t('survey.saveError', { context: device }));
      return null;
    } finally {
      setBusy(false);
    }
  }

  async function goTo(nextIndex: number, answers = draft.answers): Promise<boolean> {
    const list = surveyPages(questionnaire, answers);
    const target = list[Math.max(0, Math.min(nextIndex, list.length - 1))]!;
    const saved = await persist(() => savePage(db, draft.id, target.key, list.indexOf(target) + 1));
    if (saved) setIndex(list.indexOf(target));
    return saved !== null;
  }

  const commentKey = page.kind === 'final-comment' ? FINAL_COMMENT_KEY : page.kind === 'section-comment' ? page.section.id : null;
  const commentText = typed?.pageKey === page.key ? typed.text : commentKey ? (draft.comments[commentKey] ?? '') : '';

  async function saveCurrentComment(): Promise<boolean> {
    if (commentKey === null || typed?.pageKey !== page.key) return true;
    const saved = await persist(() => saveComment(db, draft.id, commentKey, commentText));
    if (saved) setTyped(null);
    return saved !== null;
  }

  async function back() {
    if (await saveCurrentComment()) await goTo(index - 1);
  }

  async function finish() {
    setBusy(true);
    try {
      await finishDraft(db, draft.id, questionnaire, 'finished');
      void sync.syncNow();
      onExit('finished');
    } catch (failure) {
      setError(isQuotaError(failure) ? t('survey.storageFull', { context: device }) : t('survey.saveError', { context: device }));
      setBusy(false);
    }
  }

  async function next() {
    if (!(await saveCurrentComment())) return;
    const upcoming = pages[index + 1];
    if (questionnaire.audience === 'relative' && upcoming?.kind === 'end') {
      await finish();
      return;
    }
    if (await goTo(index + 1)) backGesture.forward();
  }

  async function answer(value: string) {
    if (page.kind !== 'question') return;
    await persist(() => saveAnswer(db, draft.id, page.question.id, value));
  }

  async function skip() {
    if (page.kind !== 'question') return;
    const saved = await persist(() => saveAnswer(db, draft.id, page.question.id, null));
    if (saved && (await goTo(index + 1, saved.answers))) backGesture.forward();
  }

  async function setAnsweredBy(value: AnsweredBy) {
    await persist(() => saveAnsweredBy(db, draft.id, value));
  }

  async function done() {
    if (draft.answeredBy === null) {
      setError(t('survey.answeredByRequired'));
      return;
    }
    await finish();
  }

  async function pause() {
    readAloud.cancel();
    if (!(await saveCurrentComment())) return;
    const saved = await persist(() => pauseDraft(db, draft.id));
    if (saved) onExit('paused');
  }

  const isLast = page.kind === 'answered-by';
  const chosen = page.kind === 'question' ? draft.answers[page.question.id] : null;
  const chosenAnswer =
    page.kind === 'question' && typeof chosen === 'string'
      ? (getScale(page.question.scale).options.find((option) => option.value === chosen)?.label[language] ?? chosen)
      : undefined;
  const isLastBeforeSend = questionnaire.audience === 'relative' && pages[index + 1]?.kind === 'end';

  return (
    <RecordingsContext value={recordings}>
    <div className={`survey${draft.profile.largeText ? ' large-text' : ''}`} lang={language}>
      <div className="survey-top">
        <ProgressIndicator current={pageNumber} total={pages.length} />
        {page.kind !== 'answered-by' && <SpeakButton items={speechItems(page, questionnaire, language, t, recordings)} />}
        {canPause && <PauseButton onPause={() => void pause()} />}
      </div>
      <p className="visually-hidden" aria-live="polite">
        {t('survey.pageOf', { current: pageNumber, total: pages.length })}
      </p>
      <div className="survey-page">
        {(page.kind === 'intro' || page.kind === 'end') && <TextPage page={page.page} language={language} headingRef={headingRef} />}
        {page.kind === 'question' && (
          <QuestionPage
            key={page.key}
            question={page.question}
            section={page.section}
            language={language}
            value={draft.answers[page.question.id]}
            tapToHear={draft.profile.tapToHear}
            readChoice={draft.profile.autoRead}
            onAnswer={(value) => void answer(value)}
            headingRef={headingRef}
          />
        )}
        {(page.kind === 'section-comment' || page.kind === 'final-comment') && (
          <CommentPage
            label={(page.kind === 'final-comment' ? questionnaire.finalComment?.label[language] : page.section.comment?.label[language]) ?? ''}
            value={commentText}
            onChange={(text) => setTyped({ pageKey: page.key, text })}
            headingRef={headingRef}
          />
        )}
        {page.kind === 'answered-by' && (
          <AnsweredByPage language={language} value={draft.answeredBy} onChange={(v) => void setAnsweredBy(v)} error={error} headingRef={headingRef} />
        )}
        {error && page.kind !== 'answered-by' && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
      </div>
      <NavigationBar
        busy={busy}
        onBack={index > 0 ? () => void back() : undefined}
        onSkip={page.kind === 'question' ? () => void skip() : undefined}
        chosenAnswer={chosenAnswer}
        onNext={isLast ? () => void done() : () => void next()}
        nextLabel={isLast ? t('survey.finish') : isLastBeforeSend ? t('survey.send') : undefined}
      />
    </div>
    </RecordingsContext>
  );
}
