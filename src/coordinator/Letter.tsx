/**
 * The letter to relatives and guardians, in bokmål or nynorsk whatever the
 * page's own language: who asks, which round and period, the link and its
 * QR code, and that answering is voluntary and anonymous. Fits one page.
 */
import type { RoundSummary } from '../shared/coordinatorApi.ts';
import { formatDate, relativeLink } from './format.ts';
import { printT, type PrintLanguage } from './i18n.ts';
import { QrCode } from './QrCode.tsx';

export interface LetterProps {
  readonly round: RoundSummary;
  readonly municipality: string;
  readonly threshold: number;
  readonly lang: PrintLanguage;
}

export function Letter({ round, municipality, threshold, lang }: LetterProps) {
  const t = printT(lang);
  const link = relativeLink(round.relativeCode);
  const values = { municipality, round: round.name, from: formatDate(round.opensOn, lang), to: formatDate(round.closesOn, lang), threshold };
  return (
    <article lang={lang} className="letter print-page">
      <p className="letter-sender">{municipality}</p>
      <p className="letter-to">{t('letter.to')}</p>
      <h2 className="letter-title">{t('letter.title')}</h2>
      <p>{t('letter.intro', values)}</p>
      <p>{t('letter.period', values)}</p>
      <div className="letter-access">
        <QrCode value={link} alt={t('letter.qrAlt', { link })} />
        <div>
          <p>{t('letter.how')}</p>
          <p className="letter-link">{link}</p>
          <p>{t('letter.languages')}</p>
        </div>
      </div>
      <p>{t('letter.anonymous', values)}</p>
      <p>{t('letter.respondents')}</p>
      <p>{t('letter.thanks')}</p>
      <p className="letter-signature">
        {t('letter.greeting')}
        <br />
        {municipality}
      </p>
    </article>
  );
}
