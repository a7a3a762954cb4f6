/**
 * The helper's start screen on a tablet: the round, what waits to be sent,
 * paused surveys to continue, and "Start ny undersøkelse". Nothing of a
 * previous person's answers is shown here.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PlainButton } from './PlainButton.tsx';
import { useServices } from './services.ts';
import type { Questionnaire } from '../shared/questionnaire.ts';
import type { StoredRound, SurveyDraft } from '../storage/db.ts';
import { refreshTabletRound } from '../storage/roundStore.ts';
import { finishDraft, listDrafts } from '../storage/surveyStore.ts';
import type { NewSurveyChoices } from './NewSurveyForm.tsx';
import { OutboxStatus } from './OutboxStatus.tsx';
import { PausedSurveys } from './PausedSurveys.tsx';
import { StorageStatus } from './StorageStatus.tsx';
import { UpdatePrompt } from './UpdatePrompt.tsx';
import { VoiceWarning } from './VoiceWarning.tsx';

// The form (and its switches and radio groups) is a chunk of its own, fetched as the screen shows.
const loadNewSurveyForm = () => import('./NewSurveyForm.tsx');
const NewSurveyForm = lazy(() => loadNewSurveyForm().then((module) => ({ default: module.NewSurveyForm })));

export interface HelperHomeProps {
  readonly round: StoredRound;
  readonly questionnaire: Questionnaire;
  readonly notice: string | null;
  readonly onStart: (choices: NewSurveyChoices) => void;
  readonly onContinue: (draft: SurveyDraft) => void;
  readonly onChangeRound: () => void;
}

export function HelperHome({ round, questionnaire, notice, onStart, onContinue, onChangeRound }: HelperHomeProps) {
  const { t, i18n } = useTranslation();
  const { db, sync } = useServices();
  const drafts = useLiveQuery(() => listDrafts(db, round.code), [round.code], []);
  const [choosing, setChoosing] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    void loadNewSurveyForm();
  }, []);

  useEffect(() => {
    document.title = `${t('helper.title')} – ${t('app.name')}`;
  }, [t]);

  // Focus moves to the heading when the screen opens, not when the language changes (WCAG 3.2.2).
  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  // Between surveys, pick up new recordings (and questionnaire updates when nothing is paused).
  useEffect(() => {
    if (navigator.onLine) void refreshTabletRound(db, round, i18n.language);
    // Once per visit to the helper screen.
  }, [db, round.code]);

  async function end(draft: SurveyDraft) {
    await finishDraft(db, draft.id, questionnaire, 'ended');
    void sync.syncNow();
  }

  const config = round.config;
  return (
    <div className="helper-home">
      <h1 ref={headingRef} tabIndex={-1}>
        {t('helper.title')}
      </h1>
      <p className="round-name">{t('helper.round', { round: config.round.name, municipality: config.municipality.name })}</p>
      {notice && (
        <p className="notice success" role="status">
          {notice}
        </p>
      )}
      {choosing ? (
        <Suspense fallback={null}>
          <NewSurveyForm round={config} languages={questionnaire.languages} onStart={onStart} onCancel={() => setChoosing(false)} />
        </Suspense>
      ) : (
        <PlainButton className="button primary big" onPress={() => setChoosing(true)}>
          {t('helper.newSurvey')}
        </PlainButton>
      )}
      {/* Notices that can arrive late sit below the main action, so they never move it under a finger. */}
      <UpdatePrompt />
      <VoiceWarning questionnaire={questionnaire} media={config.media} />
      <PausedSurveys drafts={drafts} onContinue={onContinue} onEnd={(draft) => void end(draft)} />
      <OutboxStatus />
      <StorageStatus />
      <p className="footer-links">
        <PlainButton className="link-button" onPress={onChangeRound}>
          {t('helper.changeRound')}
        </PlainButton>
        <a href="/om">{t('about.link')}</a>
      </p>
    </div>
  );
}
