/**
 * Runs one survey, page by page. The screen answers from memory at once:
 * a chosen answer, a skip and the next page show in the same frame as the
 * tap, and each change is queued for the device database behind it
 * (src/storage/draftWriter.ts: in order, one transaction each; what a crash
 * may lose is said there). A write that fails returns the screen to what
 * is stored and says so in plain words. Finishing (moving the survey to
 * the outbox) waits for every queued write and then for its own
 * transaction. A chosen answer goes first to the live answers
 * (src/survey/liveAnswers.ts), so only the two answer bars whose mark
 * changes re-render in the tap's frame ("Hopp over" reads the answer when
 * pressed); the survey's own state follows in a transition. The next
 * page's picture is decoded ahead while this page shows. Focus goes to
 * each new page's heading right after the frame that shows it (unless the
 * person has moved it meanwhile) and a live region announces "Side X av N",
 * so screen-reader users follow along. The browser's back (Android's back
 * gesture) moves back one page.
 */
import { startTransition, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from './services.ts';
import type { Questionnaire } from '../shared/questionnaire.ts';
import type { RoundMedia } from '../shared/roundConfig.ts';
import type { AnsweredBy } from '../shared/response.ts';
import { FINAL_COMMENT_KEY } from '../shared/responseRules.ts';
import { getScale } from '../shared/scales.ts';
import type { SurveyDraft } from '../storage/db.ts';
import { afterPaint, DraftWriter, type DraftWrite, type DraftWriterFailure } from '../storage/draftWriter.ts';
import { DraftGoneError, finishDraft, pauseDraft, saveAnswer, saveAnsweredBy, saveComment, savePage, skipQuestion } from '../storage/surveyStore.ts';
import { AnsweredByPage } from './AnsweredByPage.tsx';
import './survey.css';
import { CommentPage } from './CommentPage.tsx';
import { NavigationBar } from './NavigationBar.tsx';
import { createLiveAnswers } from './liveAnswers.ts';
import { prepareIllustration } from './Illustration.tsx';
import { resumeIndex, surveyPages, type SurveyPage } from './pages.ts';
import { PageViews } from './PageViews.tsx';
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

/** Each page's heading by page key, for the focus that follows a move (one stable ref callback per page). */
function createHeadingRefs() {
  const headings = new Map<string, HTMLHeadingElement>();
  const refs = new Map<string, (heading: HTMLHeadingElement | null) => void>();
  return {
    get: (key: string) => headings.get(key),
    refFor(key: string) {
      let ref = refs.get(key);
      if (!ref) {
        ref = (heading) => {
          if (heading) headings.set(key, heading);
          else {
            headings.delete(key);
            refs.delete(key);
          }
        };
        refs.set(key, ref);
      }
      return ref;
    },
  };
}

export function SurveyRunner({ questionnaire, initialDraft, onExit: exitTo, canPause, media = [] }: SurveyRunnerProps) {
  const { t, i18n } = useTranslation();
  const { db, sync, readAloud } = useServices();
  const [draft, setDraft] = useState(initialDraft);
  /** The answers as shown, ahead of `draft.answers` (which follows in a transition). */
  const [live] = useState(() => createLiveAnswers(initialDraft.answers));
  const pages = useMemo(() => surveyPages(questionnaire, draft.answers), [questionnaire, draft.answers]);
  const [index, setIndex] = useState(() => resumeIndex(pages, initialDraft.pageKey, questionnaire));
  /** Only while pausing or finishing, which wait for the database; a tap never sets it. */
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** Text typed on a comment page; kept after it is queued, so a failed write loses no words. */
  const [typed, setTyped] = useState<{ pageKey: string; text: string } | null>(null);
  const [headingRefs] = useState(createHeadingRefs);
  /** Error texts name the device the person holds: the helper's tablet, or the relative's own phone. */
  const device = questionnaire.audience === 'relative' ? 'phone' : 'tablet';
  const language = draft.language;
  const recordings = useMemo(() => recordingsFor(media, questionnaire.id, language), [media, questionnaire.id, language]);
  const page: SurveyPage = pages[Math.min(index, pages.length - 1)]!;
  const pageNumber = Math.min(index, pages.length - 1) + 1;
  // The browser's back (Android's back gesture) is "Tilbake", never a way out of the survey.
  const backGesture = useBackGesture(draft.id, () => {
    if (index > 0 && !busy) back();
  });
  const onWriteFailure = useRef<(failure: DraftWriterFailure) => void>(() => undefined);
  const [writer] = useState(() => new DraftWriter(db, initialDraft.id, (failure) => onWriteFailure.current(failure)));

  function onExit(how: SurveyExit) {
    backGesture.leave();
    exitTo(how);
  }

  // A write failed: show what is stored, and say so.
  onWriteFailure.current = ({ error: failure, stored }) => {
    if (failure instanceof DraftGoneError || !stored) {
      onExit('gone');
      return;
    }
    live.replace(stored.answers);
    setDraft(stored);
    setIndex(resumeIndex(surveyPages(questionnaire, stored.answers), stored.pageKey, questionnaire));
    setError(isQuotaError(failure) ? t('survey.storageFull', { context: device }) : t('survey.notSaved', { context: device }));
  };

  useEffect(() => {
    void i18n.changeLanguage(language);
  }, [i18n, language]);

  // A new page: stop reading, and once it is painted move focus to its heading and read it if the profile asks and the device can be heard.
  useEffect(() => {
    readAloud.cancel();
    const focusedAtMove = document.activeElement;
    let current = true;
    // Focus and reading after the frame that shows the page (moving focus lays the page out at once, and reading re-renders what is read).
    void afterPaint().then(() => {
      if (!current) return;
      // Unless the person (or their switch) has moved the focus since: never taken from where they put it.
      const focused = document.activeElement;
      if (focused === focusedAtMove || focused === null || focused === document.body) headingRefs.get(page.key)?.focus();
      document.title = `${t('survey.pageOf', { current: pageNumber, total: pages.length })} – ${t('app.name')}`;
      if (!draft.profile.autoRead) return;
      const items = speechItems(page, questionnaire, language, t, recordings);
      void readAloud.canRead(items).then((audible) => {
        if (current && audible) void readAloud.speak(items);
      });
    });
    return () => {
      current = false;
    };
    // Only a page change should trigger this, not every answer on the page.
  }, [page.key]);

  // The page after this one: its picture decoded while this one shows.
  useEffect(() => {
    const upcoming = pages[index + 1];
    const picture = upcoming?.kind === 'question' ? upcoming.question.illustration : upcoming?.kind === 'intro' || upcoming?.kind === 'end' ? upcoming.page.illustration : undefined;
    if (!picture) return;
    const timer = setTimeout(() => prepareIllustration(picture.file), 50);
    return () => clearTimeout(timer);
  }, [pages, index]);

  useEffect(() => () => readAloud.cancel(), [readAloud]);

  /** Shows a change at once and queues its write. */
  function apply(changes: Partial<SurveyDraft>, write: DraftWrite) {
    setDraft((current) => ({ ...current, ...changes }));
    setError(null);
    writer.enqueue(write);
  }

  /** `skipped`: the question whose answer becomes null in the same write (a skip is one tap, one transaction). */
  function goTo(nextIndex: number, answers = live.get(), skipped?: string) {
    const list = surveyPages(questionnaire, answers);
    const targetIndex = Math.max(0, Math.min(nextIndex, list.length - 1));
    const target = list[targetIndex]!;
    // With the latest answers: the answer of a tap just before may still be on its way into `draft`.
    const changes = { pageKey: target.key, pageNumber: targetIndex + 1, status: 'active' as const, answers };
    live.replace(answers);
    setIndex(targetIndex);
    if (skipped !== undefined) {
      apply(changes, (store) => skipQuestion(store, draft.id, skipped, target.key, targetIndex + 1));
    } else {
      apply(changes, (store) => savePage(store, draft.id, target.key, targetIndex + 1));
    }
  }

  const commentKey = page.kind === 'final-comment' ? FINAL_COMMENT_KEY : page.kind === 'section-comment' ? page.section.id : null;
  const commentText = typed?.pageKey === page.key ? typed.text : commentKey ? (draft.comments[commentKey] ?? '') : '';

  function saveCurrentComment() {
    if (commentKey === null || typed?.pageKey !== page.key) return;
    const trimmed = commentText.trim();
    if ((draft.comments[commentKey] ?? '') === trimmed) return;
    const comments = { ...draft.comments };
    if (trimmed === '') delete comments[commentKey];
    else comments[commentKey] = trimmed;
    const text = commentText;
    setTyped({ pageKey: page.key, text: trimmed });
    apply({ comments }, (store) => saveComment(store, draft.id, commentKey, text));
  }

  function back() {
    saveCurrentComment();
    goTo(index - 1);
  }

  /** Waits for every queued write, then for one strict transaction (src/storage/surveyStore.ts finishDraft). */
  async function finish() {
    if (busy) return;
    setBusy(true);
    try {
      await writer.flush();
    } catch {
      // The queue's failure has already put the stored draft on screen and said so.
      setBusy(false);
      return;
    }
    try {
      await finishDraft(db, draft.id, questionnaire, 'finished');
      void sync.syncNow();
      onExit('finished');
    } catch (failure) {
      setError(isQuotaError(failure) ? t('survey.storageFull', { context: device }) : t('survey.saveError', { context: device }));
      setBusy(false);
    }
  }

  function next() {
    saveCurrentComment();
    if (questionnaire.audience === 'relative' && surveyPages(questionnaire, live.get())[index + 1]?.kind === 'end') {
      void finish();
      return;
    }
    goTo(index + 1);
    backGesture.forward();
  }

  function answer(value: string) {
    if (page.kind !== 'question') return;
    const questionId = page.question.id;
    // Shown at once by the answer buttons and "Hopp over"; the rest of the survey follows.
    live.set(questionId, value);
    if (error !== null) setError(null);
    writer.enqueue((store) => saveAnswer(store, draft.id, questionId, value));
    // After the tap's frame, so no React work stands between the tap and the frame that shows it.
    void afterPaint().then(() => startTransition(() => setDraft((current) => ({ ...current, answers: { ...current.answers, [questionId]: value } }))));
  }

  function skip() {
    if (page.kind !== 'question') return;
    const questionId = page.question.id;
    goTo(index + 1, { ...live.get(), [questionId]: null }, questionId);
    backGesture.forward();
  }

  function setAnsweredBy(value: AnsweredBy) {
    apply({ answeredBy: value }, (store) => saveAnsweredBy(store, draft.id, value));
  }

  function done() {
    if (draft.answeredBy === null) {
      setError(t('survey.answeredByRequired'));
      return;
    }
    void finish();
  }

  async function pause() {
    readAloud.cancel();
    saveCurrentComment();
    setBusy(true);
    try {
      await writer.flush();
      await pauseDraft(db, draft.id);
      onExit('paused');
    } catch (failure) {
      if (failure instanceof DraftGoneError) onExit('gone');
      else setError(isQuotaError(failure) ? t('survey.storageFull', { context: device }) : t('survey.notSaved', { context: device }));
      setBusy(false);
    }
  }

  /** The label of this page's chosen answer, read by "Hopp over" when pressed. */
  function chosenAnswer(): string | undefined {
    if (page.kind !== 'question') return undefined;
    const chosen = live.get()[page.question.id];
    if (typeof chosen !== 'string') return undefined;
    return getScale(page.question.scale).options.find((option) => option.value === chosen)?.label[language] ?? chosen;
  }

  // Stable handlers for the memoised page and navigation: they call this render's functions.
  const speech = () => speechItems(page, questionnaire, language, t, recordings);
  const actions = useRef({ answer, next, back, skip, done, setAnsweredBy, pause, chosenAnswer, speech });
  actions.current = { answer, next, back, skip, done, setAnsweredBy, pause, chosenAnswer, speech };
  const stable = useMemo(
    () => ({
      answer: (value: string) => actions.current.answer(value),
      next: () => actions.current.next(),
      back: () => actions.current.back(),
      skip: () => actions.current.skip(),
      done: () => actions.current.done(),
      setAnsweredBy: (value: AnsweredBy) => actions.current.setAnsweredBy(value),
      pause: () => void actions.current.pause(),
      setTyped: (pageKey: string, text: string) => setTyped({ pageKey, text }),
      chosenAnswer: () => actions.current.chosenAnswer(),
      speech: () => actions.current.speech(),
    }),
    [],
  );

  /** A page, the current one or one rendered ahead of it (src/survey/PageViews.tsx). */
  function renderPage(shown: SurveyPage): ReactNode {
    const headingRef = headingRefs.refFor(shown.key);
    switch (shown.kind) {
      case 'intro':
      case 'end':
        return <TextPage page={shown.page} language={language} headingRef={headingRef} />;
      case 'question':
        return (
          <QuestionPage
            question={shown.question}
            section={shown.section}
            language={language}
            answers={live}
            tapToHear={draft.profile.tapToHear}
            readChoice={draft.profile.autoRead}
            onAnswer={stable.answer}
            headingRef={headingRef}
          />
        );
      case 'section-comment':
      case 'final-comment': {
        const key = shown.kind === 'final-comment' ? FINAL_COMMENT_KEY : shown.section.id;
        return (
          <CommentPage
            label={(shown.kind === 'final-comment' ? questionnaire.finalComment?.label[language] : shown.section.comment?.label[language]) ?? ''}
            value={shown.key === page.key ? commentText : (draft.comments[key] ?? '')}
            onChange={(text) => stable.setTyped(shown.key, text)}
            headingRef={headingRef}
          />
        );
      }
      case 'answered-by':
        return <AnsweredByPage language={language} value={draft.answeredBy} onChange={stable.setAnsweredBy} error={error} headingRef={headingRef} />;
    }
  }

  const isLast = page.kind === 'answered-by';
  const isLastBeforeSend = questionnaire.audience === 'relative' && pages[index + 1]?.kind === 'end';

  return (
    <RecordingsContext value={recordings}>
    <div className={`survey${draft.profile.largeText ? ' large-text' : ''}`} lang={language}>
      <div className="survey-top">
        <ProgressIndicator current={pageNumber} total={pages.length} />
        {page.kind !== 'answered-by' && <SpeakButton items={stable.speech} />}
        {canPause && <PauseButton onPause={stable.pause} />}
      </div>
      <p className="visually-hidden" aria-live="polite">
        {t('survey.pageOf', { current: pageNumber, total: pages.length })}
      </p>
      <div className="survey-page">
        <PageViews pages={pages} index={pageNumber - 1} render={renderPage} />
        {error && page.kind !== 'answered-by' && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
      </div>
      <NavigationBar
        busy={busy}
        chosenAnswer={stable.chosenAnswer}
        onBack={index > 0 ? stable.back : undefined}
        onSkip={page.kind === 'question' ? stable.skip : undefined}
        onNext={isLast ? stable.done : stable.next}
        nextLabel={isLast ? t('survey.finish') : isLastBeforeSend ? t('survey.send') : undefined}
      />
    </div>
    </RecordingsContext>
  );
}
