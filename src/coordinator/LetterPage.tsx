/** The printable letter for relatives: choose bokmål or nynorsk, then the browser's print dialog. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NS, type PrintLanguage } from './i18n.ts';
import { Letter } from './Letter.tsx';
import { LoadState } from './LoadState.tsx';
import { PageHeading } from './PageHeading.tsx';
import { PrintButton } from './PrintButton.tsx';
import { PrintLanguageChoice } from './PrintLanguageChoice.tsx';
import { loadRound } from './resources.ts';
import { useSession } from './session.ts';
import { useApiData } from './useApiData.ts';

export function LetterPage({ roundId }: { readonly roundId: number }) {
  const { t } = useTranslation(NS);
  const { me } = useSession();
  const [lang, setLang] = useState<PrintLanguage>('nb');
  const { result, reload } = useApiData(`round-only-${roundId}`, () => loadRound(roundId));
  const round = result.state === 'ready' ? result.data : undefined;

  return (
    <>
      <div className="no-print">
        <PageHeading title={round ? t('letterPage.pageTitle', { round: round.name }) : t('letterPage.title')}>{t('letterPage.title')}</PageHeading>
        <p>{t('letterPage.intro')}</p>
        <LoadState result={result} onRetry={reload} />
      </div>
      {round ? (
        <>
          <div className="print-controls no-print">
            <PrintLanguageChoice label={t('letterPage.language')} value={lang} onChange={setLang} />
            <PrintButton />
          </div>
          <Letter round={round} municipality={me.municipality.name} threshold={me.municipality.anonymityThreshold} lang={lang} />
        </>
      ) : null}
    </>
  );
}
