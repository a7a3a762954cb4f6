/** On the helper screen only: a new version is ready; the helper applies it between surveys. */
import { useTranslation } from 'react-i18next';
import { PlainButton } from './PlainButton.tsx';
import { useAppUpdates } from './appUpdates.ts';

export function UpdatePrompt() {
  const { t } = useTranslation();
  const { waiting, apply } = useAppUpdates();
  if (!waiting) return null;
  return (
    <section className="notice update" aria-labelledby="update-title">
      <h2 id="update-title">{t('helper.updateTitle')}</h2>
      <p>{t('helper.updateText')}</p>
      <PlainButton className="button primary" onPress={apply}>
        {t('helper.updateNow')}
      </PlainButton>
    </section>
  );
}
