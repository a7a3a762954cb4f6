/** Media files are recognised by their content (container, tracks, codecs), whatever the browser claims. */
import { describe, expect, it } from 'vitest';
import { checkMedia } from '../../src/server/media/mediaTypes.ts';
import { mp4File, silentWav, webmHeader } from '../support/media.ts';

const bytes = (...head: number[]) => Buffer.concat([Buffer.from(head), Buffer.alloc(32)]);
const typeOf = (check: ReturnType<typeof checkMedia>) => (check.ok ? check.type.mime : check.problem);

describe('checkMedia', () => {
  it('keeps WAV, MP3 (ID3 or Layer III frame) and AAC in MP4 as recorded voices', () => {
    expect(typeOf(checkMedia(silentWav(), 'audio'))).toBe('audio/wav');
    expect(typeOf(checkMedia(Buffer.concat([Buffer.from('ID3'), Buffer.alloc(32)]), 'audio'))).toBe('audio/mpeg');
    expect(typeOf(checkMedia(bytes(0xff, 0xfb, 0x90, 0x64), 'audio'))).toBe('audio/mpeg');
    expect(typeOf(checkMedia(mp4File([{ handler: 'soun', codec: 'mp4a' }], 'M4A '), 'audio'))).toBe('audio/mp4');
  });

  it('keeps H.264 or HEVC in MP4 and VP8 or VP9 in WebM as sign-language videos', () => {
    expect(checkMedia(mp4File([{ handler: 'vide', codec: 'avc1' }, { handler: 'soun', codec: 'mp4a' }]), 'video')).toEqual({ ok: true, type: { mime: 'video/mp4', ext: 'mp4', kind: 'video' } });
    expect(typeOf(checkMedia(mp4File([{ handler: 'vide', codec: 'hvc1' }]), 'video'))).toBe('video/mp4');
    expect(typeOf(checkMedia(webmHeader(['V_VP8', 'A_VORBIS']), 'video'))).toBe('video/webm');
  });

  it('tells a voice with a picture and a video without one by their tracks', () => {
    expect(typeOf(checkMedia(mp4File([{ handler: 'vide', codec: 'avc1' }, { handler: 'soun', codec: 'mp4a' }]), 'audio'))).toBe('media-voice-has-video');
    expect(typeOf(checkMedia(mp4File([{ handler: 'soun', codec: 'mp4a' }], 'M4A '), 'video'))).toBe('media-video-without-picture');
    expect(typeOf(checkMedia(silentWav(), 'video'))).toBe('media-video-without-picture');
    expect(typeOf(checkMedia(webmHeader(['A_OPUS']), 'video'))).toBe('media-video-without-picture');
  });

  it('refuses codecs an iPad cannot play', () => {
    expect(typeOf(checkMedia(mp4File([{ handler: 'soun', codec: 'Opus' }]), 'audio'))).toBe('media-codec-unplayable');
    expect(typeOf(checkMedia(mp4File([{ handler: 'vide', codec: 'mp4v' }]), 'video'))).toBe('media-codec-unplayable');
    expect(typeOf(checkMedia(mp4File([{ handler: 'vide', codec: 'avc1' }, { handler: 'soun', codec: 'Opus' }]), 'video'))).toBe('media-codec-unplayable');
    expect(typeOf(checkMedia(webmHeader(['V_AV1']), 'video'))).toBe('media-codec-unplayable');
  });

  it('refuses raw AAC, Ogg, WebM sound, text, a broken MP4 and anything too short', () => {
    expect(typeOf(checkMedia(bytes(0xff, 0xf1, 0x50, 0x80), 'audio'))).toBe('media-wrong-type');
    expect(typeOf(checkMedia(Buffer.concat([Buffer.from('OggS'), Buffer.alloc(32)]), 'audio'))).toBe('media-wrong-type');
    // WebM sound (a Chrome recording) does not play on older iPads: the page converts it to WAV first.
    expect(typeOf(checkMedia(webmHeader(['A_OPUS']), 'audio'))).toBe('media-wrong-type');
    expect(typeOf(checkMedia(Buffer.from('dette er bare tekst, ikke lyd i det hele tatt'), 'audio'))).toBe('media-wrong-type');
    expect(typeOf(checkMedia(Buffer.concat([Buffer.from([0, 0, 0, 0x20]), Buffer.from('ftypisom'), Buffer.alloc(32)]), 'video'))).toBe('media-wrong-type');
    expect(typeOf(checkMedia(Buffer.from('RIFF'), 'audio'))).toBe('media-wrong-type');
  });
});
