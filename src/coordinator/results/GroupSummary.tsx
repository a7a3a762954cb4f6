/**
 * How many responses stand behind the figures below, per voice (the
 * persons themselves, answers someone else gave on their behalf,
 * relatives), how many flagged responses the view leaves out, and the one
 * sentence that explains why some figures are hidden (small groups, and
 * larger groups that would give a small one away by subtraction).
 */
import { useTranslation } from 'react-i18next';
import type { Results, Score } from '../../shared/coordinatorApi.ts';
import { hiddenStatus } from '../format.ts';
import { HiddenFigure } from '../ui/HiddenFigure.tsx';
import { NS } from '../i18n.ts';

export function GroupSummary({ results }: { readonly results: Results }) {
  const { t } = useTranslation(NS);
  const count = (score: Score) => {
    const status = hiddenStatus(score);
    return status ? <HiddenFigure status={status} /> : t('results.nResponses', { count: score.n ?? 0 });
  };
  const leftOut = results.flaggedLeftOut;
  // A group with no responses leaves nothing out (the server sends no figure for it).
  const proxyLeftOut = results.groups.proxy === null || results.groups.proxy.status === 'empty' ? 0 : (leftOut?.proxy ?? null);
  const leftOutTotal = leftOut && leftOut.respondent !== null && leftOut.relative !== null && proxyLeftOut !== null ? leftOut.respondent + leftOut.relative + proxyLeftOut : null;
  return (
    <section aria-labelledby="groups-heading" className="results-section">
      <h2 id="groups-heading">{t('groups.heading')}</h2>
      <p className="hint">{t('groups.threshold', { threshold: results.threshold })}</p>
      <p className="hint">{t('groups.proxyNote')}</p>
      {leftOut ? <p role="status">{leftOutTotal !== null ? t('groups.leftOut', { count: leftOutTotal }) : t('groups.leftOutHidden')}</p> : null}
      <dl className="facts">
        <dt>{t('audience.respondent')}</dt>
        <dd>{count(results.groups.respondent)}</dd>
        <dt>{t('audience.proxy')}</dt>
        <dd>{results.groups.proxy ? count(results.groups.proxy) : t('groups.proxyOnlyWhole')}</dd>
        <dt>{t('audience.relative')}</dt>
        <dd>{count(results.groups.relative)}</dd>
      </dl>
    </section>
  );
}
