/** "Two voices": the themes where respondents and relatives differ most, largest gap first. */
import { useTranslation } from 'react-i18next';
import type { Results } from '../shared/coordinatorApi.ts';
import { NS } from './i18n.ts';
import { ThemeScoresTable } from './ThemeScoresTable.tsx';

/** The gaps worth reading first; the full list is in the theme table. */
const SHOWN = 3;

export function TwoVoices({ rows }: { readonly rows: Results['twoVoices'] }) {
  const { t } = useTranslation(NS);
  return (
    <section aria-labelledby="two-voices-heading" className="results-section">
      <h2 id="two-voices-heading">{t('twoVoices.heading')}</h2>
      <p>{t('twoVoices.intro')}</p>
      {rows.length === 0 ? (
        <p>{t('twoVoices.none')}</p>
      ) : (
        <ThemeScoresTable rows={rows.slice(0, SHOWN)} caption={t('twoVoices.caption', { count: Math.min(SHOWN, rows.length) })} />
      )}
    </section>
  );
}
