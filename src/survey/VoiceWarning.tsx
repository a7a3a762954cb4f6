/**
 * Tells the helper, in plain words, when this tablet cannot read aloud in
 * Norwegian and the questionnaire has no recorded sound, instead of the
 * speaker button failing silently in front of the respondent.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../app/services.ts';
import type { Questionnaire } from '../shared/questionnaire.ts';

function hasRecordings(questionnaire: Questionnaire): boolean {
  return questionnaire.questions.every((q) => q.audio && Object.keys(q.audio).length > 0);
}

export function VoiceWarning({ questionnaire }: { questionnaire: Questionnaire }) {
  const { t } = useTranslation();
  const { readAloud } = useServices();
  const [missing, setMissing] = useState(false);

  useEffect(() => {
    let live = true;
    if (hasRecordings(questionnaire)) return;
    void readAloud.norwegianVoiceAvailable().then((available) => {
      if (live) setMissing(!available);
    });
    return () => {
      live = false;
    };
  }, [readAloud, questionnaire]);

  if (!missing) return null;
  return (
    <p className="notice warning" role="alert">
      {t('helper.noVoice')}
    </p>
  );
}
