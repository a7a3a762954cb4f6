/**
 * One favourable share, rounded once, with its 95 % interval ("62 % (45–77)")
 * and how many answers stand behind it, or the reason it is hidden: the only
 * way a share is written on these pages, so suppression is never forgotten.
 */
import { useTranslation } from 'react-i18next';
import type { Share } from '../../shared/coordinatorApi.ts';
import { formatNumber, formatPercent } from '../format.ts';
import { HiddenFigure } from '../ui/HiddenFigure.tsx';
import { NS } from '../i18n.ts';

export function shareWords(share: Share, lang: string, t: (key: string, options?: Record<string, unknown>) => string): string | null {
  if (share.status !== 'shown' || share.share === null) return null;
  return t('favourable.share', { share: formatPercent(share.share * 100, lang), low: formatNumber(share.low! * 100, lang), high: formatNumber(share.high! * 100, lang) });
}

export function ShareValue({ share, compact = false }: { readonly share: Share; readonly compact?: boolean }) {
  const { t, i18n } = useTranslation(NS);
  const words = shareWords(share, i18n.language, t);
  if (words === null) return <HiddenFigure status={share.status === 'shown' ? 'empty' : share.status} />;
  return (
    <>
      <span className="share">{words}</span>
      {compact ? null : <span className="n"> {t('favourable.answers', { count: share.answered ?? 0 })}</span>}
    </>
  );
}
