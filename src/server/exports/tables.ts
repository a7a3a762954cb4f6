/**
 * The tables of every export, built once from the round's released,
 * disclosure-controlled results and written as CSV or XLSX: theme scores
 * and answer distributions. There is no table of single responses: even
 * without names, a row's unit, answer mode, language and month can single
 * a person out (see SECURITY.md). A hidden figure says why it is hidden,
 * in the same words as the pages; values are rounded once, here.
 */
import type { DisclosureStatus, Results, Score } from '../../shared/coordinatorApi.ts';
import type { Cell } from './csv.ts';

export const HIDDEN_PHRASES: Record<Exclude<DisclosureStatus, 'shown'>, string> = {
  empty: 'ingen svar',
  'too-few': 'for få svar',
  protecting: 'skjult for å verne en liten gruppe',
};

const THEME_NAMES: Record<string, string> = {
  selvbestemmelse: 'Selvbestemmelse',
  trivsel: 'Trivsel',
  brukermedvirkning: 'Brukermedvirkning',
  'respektfull-behandling': 'Respektfull behandling',
  informasjon: 'Informasjon',
  'nok-og-riktig-hjelp': 'Nok og riktig hjelp',
  trygghet: 'Trygghet',
};

const oneDecimal = (value: number | null): number | null => (value === null ? null : Math.round(value * 10) / 10);
const shown = (status: DisclosureStatus, value: number | null): Cell => (status === 'shown' ? value : HIDDEN_PHRASES[status]);
const scoreCell = (score: Score): Cell => shown(score.status, oneDecimal(score.score));

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
          scoreCell(row.respondent),
          shown(row.respondent.status, row.respondent.n),
          scoreCell(row.relative),
          shown(row.relative.status, row.relative.n),
          oneDecimal(row.difference),
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
            shown(q.status, q.n),
            shown(q.status, q.skipped),
            option.label.nb ?? option.value,
            shown(q.status, option.count),
            shown(q.status, oneDecimal(option.percent)),
          ];
        }
      }
    },
  };
}
