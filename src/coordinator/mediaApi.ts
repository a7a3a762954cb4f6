/**
 * The media endpoints of the coordinator API: every text a respondent
 * hears with its recorded voice and sign-language video, and upload and
 * delete of one file. The response schema lives here until it moves to
 * the shared contract (src/shared/coordinatorApi.ts).
 */
import { z } from 'zod';
import { apiDelete, apiGet, apiPutFile, type RawBody } from './api.ts';

export const SPOKEN_KINDS = ['page', 'question', 'option', 'help'] as const;
export type SpokenKind = (typeof SPOKEN_KINDS)[number];
export type MediaKind = 'audio' | 'video';

export const mediaFileSchema = z.object({ url: z.string(), hash: z.string() });
export type MediaFile = z.infer<typeof mediaFileSchema>;

export const mediaItemSchema = z.object({
  key: z.string(),
  kind: z.enum(SPOKEN_KINDS),
  text: z.string(),
  audio: mediaFileSchema.nullable(),
  video: mediaFileSchema.nullable(),
});
export type MediaItem = z.infer<typeof mediaItemSchema>;

export const mediaListSchema = z.object({
  items: z.array(mediaItemSchema),
  coverage: z.object({ recorded: z.number().int().nonnegative(), total: z.number().int().nonnegative() }),
});
export type MediaList = z.infer<typeof mediaListSchema>;

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
