/** The optional sign-language video of one question: whether there is one, a player, upload (MP4 or WebM) and delete. */
import { useRef } from 'react';
import { Button, FileTrigger } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ConfirmDelete } from '../ui/ConfirmDelete.tsx';
import { NS } from '../i18n.ts';
import type { MediaFile, MediaTarget } from './mediaApi.ts';
import { prepareVideo, VIDEO_FILE_TYPES } from './mediaFile.ts';
import { MediaFeedback } from './MediaFeedback.tsx';
import { useMediaChange } from './useMediaChange.ts';

export interface VideoMediaProps {
  readonly target: MediaTarget;
  readonly video: MediaFile | null;
  readonly text: string;
  readonly textId: string;
  readonly onChange: (file: MediaFile | null) => void;
}

export function VideoMedia({ target, video, text, textId, onChange }: VideoMediaProps) {
  const { t } = useTranslation(NS);
  const stateLine = useRef<HTMLParagraphElement>(null);
  const change = useMediaChange(target, onChange);

  async function store(file: File) {
    if (await change.upload(() => prepareVideo(file))) stateLine.current?.focus();
  }

  async function remove() {
    if (await change.remove()) stateLine.current?.focus();
  }

  return (
    <div className="media-part">
      <p ref={stateLine} tabIndex={-1} className={`media-state${video ? (video.outdated ? ' media-outdated' : ' has-media') : ''}`}>
        <span className="media-mark" aria-hidden="true">
          {video ? (video.outdated ? '!' : '✓') : '–'}
        </span>{' '}
        {video ? t(video.outdated ? 'media.video.outdated' : 'media.video.recorded') : t('media.video.none')}
      </p>
      {video ? <video controls preload="metadata" src={video.url} className="media-video" aria-label={t('media.video.player', { text })} /> : null}
      <div className="form-actions">
        <FileTrigger acceptedFileTypes={VIDEO_FILE_TYPES} onSelect={(files) => files?.[0] && void store(files[0])}>
          <Button className="button small" isDisabled={change.busy} aria-describedby={textId}>
            {t('media.video.upload')}
          </Button>
        </FileTrigger>
        {video ? (
          <ConfirmDelete
            label={t('media.video.delete')}
            question={t('media.video.deleteQuestion', { text })}
            confirmLabel={t('media.video.deleteConfirm')}
            describedBy={textId}
            isDisabled={change.busy}
            onConfirm={() => void remove()}
          />
        ) : null}
      </div>
      <MediaFeedback status={change.status} error={change.error} />
    </div>
  );
}
