/**
 * Makes a chosen file or a browser recording ready for the server, which
 * keeps only what Safari (iPad), Chrome (Android) and Edge all play: MP3,
 * M4A (AAC in MP4) and WAV are sent unchanged; anything else the browser
 * can decode (Ogg/Opus, WebM recordings, raw AAC) is decoded with the Web
 * Audio API and sent as a WAV. Videos are sent unchanged with their type.
 * A file over the size limit is refused before it is read or sent, and a
 * converted WAV (the file the server would store) before it is sent.
 */
import { maxMediaBytes } from '../../shared/mediaLimits.ts';
import { toWav } from './wav.ts';

export interface PreparedMedia {
  readonly body: ArrayBuffer;
  readonly type: string;
}

/** Thrown when the browser cannot read the file as sound. */
export class UnreadableAudio extends Error {}

/** Thrown when the file (or, for a converted sound, the WAV to be stored) is over the limit. */
export class MediaTooLarge extends Error {
  constructor(
    readonly kind: 'audio' | 'video',
    readonly bytes: number,
    /** True when the file itself was small enough but its WAV conversion is not. */
    readonly converted = false,
  ) {
    super(`${kind} of ${bytes} bytes is over ${maxMediaBytes(kind)}`);
  }
}

function checkSize(kind: 'audio' | 'video', bytes: number, converted = false): void {
  if (bytes > maxMediaBytes(kind)) throw new MediaTooLarge(kind, bytes, converted);
}

const ascii = (bytes: Uint8Array, start: number, end: number) => String.fromCharCode(...bytes.subarray(start, end));

/** The type of an audio file the server keeps as it is, or null when it must be converted. */
export function keptAudioType(bytes: Uint8Array): string | null {
  if (bytes.length < 12) return null;
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WAVE') return 'audio/wav';
  if (ascii(bytes, 4, 8) === 'ftyp') return 'audio/mp4';
  if (ascii(bytes, 0, 3) === 'ID3') return 'audio/mpeg';
  // An MPEG frame sync; layer bits 00 mean raw AAC (ADTS), which Safari does not play from a file: convert it.
  if (bytes[0] === 0xff && (bytes[1]! & 0xe0) === 0xe0 && (bytes[1]! & 0x06) !== 0) return 'audio/mpeg';
  return null;
}

type AudioContextClass = typeof AudioContext;

function audioContextClass(): AudioContextClass | undefined {
  const scope = globalThis as { AudioContext?: AudioContextClass; webkitAudioContext?: AudioContextClass };
  return scope.AudioContext ?? scope.webkitAudioContext;
}

/** Decodes any sound the browser understands and encodes it as a mono WAV. */
export async function convertToWav(data: ArrayBuffer): Promise<ArrayBuffer> {
  const Context = audioContextClass();
  if (!Context) throw new UnreadableAudio('no Web Audio');
  const context = new Context();
  try {
    const decoded = await context.decodeAudioData(data.slice(0));
    const channels = Array.from({ length: decoded.numberOfChannels }, (_, i) => decoded.getChannelData(i));
    return toWav(channels, decoded.sampleRate);
  } catch (error) {
    throw error instanceof UnreadableAudio ? error : new UnreadableAudio(String(error));
  } finally {
    void context.close?.().catch(() => undefined);
  }
}

/** 1: read the first bytes; 2: a kept format goes as it is; 3: anything else is decoded and sent as WAV. */
export async function prepareAudio(file: Blob): Promise<PreparedMedia> {
  checkSize('audio', file.size);
  const data = await file.arrayBuffer();
  const kept = keptAudioType(new Uint8Array(data, 0, Math.min(16, data.byteLength)));
  if (kept) return { body: data, type: kept };
  const wav = await convertToWav(data);
  checkSize('audio', wav.byteLength, true);
  return { body: wav, type: 'audio/wav' };
}

/** Videos are kept as they are; the type comes from the bytes when they say it, so the server can check them. */
export async function prepareVideo(file: Blob): Promise<PreparedMedia> {
  checkSize('video', file.size);
  const data = await file.arrayBuffer();
  const bytes = new Uint8Array(data, 0, Math.min(16, data.byteLength));
  const type =
    bytes.length >= 8 && ascii(bytes, 4, 8) === 'ftyp'
      ? 'video/mp4'
      : bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3
        ? 'video/webm'
        : file.type || 'application/octet-stream';
  return { body: data, type };
}

export const AUDIO_FILE_TYPES = [
  'audio/mpeg', 'audio/mp4', 'audio/x-m4a', 'audio/aac', 'audio/ogg', 'audio/opus', 'audio/wav', 'audio/x-wav', 'audio/webm',
  '.mp3', '.m4a', '.aac', '.ogg', '.oga', '.opus', '.wav', '.webm',
] as const;
export const VIDEO_FILE_TYPES = ['video/mp4', 'video/webm', '.mp4', '.webm'] as const;
