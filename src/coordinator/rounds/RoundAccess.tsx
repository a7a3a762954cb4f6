/** How people reach the round: the tablet code for staff and the relatives' link, both shown large enough to read aloud. */
import { useTranslation } from 'react-i18next';
import type { RoundSummary } from '../../shared/coordinatorApi.ts';
import { formatTabletCode, relativeLink } from '../format.ts';
import { NS } from '../i18n.ts';

export function RoundAccess({ round }: { readonly round: RoundSummary }) {
  const { t } = useTranslation(NS);
  const link = relativeLink(round.relativeCode);
  return (
    <section aria-labelledby="access-heading" className="panel">
      <h2 id="access-heading">{t('round.accessHeading')}</h2>
      <dl className="facts">
        <dt>{t('round.tabletCode')}</dt>
        <dd>
          <span className="code">{formatTabletCode(round.tabletCode)}</span>
          <span className="hint"> {t('round.tabletCodeHint')}</span>
        </dd>
        <dt>{t('round.relativeLink')}</dt>
        <dd>
          <a href={link} className="code-link">
            {link}
          </a>
          <span className="hint"> {t('round.relativeLinkHint')}</span>
        </dd>
      </dl>
    </section>
  );
}
