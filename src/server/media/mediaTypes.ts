/**
 * Which sound and video files the server keeps, recognised by their first
 * bytes rather than by what the browser claims. Audio must play on Safari
 * (iPad), Chrome (Android) and Edge (Windows): MP3, MP4/M4A (AAC) and WAV
 * do; the coordinator page converts other recordings to WAV before upload.
 */
export const MAX_AUDIO_BYTES = 5 * 1024 * 1024;
export const MAX_VIDEO_BYTES = 60 * 1024 * 1024;

export interface MediaType {
  readonly mime: string;
  readonly ext: string;
  readonly kind: 'audio' | 'video';
}

const ascii = (bytes: Buffer, start: number, end: number) => bytes.subarray(start, end).toString('latin1');

/** The file's real type, or null if it is none we keep. `declared` decides between audio and video MP4. */
export function sniffMediaType(bytes: Buffer, declared: string): MediaType | null {
  if (bytes.length < 12) return null;
  const wantsVideo = declared.startsWith('video/');
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WAVE') return { mime: 'audio/wav', ext: 'wav', kind: 'audio' };
  // MP3: an ID3 tag, or an MPEG audio frame whose layer bits say Layer III (raw AAC/ADTS has layer 0).
  const layerIII = bytes[0] === 0xff && (bytes[1]! & 0xe0) === 0xe0 && ((bytes[1]! >> 1) & 0x03) === 0x01;
  if (ascii(bytes, 0, 3) === 'ID3' || layerIII) return { mime: 'audio/mpeg', ext: 'mp3', kind: 'audio' };
  if (ascii(bytes, 4, 8) === 'ftyp') {
    return wantsVideo ? { mime: 'video/mp4', ext: 'mp4', kind: 'video' } : { mime: 'audio/mp4', ext: 'm4a', kind: 'audio' };
  }
  if (bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3 && wantsVideo) return { mime: 'video/webm', ext: 'webm', kind: 'video' };
  return null;
}

export const MEDIA_EXTENSIONS = ['wav', 'mp3', 'm4a', 'mp4', 'webm'] as const;
