/**
 * Whether the two voices differ, in words: only a difference larger than
 * the noise is named; otherwise "Ingen sikker forskjell".
 */
import { useTranslation } from 'react-i18next';
import type { ShareVerdict } from '../../shared/coordinatorApi.ts';
import { NS } from '../i18n.ts';

export function VerdictText({ verdict }: { readonly verdict: ShareVerdict }) {
  const { t } = useTranslation(NS);
  if (verdict === null) return <span className="empty">{t('verdict.none')}</span>;
  return <span className={verdict === 'no-certain-difference' ? 'verdict-none' : 'verdict-certain'}>{t(`verdict.${verdict}`)}</span>;
}
