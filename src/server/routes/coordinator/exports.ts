/**
 * Exports of a round: CSV (one table per file) and XLSX (every table in one
 * workbook), streamed so memory stays bounded however large the round is.
 */
import { PassThrough, Readable } from 'node:stream';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { z } from 'zod';
import { HttpError } from '../../apiErrors.ts';
import { requireCoordinator } from '../../auth/guard.ts';
import type { AppContext } from '../../context.ts';
import { CSV_BOM, csvLine } from '../../exports/csv.ts';
import { questionTable, responseTable, themeTable, type Table } from '../../exports/tables.ts';
import { writeWorkbook } from '../../exports/xlsx.ts';
import { computeResults, roundQuestionnaires } from '../../results/computeResults.ts';
import { municipalityThreshold } from './results.ts';
import { roundOf } from './rounds.ts';

const csvQuery = z.object({ table: z.enum(['themes', 'questions', 'responses']).default('themes'), questionnaireId: z.string().max(64).optional() });

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

    async function tablesFor(request: Parameters<typeof requireCoordinator>[1]) {
      const user = await requireCoordinator(db, request);
      const round = await roundOf(db, user.municipalityId, request.params);
      const threshold = await municipalityThreshold(ctx, user.municipalityId);
      const results = await computeResults({ db, cache: ctx.questionnaires, round, threshold, query: {} });
      const questionnaires = [...(await roundQuestionnaires(db, ctx.questionnaires, round.id)).values()];
      const responses: Table[] = [];
      for (const q of questionnaires) responses.push(await responseTable(db, round, q, threshold));
      return { round, results, questionnaires, responses };
    }

    app.get('/rounds/:id/export.csv', async (request, reply) => {
      const query = csvQuery.safeParse(request.query);
      if (!query.success) throw new HttpError(400, 'invalid-input');
      const { round, results, questionnaires, responses } = await tablesFor(request);
      let table: Table;
      if (query.data.table === 'themes') table = themeTable(results);
      else if (query.data.table === 'questions') table = questionTable(results);
      else {
        const wanted = query.data.questionnaireId ?? questionnaires.find((q) => q.audience === 'respondent')?.id;
        const index = questionnaires.findIndex((q) => q.id === wanted);
        if (index < 0) throw new HttpError(400, 'invalid-input');
        table = responses[index]!;
      }
      attachment(reply, 'text/csv; charset=utf-8', fileName(round.name, `${query.data.table}.csv`));
      async function* lines() {
        yield CSV_BOM + csvLine(table.header);
        for await (const row of table.rows()) yield csvLine(row);
      }
      return reply.send(Readable.from(lines()));
    });

    app.get('/rounds/:id/export.xlsx', async (request, reply) => {
      const { round, results, responses } = await tablesFor(request);
      attachment(reply, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', fileName(round.name, 'resultater.xlsx'));
      const out = new PassThrough();
      writeWorkbook([themeTable(results), questionTable(results), ...responses], out).catch((error: unknown) => {
        request.log.error({ err: error }, 'xlsx export failed');
        out.destroy(error as Error);
      });
      return reply.send(out);
    });
  };
