/**
 * One score (0–100), rounded once, with the number of responses behind it,
 * or the reason it is hidden — the only way a score is written on these
 * pages, so suppression is never forgotten.
 */
import { useTranslation } from 'react-i18next';
import type { Score } from '../../shared/coordinatorApi.ts';
import { scoreText } from '../format.ts';
import { HiddenFigure } from '../ui/HiddenFigure.tsx';
import { NS } from '../i18n.ts';

export function ScoreValue({ score }: { readonly score: Score }) {
  const { t, i18n } = useTranslation(NS);
  const text = scoreText(score, i18n.language);
  if (text.kind === 'hidden') return <HiddenFigure status={text.status} />;
  return (
    <>
      <span className="score">{text.score}</span>
      {text.n !== null ? <span className="n"> {t('results.nInScore', { count: text.n })}</span> : null}
    </>
  );
}
