/**
 * Which sound and video files the server keeps, recognised by their
 * content rather than by what the browser claims: the container by its
 * first bytes, then, for MP4, its tracks and codecs (read with mp4box), and
 * for WebM the codec IDs in its header. Everything kept must play on Safari
 * (iPad), Chrome (Android) and Edge (Windows):
 *
 * - a recorded voice is audio only: WAV, MP3, or MP4/M4A with AAC;
 * - a sign-language video has a video track: MP4 with H.264 or HEVC (and
 *   AAC sound, if any), or WebM with VP8 or VP9.
 *
 * The coordinator page converts other recordings (Ogg/Opus, WebM audio) to WAV.
 */
import { createFile, MP4BoxBuffer, type Movie } from 'mp4box';

export { MAX_AUDIO_BYTES, MAX_VIDEO_BYTES } from '../../shared/mediaLimits.ts';

export interface MediaType {
  readonly mime: string;
  readonly ext: string;
  readonly kind: 'audio' | 'video';
}

/** Why a file is refused; each is an API error with its own message. */
export type MediaProblem = 'media-wrong-type' | 'media-voice-has-video' | 'media-video-without-picture' | 'media-codec-unplayable';

export type MediaCheck = { readonly ok: true; readonly type: MediaType } | { readonly ok: false; readonly problem: MediaProblem };

const WAV: MediaType = { mime: 'audio/wav', ext: 'wav', kind: 'audio' };
const MP3: MediaType = { mime: 'audio/mpeg', ext: 'mp3', kind: 'audio' };
const M4A: MediaType = { mime: 'audio/mp4', ext: 'm4a', kind: 'audio' };
const MP4: MediaType = { mime: 'video/mp4', ext: 'mp4', kind: 'video' };
const WEBM: MediaType = { mime: 'video/webm', ext: 'webm', kind: 'video' };

/** Sample-entry codecs every iPad plays (mp4box names them like "avc1.64001f", "mp4a.40.2"). */
const PLAYABLE_VIDEO = ['avc1', 'avc3', 'hvc1', 'hev1'];
const PLAYABLE_AUDIO = ['mp4a'];

const ascii = (bytes: Buffer, start: number, end: number) => bytes.subarray(start, end).toString('latin1');
const plays = (codec: string, playable: readonly string[]) => playable.some((prefix) => codec.toLowerCase().startsWith(prefix));

type Container = 'wav' | 'mp3' | 'mp4' | 'webm';

function container(bytes: Buffer): Container | null {
  if (bytes.length < 12) return null;
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WAVE') return 'wav';
  // MP3: an ID3 tag, or an MPEG audio frame whose layer bits say Layer III (raw AAC/ADTS has layer 0).
  const layerIII = bytes[0] === 0xff && (bytes[1]! & 0xe0) === 0xe0 && ((bytes[1]! >> 1) & 0x03) === 0x01;
  if (ascii(bytes, 0, 3) === 'ID3' || layerIII) return 'mp3';
  if (ascii(bytes, 4, 8) === 'ftyp') return 'mp4';
  if (bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3) return 'webm';
  return null;
}

/** The MP4's tracks as mp4box reads them, or null if it is not a readable MP4. */
function mp4Tracks(bytes: Buffer): Movie['tracks'] | null {
  const file = createFile();
  let movie: Movie | null = null;
  let broken = false;
  file.onReady = (info) => (movie = info);
  file.onError = () => (broken = true);
  try {
    const buffer = MP4BoxBuffer.fromArrayBuffer(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer, 0);
    file.appendBuffer(buffer);
    file.flush();
  } catch {
    return null;
  }
  return broken ? null : ((movie as Movie | null)?.tracks ?? null);
}

function checkMp4(bytes: Buffer, kind: 'audio' | 'video'): MediaCheck {
  const tracks = mp4Tracks(bytes);
  if (!tracks || tracks.length === 0) return { ok: false, problem: 'media-wrong-type' };
  const video = tracks.filter((t) => t.type === 'video');
  const audio = tracks.filter((t) => t.type === 'audio');
  if (kind === 'audio') {
    if (video.length > 0) return { ok: false, problem: 'media-voice-has-video' };
    if (audio.length === 0) return { ok: false, problem: 'media-wrong-type' };
  } else if (video.length === 0) {
    return { ok: false, problem: 'media-video-without-picture' };
  }
  if (!video.every((t) => plays(t.codec, PLAYABLE_VIDEO)) || !audio.every((t) => plays(t.codec, PLAYABLE_AUDIO))) {
    return { ok: false, problem: 'media-codec-unplayable' };
  }
  return { ok: true, type: kind === 'audio' ? M4A : MP4 };
}

/** WebM (Matroska) names each track's codec by an ASCII CodecID ("V_VP9", "A_OPUS") in its header. */
function checkWebm(bytes: Buffer): MediaCheck {
  const header = ascii(bytes, 0, Math.min(bytes.length, 64 * 1024));
  const videoCodecs = header.match(/V_[A-Z0-9]+/g) ?? [];
  if (videoCodecs.length === 0) return { ok: false, problem: 'media-video-without-picture' };
  if (!videoCodecs.every((codec) => codec === 'V_VP8' || codec === 'V_VP9')) return { ok: false, problem: 'media-codec-unplayable' };
  return { ok: true, type: WEBM };
}

/** Whether `bytes` may be stored as a recorded voice (`audio`) or a sign-language video (`video`), and as what. */
export function checkMedia(bytes: Buffer, kind: 'audio' | 'video'): MediaCheck {
  const found = container(bytes);
  if (found === 'wav' || found === 'mp3') {
    return kind === 'audio' ? { ok: true, type: found === 'wav' ? WAV : MP3 } : { ok: false, problem: 'media-video-without-picture' };
  }
  if (found === 'mp4') return checkMp4(bytes, kind);
  // WebM sound (a Chrome recording) does not play on older iPads: the page converts it to WAV first.
  if (found === 'webm') return kind === 'video' ? checkWebm(bytes) : { ok: false, problem: 'media-wrong-type' };
  return { ok: false, problem: 'media-wrong-type' };
}

export const MEDIA_EXTENSIONS = ['wav', 'mp3', 'm4a', 'mp4', 'webm'] as const;
