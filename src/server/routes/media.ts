/**
 * GET /media/<hash>.<ext>: a recorded voice or video, immutable because the
 * name is its content hash, whole or by byte range (Safari asks for ranges).
 */
import type { FastifyPluginAsync } from 'fastify';
import { HttpError } from '../apiErrors.ts';
import type { AppContext } from '../context.ts';
import { sendWithRanges } from '../media/byteRange.ts';

export const mediaRoutes = (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    // Already compressed media; a compressed range would not match Content-Range.
    app.get<{ Params: { file: string } }>('/media/:file', { compress: false }, async (request, reply) => {
      const match = /^([0-9a-f]{64})\.[a-z0-9]{2,4}$/.exec(request.params.file);
      if (!match) throw new HttpError(404, 'not-found');
      const row = await ctx.db.kysely.selectFrom('media_files').select(['mime', 'bytes']).where('hash', '=', match[1]!).executeTakeFirst();
      if (!row) throw new HttpError(404, 'not-found');
      reply.header('Content-Type', row.mime);
      reply.header('Cache-Control', 'public, max-age=31536000, immutable');
      return sendWithRanges(request, reply, Buffer.from(row.bytes));
    });
  };
