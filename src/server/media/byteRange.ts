/**
 * Byte ranges for recorded voices and videos: Safari asks for media with
 * `Range: bytes=0-1` and will not play a file answered with a plain 200.
 * Parsing is range-parser's (the parser Express and `send` use); this
 * module only decides the answer and writes its headers.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import parseRange from 'range-parser';

export type RangeAnswer =
  | { readonly status: 200 }
  | { readonly status: 206; readonly start: number; readonly end: number }
  | { readonly status: 416 };

/**
 * What to answer a Range header with, for a body of `size` bytes. A missing
 * or malformed header, or several ranges, get the whole body (RFC 9110 lets
 * a server ignore a Range it does not serve); a range past the end is 416.
 */
export function byteRange(header: string | undefined, size: number): RangeAnswer {
  if (!header) return { status: 200 };
  const ranges = parseRange(size, header, { combine: true });
  if (ranges === -1) return { status: 416 };
  if (ranges === -2 || ranges.type !== 'bytes' || ranges.length !== 1) return { status: 200 };
  const [range] = ranges;
  return { status: 206, start: range!.start, end: range!.end };
}

/** Sends `bytes` whole or the one range the request asks for, always saying that ranges are served. */
export function sendWithRanges(request: FastifyRequest, reply: FastifyReply, bytes: Buffer): FastifyReply {
  reply.header('Accept-Ranges', 'bytes');
  const answer = byteRange(request.headers.range, bytes.length);
  if (answer.status === 416) return reply.status(416).header('Content-Range', `bytes */${bytes.length}`).send();
  if (answer.status === 200) return reply.send(bytes);
  reply.status(206).header('Content-Range', `bytes ${answer.start}-${answer.end}/${bytes.length}`);
  return reply.send(bytes.subarray(answer.start, answer.end + 1));
}
