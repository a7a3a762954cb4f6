/**
 * The municipality's recorded voices and sign-language videos for one
 * questionnaire and language, looked up by text key. A recording replaces
 * the device voice for exactly the text it covers.
 */
import { createContext, useContext } from 'react';
import type { RoundMedia } from '../shared/roundConfig.ts';
import type { MediaKind } from '../shared/spokenTexts.ts';

export interface Recordings {
  audio(key: string): string | undefined;
  video(key: string): string | undefined;
}

export const NO_RECORDINGS: Recordings = { audio: () => undefined, video: () => undefined };

export function recordingsFor(media: readonly RoundMedia[], questionnaireId: string, language: string): Recordings {
  const urls = new Map<string, string>();
  for (const m of media) if (m.questionnaireId === questionnaireId && m.language === language) urls.set(`${m.kind} ${m.key}`, m.url);
  const find = (kind: MediaKind) => (key: string) => urls.get(`${kind} ${key}`);
  return { audio: find('audio'), video: find('video') };
}

export const RecordingsContext = createContext<Recordings>(NO_RECORDINGS);

export function useRecordings(): Recordings {
  return useContext(RecordingsContext);
}
