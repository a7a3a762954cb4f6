/**
 * A relative's or guardian's phone, opened from the letter's link
 * (/p/<code>): no set-up, the relatives' questionnaire in bokmål or
 * nynorsk, saved on the phone as they go and sent when there is coverage.
 * Answers still waiting on the phone are shown when the link is opened
 * again (and sent, by the app's sync client), and a new survey from the
 * same phone is started only after asking: one survey for each person.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { lazy, startTransition, Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Questionnaire } from '../shared/questionnaire.ts';
import type { SurveyExit } from '../survey/SurveyRunner.tsx';
import { DEFAULT_PROFILE, type StoredRound, type SurveyDraft } from '../storage/db.ts';
import { fetchRoundConfig, storeRound } from '../storage/roundStore.ts';
import { listDrafts, startDraft } from '../storage/surveyStore.ts';
import { ChoiceGroup } from '../survey/ChoiceGroup.tsx';
import { OutboxStatus } from '../survey/OutboxStatus.tsx';
import { PlainButton } from '../survey/PlainButton.tsx';
import { useDeliveryStatus } from '../survey/useDeliveryStatus.ts';
import { ConfirmNewSurvey, FinishedDelivery, markAnsweredHere, wasAnsweredHere } from './RelativeDelivery.tsx';
import { LanguageChoice } from '../survey/LanguageChoice.tsx';
import { surveyPages } from '../survey/pages.ts';
import { TextPage } from '../survey/TextPage.tsx';
import { useServices } from '../survey/services.ts';

const NO_UNIT = 'none';

// The survey is a chunk of its own: a phone's first screen does not wait for (or spend its main
// thread evaluating) the question pages and react-aria. It is fetched when the person first
// touches or keys on the start screen, or when the phone loses its connection (the service
// worker's precache holds it too, once installed).
const loadSurveyRunner = () => import('../survey/SurveyRunner.tsx');
const SurveyRunner = lazy(() => loadSurveyRunner().then((module) => ({ default: module.SurveyRunner })));

export function RelativeApp({ code }: { code: string }) {
  const { t, i18n } = useTranslation();
  const { db } = useServices();
  const [round, setRound] = useState<StoredRound | null | undefined>(undefined);
  /** Why the questionnaire could not be shown: 'offline' or an API error code. */
  const [errorCode, setErrorCode] = useState<string | null>(null);
  const [running, setRunning] = useState<SurveyDraft | null>(null);
  /** The response just finished on this page, if any. */
  const [finished, setFinished] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [language, setLanguage] = useState(i18n.language === 'nn' ? 'nn' : 'nb');
  const [unit, setUnit] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const normalized = code.toUpperCase().replace(/[\s-]/g, '');
  const drafts = useLiveQuery(() => listDrafts(db, normalized), [normalized], []);
  const delivery = useDeliveryStatus({ roundCode: normalized });
  const answeredHere = useLiveQuery(() => wasAnsweredHere(db, normalized), [db, normalized], false);
  const unsent = delivery ? delivery.waiting + delivery.refused.length : 0;

  useEffect(() => {
    let live = true;
    void (async () => {
      const stored = (await db.rounds.get(normalized)) ?? null;
      // The language only words the server's errors: choosing another one does not fetch again.
      const fetched = await fetchRoundConfig(normalized, i18n.language);
      if (!live) return;
      const next = fetched.ok ? await storeRound(db, fetched.config, false) : stored;
      // A transition: React renders the start screen in slices and lets the phone's main thread
      // answer in between, instead of one long task (Lighthouse's Total Blocking Time).
      startTransition(() => {
        if (!fetched.ok && !next) setErrorCode(fetched.errorCode);
        setRound(next);
      });
    })();
    return () => {
      live = false;
    };
  }, [db, normalized]);

  useEffect(() => {
    if (!round) return;
    const load = () => void loadSurveyRunner();
    const events = ['pointerdown', 'keydown', 'offline'] as const;
    for (const type of events) window.addEventListener(type, load, { once: true, capture: true });
    return () => {
      for (const type of events) window.removeEventListener(type, load, { capture: true });
    };
  }, [round]);

  useEffect(() => {
    document.title = `${t('relative.title')} – ${t('app.name')}`;
  }, [t]);

  // Focus moves to the heading when a view opens, not when the language changes (WCAG 3.2.2).
  const loaded = round !== undefined;
  useEffect(() => {
    headingRef.current?.focus();
  }, [loaded, finished]);

  const error =
    errorCode === null ? null : errorCode === 'offline' ? t('setup.fetchFailed') : t(`apiErrors.${errorCode}`, { defaultValue: t('apiErrors.internal') });

  const questionnaire: Questionnaire | undefined = round?.config.questionnaires.find((q) => q.audience === 'relative');

  async function start(confirmed = false) {
    if (!questionnaire) return;
    // One survey for each person: a phone that has answered before asks first.
    if (!confirmed && (answeredHere || unsent > 0)) {
      setConfirming(true);
      return;
    }
    setConfirming(false);
    const first = surveyPages(questionnaire, {})[0]!;
    const draft = await startDraft(db, {
      roundCode: normalized,
      questionnaire,
      language,
      unitId: unit === null || unit === NO_UNIT ? null : Number(unit),
      profile: DEFAULT_PROFILE,
      firstPageKey: first.key,
    });
    setRunning(draft);
  }

  if (running && questionnaire) {
    return (
      <Suspense fallback={<p role="status">{t('relative.loading')}</p>}>
        <SurveyRunner
          key={running.id}
          questionnaire={questionnaire}
          initialDraft={running}
          canPause={false}
          media={round?.config.media ?? []}
          onExit={(how: SurveyExit) => {
            setRunning(null);
            if (how === 'finished') void markAnsweredHere(db, normalized);
            setFinished(how === 'finished' ? running.id : null);
          }}
        />
      </Suspense>
    );
  }

  if (round === undefined) return <p role="status">{t('relative.loading')}</p>;
  if (!round || !questionnaire) {
    return (
      <section className="panel">
        <h1 ref={headingRef} tabIndex={-1}>
          {t('relative.title')}
        </h1>
        <p className="form-error" role="alert">
          {error ?? t('setup.noQuestionnaire')}
        </p>
      </section>
    );
  }

  if (finished) {
    return (
      <section className="panel" lang={language}>
        <TextPage page={questionnaire.end} language={language} headingRef={headingRef} />
        <FinishedDelivery responseId={finished} roundCode={normalized} />
        <PlainButton className="button" onPress={() => setFinished(null)}>
          {t('relative.answerAgain')}
        </PlainButton>
      </section>
    );
  }

  const paused = drafts[0];
  return (
    <section className="panel relative-start">
      <h1 ref={headingRef} tabIndex={-1}>
        {questionnaire.title[language] ?? t('relative.title')}
      </h1>
      <p className="round-name">{t('helper.round', { round: round.config.round.name, municipality: round.config.municipality.name })}</p>
      {unsent > 0 && (
        <>
          <p className="notice">{t('relative.waitingOnOpen')}</p>
          <OutboxStatus device="phone" roundCode={normalized} />
        </>
      )}
      {paused ? (
        <PlainButton className="button primary big" onPress={() => setRunning(paused)}>
          {t('relative.continue')}
        </PlainButton>
      ) : (
        <>
          <LanguageChoice label={t('relative.language')} languages={questionnaire.languages} value={language} onChange={setLanguage} />
          {round.config.units.length > 0 && (
            <ChoiceGroup
              label={t('relative.unit')}
              value={unit}
              onChange={setUnit}
              options={[...round.config.units.map((u) => ({ value: String(u.id), label: u.name })), { value: NO_UNIT, label: t('helper.unitNone') }]}
            />
          )}
          {confirming ? (
            <ConfirmNewSurvey onConfirm={() => void start(true)} onCancel={() => setConfirming(false)} />
          ) : (
            <PlainButton className="button primary big" onPress={() => void start()}>
              {t('relative.start')}
            </PlainButton>
          )}
        </>
      )}
      <p className="footer-links">
        <a href="/om">{t('about.link')}</a>
      </p>
    </section>
  );
}
