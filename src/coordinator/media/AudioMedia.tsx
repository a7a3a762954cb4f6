/**
 * The recorded voice of one text: whether there is one (or the device
 * voice will be used), a player, and record, upload and delete. Every
 * file goes through prepareAudio, so only MP3, M4A and WAV reach the server.
 */
import { useEffect, useRef, useState } from 'react';
import { Button, FileTrigger } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { ConfirmDelete } from '../ui/ConfirmDelete.tsx';
import { NS } from '../i18n.ts';
import type { MediaFile, MediaTarget } from './mediaApi.ts';
import { AUDIO_FILE_TYPES, prepareAudio } from './mediaFile.ts';
import { MediaFeedback } from './MediaFeedback.tsx';
import { Recorder } from './Recorder.tsx';
import { useMediaChange } from './useMediaChange.ts';
import { useRecorder } from './useRecorder.ts';

export interface AudioMediaProps {
  readonly target: MediaTarget;
  readonly audio: MediaFile | null;
  readonly text: string;
  readonly textId: string;
  readonly onChange: (file: MediaFile | null) => void;
}

export function AudioMedia({ target, audio, text, textId, onChange }: AudioMediaProps) {
  const { t } = useTranslation(NS);
  const recorder = useRecorder();
  const change = useMediaChange(target, onChange);
  // Where the focus goes once the recording panel has closed: back to "Ta opp", or to the new state after a change.
  const stateLine = useRef<HTMLParagraphElement>(null);
  const recordButton = useRef<HTMLButtonElement>(null);
  const [focusNext, setFocusNext] = useState<'record' | 'state' | null>(null);
  const idle = recorder.state.step === 'idle';
  useEffect(() => {
    if (!focusNext || !idle) return;
    (focusNext === 'record' ? recordButton.current : stateLine.current)?.focus();
    setFocusNext(null);
  }, [focusNext, idle]);

  async function store(file: Blob, fromRecorder: boolean) {
    if (await change.upload(() => prepareAudio(file))) {
      if (fromRecorder) recorder.reset();
      setFocusNext('state');
    }
  }

  async function remove() {
    if (await change.remove()) setFocusNext('state');
  }

  function closeRecorder() {
    recorder.reset();
    setFocusNext('record');
  }

  return (
    <div className="media-part">
      <p ref={stateLine} tabIndex={-1} className={`media-state${audio ? (audio.outdated ? ' media-outdated' : ' has-media') : ''}`}>
        <span className="media-mark" aria-hidden="true">
          {audio ? (audio.outdated ? '!' : '✓') : '–'}
        </span>{' '}
        {audio ? t(audio.outdated ? 'media.audio.outdated' : 'media.audio.recorded') : t('media.audio.none')}
      </p>
      {audio ? <audio controls preload="none" src={audio.url} aria-label={t('media.audio.player', { text })} /> : null}
      <Recorder recorder={recorder} onClose={closeRecorder} textId={textId} busy={change.busy} onSave={(blob) => void store(blob, true)} />
      {idle ? (
        <div className="form-actions">
          <Button
            ref={recordButton}
            className="button small"
            isDisabled={change.busy}
            onPress={() => {
              change.clear();
              recorder.explain();
            }}
            aria-describedby={textId}
          >
            {t('media.audio.record')}
          </Button>
          <FileTrigger acceptedFileTypes={AUDIO_FILE_TYPES} onSelect={(files) => files?.[0] && void store(files[0], false)}>
            <Button className="button small" isDisabled={change.busy} aria-describedby={textId}>
              {t('media.audio.upload')}
            </Button>
          </FileTrigger>
          {audio ? (
            <ConfirmDelete
              label={t('media.audio.delete')}
              question={t('media.audio.deleteQuestion', { text })}
              confirmLabel={t('media.audio.deleteConfirm')}
              describedBy={textId}
              isDisabled={change.busy}
              onConfirm={() => void remove()}
            />
          ) : null}
        </div>
      ) : null}
      <MediaFeedback status={change.status} error={change.error} />
    </div>
  );
}
