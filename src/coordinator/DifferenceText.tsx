/**
 * The gap between the two voices in words ("respondents 12 points higher"),
 * not just a signed number or a colour. It takes the exact gap and rounds it
 * once; a gap that rounds to 0 reads "equal".
 */
import { useTranslation } from 'react-i18next';
import { formatNumber } from './format.ts';
import { NS } from './i18n.ts';

export function DifferenceText({ difference }: { readonly difference: number | null }) {
  const { t, i18n } = useTranslation(NS);
  if (difference === null) return <span className="empty">{t('results.noComparison')}</span>;
  const points = formatNumber(Math.abs(difference), i18n.language);
  if (points === '0') return <>{t('results.same')}</>;
  return <>{difference > 0 ? t('results.respondentHigher', { points }) : t('results.relativeHigher', { points })}</>;
}
