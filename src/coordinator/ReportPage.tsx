/**
 * The printable report of a round: the round's name on top, when and from
 * how many responses the results were made, every result with suppression
 * applied, and the easy-read "Dette sa dere" page in bokmål and in
 * nynorsk, each on its own printed page. Before the round is closed there
 * are no results, and the page says so calmly.
 */
import { useTranslation } from 'react-i18next';
import { EasyReadSummary } from './EasyReadSummary.tsx';
import { formatDate } from './format.ts';
import { NS, PRINT_LANGUAGES } from './i18n.ts';
import { PageHeading } from './PageHeading.tsx';
import { PrintButton } from './PrintButton.tsx';
import { ReleaseNote } from './ReleaseNote.tsx';
import { loadResults, loadRound } from './resources.ts';
import { ResultsLoadState } from './ResultsLoadState.tsx';
import { ResultsSections } from './ResultsSections.tsx';
import { useSession } from './session.ts';
import { useApiData } from './useApiData.ts';

export function ReportPage({ roundId }: { readonly roundId: number }) {
  const { t, i18n } = useTranslation(NS);
  const { me } = useSession();
  const { result, reload } = useApiData(`report-${roundId}`, () => Promise.all([loadRound(roundId), loadResults(roundId)]));
  const [round, results] = result.state === 'ready' ? result.data : [undefined, undefined];
  const heading = round ? t('report.heading', { round: round.name }) : t('report.title');

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
          <PrintButton />
          <ResultsSections results={results} />
          {PRINT_LANGUAGES.map((lang) => (
            <EasyReadSummary key={lang} results={results} roundName={round.name} municipality={me.municipality.name} lang={lang} />
          ))}
        </>
      ) : null}
    </div>
  );
}
