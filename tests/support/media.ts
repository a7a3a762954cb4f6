/** Tiny but real media files for tests: a WAV of silence, and text pretending to be sound. */
export function silentWav(samples = 800, value = 0): Buffer {
  const data = Buffer.alloc(samples * 2, value);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8, 'latin1');
  header.write('fmt ', 12, 'latin1');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(8000, 24);
  header.writeUInt32LE(16000, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'latin1');
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

/** An ISO box: size, type, body. */
function box(type: string, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  const header = Buffer.alloc(8);
  header.writeUInt32BE(8 + body.length, 0);
  header.write(type, 4, 'latin1');
  return Buffer.concat([header, body]);
}

const fullBox = (type: string, ...parts: Buffer[]) => box(type, Buffer.alloc(4), ...parts);

/**
 * A small but well-formed MP4 whose tracks have these handlers ('vide' or
 * 'soun') and sample-entry codecs ('avc1', 'mp4a', 'Opus' …), with no
 * samples: enough for a parser to tell what the file holds.
 */
export function mp4File(tracks: readonly { readonly handler: 'vide' | 'soun'; readonly codec: string }[], brand = 'isom'): Buffer {
  const traks = tracks.map((track) => {
    const mdhd = Buffer.alloc(20);
    mdhd.writeUInt32BE(1000, 8);
    const hdlr = fullBox('hdlr', Buffer.alloc(4), Buffer.from(track.handler, 'latin1'), Buffer.alloc(12), Buffer.from('\0'));
    const entry = Buffer.alloc(track.handler === 'vide' ? 78 : 28);
    entry.writeUInt16BE(1, 6);
    if (track.handler === 'soun') {
      entry.writeUInt16BE(1, 16);
      entry.writeUInt16BE(16, 18);
      entry.writeUInt32BE(44_100 * 65_536, 24);
    } else {
      entry.writeUInt16BE(320, 24);
      entry.writeUInt16BE(240, 26);
    }
    const count = Buffer.alloc(4);
    count.writeUInt32BE(1, 0);
    const stbl = box('stbl', fullBox('stsd', count, box(track.codec, entry)), fullBox('stts', Buffer.alloc(4)), fullBox('stsc', Buffer.alloc(4)), fullBox('stsz', Buffer.alloc(8)), fullBox('stco', Buffer.alloc(4)));
    return box('trak', fullBox('tkhd', Buffer.alloc(80)), box('mdia', fullBox('mdhd', mdhd), hdlr, box('minf', stbl)));
  });
  const ftyp = box('ftyp', Buffer.from(`${brand}\0\0\0\0isommp41`, 'latin1'));
  return Buffer.concat([ftyp, box('moov', fullBox('mvhd', Buffer.alloc(96)), ...traks), box('mdat', Buffer.alloc(64))]);
}

/** The start of a WebM file naming these Matroska codec IDs ('V_VP9', 'A_OPUS' …). */
export function webmHeader(codecIds: readonly string[]): Buffer {
  return Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3]), Buffer.from('\x42\x82\x84webm', 'latin1'), ...codecIds.map((id) => Buffer.from(`\x86${id}`, 'latin1')), Buffer.alloc(64)]);
}
