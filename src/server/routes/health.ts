/** GET /api/v1/health: the process runs and its database answers. */
import { sql } from 'kysely';
import type { FastifyPluginAsync } from 'fastify';
import type { AppContext } from '../context.ts';

export const healthRoutes = (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    app.get('/health', async () => {
      await sql`select 1`.execute(ctx.db.kysely);
      return { status: 'ok', database: ctx.db.dialect };
    });
  };
