/** The data table behind a question's chart: count and percentage per answer, and skips on their own row. */
import { useTranslation } from 'react-i18next';
import { NS } from '../i18n.ts';
import type { QuestionFigures } from './questionFigures.ts';

export function QuestionTable({ figures }: { readonly figures: QuestionFigures }) {
  const { t } = useTranslation(NS);
  return (
    <table className="data-table question-table">
      <caption className="visually-hidden">{t('questions.tableCaption', { question: figures.question.text })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('questions.answer')}</th>
          <th scope="col" className="number">
            {t('questions.count')}
          </th>
          <th scope="col" className="number">
            {t('questions.percent')}
          </th>
        </tr>
      </thead>
      <tbody>
        {figures.options.map((option) => (
          <tr key={option.value}>
            <th scope="row" lang={option.label.lang}>
              {option.label.text}
            </th>
            <td className="number">{option.count}</td>
            <td className="number">{option.percent}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t('questions.skipped')}</th>
          <td className="number">{figures.skipped}</td>
          <td />
        </tr>
        <tr>
          <th scope="row">{t('questions.shown')}</th>
          <td className="number">{figures.shown}</td>
          <td />
        </tr>
      </tfoot>
    </table>
  );
}
