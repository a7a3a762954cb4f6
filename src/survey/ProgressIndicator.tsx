/** "Side X av N" in words and as a bar; the bar is a progressbar for screen readers. */
import { memo } from 'react';
import { ProgressBar } from 'react-aria-components';
import { useTranslation } from 'react-i18next';

export const ProgressIndicator = memo(function ProgressIndicator({ current, total }: { current: number; total: number }) {
  const { t } = useTranslation();
  const text = t('survey.pageOf', { current, total });
  return (
    <ProgressBar className="progress" value={current} minValue={0} maxValue={total} valueLabel={text} aria-label={t('survey.progress')}>
      {({ percentage }) => (
        <>
          <span className="progress-text">{text}</span>
          <span className="progress-track" aria-hidden="true">
            <span className="progress-fill" style={{ width: `${percentage ?? 0}%` }} />
          </span>
        </>
      )}
    </ProgressBar>
  );
});
