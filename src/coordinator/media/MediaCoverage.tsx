/** Coverage at a glance for one questionnaire: per language, how many texts have a recorded voice, and which do not. */
import { useTranslation } from 'react-i18next';
import { NS } from '../i18n.ts';
import type { MediaList } from './mediaApi.ts';
import { missingVoice } from './mediaList.ts';

export interface MediaCoverageProps {
  readonly lists: readonly { readonly language: string; readonly name: string; readonly list: MediaList }[];
}

export function MediaCoverage({ lists }: MediaCoverageProps) {
  const { t } = useTranslation(NS);
  return (
    <section aria-labelledby="media-coverage-heading" className="panel">
      <h2 id="media-coverage-heading">{t('media.coverageHeading')}</h2>
      <div className="coverage-grid">
        {lists.map(({ language, name, list }) => {
          const missing = missingVoice(list);
          return (
            <div key={language} className="coverage">
              <h3>{name}</h3>
              <p className="coverage-count">{t('media.coverage', { recorded: list.coverage.recorded, count: list.coverage.total })}</p>
              {missing.length === 0 ? (
                <p>{t('media.allRecorded')}</p>
              ) : (
                <details>
                  <summary>{t('media.missing', { count: missing.length })}</summary>
                  <ul>
                    {missing.map((item) => (
                      <li key={item.key} lang={item.text ? language : undefined}>
                        {item.text || t('media.emptyText')}
                      </li>
                    ))}
                  </ul>
                </details>
              )}
            </div>
          );
        })}
      </div>
    </section>
  );
}
