/**
 * Encodes decoded sound as a 16-bit mono PCM WAV file, the one recording
 * format every tablet browser plays: channels are mixed to mono, the rate
 * is lowered to 22 050 Hz (plenty for speech) by averaging the samples
 * each output sample covers, and the 44-byte RIFF header is written here.
 * Pure: no browser APIs, so it is tested on synthetic samples.
 */

export const WAV_RATE = 22_050;
const HEADER_BYTES = 44;

/** Averages the channels into one. */
export function mixToMono(channels: readonly Float32Array[]): Float32Array {
  const first = channels[0];
  if (!first) return new Float32Array(0);
  if (channels.length === 1) return first;
  const mono = new Float32Array(first.length);
  for (const channel of channels) {
    for (let i = 0; i < mono.length; i += 1) mono[i]! += (channel[i] ?? 0) / channels.length;
  }
  return mono;
}

/** Lowers the sample rate; a rate at or below `to` is kept as it is. */
export function downsample(samples: Float32Array, from: number, to: number = WAV_RATE): { samples: Float32Array; rate: number } {
  if (from <= to) return { samples, rate: from };
  const ratio = from / to;
  const out = new Float32Array(Math.round((samples.length * to) / from));
  for (let i = 0; i < out.length; i += 1) {
    // The mean of the input samples this output sample stands for: a box filter against aliasing.
    const start = Math.min(samples.length - 1, Math.floor(i * ratio));
    const end = Math.min(samples.length, Math.max(start + 1, Math.floor((i + 1) * ratio)));
    let sum = 0;
    for (let j = start; j < end; j += 1) sum += samples[j]!;
    out[i] = sum / (end - start);
  }
  return { samples: out, rate: to };
}

/** A complete WAV file: RIFF header, then the samples as little-endian 16-bit integers. */
export function encodeWav(samples: Float32Array, rate: number): ArrayBuffer {
  const dataBytes = samples.length * 2;
  const buffer = new ArrayBuffer(HEADER_BYTES + dataBytes);
  const view = new DataView(buffer);
  const ascii = (offset: number, text: string) => {
    for (let i = 0; i < text.length; i += 1) view.setUint8(offset + i, text.charCodeAt(i));
  };
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + dataBytes, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true); // size of the fmt chunk
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, rate, true);
  view.setUint32(28, rate * 2, true); // bytes per second
  view.setUint16(32, 2, true); // bytes per sample frame
  view.setUint16(34, 16, true); // bits per sample
  ascii(36, 'data');
  view.setUint32(40, dataBytes, true);
  for (let i = 0; i < samples.length; i += 1) {
    const s = Math.max(-1, Math.min(1, samples[i]!));
    view.setInt16(HEADER_BYTES + i * 2, s < 0 ? s * 0x8000 : s * 0x7fff, true);
  }
  return buffer;
}

/** Channels at any rate to a speech-quality mono WAV. */
export function toWav(channels: readonly Float32Array[], rate: number): ArrayBuffer {
  const { samples, rate: outRate } = downsample(mixToMono(channels), rate);
  return encodeWav(samples, Math.round(outRate));
}
