/**
 * Exports of a round's released results: CSV (one table per file) and XLSX
 * (every table in one workbook), streamed. No export of single responses.
 */
import { PassThrough, Readable } from 'node:stream';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { z } from 'zod';
import { HttpError } from '../../apiErrors.ts';
import { requireCoordinator } from '../../auth/guard.ts';
import type { AppContext } from '../../context.ts';
import { CSV_BOM, csvLine } from '../../exports/csv.ts';
import { exportTables } from '../../exports/tables.ts';
import { roundQuestionnaires } from '../../results/roundQuestionnaires.ts';
import { EXPORT_TABLES } from '../../../shared/coordinatorApi.ts';
import { writeWorkbook } from '../../exports/xlsx.ts';
import { computeResults } from '../../results/computeResults.ts';
import { releaseIfDue } from '../../results/releases.ts';
import { municipalityThreshold } from '../../municipalityThreshold.ts';
import { roundOf } from './rounds.ts';

const csvQuery = z.object({ table: z.enum([...EXPORT_TABLES, 'responses']).default('overview') });

function fileName(roundName: string, suffix: string): string {
  const base = roundName.normalize('NFKD').replace(/[^\w-]+/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '').toLowerCase() || 'runde';
  return `${base}-${suffix}`;
}

function attachment(reply: FastifyReply, type: string, name: string): void {
  reply.header('Content-Type', type);
  reply.header('Content-Disposition', `attachment; filename="${name}"`);
  reply.header('Cache-Control', 'no-store');
}

export const exportRoutes = (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    const db = ctx.db.kysely;

    async function resultsFor(request: Parameters<typeof requireCoordinator>[1]) {
      const user = await requireCoordinator(db, request);
      const round = await roundOf(db, user.municipalityId, request.params);
      const threshold = await municipalityThreshold(ctx, user.municipalityId);
      await releaseIfDue(db, round, threshold);
      const results = await computeResults({ db, cache: ctx.questionnaires, round, threshold, query: {} });
      return { round, tables: exportTables(results, await roundQuestionnaires(db, ctx.questionnaires, round.id)) };
    }

    app.get('/rounds/:id/export.csv', async (request, reply) => {
      const query = csvQuery.safeParse(request.query);
      if (!query.success) throw new HttpError(400, 'invalid-input');
      // Single responses are never exported: a row can single a person out.
      if (query.data.table === 'responses') throw new HttpError(400, 'no-row-level-export');
      const { round, tables } = await resultsFor(request);
      const table = tables.find((x) => x.id === query.data.table)!;
      attachment(reply, 'text/csv; charset=utf-8', fileName(round.name, `${query.data.table}.csv`));
      async function* lines() {
        yield CSV_BOM + csvLine(table.columns.map((c) => c.title));
        for await (const row of table.rows()) yield csvLine(row);
      }
      return reply.send(Readable.from(lines()));
    });

    app.get('/rounds/:id/export.xlsx', async (request, reply) => {
      const { round, tables } = await resultsFor(request);
      attachment(reply, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', fileName(round.name, 'resultater.xlsx'));
      const out = new PassThrough();
      writeWorkbook(tables, out).catch((error: unknown) => {
        request.log.error({ err: error }, 'xlsx export failed');
        out.destroy(error as Error);
      });
      return reply.send(out);
    });
  };
