/**
 * One text a respondent hears, in the questionnaire's language, with its
 * recorded voice and, for a question, its sign-language video.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { AudioMedia } from './AudioMedia.tsx';
import { NS } from '../i18n.ts';
import type { MediaFile, MediaItem, MediaKind } from './mediaApi.ts';
import { VideoMedia } from './VideoMedia.tsx';

export interface MediaTextItemProps {
  readonly item: MediaItem;
  readonly questionnaireId: string;
  readonly language: string;
  readonly onChange: (key: string, kind: MediaKind, file: MediaFile | null) => void;
}

/** What kind of text this is, when the text alone does not say: a page's title or body, an option's scale. */
function contextOf(key: string): { readonly label: string; readonly values?: Record<string, string> } | null {
  const [kind, first, second] = key.split(':');
  if (kind === 'page') return { label: second === 'title' ? 'media.context.pageTitle' : 'media.context.pageText', values: { page: first ?? '' } };
  if (kind === 'option') return { label: 'media.context.option', values: { scale: first ?? '' } };
  return null;
}

export function MediaTextItem({ item, questionnaireId, language, onChange }: MediaTextItemProps) {
  const { t } = useTranslation(NS);
  const textId = useId();
  const context = contextOf(item.key);
  const target = { questionnaireId, language, key: item.key };
  return (
    <li className="media-item">
      <h3 id={textId} lang={item.text ? language : undefined} className="media-text">
        {item.text || t('media.emptyText')}
      </h3>
      {context ? <p className="media-context">{t(context.label, context.values)}</p> : null}
      <AudioMedia target={{ ...target, kind: 'audio' }} audio={item.audio} text={item.text} textId={textId} onChange={(file) => onChange(item.key, 'audio', file)} />
      {item.kind === 'question' ? (
        <VideoMedia target={{ ...target, kind: 'video' }} video={item.video} text={item.text} textId={textId} onChange={(file) => onChange(item.key, 'video', file)} />
      ) : null}
    </li>
  );
}
