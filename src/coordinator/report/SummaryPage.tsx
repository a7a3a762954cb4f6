/**
 * "Dette sa dere" on its own, to show on a screen or print for the
 * respondents, in bokmål or nynorsk, once the round is closed and its
 * results are made.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EasyReadSummary } from './EasyReadSummary.tsx';
import { NS, type PrintLanguage } from '../i18n.ts';
import { PageHeading } from '../ui/PageHeading.tsx';
import { PrintButton } from '../ui/PrintButton.tsx';
import { PrintLanguageChoice } from '../ui/PrintLanguageChoice.tsx';
import { loadResults, loadRound } from '../resources.ts';
import { ResultsLoadState } from '../results/ResultsLoadState.tsx';
import { useSession } from '../session.ts';
import { useApiData } from '../useApiData.ts';

export function SummaryPage({ roundId }: { readonly roundId: number }) {
  const { t } = useTranslation(NS);
  const { me } = useSession();
  const [lang, setLang] = useState<PrintLanguage>('nb');
  const { result, reload } = useApiData(`report-${roundId}`, () => Promise.all([loadRound(roundId), loadResults(roundId)]));
  const [round, results] = result.state === 'ready' ? result.data : [undefined, undefined];

  return (
    <>
      <div className="no-print">
        <PageHeading title={round ? t('summaryPage.pageTitle', { round: round.name }) : t('summaryPage.title')}>{t('summaryPage.title')}</PageHeading>
        <p>{t('summaryPage.intro')}</p>
        <ResultsLoadState result={result} onRetry={reload} roundId={roundId} />
      </div>
      {round && results ? (
        <>
          <div className="print-controls no-print">
            <PrintLanguageChoice label={t('summaryPage.language')} value={lang} onChange={setLang} />
            <PrintButton />
          </div>
          <EasyReadSummary results={results} roundName={round.name} municipality={me.municipality.name} lang={lang} />
        </>
      ) : null}
    </>
  );
}
