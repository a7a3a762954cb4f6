/**
 * The anonymous comparison with other municipalities: per theme, this
 * municipality's favourable share of each voice beside the median and
 * quartiles of the municipalities that share (never one of them), and
 * where it lies; "Ikke nok kommuner å sammenligne med" where fewer than 5
 * others could be counted. Shown only to a municipality that shares.
 */
import { useTranslation } from 'react-i18next';
import type { Comparison } from '../../shared/coordinatorApi.ts';
import { formatDate, formatNumber, formatPercent } from '../format.ts';
import { NS } from '../i18n.ts';
import { ShareValue } from './ShareValue.tsx';

type Row = Comparison['voices'][number]['themes'][number];

function Distribution({ row }: { readonly row: Row | undefined }) {
  const { t, i18n } = useTranslation(NS);
  if (!row?.distribution) return <span>{t('comparison.tooFew')}</span>;
  const pct = (x: number) => formatPercent(x * 100, i18n.language);
  const d = row.distribution;
  return (
    <>
      <span className="share">{t('comparison.median', { median: pct(d.median) })}</span>
      <span>{t('comparison.middleHalf', { low: formatNumber(d.lowerQuartile * 100, i18n.language), high: pct(d.upperQuartile) })}</span>
      <span className="n">{t('comparison.municipalities', { count: d.municipalities })}</span>
      {row.position ? <span className="comparison-position">{t(`comparison.position.${row.position}`)}</span> : null}
    </>
  );
}

export function ComparisonTable({ comparison }: { readonly comparison: Comparison }) {
  const { t, i18n } = useTranslation(NS);
  const voice = (v: 'respondent' | 'relative') => comparison.voices.find((x) => x.voice === v);
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
              <th scope="col">{t('results.theme')}</th>
              {(['respondent', 'relative'] as const)
                .filter((v) => voice(v))
                .flatMap((v) => [
                  <th scope="col" key={`${v}-own`}>
                    {t('comparison.own', { voice: t(`audience.${v}`) })}
                  </th>,
                  <th scope="col" key={`${v}-others`}>
                    {t('comparison.others', { voice: t(`audience.${v}`) })}
                  </th>,
                ])}
            </tr>
          </thead>
          <tbody>
            {themes.map((theme) => (
              <tr key={theme}>
                <th scope="row">{t(`themes.${theme}`)}</th>
                {(['respondent', 'relative'] as const)
                  .filter((v) => voice(v))
                  .flatMap((v) => {
                    const row = voice(v)!.themes.find((r) => r.theme === theme);
                    return [
                      <td key={`${v}-own`}>{row ? <ShareValue share={row.own} compact /> : null}</td>,
                      <td key={`${v}-others`}>
                        <Distribution row={row} />
                      </td>,
                    ];
                  })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
