/**
 * The letter to relatives and guardians, in bokmål or nynorsk whatever the
 * page's own language: who asks, when to answer and how long it takes, the
 * link and its QR code, one survey for each person, a paper or phone
 * alternative through a named contact person, letting the person answer
 * their own survey, that answering is voluntary and how small groups are
 * hidden (the municipality's real threshold), and when results come. Where
 * the coordinator has not filled in the contact person, the printed letter
 * has a marked line to write it by hand. Fits one page.
 */
import type { RoundSummary } from '../../shared/coordinatorApi.ts';
import { formatDate, relativeLink } from '../format.ts';
import { printT, type PrintLanguage } from '../i18n.ts';
import { QrCode } from './QrCode.tsx';

/** What the coordinator types on the letter page; empty fields become lines to fill in by hand. */
export interface LetterContact {
  readonly name: string;
  readonly phone: string;
  readonly email: string;
  /** Where and when the results are shown, e.g. "på kommunens nettside i januar". */
  readonly results: string;
}

export const EMPTY_CONTACT: LetterContact = { name: '', phone: '', email: '', results: '' };

export interface LetterProps {
  readonly round: RoundSummary;
  readonly municipality: string;
  readonly threshold: number;
  readonly lang: PrintLanguage;
  readonly contact?: LetterContact;
}

/** A value typed on the page, or a marked blank line to write on by hand. */
function Blank({ value, label }: { readonly value: string; readonly label: string }) {
  const typed = value.trim();
  if (typed !== '') return <strong>{typed}</strong>;
  return (
    <span className="letter-blank">
      <span className="visually-hidden">{label}</span>
    </span>
  );
}

export function Letter({ round, municipality, threshold, lang, contact = EMPTY_CONTACT }: LetterProps) {
  const t = printT(lang);
  const link = relativeLink(round.relativeCode);
  const values = { municipality, from: formatDate(round.opensOn, lang), to: formatDate(round.closesOn, lang), threshold };
  const results = contact.results.trim();
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
      <p>{t('letter.onePerPerson')}</p>
      <p>{t('letter.respondents')}</p>
      <p>{t('letter.anonymous', values)}</p>
      <p>{results === '' ? t('letter.resultsAfter', values) : t('letter.resultsWhere', { where: results })}</p>
      <div className="letter-contact">
        <p>{t('letter.paper')}</p>
        <p>
          {t('letter.contactName')}: <Blank value={contact.name} label={t('letter.fillIn', { what: t('letter.contactName') })} />
          <br />
          {t('letter.contactPhone')}: <Blank value={contact.phone} label={t('letter.fillIn', { what: t('letter.contactPhone') })} />
          <br />
          {t('letter.contactEmail')}: <Blank value={contact.email} label={t('letter.fillIn', { what: t('letter.contactEmail') })} />
        </p>
      </div>
      <p>{t('letter.thanks')}</p>
      <p className="letter-signature">
        {t('letter.greeting')}
        <br />
        {municipality}
      </p>
    </article>
  );
}
