/**
 * The anonymous comparison with other municipalities: per theme, this
 * municipality's favourable share of each voice, with where it lies,
 * beside the median and middle half of the municipalities that share
 * (never one of them); "Ikke nok kommuner å sammenligne med" where fewer
 * than 5 others could be counted. Shown only to a municipality that shares;
 * in the printed report on a page of its own.
 */
import { useTranslation } from 'react-i18next';
import type { Comparison } from '../../shared/coordinatorApi.ts';
import { formatDate, formatNumber, formatPercent } from '../format.ts';
import { NS } from '../i18n.ts';
import { ShareValue } from './ShareValue.tsx';

type Row = Comparison['voices'][number]['themes'][number];
const VOICES = ['respondent', 'relative'] as const;

function Own({ row }: { readonly row: Row | undefined }) {
  const { t } = useTranslation(NS);
  if (!row) return null;
  return (
    <>
      <span>
        <ShareValue share={row.own} compact />
      </span>
      {row.position ? <span>{t(`comparison.position.${row.position}`)}</span> : null}
    </>
  );
}

function Others({ row }: { readonly row: Row | undefined }) {
  const { t, i18n } = useTranslation(NS);
  if (!row?.distribution) return <span>{t('comparison.tooFew')}</span>;
  const d = row.distribution;
  return (
    <>
      <span className="share">
        {t('comparison.distribution', { median: formatPercent(d.median * 100, i18n.language), low: formatNumber(d.lowerQuartile * 100, i18n.language), high: formatPercent(d.upperQuartile * 100, i18n.language) })}
      </span>
      <span className="n">{t('comparison.municipalities', { count: d.municipalities })}</span>
    </>
  );
}

export function ComparisonTable({ comparison }: { readonly comparison: Comparison }) {
  const { t, i18n } = useTranslation(NS);
  const voices = VOICES.filter((v) => comparison.voices.some((x) => x.voice === v));
  const rowOf = (voice: (typeof VOICES)[number], theme: string) => comparison.voices.find((x) => x.voice === voice)?.themes.find((r) => r.theme === theme);
  const themes = comparison.voices[0]?.themes.map((row) => row.theme) ?? [];
  return (
    <section aria-labelledby="comparison-heading" className="results-section comparison">
      <h2 id="comparison-heading">{t('comparison.heading')}</h2>
      <p>{t('comparison.intro', { period: comparison.period })}</p>
      {comparison.state === 'not-yet' ? (
        <p>{t('comparison.notYet', { period: comparison.period, due: formatDate(comparison.due, i18n.language) })}</p>
      ) : (
        <table className="data-table">
          <caption>{t('comparison.caption', { period: comparison.period })}</caption>
          <thead>
            <tr>
              <td />
              {voices.map((v) => (
                <th scope="colgroup" colSpan={2} key={v}>
                  {t(`audience.${v}`)}
                </th>
              ))}
            </tr>
            <tr>
              <th scope="col">{t('results.theme')}</th>
              {voices.flatMap((v) => [
                <th scope="col" key={`${v}-own`}>
                  {t('comparison.own')}
                </th>,
                <th scope="col" key={`${v}-others`}>
                  {t('comparison.others')}
                </th>,
              ])}
            </tr>
          </thead>
          <tbody>
            {themes.map((theme) => (
              <tr key={theme}>
                <th scope="row">{t(`themes.${theme}`)}</th>
                {voices.flatMap((v) => [
                  <td key={`${v}-own`}>
                    <Own row={rowOf(v, theme)} />
                  </td>,
                  <td key={`${v}-others`}>
                    <Others row={rowOf(v, theme)} />
                  </td>,
                ])}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
