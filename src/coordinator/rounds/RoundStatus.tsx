/** A round's status in words with a shape beside it, so it never rests on colour alone. */
import { useTranslation } from 'react-i18next';
import type { RoundSummary } from '../../shared/coordinatorApi.ts';
import { NS } from '../i18n.ts';

const MARK: Record<RoundSummary['status'], string> = { draft: '○', open: '●', closed: '■' };

export function RoundStatus({ status }: { readonly status: RoundSummary['status'] }) {
  const { t } = useTranslation(NS);
  return (
    <span className={`round-status status-${status}`}>
      <span aria-hidden="true">{MARK[status]} </span>
      {t(`roundStatus.${status}`)}
    </span>
  );
}
