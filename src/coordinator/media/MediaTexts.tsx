/**
 * Both languages' media of one questionnaire: the coverage of each, then
 * every text of the chosen language, grouped as the respondent meets them.
 * A stored or deleted file updates the list in place, so focus stays put.
 */
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { NS, PRINT_LANGUAGES, type PrintLanguage } from '../i18n.ts';
import { LoadState } from '../ui/LoadState.tsx';
import { loadMedia, type MediaFile, type MediaKind, type MediaList } from './mediaApi.ts';
import { MediaCoverage } from './MediaCoverage.tsx';
import { groupTexts, withMedia } from './mediaList.ts';
import { MediaTextItem } from './MediaTextItem.tsx';
import { useApiData } from '../useApiData.ts';

export interface MediaTextsProps {
  readonly questionnaireId: string;
  readonly language: PrintLanguage;
}

type Lists = Record<PrintLanguage, MediaList>;

async function loadBoth(questionnaireId: string): Promise<Lists> {
  const [nb, nn] = await Promise.all(PRINT_LANGUAGES.map((language) => loadMedia(questionnaireId, language)));
  return { nb: nb!, nn: nn! };
}

export function MediaTexts({ questionnaireId, language }: MediaTextsProps) {
  const { t } = useTranslation(NS);
  const { result, reload, replace } = useApiData(`media:${questionnaireId}`, () => loadBoth(questionnaireId));
  // Two uploads may finish before the page renders again: each change builds on the one before.
  const latest = useRef<Lists | null>(null);
  if (result.state !== 'ready') return <LoadState result={result} onRetry={reload} />;
  const lists = result.data;
  latest.current = lists;
  const changed = (key: string, kind: MediaKind, file: MediaFile | null) => {
    const current = latest.current ?? lists;
    const next = { ...current, [language]: withMedia(current[language], key, kind, file) };
    latest.current = next;
    replace(next);
  };

  return (
    <>
      <MediaCoverage lists={PRINT_LANGUAGES.map((lang) => ({ language: lang, name: t(`printLanguage.${lang}`), list: lists[lang] }))} />
      {groupTexts(lists[language].items).map((group) => (
        <section key={group.kind} aria-labelledby={`media-group-${group.kind}`} className="media-group">
          <h2 id={`media-group-${group.kind}`}>{t(`media.groups.${group.kind}`, { language: t(`printLanguage.${language}`) })}</h2>
          <ul className="media-list">
            {group.items.map((item) => (
              <MediaTextItem key={`${language}:${item.key}`} item={item} questionnaireId={questionnaireId} language={language} onChange={changed} />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
