/** How many responses stand behind the figures below, per voice, and the threshold that hides small groups. */
import { useTranslation } from 'react-i18next';
import type { Results } from '../shared/coordinatorApi.ts';
import { NS } from './i18n.ts';

export function GroupSummary({ results }: { readonly results: Results }) {
  const { t } = useTranslation(NS);
  const count = (score: Results['groups']['respondent']) =>
    score.suppressed ? <span className="suppressed">{t('results.suppressed')}</span> : t('results.nResponses', { count: score.n ?? 0 });
  return (
    <section aria-labelledby="groups-heading" className="results-section">
      <h2 id="groups-heading">{t('groups.heading')}</h2>
      <dl className="facts">
        <dt>{t('audience.respondent')}</dt>
        <dd>{count(results.groups.respondent)}</dd>
        <dt>{t('audience.relative')}</dt>
        <dd>{count(results.groups.relative)}</dd>
      </dl>
      <p className="hint">{t('groups.threshold', { threshold: results.threshold })}</p>
    </section>
  );
}
