/**
 * "Dette sa dere": one easy-read page for the respondents themselves, in
 * bokmål or nynorsk — short sentences, big text, where most answered
 * yes and what can get better (see easyRead.ts), or plainly why there is
 * nothing to show: nobody answered, too few answered, or the answers are
 * hidden to protect a few.
 */
import type { Results } from '../../shared/coordinatorApi.ts';
import { easyReadPicks } from './easyRead.ts';
import { printT, type PrintLanguage } from '../i18n.ts';

export interface EasyReadSummaryProps {
  readonly results: Results;
  readonly roundName: string;
  readonly municipality: string;
  readonly lang: PrintLanguage;
}

export function EasyReadSummary({ results, roundName, municipality, lang }: EasyReadSummaryProps) {
  const t = printT(lang);
  const picks = easyReadPicks(results);
  return (
    <article lang={lang} className="easy-read print-page" aria-labelledby={`easy-read-${lang}`}>
      <h2 id={`easy-read-${lang}`}>{t('summary.title')}</h2>
      <p className="easy-read-round">{t('summary.round', { round: roundName, municipality })}</p>
      {picks.kind === 'hidden' ? (
        <>
          <p>{t(`summary.hidden.${picks.status}`)}</p>
          <p>{t(`summary.hiddenWhy.${picks.status}`)}</p>
        </>
      ) : (
        <>
          {picks.count !== null ? <p>{t('summary.count', { count: picks.count })}</p> : null}
          {picks.best.length > 0 ? (
            <>
              <h3>{t('summary.best')}</h3>
              <ul>
                {picks.best.map((theme) => (
                  <li key={theme}>{t(`themes.${theme}`)}</li>
                ))}
              </ul>
            </>
          ) : null}
          {picks.worst.length > 0 ? (
            <>
              <h3>{t('summary.worst')}</h3>
              <ul>
                {picks.worst.map((theme) => (
                  <li key={theme}>{t(`themes.${theme}`)}</li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      )}
      <p>{t('summary.next')}</p>
      <p>{t('summary.thanks')}</p>
    </article>
  );
}
