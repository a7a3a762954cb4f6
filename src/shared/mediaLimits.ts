/**
 * How large a stored recorded voice or sign-language video may be: the
 * coordinator page checks a chosen file against these before uploading it,
 * and the server checks the file it stores.
 */
export const MAX_AUDIO_BYTES = 5 * 1024 * 1024;
export const MAX_VIDEO_BYTES = 60 * 1024 * 1024;

export function maxMediaBytes(kind: 'audio' | 'video'): number {
  return kind === 'audio' ? MAX_AUDIO_BYTES : MAX_VIDEO_BYTES;
}
