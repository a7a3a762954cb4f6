/** Media files are recognised by their first bytes, whatever the browser claims. */
import { describe, expect, it } from 'vitest';
import { sniffMediaType } from '../../src/server/media/mediaTypes.ts';
import { silentWav } from '../support/media.ts';

const bytes = (...head: number[]) => Buffer.concat([Buffer.from(head), Buffer.alloc(32)]);

describe('sniffMediaType', () => {
  it('recognises WAV, MP3 (ID3 or Layer III frame) and M4A', () => {
    expect(sniffMediaType(silentWav(), 'audio/wav')?.mime).toBe('audio/wav');
    expect(sniffMediaType(Buffer.concat([Buffer.from('ID3'), Buffer.alloc(32)]), 'audio/mpeg')?.mime).toBe('audio/mpeg');
    expect(sniffMediaType(bytes(0xff, 0xfb, 0x90, 0x64), 'audio/mpeg')?.mime).toBe('audio/mpeg');
    expect(sniffMediaType(Buffer.concat([Buffer.from([0, 0, 0, 0x20]), Buffer.from('ftypM4A '), Buffer.alloc(32)]), 'audio/mp4')?.mime).toBe('audio/mp4');
  });

  it('tells video MP4 and WebM from audio by what was declared', () => {
    const mp4 = Buffer.concat([Buffer.from([0, 0, 0, 0x20]), Buffer.from('ftypisom'), Buffer.alloc(32)]);
    expect(sniffMediaType(mp4, 'video/mp4')).toEqual({ mime: 'video/mp4', ext: 'mp4', kind: 'video' });
    expect(sniffMediaType(bytes(0x1a, 0x45, 0xdf, 0xa3), 'video/webm')?.mime).toBe('video/webm');
    // WebM audio (a Chrome recording) does not play on older iPads: the page converts it to WAV first.
    expect(sniffMediaType(bytes(0x1a, 0x45, 0xdf, 0xa3), 'audio/webm')).toBeNull();
  });

  it('refuses raw AAC, Ogg, text and anything too short, whatever the declared type', () => {
    expect(sniffMediaType(bytes(0xff, 0xf1, 0x50, 0x80), 'audio/mpeg')).toBeNull();
    expect(sniffMediaType(Buffer.concat([Buffer.from('OggS'), Buffer.alloc(32)]), 'audio/ogg')).toBeNull();
    expect(sniffMediaType(Buffer.from('dette er bare tekst, ikke lyd i det hele tatt'), 'audio/wav')).toBeNull();
    expect(sniffMediaType(Buffer.from('RIFF'), 'audio/wav')).toBeNull();
  });
});
