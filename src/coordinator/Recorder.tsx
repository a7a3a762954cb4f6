/**
 * The recording panel of one text: what will happen before the microphone
 * is asked for, the 3-2-1 countdown, Stop, and listening back before the
 * recording is saved or discarded. Focus follows each step.
 */
import { useEffect, useId, useRef } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { NS } from './i18n.ts';
import { MAX_RECORDING_SECONDS, type Recorder as RecorderHandle } from './useRecorder.ts';

export interface RecorderProps {
  readonly recorder: RecorderHandle;
  /** The id of the text being read, so every button names it. */
  readonly textId: string;
  readonly busy: boolean;
  readonly onSave: (recording: Blob) => void;
}

export function Recorder({ recorder, textId, busy, onSave }: RecorderProps) {
  const { t } = useTranslation(NS);
  const { state } = recorder;
  const id = useId();
  const player = useRef<HTMLAudioElement>(null);

  useEffect(() => {
    if (state.step === 'recorded') player.current?.focus();
  }, [state.step]);

  const cancel = (
    <Button className="button small" onPress={recorder.reset} aria-describedby={textId}>
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
            <Button className="button small primary" autoFocus onPress={() => void recorder.start()} aria-describedby={textId}>
              {t('media.recorder.start')}
            </Button>
            {cancel}
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
            <Button className="button small primary" autoFocus onPress={recorder.stop} aria-describedby={textId}>
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
            <Button className="button small" isDisabled={busy} onPress={recorder.reset} aria-describedby={textId}>
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
              <Button className="button small" autoFocus onPress={() => void recorder.start()} aria-describedby={textId}>
                {t('common.retry')}
              </Button>
            ) : null}
            <Button className="button small" onPress={recorder.reset} aria-describedby={textId}>
              {t('media.recorder.close')}
            </Button>
          </div>
        </div>
      );
  }
}
