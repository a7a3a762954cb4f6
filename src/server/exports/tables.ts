/**
 * The rows of every export, built once and written as CSV or XLSX: theme
 * scores, answer distributions and anonymous responses. Figures come from
 * the same suppressed results as the pages; rows of single responses are
 * given only when the questionnaire's group reaches the threshold, and
 * the unit only where the unit's group does.
 */
import type { Kysely } from 'kysely';
import { suppressSmallGroups } from '../../shared/anonymity.ts';
import type { Results, Score } from '../../shared/coordinatorApi.ts';
import type { Questionnaire } from '../../shared/questionnaire.ts';
import type { Database, Round } from '../db/schema.ts';
import { countsBy } from '../results/aggregates.ts';
import type { Cell } from './csv.ts';

export const TOO_FEW = 'for få svar';

const THEME_NAMES: Record<string, string> = {
  selvbestemmelse: 'Selvbestemmelse',
  trivsel: 'Trivsel',
  brukermedvirkning: 'Brukermedvirkning',
  'respektfull-behandling': 'Respektfull behandling',
  informasjon: 'Informasjon',
  'nok-og-riktig-hjelp': 'Nok og riktig hjelp',
  trygghet: 'Trygghet',
};

const ANSWERED_BY_NAMES: Record<string, string> = {
  alone: 'Alene',
  'with-staff': 'Med hjelp fra personalet',
  'with-relative': 'Med hjelp fra pårørende',
  'someone-else': 'Noen andre svarte',
};

const shown = (score: Score, value: number | null): Cell => (score.suppressed ? TOO_FEW : value);

export interface Table {
  readonly name: string;
  readonly header: readonly string[];
  rows(): AsyncIterable<readonly Cell[]>;
}

export function themeTable(results: Results): Table {
  return {
    name: 'Temaer',
    header: ['Tema', 'Beboere: skår (0–100)', 'Beboere: antall', 'Pårørende: skår (0–100)', 'Pårørende: antall', 'Forskjell'],
    async *rows() {
      for (const row of results.themes) {
        yield [
          THEME_NAMES[row.theme] ?? row.theme,
          shown(row.respondent, row.respondent.score),
          shown(row.respondent, row.respondent.n),
          shown(row.relative, row.relative.score),
          shown(row.relative, row.relative.n),
          row.difference,
        ];
      }
    },
  };
}

export function questionTable(results: Results): Table {
  return {
    name: 'Spørsmål',
    header: ['Skjema', 'Spørsmål-id', 'Spørsmål', 'Tema', 'Antall som fikk spørsmålet', 'Hoppet over', 'Svar', 'Antall', 'Prosent av dem som svarte'],
    async *rows() {
      for (const q of results.questions) {
        for (const option of q.options) {
          yield [
            q.questionnaireId,
            q.questionId,
            q.text.nb ?? '',
            q.theme ? (THEME_NAMES[q.theme] ?? q.theme) : '',
            q.suppressed ? TOO_FEW : q.n,
            q.suppressed ? TOO_FEW : q.skipped,
            option.label.nb ?? option.value,
            q.suppressed ? TOO_FEW : option.count,
            q.suppressed ? TOO_FEW : option.percent,
          ];
        }
      }
    },
  };
}

const PAGE = 500;

/** One row per response, read in pages by id so memory stays flat however many there are. */
export async function responseTable(db: Kysely<Database>, round: Round, q: Questionnaire, threshold: number): Promise<Table> {
  const unitCounts = await countsBy(db, { roundId: round.id, audience: q.audience }, 'unit_id');
  const total = unitCounts.reduce((sum, c) => sum + c.n, 0);
  const { hidden } = suppressSmallGroups(unitCounts.map((c) => ({ key: String(c.key), n: c.n })), threshold, true);
  const unitNames = new Map((await db.selectFrom('units').select(['id', 'name']).where('municipality_id', '=', round.municipality_id).execute()).map((u) => [u.id, u.name]));
  const questionIds = q.questions.map((question) => question.id);
  return {
    name: `Svar ${q.id}`.slice(0, 31),
    header: ['Svar-id', 'Enhet', 'Hvordan svarene ble gitt', 'Måned', 'Språk', 'Fullført', ...questionIds],
    async *rows() {
      if (total < threshold) return;
      let after = '';
      for (;;) {
        const page = await db
          .selectFrom('responses')
          .select(['id', 'unit_id', 'answered_by', 'completed_on', 'language', 'completion'])
          .where('round_id', '=', round.id)
          .where('questionnaire_id', '=', q.id)
          .where('id', '>', after)
          .orderBy('id')
          .limit(PAGE)
          .execute();
        if (page.length === 0) return;
        const answers = await db
          .selectFrom('answers')
          .select(['response_id', 'question_id', 'value'])
          .where('response_id', 'in', page.map((r) => r.id))
          .execute();
        for (const r of page) {
          const mine = new Map(answers.filter((a) => a.response_id === r.id).map((a) => [a.question_id, a.value]));
          const unit = r.unit_id === null ? '' : hidden.has(String(r.unit_id)) ? TOO_FEW : (unitNames.get(r.unit_id) ?? '');
          yield [
            r.id,
            unit,
            r.answered_by ? (ANSWERED_BY_NAMES[r.answered_by] ?? r.answered_by) : '',
            r.completed_on.slice(0, 7),
            r.language,
            r.completion === 'finished' ? 'ja' : 'avsluttet',
            ...questionIds.map((id) => (mine.has(id) ? (mine.get(id) ?? 'hoppet over') : '')),
          ];
        }
        after = page[page.length - 1]!.id;
        // SQLite answers synchronously: give other requests (tablets syncing) a turn between pages.
        await new Promise((resolve) => setImmediate(resolve));
      }
    },
  };
}
