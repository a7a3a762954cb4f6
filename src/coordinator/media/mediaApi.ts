/**
 * The media endpoints of the coordinator API: every text a respondent
 * hears with its recorded voice and sign-language video, and upload and
 * delete of one file.
 */
import { mediaFileSchema, mediaListSchema, type MediaFile, type MediaItem, type MediaList } from '../../shared/coordinatorApi.ts';
import { MEDIA_KINDS, SPOKEN_KINDS, type MediaKind, type SpokenKind } from '../../shared/spokenTexts.ts';
import { apiDelete, apiGet, apiPutFile, type RawBody } from '../api.ts';

export { MEDIA_KINDS, mediaListSchema, SPOKEN_KINDS };
export type { MediaFile, MediaItem, MediaKind, MediaList, SpokenKind };

export interface MediaTarget {
  readonly questionnaireId: string;
  readonly language: string;
  readonly kind: MediaKind;
  readonly key: string;
}

export const loadMedia = (questionnaireId: string, language: string): Promise<MediaList> =>
  apiGet(`/media?${new URLSearchParams({ questionnaireId, language }).toString()}`, mediaListSchema);

/** The path below the API base; keys contain ':', so each segment is encoded on its own. */
export function mediaPath({ questionnaireId, language, kind, key }: MediaTarget): string {
  return `/media/${[questionnaireId, language, kind, key].map(encodeURIComponent).join('/')}`;
}

/** PUT the file as the request body; resolves with where the server now serves it. */
export async function uploadMedia(target: MediaTarget, file: RawBody): Promise<MediaFile> {
  return apiPutFile(mediaPath(target), file, mediaFileSchema);
}

export async function deleteMedia(target: MediaTarget): Promise<void> {
  await apiDelete(mediaPath(target));
}
