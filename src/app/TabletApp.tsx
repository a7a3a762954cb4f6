/**
 * The tablet: set up once with a code, then the helper's start screen and
 * one survey at a time. Leaving a survey (finished or paused) always
 * returns to the helper screen with no trace of the previous answers.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurveyDraft } from '../storage/db.ts';
import { forgetTabletRound, tabletRound } from '../storage/roundStore.ts';
import { startDraft } from '../storage/surveyStore.ts';
import { HelperHome } from '../survey/HelperHome.tsx';
import type { NewSurveyChoices } from '../survey/NewSurveyForm.tsx';
import type { SurveyExit } from '../survey/SurveyRunner.tsx';
import { useServices } from '../survey/services.ts';

// The survey itself is a chunk of its own: the helper's screen shows without it, and it is
// fetched (from the precache) while the helper makes the choices.
const loadSurveyRunner = () => import('../survey/SurveyRunner.tsx');
const SurveyRunner = lazy(() => loadSurveyRunner().then((module) => ({ default: module.SurveyRunner })));
// Set-up happens once per tablet: its form (language choice, code field) is a chunk of its own.
const TabletSetup = lazy(() => import('./TabletSetup.tsx').then((module) => ({ default: module.TabletSetup })));

export function TabletApp() {
  const { t } = useTranslation();
  const { db } = useServices();
  const round = useLiveQuery(() => tabletRound(db), [], undefined);
  const [running, setRunning] = useState<SurveyDraft | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const setUp = round !== undefined && round !== null;
  useEffect(() => {
    if (setUp) void loadSurveyRunner();
  }, [setUp]);

  if (round === undefined) return null;
  const setupScreen = (
    <Suspense fallback={null}>
      <TabletSetup />
    </Suspense>
  );
  if (round === null) return setupScreen;
  const questionnaire = round.config.questionnaires.find((q) => q.audience === 'respondent');
  if (!questionnaire) return setupScreen;

  async function start(choices: NewSurveyChoices) {
    // The page list (with the answer rules and scales) comes with the survey's chunk, fetched as the screen shows.
    const { surveyPages } = await import('../survey/pages.ts');
    const first = surveyPages(questionnaire!, {})[0]!;
    const draft = await startDraft(db, { roundCode: round!.code, questionnaire: questionnaire!, ...choices, firstPageKey: first.key });
    setNotice(null);
    setRunning(draft);
  }

  function exit(how: SurveyExit) {
    setRunning(null);
    setNotice(how === 'finished' ? t('helper.finishedNotice') : null);
  }

  if (running) {
    // A fresh key per survey: no state of one person's survey survives into the next.
    return (
      <Suspense fallback={null}>
        <SurveyRunner key={running.id} questionnaire={questionnaire} initialDraft={running} onExit={exit} canPause media={round.config.media} />
      </Suspense>
    );
  }
  return (
    <HelperHome
      round={round}
      questionnaire={questionnaire}
      notice={notice}
      onStart={(choices) => void start(choices)}
      onContinue={(draft) => {
        setNotice(null);
        setRunning(draft);
      }}
      onChangeRound={() => void forgetTabletRound(db)}
    />
  );
}
