/**
 * Tells the helper, in plain words, when this tablet cannot read aloud in
 * Norwegian and the questionnaire has no recorded sound, instead of the
 * speaker button failing silently in front of the respondent.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from './services.ts';
import type { Questionnaire } from '../shared/questionnaire.ts';
import type { RoundMedia } from '../shared/roundConfig.ts';
import { questionKey } from '../shared/spokenKeys.ts';

/** Every question has a recorded voice in some language: the device voice is not needed for them. */
function hasRecordings(questionnaire: Questionnaire, media: readonly RoundMedia[]): boolean {
  return questionnaire.languages.some((language) =>
    questionnaire.questions.every(
      (q) => q.audio?.[language] || media.some((m) => m.kind === 'audio' && m.language === language && m.questionnaireId === questionnaire.id && m.key === questionKey(q.id)),
    ),
  );
}

export function VoiceWarning({ questionnaire, media }: { questionnaire: Questionnaire; media: readonly RoundMedia[] }) {
  const { t } = useTranslation();
  const { readAloud } = useServices();
  const [missing, setMissing] = useState(false);

  useEffect(() => {
    let live = true;
    if (hasRecordings(questionnaire, media)) return;
    const check = () =>
      void readAloud.norwegianVoiceAvailable().then((available) => {
        if (live) setMissing(!available);
      });
    check();
    // Some engines (speech-dispatcher, Android) list their voices seconds later.
    const synth = typeof window !== 'undefined' && 'speechSynthesis' in window ? window.speechSynthesis : undefined;
    synth?.addEventListener('voiceschanged', check);
    return () => {
      live = false;
      synth?.removeEventListener('voiceschanged', check);
    };
  }, [readAloud, questionnaire, media]);

  if (!missing) return null;
  return (
    <p className="notice warning" role="alert">
      {t('helper.noVoice')}
    </p>
  );
}
