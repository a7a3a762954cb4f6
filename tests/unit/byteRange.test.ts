/** Which part of a recorded voice or video a Range header gets. */
import { describe, expect, it } from 'vitest';
import { byteRange } from '../../src/server/media/byteRange.ts';

describe('byteRange', () => {
  it('answers one range with 206 and its first and last byte', () => {
    expect(byteRange('bytes=0-1', 100)).toEqual({ status: 206, start: 0, end: 1 });
    expect(byteRange('bytes=90-', 100)).toEqual({ status: 206, start: 90, end: 99 });
    expect(byteRange('bytes=-10', 100)).toEqual({ status: 206, start: 90, end: 99 });
    expect(byteRange('bytes=50-500', 100)).toEqual({ status: 206, start: 50, end: 99 });
  });

  it('sends the whole file for no header, a malformed one, another unit or several ranges', () => {
    expect(byteRange(undefined, 100)).toEqual({ status: 200 });
    expect(byteRange('bytes', 100)).toEqual({ status: 200 });
    expect(byteRange('items=0-1', 100)).toEqual({ status: 200 });
    expect(byteRange('bytes=0-1,50-60', 100)).toEqual({ status: 200 });
  });

  it('refuses a range that starts past the end with 416', () => {
    expect(byteRange('bytes=100-', 100)).toEqual({ status: 416 });
  });
});
