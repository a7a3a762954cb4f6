/** Pause for the helper, confirmed in a dialog; the survey resumes later on the same page. */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from './ConfirmButton.tsx';

export const PauseButton = memo(function PauseButton({ onPause }: { onPause: () => void }) {
  const { t } = useTranslation();
  return (
    <ConfirmButton
      className="pause-button"
      title={t('survey.pauseTitle')}
      text={t('survey.pauseText')}
      confirmLabel={t('survey.pauseConfirm')}
      cancelLabel={t('survey.pauseCancel')}
      onConfirm={onPause}
    >
      <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
        <rect x="5" y="4" width="5" height="16" rx="1" fill="currentColor" />
        <rect x="14" y="4" width="5" height="16" rx="1" fill="currentColor" />
      </svg>
      {t('survey.pause')}
    </ConfirmButton>
  );
});
