/**
 * Survey rounds for the coordinator's municipality: list, create, change
 * and open or close, the questionnaires to choose from, and live progress
 * (per unit and questionnaire: none, fewer than the threshold, or enough).
 */
import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { dbIdSchema, newRoundSchema, roundUpdateSchema, type Progress, type RoundSummary } from '../../../shared/coordinatorApi.ts';
import { progressStatus, progressTotal } from '../../../shared/disclosure/progress.ts';
import type { Audience } from '../../../shared/questionnaire.ts';
import { HttpError } from '../../apiErrors.ts';
import { requireCoordinator } from '../../auth/guard.ts';
import type { AppContext } from '../../context.ts';
import type { Database, Round } from '../../db/schema.ts';
import { createRound } from '../../roundAdmin.ts';
import { releaseIfDue } from '../../results/releases.ts';
import { loadDisclosure } from '../../results/roundDisclosure.ts';
import { roundQuestionnaires } from '../../results/roundQuestionnaires.ts';
import { NO_UNIT_KEY } from '../../summaries/contribution.ts';
import { municipalityThreshold } from '../../municipalityThreshold.ts';

const idParam = z.object({ id: dbIdSchema });

export async function roundOf(db: Kysely<Database>, municipalityId: number, params: unknown): Promise<Round> {
  const parsed = idParam.safeParse(params);
  if (!parsed.success) throw new HttpError(404, 'not-found-round');
  const round = await db.selectFrom('rounds').selectAll().where('id', '=', parsed.data.id).where('municipality_id', '=', municipalityId).executeTakeFirst();
  if (!round) throw new HttpError(404, 'not-found-round');
  return round;
}

/** Live counts per round, audience and unit (null: no unit named) of every response received, released or waiting, read from the summary tables. */
async function liveCounts(db: Kysely<Database>, roundIds: readonly number[]) {
  const rows = await db
    .selectFrom('summary_cells')
    .select(['round_id', 'audience', 'unit_key', (eb) => eb.fn.sum<number>('responses').as('n')])
    .where('round_id', 'in', roundIds)
    .groupBy(['round_id', 'audience', 'unit_key'])
    .execute();
  return rows.map((r) => ({ roundId: r.round_id, audience: r.audience as Audience, unitId: r.unit_key === NO_UNIT_KEY ? null : r.unit_key, n: Number(r.n) }));
}

type LiveCount = Awaited<ReturnType<typeof liveCounts>>[number];

function totalsOf(counts: readonly LiveCount[], k: number): Record<Audience, number | null> {
  const total = (audience: Audience) => progressTotal(counts.filter((c) => c.audience === audience).map((c) => c.n), k);
  return { respondent: total('respondent'), relative: total('relative') };
}

async function summaries(db: Kysely<Database>, rounds: readonly Round[], k: number): Promise<RoundSummary[]> {
  if (rounds.length === 0) return [];
  const ids = rounds.map((r) => r.id);
  const [units, questionnaires, counts] = await Promise.all([
    db.selectFrom('round_units').select(['round_id', 'unit_id']).where('round_id', 'in', ids).execute(),
    db.selectFrom('round_questionnaires').select(['round_id', 'questionnaire_id']).where('round_id', 'in', ids).execute(),
    liveCounts(db, ids),
  ]);
  const responseCount = (roundId: number) => {
    const totals = totalsOf(counts.filter((c) => c.roundId === roundId), k);
    return totals.respondent === null || totals.relative === null ? null : totals.respondent + totals.relative;
  };
  return rounds.map((r) => ({
    id: r.id,
    name: r.name,
    opensOn: r.opens_on,
    closesOn: r.closes_on,
    status: r.status,
    tabletCode: r.tablet_code,
    relativeCode: r.relative_code,
    unitIds: units.filter((u) => u.round_id === r.id).map((u) => u.unit_id),
    questionnaireIds: questionnaires.filter((q) => q.round_id === r.id).map((q) => q.questionnaire_id),
    responseCount: responseCount(r.id),
  }));
}

