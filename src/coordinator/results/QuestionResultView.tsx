/** One question: its text and theme, then the chart and its data table, or why its figures are hidden. */
import { useTranslation } from 'react-i18next';
import type { QuestionResult } from '../../shared/coordinatorApi.ts';
import { hiddenStatus } from '../format.ts';
import { HiddenFigure } from '../ui/HiddenFigure.tsx';
import { NS } from '../i18n.ts';
import { chartName, localized, questionFigures } from './questionFigures.ts';
import { QuestionTable } from './QuestionTable.tsx';
import { StackedBar } from './StackedBar.tsx';

export function QuestionResultView({ result }: { readonly result: QuestionResult }) {
  const { t, i18n } = useTranslation(NS);
  const figures = questionFigures(result, i18n.language);
  const text = localized(result.text);
  return (
    <article className="question-result">
      <h4 lang={text.lang}>{text.text}</h4>
      {result.theme ? <p className="hint">{t('questions.theme', { theme: t(`themes.${result.theme}`) })}</p> : null}
      {figures ? (
        <div className="question-figures">
          <StackedBar figures={figures} name={chartName(figures, t)} />
          <QuestionTable figures={figures} />
        </div>
      ) : (
        <p>
          <HiddenFigure status={hiddenStatus(result) ?? 'empty'} />
        </p>
      )}
    </article>
  );
}
