/**
 * Surveys started on this tablet and not finished, labelled only by the
 * time they stopped and the page, never a name: "Pause 14:02, side 17" for
 * one the helper paused, "Avbrutt …" for one left when the page was closed
 * or reloaded.
 */
import { useTranslation } from 'react-i18next';
import type { SurveyDraft } from '../storage/db.ts';
import { PlainButton } from './PlainButton.tsx';
import { PlainConfirmButton } from './PlainConfirmButton.tsx';

export interface PausedSurveysProps {
  readonly drafts: readonly SurveyDraft[];
  readonly onContinue: (draft: SurveyDraft) => void;
  readonly onEnd: (draft: SurveyDraft) => void;
}

export function PausedSurveys({ drafts, onContinue, onEnd }: PausedSurveysProps) {
  const { t, i18n } = useTranslation();
  if (drafts.length === 0) return null;
  const sameDay = (a: Date, b: Date) => a.toDateString() === b.toDateString();
  const now = new Date();
  return (
    <section className="panel" aria-labelledby="paused-title">
      <h2 id="paused-title">{t('helper.pausedTitle')}</h2>
      <ul className="paused-list">
        {drafts.map((draft) => {
          const at = new Date(draft.updatedAt);
          const time = new Intl.DateTimeFormat(i18n.language, sameDay(at, now) ? { timeStyle: 'short' } : { dateStyle: 'short', timeStyle: 'short' }).format(at);
          const label = t(draft.status === 'paused' ? 'helper.pausedLabel' : 'helper.interruptedLabel', { time, page: draft.pageNumber });
          return (
            <li key={draft.id} className="paused-item">
              <span className="paused-label">{label}</span>
              <PlainButton className="button primary" onPress={() => onContinue(draft)} aria-label={`${t('helper.continue')}: ${label}`}>
                {t('helper.continue')}
              </PlainButton>
              <PlainConfirmButton
                className="button"
                ariaLabel={`${t('helper.endAndSend')}: ${label}`}
                title={t('helper.endTitle')}
                text={t('helper.endText')}
                confirmLabel={t('helper.endConfirm')}
                cancelLabel={t('helper.cancel')}
                onConfirm={() => onEnd(draft)}
              >
                {t('helper.endAndSend')}
              </PlainConfirmButton>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
