/**
 * One score (0–100) with the number of responses behind it, or "For få
 * svar" when the group is below the anonymity threshold — the only way a
 * score is written on these pages, so suppression is never forgotten.
 */
import { useTranslation } from 'react-i18next';
import type { Score } from '../shared/coordinatorApi.ts';
import { scoreText } from './format.ts';
import { NS } from './i18n.ts';

export function ScoreValue({ score }: { readonly score: Score }) {
  const { t, i18n } = useTranslation(NS);
  const text = scoreText(score, i18n.language);
  if (text.kind === 'suppressed') return <span className="suppressed">{t('results.suppressed')}</span>;
  if (text.kind === 'empty') return <span className="empty">{t('results.noAnswers')}</span>;
  return (
    <>
      <span className="score">{text.score}</span>
      {text.n !== null ? <span className="n"> {t('results.nInScore', { count: text.n })}</span> : null}
    </>
  );
}
