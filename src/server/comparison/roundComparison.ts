/**
 * The comparison a round's results page, report and workbook show: for
 * each voice and theme, the frozen distribution of its period (made on
 * first request once due: freezeComparison) as the disclosure rule lets
 * this municipality see it, beside the page's own share of the theme. Only
 * for a municipality that shares, on the whole municipality's page of a
 * closed round.
 */
import type { Kysely } from 'kysely';
import type { Comparison, Results, ResultsQuery } from '../../shared/coordinatorApi.ts';
import { comparisonDue, periodOf, positionIn, publishedDistribution } from '../../shared/disclosure/comparison.ts';
import type { Audience } from '../../shared/questionnaire.ts';
import { THEMES } from '../../shared/themes.ts';
import type { Database, Round } from '../db/schema.ts';
import type { QuestionnaireCache } from '../questionnaireVersions.ts';
import { roundQuestionnaires } from '../results/roundQuestionnaires.ts';
import { freezeComparison } from './freezeComparison.ts';

const VOICES: readonly Audience[] = ['respondent', 'relative'];

const isWholeMunicipality = (query: ResultsQuery) => query.unitId === undefined && query.answerMode === undefined && query.withoutFlagged !== true;

export async function roundComparison(
  db: Kysely<Database>,
  cache: QuestionnaireCache,
  round: Round,
  query: ResultsQuery,
  themes: Results['themes'],
  today = new Date().toISOString().slice(0, 10),
): Promise<Comparison | null> {
  if (round.status !== 'closed' || !isWholeMunicipality(query)) return null;
  const municipality = await db.selectFrom('municipalities').select('shares_comparison').where('id', '=', round.municipality_id).executeTakeFirstOrThrow();
  if (municipality.shares_comparison !== 1) return null;
  const period = periodOf(round.closes_on);
  const due = comparisonDue(period);
  if (today < due) return { period, state: 'not-yet', due, voices: [] };
  const questionnaires = await roundQuestionnaires(db, cache, round.id);
  const voices: Comparison['voices'] = [];
  for (const voice of VOICES) {
    const q = questionnaires.get(voice);
    if (!q) continue;
    await freezeComparison(db, cache, period, q, today);
    const rows = await db
      .selectFrom('comparison_members')
      .select(['theme', 'municipality_id', 'share'])
      .where('period', '=', period)
      .where('questionnaire_id', '=', q.id)
      .where('questionnaire_version', '=', q.version)
      .execute();
    voices.push({
      voice,
      themes: THEMES.map((theme) => {
        const members = new Map(rows.filter((r) => r.theme === theme).map((r) => [Number(r.municipality_id), Number(r.share)]));
        const distribution = publishedDistribution(members, round.municipality_id);
        const own = themes.find((t) => t.theme === theme)!.favourable[voice];
        const position = distribution && own.status === 'shown' && own.share !== null ? positionIn(own.share, distribution) : null;
        return { theme, own, distribution, position };
      }),
    });
  }
  return { period, state: 'ready', due, voices };
}
