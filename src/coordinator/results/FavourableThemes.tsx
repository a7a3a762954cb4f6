/**
 * The two voices on a common measure: per theme the share of favourable
 * answers of the persons themselves, of answers someone else gave on
 * their behalf, and of relatives, each with its 95 % interval, and whether
 * the persons and the relatives differ by more than the noise. Themes are
 * listed in their fixed order, never ranked; the certain differences are
 * named below the table, in the same order.
 */
import { useTranslation } from 'react-i18next';
import type { Results } from '../../shared/coordinatorApi.ts';
import { NS } from '../i18n.ts';
import { ShareValue } from './ShareValue.tsx';
import { VerdictText } from './VerdictText.tsx';

export function CertainDifferences({ themes }: { readonly themes: Results['themes'] }) {
  const { t } = useTranslation(NS);
  const certain = themes.filter((row) => row.favourable.verdict === 'higher' || row.favourable.verdict === 'lower');
  return (
    <>
      <h3>{t('favourable.certainHeading')}</h3>
      {certain.length === 0 ? (
        <p>{t('favourable.certainNone')}</p>
      ) : (
        <ul>
          {certain.map((row) => (
            <li key={row.theme}>{t('favourable.certainItem', { theme: t(`themes.${row.theme}`), verdict: t(`verdict.${row.favourable.verdict}`) })}</li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The sections reported apart (the relatives' own contact), each with its own share: never in a theme. */
function ApartBlocks({ blocks }: { readonly blocks: Results['blocks'] }) {
  const { t, i18n } = useTranslation(NS);
  if (blocks.length === 0) return null;
  return (
    <>
      <h3>{t('favourable.blocksHeading')}</h3>
      <p>{t('favourable.blocksIntro')}</p>
      <ul>
        {blocks.map((block) => (
          <li key={`${block.voice}/${block.questionnaireId}/${block.sectionId}`}>
            {t('favourable.blockItem', { voice: t(`audience.${block.voice}`), title: block.title[i18n.language] ?? block.title.nb })} <ShareValue share={block.favourable} />
          </li>
        ))}
      </ul>
    </>
  );
}

export function FavourableThemes({ results }: { readonly results: Results }) {
  const { t } = useTranslation(NS);
  const withProxy = results.groups.proxy !== null;
  return (
    <section aria-labelledby="favourable-heading" className="results-section">
      <h2 id="favourable-heading">{t('favourable.heading')}</h2>
      <p>{t('favourable.intro')}</p>
      <p>{t('favourable.rule')}</p>
      <table className="data-table">
        <caption>{t('favourable.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('results.theme')}</th>
            <th scope="col">{t('audience.respondent')}</th>
            <th scope="col">{t('audience.relative')}</th>
            <th scope="col">{t('favourable.comparison')}</th>
            {withProxy ? <th scope="col">{t('audience.proxy')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {results.themes.map((row) => (
            <tr key={row.theme}>
              <th scope="row">{t(`themes.${row.theme}`)}</th>
              <td>
                <ShareValue share={row.favourable.respondent} />
              </td>
              <td>
                <ShareValue share={row.favourable.relative} />
              </td>
              <td>
                <VerdictText verdict={row.favourable.verdict} />
              </td>
              {withProxy ? <td>{row.favourable.proxy ? <ShareValue share={row.favourable.proxy} /> : null}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
      <CertainDifferences themes={results.themes} />
      <ApartBlocks blocks={results.blocks} />
    </section>
  );
}
