/**
 * Records one voice in the browser with MediaRecorder. The steps, in order:
 * 1: explain first; the microphone is asked for only when the coordinator
 *    starts; 2: count down 3-2-1; 3: record until Stop (or the cap, so the
 *    file stays within the server's 5 MB); 4: keep the recording for
 *    listening back, until it is saved or discarded. The microphone is
 *    released as soon as recording stops, and when the page is left.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

export const COUNTDOWN_SECONDS = 3;
/** About 4.9 MB as 22 050 Hz 16-bit WAV. */
export const MAX_RECORDING_SECONDS = 110;

export type RecorderProblem = 'denied' | 'no-microphone' | 'unsupported' | 'failed';

export type RecorderState =
  | { readonly step: 'idle' }
  | { readonly step: 'explain' }
  | { readonly step: 'asking' }
  | { readonly step: 'countdown'; readonly seconds: number }
  | { readonly step: 'recording'; readonly seconds: number }
  | { readonly step: 'recorded'; readonly blob: Blob; readonly url: string; readonly capped: boolean }
  | { readonly step: 'failed'; readonly problem: RecorderProblem };

export interface Recorder {
  readonly state: RecorderState;
  readonly explain: () => void;
  readonly start: () => Promise<void>;
  readonly stop: () => void;
  readonly reset: () => void;
}

function problemOf(error: unknown): RecorderProblem {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'no-microphone';
  return 'failed';
}

export function useRecorder(): Recorder {
  const [state, setState] = useState<RecorderState>({ step: 'idle' });
  const stream = useRef<MediaStream | null>(null);
  const recorder = useRef<MediaRecorder | null>(null);
  const timer = useRef<ReturnType<typeof setInterval> | null>(null);
  const url = useRef<string | null>(null);
  const alive = useRef(true);

  const stopTimer = useCallback(() => {
    if (timer.current !== null) clearInterval(timer.current);
    timer.current = null;
  }, []);

  const release = useCallback(() => {
    stopTimer();
    const active = recorder.current;
    recorder.current = null;
    if (active && active.state !== 'inactive') {
      active.onstop = null;
      active.stop();
    }
    stream.current?.getTracks().forEach((track) => track.stop());
    stream.current = null;
  }, [stopTimer]);

  const dropRecording = useCallback(() => {
    if (url.current) URL.revokeObjectURL(url.current);
    url.current = null;
  }, []);

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
      release();
      dropRecording();
    };
  }, [release, dropRecording]);

  const finish = useCallback(
    (active: MediaRecorder, chunks: Blob[], capped: boolean) => {
      stopTimer();
      stream.current?.getTracks().forEach((track) => track.stop());
      stream.current = null;
      recorder.current = null;
      if (!alive.current) return;
      const blob = new Blob(chunks, { type: active.mimeType || chunks[0]?.type || '' });
      dropRecording();
      url.current = URL.createObjectURL(blob);
      setState({ step: 'recorded', blob, url: url.current, capped });
    },
    [dropRecording, stopTimer],
  );

  const record = useCallback(() => {
    const source = stream.current;
    if (!source) return;
    const chunks: Blob[] = [];
    let capped = false;
    const active = new MediaRecorder(source);
    active.ondataavailable = (event) => {
      if (event.data.size > 0) chunks.push(event.data);
    };
    active.onstop = () => finish(active, chunks, capped);
    active.start();
    recorder.current = active;
    let seconds = 0;
    setState({ step: 'recording', seconds });
    timer.current = setInterval(() => {
      seconds += 1;
      if (seconds >= MAX_RECORDING_SECONDS) {
        capped = true;
        stopTimer();
        active.stop();
      } else setState({ step: 'recording', seconds });
    }, 1000);
  }, [finish, stopTimer]);

  const start = useCallback(async () => {
    if (!navigator.mediaDevices?.getUserMedia || typeof MediaRecorder === 'undefined') {
      setState({ step: 'failed', problem: 'unsupported' });
      return;
    }
    setState({ step: 'asking' });
    try {
      stream.current = await navigator.mediaDevices.getUserMedia({ audio: true });
    } catch (error) {
      if (alive.current) setState({ step: 'failed', problem: problemOf(error) });
      return;
    }
    if (!alive.current) {
      release();
      return;
    }
    let seconds = COUNTDOWN_SECONDS;
    setState({ step: 'countdown', seconds });
    timer.current = setInterval(() => {
      seconds -= 1;
      if (seconds > 0) {
        setState({ step: 'countdown', seconds });
        return;
      }
      stopTimer();
      try {
        record();
      } catch (error) {
        release();
        setState({ step: 'failed', problem: problemOf(error) });
      }
    }, 1000);
  }, [record, release, stopTimer]);

  const stop = useCallback(() => {
    stopTimer();
    if (recorder.current && recorder.current.state !== 'inactive') recorder.current.stop();
  }, [stopTimer]);

  const reset = useCallback(() => {
    release();
    dropRecording();
    setState({ step: 'idle' });
  }, [release, dropRecording]);

  const explain = useCallback(() => setState({ step: 'explain' }), []);
  return { state, explain, start, stop, reset };
}
