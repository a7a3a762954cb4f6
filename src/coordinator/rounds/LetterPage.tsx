/**
 * The printable letter for relatives: the coordinator fills in the contact
 * person (and, if known, where and when results are shown), chooses bokmål
 * or nynorsk, then uses the browser's print dialog. Fields left empty print
 * as lines to fill in by hand. The threshold is the municipality's own.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { effectiveThreshold } from '../../shared/anonymity.ts';
import { NS, type PrintLanguage } from '../i18n.ts';
import { EMPTY_CONTACT, Letter, type LetterContact } from './Letter.tsx';
import { LoadState } from '../ui/LoadState.tsx';
import { PageHeading } from '../ui/PageHeading.tsx';
import { PrintButton } from '../ui/PrintButton.tsx';
import { PrintLanguageChoice } from '../ui/PrintLanguageChoice.tsx';
import { loadRound } from '../resources.ts';
import { useSession } from '../session.ts';
import { TextInput } from '../ui/TextInput.tsx';
import { useApiData } from '../useApiData.ts';

const CONTACT_FIELDS = ['name', 'phone', 'email', 'results'] as const;

export function LetterPage({ roundId }: { readonly roundId: number }) {
  const { t } = useTranslation(NS);
  const { me } = useSession();
  const [lang, setLang] = useState<PrintLanguage>('nb');
  const [contact, setContact] = useState<LetterContact>(EMPTY_CONTACT);
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
          <fieldset className="letter-fields no-print">
            <legend>{t('letterPage.contactLegend')}</legend>
            <p>{t('letterPage.contactHelp')}</p>
            {CONTACT_FIELDS.map((field) => (
              <TextInput
                key={field}
                name={`contact-${field}`}
                label={t(`letterPage.contact.${field}`)}
                description={field === 'results' ? t('letterPage.resultsHelp') : undefined}
                value={contact[field]}
                onChange={(value) => setContact((before) => ({ ...before, [field]: value }))}
              />
            ))}
          </fieldset>
          <div className="print-controls no-print">
            <PrintLanguageChoice label={t('letterPage.language')} value={lang} onChange={setLang} />
            <PrintButton />
          </div>
          <Letter round={round} municipality={me.municipality.name} threshold={effectiveThreshold(me.municipality.anonymityThreshold)} lang={lang} contact={contact} />
        </>
      ) : null}
    </>
  );
}