export const roundAdminRoutes = (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    const db = ctx.db.kysely;

    app.get('/questionnaires', async (request) => {
      await requireCoordinator(db, request);
      const rows = await db.selectFrom('questionnaire_versions').select(['questionnaire_id', 'version']).execute();
      const latest = new Map<string, number>();
      for (const row of rows) latest.set(row.questionnaire_id, Math.max(row.version, latest.get(row.questionnaire_id) ?? 0));
      const list = [];
      for (const [id, version] of [...latest].sort()) {
        const q = await ctx.questionnaires.get(id, version);
        if (q) list.push({ id, version, audience: q.audience, title: q.title });
      }
      return list;
    });

    app.get('/rounds', async (request) => {
      const user = await requireCoordinator(db, request);
      const rounds = await db.selectFrom('rounds').selectAll().where('municipality_id', '=', user.municipalityId).orderBy('opens_on', 'desc').orderBy('id', 'desc').execute();
      return summaries(db, rounds, await municipalityThreshold(ctx, user.municipalityId));
    });

    app.post('/rounds', async (request, reply) => {
      const user = await requireCoordinator(db, request);
      const parsed = newRoundSchema.safeParse(request.body);
      if (!parsed.success) {
        throw new HttpError(400, 'invalid-input', { details: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) });
      }
      const units = await db.selectFrom('units').select('id').where('municipality_id', '=', user.municipalityId).where('id', 'in', parsed.data.unitIds).execute();
      if (units.length !== new Set(parsed.data.unitIds).size) throw new HttpError(400, 'unknown-unit-in-round');
      const audiences = new Set<Audience>();
      for (const id of parsed.data.questionnaireIds) {
        const q = await ctx.questionnaires.latest(id);
        if (!q || audiences.has(q.audience)) throw new HttpError(400, 'unknown-questionnaire-in-round');
        audiences.add(q.audience);
      }
      const round = await createRound(db, {
        municipalityId: user.municipalityId,
        name: parsed.data.name,
        opensOn: parsed.data.opensOn,
        closesOn: parsed.data.closesOn,
        status: 'draft',
        unitIds: [...new Set(parsed.data.unitIds)],
        questionnaireIds: parsed.data.questionnaireIds,
      });
      return reply.status(201).send((await summaries(db, [round], await municipalityThreshold(ctx, user.municipalityId)))[0]);
    });

    app.get('/rounds/:id', async (request) => {
      const user = await requireCoordinator(db, request);
      return (await summaries(db, [await roundOf(db, user.municipalityId, request.params)], await municipalityThreshold(ctx, user.municipalityId)))[0];
    });

    app.patch('/rounds/:id', async (request) => {
      const user = await requireCoordinator(db, request);
      const round = await roundOf(db, user.municipalityId, request.params);
      const parsed = roundUpdateSchema.safeParse(request.body);
      if (!parsed.success) throw new HttpError(400, 'invalid-input');
      const next = {
        name: parsed.data.name ?? round.name,
        opens_on: parsed.data.opensOn ?? round.opens_on,
        closes_on: parsed.data.closesOn ?? round.closes_on,
        status: parsed.data.status ?? round.status,
      };
      if (next.closes_on < next.opens_on) throw new HttpError(400, 'invalid-input');
      const updated = await db.updateTable('rounds').set(next).where('id', '=', round.id).returningAll().executeTakeFirstOrThrow();
      const k = await municipalityThreshold(ctx, user.municipalityId);
      // Closing makes the first release of results (or lets waiting late answers in), and starts its
      // disclosure audit in the background (turn by turn), so the first results page finds it done.
      await releaseIfDue(db, updated, k);
      if (updated.status === 'closed') void loadDisclosure(db, ctx.questionnaires, updated, k).catch((error: unknown) => request.log.error({ err: error }, 'disclosure audit failed'));
      return (await summaries(db, [updated], k))[0];
    });

    app.get('/rounds/:id/progress', async (request): Promise<Progress> => {
      const user = await requireCoordinator(db, request);
      const round = await roundOf(db, user.municipalityId, request.params);
      const k = await municipalityThreshold(ctx, user.municipalityId);
      const counts = await liveCounts(db, [round.id]);
      const questionnaireOf = new Map<string, string>();
      for (const q of (await roundQuestionnaires(db, ctx.questionnaires, round.id)).values()) questionnaireOf.set(q.audience, q.id);
      const names = new Map((await db.selectFrom('units').select(['id', 'name']).where('municipality_id', '=', round.municipality_id).execute()).map((u) => [u.id, u.name]));
      const rows = counts
        .map((c) => ({ unitId: c.unitId, unitName: c.unitId === null ? null : (names.get(c.unitId) ?? null), questionnaireId: questionnaireOf.get(c.audience) ?? '', audience: c.audience, status: progressStatus(c.n, k) }))
        .sort((a, b) => (a.unitName ?? '\uffff').localeCompare(b.unitName ?? '\uffff') || a.questionnaireId.localeCompare(b.questionnaireId));
      return { threshold: k, totals: totalsOf(counts, k), rows };
    });
  };
