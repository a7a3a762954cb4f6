/** Respondents' theme scores split by how they answered (alone, with help, someone else), side by side. */
import { useTranslation } from 'react-i18next';
import { THEMES } from '../shared/themes.ts';
import type { Results } from '../shared/coordinatorApi.ts';
import { NS } from './i18n.ts';
import { ScoreValue } from './ScoreValue.tsx';

export function AnswerModeTable({ modes }: { readonly modes: Results['byAnswerMode'] }) {
  const { t } = useTranslation(NS);
  const themes = THEMES.filter((theme) => modes.some((mode) => mode.themes.some((row) => row.theme === theme)));
  return (
    <section aria-labelledby="answer-mode-heading" className="results-section">
      <h2 id="answer-mode-heading">{t('answerModes.heading')}</h2>
      <p>{t('answerModes.intro')}</p>
      {modes.length === 0 ? (
        <p>{t('answerModes.none')}</p>
      ) : (
        <table className="data-table">
          <caption>{t('answerModes.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('results.theme')}</th>
              {modes.map((mode) => (
                <th key={mode.mode} scope="col">
                  {t(`answerMode.${mode.mode}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">{t('answerModes.responses')}</th>
              {modes.map((mode) => (
                <td key={mode.mode}>
                  {mode.group.suppressed ? <ScoreValue score={mode.group} /> : t('results.nResponses', { count: mode.group.n ?? 0 })}
                </td>
              ))}
            </tr>
            {themes.map((theme) => (
              <tr key={theme}>
                <th scope="row">{t(`themes.${theme}`)}</th>
                {modes.map((mode) => {
                  const row = mode.themes.find((candidate) => candidate.theme === theme);
                  return <td key={mode.mode}>{row ? <ScoreValue score={row.score} /> : t('results.noAnswers')}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
