/** Questions asked of both voices: the favourable share of each, with its interval, and whether they differ by more than the noise. */
import { useTranslation } from 'react-i18next';
import type { Results } from '../../shared/coordinatorApi.ts';
import { NS } from '../i18n.ts';
import { CsvLink } from './CsvLink.tsx';
import { ShareValue } from './ShareValue.tsx';
import { VerdictText } from './VerdictText.tsx';

export function QuestionPairsTable({ pairs, roundId }: { readonly pairs: Results['questionPairs']; readonly roundId: number }) {
  const { t } = useTranslation(NS);
  return (
    <section aria-labelledby="pairs-heading" className="results-section">
      <h2 id="pairs-heading">{t('questionPairs.heading')}</h2>
      <p>{t('questionPairs.intro')}</p>
      {pairs.length === 0 ? (
        <p>{t('questionPairs.none')}</p>
      ) : (
        <table className="data-table">
          <caption>{t('questionPairs.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('questionPairs.question')}</th>
              <th scope="col">{t('audience.respondent')}</th>
              <th scope="col">{t('audience.relative')}</th>
              <th scope="col">{t('favourable.comparison')}</th>
            </tr>
          </thead>
          <tbody>
            {pairs.map((pair) => (
              <tr key={pair.questionId}>
                <th scope="row">{pair.text.nb ?? pair.questionId}</th>
                <td>
                  <ShareValue share={pair.respondent} />
                </td>
                <td>
                  <ShareValue share={pair.relative} />
                </td>
                <td>
                  <VerdictText verdict={pair.verdict} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <CsvLink roundId={roundId} table="pairs" />
    </section>
  );
}
