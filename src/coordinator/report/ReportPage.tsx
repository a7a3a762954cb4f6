/**
 * The printable report of a round, made to be read in five minutes: the
 * round's name on top and when and from how many responses the results
 * were made, then a summary of two to three pages (the units × themes
 * matrix, the two voices on the common measure with the certain
 * differences only, the trend, and the easy-read "Dette sa dere" in
 * bokmål), then the details per question (left out of the print when the
 * coordinator says so), and last "Dette sa dere" in nynorsk. Every figure
 * with suppression applied. Before the round is closed there are no
 * results, and the page says so calmly.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EasyReadSummary } from './EasyReadSummary.tsx';
import { formatDate } from '../format.ts';
import { NS, PRINT_LANGUAGES } from '../i18n.ts';
import { PageHeading } from '../ui/PageHeading.tsx';
import { PrintButton } from '../ui/PrintButton.tsx';
import { ReleaseNote } from '../results/ReleaseNote.tsx';
import { loadResults, loadRound } from '../resources.ts';
import { ResultsLoadState } from '../results/ResultsLoadState.tsx';
import { ResultsSections } from '../results/ResultsSections.tsx';
import { useSession } from '../session.ts';
import { SwitchField } from '../ui/SwitchField.tsx';
import { useApiData } from '../useApiData.ts';

export function ReportPage({ roundId }: { readonly roundId: number }) {
  const { t, i18n } = useTranslation(NS);
  const { me } = useSession();
  const { result, reload } = useApiData(`report-${roundId}`, () => Promise.all([loadRound(roundId), loadResults(roundId)]));
  const [round, results] = result.state === 'ready' ? result.data : [undefined, undefined];
  const heading = round ? t('report.heading', { round: round.name }) : t('report.title');
  const [withDetail, setWithDetail] = useState(true);
  const [first, ...rest] = PRINT_LANGUAGES;

  return (
    <div className="report">
      <PageHeading title={heading}>{heading}</PageHeading>
      <ResultsLoadState result={result} onRetry={reload} roundId={roundId} />
      {round && results ? (
        <>
          <p className="lead">
            {me.municipality.name} ·{' '}
            {t('common.period', { from: formatDate(round.opensOn, i18n.language), to: formatDate(round.closesOn, i18n.language) })}
          </p>
          <ReleaseNote release={results.release} />
          <p className="no-print">{t('report.intro')}</p>
          <div className="no-print">
            <SwitchField label={t('report.includeDetail')} value={withDetail} onChange={setWithDetail} />
          </div>
          <PrintButton />
          <section aria-labelledby="report-summary-heading" className="report-summary">
            <h2 id="report-summary-heading">{t('report.summaryHeading')}</h2>
            <ResultsSections results={results} roundId={roundId} part="summary" />
            <EasyReadSummary results={results} roundName={round.name} municipality={me.municipality.name} lang={first} />
          </section>
          <section aria-labelledby="report-detail-heading" className={withDetail ? 'report-detail' : 'report-detail left-out'}>
            <h2 id="report-detail-heading">{t('report.detailHeading')}</h2>
            <ResultsSections results={results} roundId={roundId} part="detail" />
          </section>
          {rest.map((lang) => (
            <EasyReadSummary key={lang} results={results} roundName={round.name} municipality={me.municipality.name} lang={lang} />
          ))}
        </>
      ) : null}
    </div>
  );
}
