/**
 * The WAV encoder the media page uses for recordings and Ogg/Opus files:
 * a valid 44-byte RIFF header, 16-bit mono samples, the rate lowered to
 * 22 050 Hz, and channels mixed to one.
 */
import { describe, expect, it } from 'vitest';
import { downsample, encodeWav, mixToMono, toWav, WAV_RATE } from '../../../src/coordinator/media/wav.ts';

const text = (view: DataView, offset: number, length: number) =>
  String.fromCharCode(...Array.from({ length }, (_, i) => view.getUint8(offset + i)));

function header(buffer: ArrayBuffer) {
  const view = new DataView(buffer);
  return {
    riff: text(view, 0, 4),
    riffSize: view.getUint32(4, true),
    wave: text(view, 8, 4),
    fmt: text(view, 12, 4),
    fmtSize: view.getUint32(16, true),
    format: view.getUint16(20, true),
    channels: view.getUint16(22, true),
    rate: view.getUint32(24, true),
    byteRate: view.getUint32(28, true),
    blockAlign: view.getUint16(32, true),
    bits: view.getUint16(34, true),
    data: text(view, 36, 4),
    dataSize: view.getUint32(40, true),
  };
}

describe('WAV encoding', () => {
  it('writes a valid PCM header and two bytes per sample', () => {
    const samples = new Float32Array([0, 0.5, -0.5, 1, -1, 2, -2]);
    const wav = encodeWav(samples, 22_050);
    expect(wav.byteLength).toBe(44 + samples.length * 2);
    expect(header(wav)).toEqual({
      riff: 'RIFF', riffSize: 36 + samples.length * 2, wave: 'WAVE', fmt: 'fmt ', fmtSize: 16, format: 1, channels: 1,
      rate: 22_050, byteRate: 44_100, blockAlign: 2, bits: 16, data: 'data', dataSize: samples.length * 2,
    });
    const pcm = new DataView(wav, 44);
    expect(Array.from({ length: samples.length }, (_, i) => pcm.getInt16(i * 2, true))).toEqual([0, 16383, -16384, 32767, -32768, 32767, -32768]);
  });

  it('turns one second of 48 kHz stereo into one second of 22 050 Hz mono', () => {
    const rate = 48_000;
    const left = Float32Array.from({ length: rate }, (_, i) => Math.sin((2 * Math.PI * 440 * i) / rate) * 0.5);
    const right = Float32Array.from(left, (s) => -s * 0.2);
    const wav = toWav([left, right], rate);
    expect(header(wav)).toMatchObject({ channels: 1, rate: WAV_RATE, dataSize: WAV_RATE * 2 });
    expect(wav.byteLength).toBe(44 + WAV_RATE * 2);
    // The 440 Hz tone survives the lower rate: peaks near 0.5 × (1 − 0.2) / 2 = 0.2 of full scale.
    const pcm = new Int16Array(wav.slice(44));
    const peak = pcm.reduce((max, s) => Math.max(max, Math.abs(s)), 0) / 32767;
    expect(peak).toBeGreaterThan(0.18);
    expect(peak).toBeLessThan(0.21);
  });

  it('averages channels, keeps a low rate as it is, and averages the samples it drops', () => {
    expect(Array.from(mixToMono([new Float32Array([1, 0.5]), new Float32Array([0, -0.5])]))).toEqual([0.5, 0]);
    const low = new Float32Array([0.1, 0.2]);
    expect(downsample(low, 16_000)).toEqual({ samples: low, rate: 16_000 });
    expect(Array.from(downsample(new Float32Array([1, 0, 0.5, 0.5]), 44_100, 22_050).samples)).toEqual([0.5, 0.5]);
    expect(toWav([new Float32Array(0)], 44_100).byteLength).toBe(44);
  });
});
