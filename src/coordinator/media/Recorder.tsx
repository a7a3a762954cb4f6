/**
 * The recording panel of one text: what will happen before the microphone
 * is asked for, the 3-2-1 countdown, Stop, and listening back before the
 * recording is saved or discarded. Focus follows each step.
 */
import { useEffect, useId, useRef } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { NS } from '../i18n.ts';
import { MAX_RECORDING_SECONDS, type Recorder as RecorderHandle } from './useRecorder.ts';

export interface RecorderProps {
  readonly recorder: RecorderHandle;
  /** Closes the panel (cancel, discard, close); the caller puts the focus back. */
  readonly onClose: () => void;
  /** The id of the text being read, so every button names it. */
  readonly textId: string;
  readonly busy: boolean;
  readonly onSave: (recording: Blob) => void;
}

export function Recorder({ recorder, onClose, textId, busy, onSave }: RecorderProps) {
  const { t } = useTranslation(NS);
  const { state } = recorder;
  const id = useId();
  // Each step's main control takes the focus, so the keyboard and screen reader follow the recording.
  const primary = useRef<HTMLElement>(null);
  const player = useRef<HTMLAudioElement>(null);
  useEffect(() => {
    (state.step === 'recorded' ? player.current : primary.current)?.focus();
  }, [state.step]);
  const setPrimary = (element: HTMLElement | null) => {
    primary.current = element;
  };

  const cancel = (
    <Button ref={setPrimary} className="button small" onPress={onClose} aria-describedby={textId}>
      {t('common.cancel')}
    </Button>
  );

  switch (state.step) {
    case 'idle':
      return null;
    case 'explain':
      return (
        <div role="group" aria-labelledby={`${id}-explain`} className="recorder">
          <p id={`${id}-explain`}>{t('media.recorder.explain', { max: MAX_RECORDING_SECONDS })}</p>
          <div className="form-actions">
            <Button ref={setPrimary} className="button small primary" onPress={() => void recorder.start()} aria-describedby={textId}>
              {t('media.recorder.start')}
            </Button>
            <Button className="button small" onPress={onClose} aria-describedby={textId}>
              {t('common.cancel')}
            </Button>
          </div>
        </div>
      );
    case 'asking':
      return (
        <div className="recorder">
          <p role="status">{t('media.recorder.asking')}</p>
          <div className="form-actions">{cancel}</div>
        </div>
      );
    case 'countdown':
      return (
        <div className="recorder">
          <p className="countdown-number" aria-hidden="true">
            {state.seconds}
          </p>
          <p role="status">{t('media.recorder.countdown', { seconds: state.seconds })}</p>
          <div className="form-actions">{cancel}</div>
        </div>
      );
    case 'recording':
      return (
        <div className="recorder recording">
          <p role="status">
            <span className="recording-dot" aria-hidden="true" /> {t('media.recorder.recording')}
          </p>
          <p className="elapsed">{t('media.recorder.elapsed', { count: state.seconds, max: MAX_RECORDING_SECONDS })}</p>
          <div className="form-actions">
            <Button ref={setPrimary} className="button small primary" onPress={recorder.stop} aria-describedby={textId}>
              {t('media.recorder.stop')}
            </Button>
          </div>
        </div>
      );
    case 'recorded':
      return (
        <div role="group" aria-labelledby={`${id}-listen`} className="recorder">
          <p id={`${id}-listen`}>
            {state.capped ? `${t('media.recorder.capped', { max: MAX_RECORDING_SECONDS })} ` : ''}
            {t('media.recorder.listen')}
          </p>
          <audio ref={player} controls src={state.url} aria-label={t('media.recorder.player')} />
          <div className="form-actions">
            <Button className="button small primary" isDisabled={busy} onPress={() => onSave(state.blob)} aria-describedby={textId}>
              {t('media.recorder.save')}
            </Button>
            <Button className="button small" isDisabled={busy} onPress={onClose} aria-describedby={textId}>
              {t('media.recorder.discard')}
            </Button>
          </div>
        </div>
      );
    case 'failed':
      return (
        <div className="recorder">
          <p role="alert" className="notice error">
            {t(`media.recorder.problems.${state.problem}`)}
          </p>
          <div className="form-actions">
            {state.problem !== 'unsupported' ? (
              <Button className="button small" onPress={() => void recorder.start()} aria-describedby={textId}>
                {t('common.retry')}
              </Button>
            ) : null}
            <Button ref={setPrimary} className="button small" onPress={onClose} aria-describedby={textId}>
              {t('media.recorder.close')}
            </Button>
          </div>
        </div>
      );
  }
}
