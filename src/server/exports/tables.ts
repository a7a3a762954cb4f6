/**
 * The tables of every export, built once from the round's released,
 * disclosure-controlled results and written as CSV or XLSX, made for the
 * person who opens them in Excel: question text and answer labels (never
 * ids or codes), one name for each group (the pages' words), an overview
 * first and a codebook that explains every column and every question.
 * There is no table of single responses: even without names, a row's
 * unit, answer mode, language and month can single a person out (see
 * SECURITY.md). A hidden figure says why it is hidden, in the same words
 * as the pages; values are rounded once, here.
 */
import { favourableOf } from '../../shared/favourableAnswer.ts';
import type { DisclosureStatus, ExportTable, Results, Score, Share, Voice } from '../../shared/coordinatorApi.ts';
import { VOICES } from '../../shared/coordinatorApi.ts';
import { favourableValues } from '../../shared/results/favourable.ts';
import type { Audience, Questionnaire } from '../../shared/questionnaire.ts';
import { getScale } from '../../shared/scales.ts';
import { THEMES } from '../../shared/themes.ts';
import type { Cell } from './csv.ts';
import { HIDDEN_PHRASES, NO_UNIT_NAME, themeName, verdictText, voiceName } from './labels.ts';

export interface Column {
  readonly title: string;
  /** What the column holds, for the codebook. */
  readonly meaning: string;
}

export interface Table {
  readonly id: ExportTable;
  /** The sheet's name in the workbook. */
  readonly name: string;
  readonly columns: readonly Column[];
  rows(): AsyncIterable<readonly Cell[]>;
}

const oneDecimal = (value: number | null): number | null => (value === null ? null : Math.round(value * 10) / 10);
const shown = (status: DisclosureStatus, value: Cell): Cell => (status === 'shown' ? value : HIDDEN_PHRASES[status]);
const scoreCell = (score: Score): Cell => shown(score.status, oneDecimal(score.score));
const percent = (share: Share, value: number | null): Cell => (share.status === 'shown' && share.share !== null ? oneDecimal(value === null ? null : value * 100) : HIDDEN_PHRASES[share.status === 'shown' ? 'empty' : share.status]);
const shareCells = (share: Share): Cell[] => [percent(share, share.share), percent(share, share.low), percent(share, share.high), share.status === 'shown' ? share.answered : HIDDEN_PHRASES[share.status]];
const unitName = (unit: { unitId: number | null; name: string }) => (unit.unitId === null ? NO_UNIT_NAME : unit.name);
const WHOLE = 'Hele kommunen';

const SHARE_COLUMNS = (what: string): Column[] => [
  { title: `${what}: andel positive svar (%)`, meaning: `${what}: andelen positive svar i prosent (Ja der ja er bra, Nei der nei er bra; for pårørende 5–6 på skalaen 1–6). «Vet ikke» og hoppet over telles ikke.` },
  { title: `${what}: nedre grense (%)`, meaning: `${what}: nedre grense for 95 % usikkerhetsintervall (Wilson), i prosent.` },
  { title: `${what}: øvre grense (%)`, meaning: `${what}: øvre grense for 95 % usikkerhetsintervall (Wilson), i prosent.` },
  { title: `${what}: antall svar`, meaning: `${what}: antall svar andelen er regnet av.` },
];

function overviewTable(results: Results): Table {
  const voices = ['respondent', 'relative'] as const;
  return {
    id: 'overview',
    name: 'Oversikt',
    columns: [
      { title: 'Enhet', meaning: `Enheten (bolig eller dagtilbud), eller «${WHOLE}»; for kommuner som deler i sammenligningen også median og kvartiler for kommunene som deler (avrundet til hele 5 prosentpoeng, aldri tallet til én kommune).` },
      { title: 'Gruppe', meaning: `Hvem som svarte: «${voiceName('respondent')}» (svarte alene eller med hjelp), «${voiceName('proxy')}» eller «${voiceName('relative')}».` },
      ...THEMES.map((theme) => ({ title: `${themeName(theme)}: andel positive svar (%)`, meaning: `Andelen positive svar i temaet ${themeName(theme)}, i prosent. Usikkerheten står i arket Enheter og temaer.` })),
    ],
    async *rows() {
      const whole: readonly Voice[] = results.groups.proxy ? ['respondent', 'proxy', 'relative'] : voices;
      for (const voice of whole) {
        yield [WHOLE, voiceName(voice), ...results.themes.map((row) => {
          const share = voice === 'proxy' ? row.favourable.proxy! : row.favourable[voice];
          return percent(share, share.share);
        })];
      }
      for (const row of results.matrix.rows) {
        for (const voice of voices) yield [unitName(row), voiceName(voice), ...row.cells.map((cell) => percent(cell[voice], cell[voice].share))];
      }
      yield* comparisonRows(results);
    },
  };
}

/** The comparison with other municipalities under the overview: median and quartiles of those that share, per voice and theme. */
function* comparisonRows(results: Results): Generator<Cell[]> {
  const comparison = results.comparison;
  if (comparison?.state !== 'ready') return;
  const parts = [
    ['nedre kvartil', 'lowerQuartile'],
    ['median', 'median'],
    ['øvre kvartil', 'upperQuartile'],
  ] as const;
  for (const { voice, themes } of comparison.voices) {
    for (const [label, key] of parts) {
      yield [
        `Kommunene som deler (${comparison.period}): ${label}`,
        voiceName(voice),
        ...themes.map((row) => (row.distribution ? oneDecimal(row.distribution[key] * 100) : 'Ikke nok kommuner å sammenligne med')),
      ];
    }
  }
}

function matrixTable(results: Results): Table {
  const previous = results.matrix.previousRound?.roundName ?? 'forrige runde';
  return {
    id: 'matrix',
    name: 'Enheter og temaer',
    columns: [
      { title: 'Enhet', meaning: 'Enheten (bolig eller dagtilbud).' },
      { title: 'Tema', meaning: 'Temaet spørsmålene hører til.' },
      { title: 'Gruppe', meaning: 'Hvem som svarte.' },
      ...SHARE_COLUMNS('Denne runden'),
      { title: `Endring siden ${previous} (prosentpoeng)`, meaning: 'Endringen i andel positive svar siden forrige runde med samme spørreskjema, i prosentpoeng.' },
      { title: 'Er endringen sikker?', meaning: 'Om endringen er større enn usikkerheten (95 %).' },
    ],
    async *rows() {
      for (const row of results.matrix.rows) {
        for (const cell of row.cells) {
          for (const voice of ['respondent', 'relative'] as const) {
            const change = voice === 'respondent' ? cell.respondentChange : cell.relativeChange;
            yield [
              unitName(row),
              themeName(cell.theme),
              voiceName(voice),
              ...shareCells(cell[voice]),
              change ? oneDecimal(change.difference * 100) : '',
              change ? (change.verdict === 'no-certain-difference' ? 'Nei' : 'Ja') : '',
            ];
          }
        }
      }
    },
  };
}

function themeTable(results: Results): Table {
  const proxy = results.groups.proxy !== null;
  return {
    id: 'themes',
    name: 'Temaer',
    columns: [
      { title: 'Tema', meaning: 'Temaet spørsmålene hører til.' },
      ...SHARE_COLUMNS(voiceName('respondent')),
      ...SHARE_COLUMNS(voiceName('relative')),
      { title: 'Forskjell mellom gruppene', meaning: 'Om personene selv og pårørende svarer ulikt: bare når forskjellen i andel positive svar er større enn usikkerheten (95 %).' },
      ...(proxy ? SHARE_COLUMNS(voiceName('proxy')) : []),
      { title: `${voiceName('respondent')}: skår (0–100)`, meaning: 'Gjennomsnittlig skår 0–100 (Ja 100, Både ja og nei 50, Nei 0; motsatte spørsmål snudd). Til å følge gruppen over tid, ikke til å sammenligne med pårørende.' },
      { title: `${voiceName('relative')}: skår (0–100)`, meaning: 'Gjennomsnittlig skår 0–100 (skalaen 1–6 gjort om til 0–100, «Vet ikke» ikke med). Til å følge gruppen over tid, ikke til å sammenligne med personene selv.' },
    ],
    async *rows() {
      for (const row of results.themes) {
        yield [
          themeName(row.theme),
          ...shareCells(row.favourable.respondent),
          ...shareCells(row.favourable.relative),
          verdictText(row.favourable.verdict),
          ...(proxy ? shareCells(row.favourable.proxy!) : []),
          scoreCell(row.respondent),
          scoreCell(row.relative),
        ];
      }
    },
  };
}

function blocksTable(results: Results): Table {
  return {
    id: 'blocks',
    name: 'Rapportert for seg',
    columns: [
      { title: 'Gruppe', meaning: 'Hvem som svarte.' },
      { title: 'Del', meaning: 'Delen av spørreskjemaet som rapporteres for seg (for eksempel pårørendes egen kontakt med tjenesten): den er ikke med i temaene eller i sammenligningen av de to stemmene.' },
      ...SHARE_COLUMNS('Delen').map((column) => ({ ...column, meaning: `${column.meaning} Regnet av spørsmålene i delen som vises.` })),
    ],
    async *rows() {
      for (const block of results.blocks) yield [voiceName(block.voice), block.title.nb ?? '', ...shareCells(block.favourable)];
    },
  };
}

function pairsTable(results: Results): Table {
  return {
    id: 'pairs',
    name: 'Spørsmål til begge',
    columns: [
      { title: 'Spørsmål til personene selv', meaning: 'Spørsmålsteksten personene selv fikk (bokmål).' },
      { title: 'Spørsmål til pårørende', meaning: 'Spørsmålsteksten pårørende fikk om det samme (bokmål).' },
      { title: 'Tema', meaning: 'Temaet spørsmålet hører til.' },
      ...SHARE_COLUMNS(voiceName('respondent')),
      ...SHARE_COLUMNS(voiceName('relative')),
      { title: 'Forskjell mellom gruppene', meaning: 'Om gruppene svarer ulikt: bare når forskjellen er større enn usikkerheten (95 %).' },
    ],
    async *rows() {
      for (const pair of results.questionPairs) {
        yield [pair.text.nb ?? '', pair.relativeText.nb ?? '', pair.theme ? themeName(pair.theme) : '', ...shareCells(pair.respondent), ...shareCells(pair.relative), verdictText(pair.verdict)];
      }
    },
  };
}

function unitsTable(results: Results): Table {
  return {
    id: 'units',
    name: 'Enheter (skår)',
    columns: [
      { title: 'Enhet', meaning: 'Enheten (bolig eller dagtilbud).' },
      { title: `${voiceName('respondent')}: samlet skår (0–100)`, meaning: 'Gjennomsnittet av hver persons gjennomsnittlige skår over alle spørsmål med skår.' },
      { title: `${voiceName('respondent')}: antall svar`, meaning: 'Antall svar fra personene selv i enheten.' },
      { title: `${voiceName('relative')}: samlet skår (0–100)`, meaning: 'Gjennomsnittet av hver pårørendes gjennomsnittlige skår.' },
      { title: `${voiceName('relative')}: antall svar`, meaning: 'Antall svar fra pårørende som oppga enheten.' },
    ],
    async *rows() {
      for (const unit of results.units) yield [unitName(unit), scoreCell(unit.respondent), shown(unit.respondent.status, unit.respondent.n), scoreCell(unit.relative), shown(unit.relative.status, unit.relative.n)];
    },
  };
}

const MODE_NAMES: Record<string, string> = { alone: 'Svarte alene', 'with-help': 'Svarte med hjelp', 'someone-else': voiceName('proxy'), 'not-recorded': 'Ikke oppgitt (avsluttet tidlig)' };

function modesTable(results: Results): Table {
  return {
    id: 'modes',
    name: 'Svarmåter',
    columns: [
      { title: 'Hvordan svarene ble gitt', meaning: 'Om personen svarte alene, med hjelp, om noen andre svarte på vegne av personen, eller om det ikke ble oppgitt (undersøkelsen ble avsluttet tidlig).' },
      { title: 'Antall svar', meaning: 'Antall svar gitt på denne måten.' },
      ...THEMES.map((theme) => ({ title: `${themeName(theme)}: skår (0–100)`, meaning: `Gjennomsnittlig skår 0–100 i temaet ${themeName(theme)}.` })),
    ],
    async *rows() {
      for (const mode of results.byAnswerMode) {
        yield [MODE_NAMES[mode.mode] ?? mode.mode, shown(mode.group.status, mode.group.n), ...THEMES.map((theme) => {
          const score = mode.themes.find((row) => row.theme === theme)?.score;
          return score ? scoreCell(score) : HIDDEN_PHRASES.empty;
        })];
      }
    },
  };
}

function trendTable(results: Results): Table {
  return {
    id: 'trend',
    name: 'Utvikling',
    columns: [
      { title: 'Runde', meaning: 'Undersøkelsesrunden, eldste først.' },
      { title: 'Runden åpnet', meaning: 'Datoen runden åpnet.' },
      { title: 'Gruppe', meaning: 'Hvem som svarte.' },
      { title: 'Tema', meaning: 'Temaet spørsmålene hører til.' },
      {
        title: 'Spørsmål',
        meaning: 'Tomt: raden gjelder hele temaet. Ellers ett spørsmål i denne runden (bokmål), med andelen i hver runde som stilte det; fra en tidligere utgave av spørreskjemaet bare spørsmål som spør om det samme, med id-en det hadde der.',
      },
      ...SHARE_COLUMNS('Andel positive svar'),
      { title: 'Skår (0–100)', meaning: 'Gjennomsnittlig skår 0–100 i temaet (tomt for rader om ett spørsmål).' },
    ],
    async *rows() {
      for (const entry of results.trend) {
        for (const row of entry.themes) {
          yield [entry.roundName, entry.opensOn, voiceName(entry.audience), themeName(row.theme), '', ...shareCells(row.favourable), scoreCell(row.score)];
        }
        for (const row of entry.questions) {
          const question = results.questions.find((q) => q.voice === entry.audience && q.questionId === row.questionId);
          const text = question?.text.nb ?? row.questionId;
          const label = row.askedAs === row.questionId ? text : `${text} (spurt som «${row.askedAs}»)`;
          yield [entry.roundName, entry.opensOn, voiceName(entry.audience), question?.theme ? themeName(question.theme) : '', label, ...shareCells(row.favourable), ''];
        }
      }
    },
  };
}

function consistencyTable(results: Results): Table {
  const share = (status: DisclosureStatus, value: number | null) => (value === null ? (status === 'shown' ? '' : HIDDEN_PHRASES[status]) : oneDecimal(value));
  return {
    id: 'consistency',
    name: 'Svarmønster',
    columns: [
      { title: 'Gruppe', meaning: 'Hvem som svarte.' },
      { title: 'Antall svar', meaning: 'Antall svar i gruppen.' },
      { title: 'Samme svar på alle spørsmål (%)', meaning: 'Andelen som ga samme svar på hvert spørsmål med skår de svarte på (minst tre), i prosent.' },
      { title: 'Motsier seg selv i motsatte par (%)', meaning: 'Andelen av dem som svarte på begge spørsmålene i et motsatt par, som svarte mot seg selv på minst ett, i prosent.' },
    ],
    async *rows() {
      for (const row of results.consistency) {
        yield [voiceName(row.audience), shown(row.group.status, row.group.n), share(row.group.status, row.sameAnswerShare), share(row.group.status, row.inconsistentPairShare)];
      }
    },
  };
}

/** Sheet names hold at most 31 characters: the proxy group's is shortened there only. */
const SHEET_NAME: Record<Voice, string> = { respondent: voiceName('respondent'), proxy: 'Svar gitt av andre', relative: voiceName('relative') };

function questionTable(results: Results, voice: Voice): Table {
  return {
    id: `questions-${voice}`,
    name: SHEET_NAME[voice],
    columns: [
      { title: 'Spørsmål', meaning: 'Spørsmålsteksten (bokmål).' },
      { title: 'Tema', meaning: 'Temaet spørsmålet hører til (tomt for bakgrunnsspørsmål). «Rapportert for seg»: delen telles ikke i temaene eller i sammenligningen av de to gruppene (pårørendes egen kontakt med tjenestene).' },
      { title: 'Antall som fikk spørsmålet', meaning: 'Hvor mange i gruppen som fikk spørsmålet (svarte eller hoppet over).' },
      { title: 'Hoppet over', meaning: 'Hvor mange som hoppet over spørsmålet.' },
      { title: 'Svar', meaning: 'Svaralternativet, slik det sto på skjermen.' },
      { title: 'Antall', meaning: 'Hvor mange som valgte svaralternativet.' },
      { title: 'Prosent av dem som svarte', meaning: 'Andelen av dem som svarte på spørsmålet (uten dem som hoppet over), i prosent.' },
      { title: 'Spørsmål-id', meaning: 'Spørsmålets kode i spørreskjemaet (se kodeboken).' },
    ],
    async *rows() {
      for (const q of results.questions.filter((x) => x.voice === voice)) {
        for (const option of q.options) {
          yield [
            q.text.nb ?? '',
            q.theme ? (q.block ? `${themeName(q.theme)} (rapportert for seg: ${q.block.nb ?? ''})` : themeName(q.theme)) : '',
            shown(q.status, q.n),
            shown(q.status, q.skipped),
            option.label.nb ?? option.value,
            shown(q.status, option.count),
            shown(q.status, oneDecimal(option.percent)),
            q.questionId,
          ];
        }
      }
    },
  };
}

const AUDIENCE_NAME: Record<Audience, string> = { respondent: 'Personene selv (og svar gitt av andre på deres vegne)', relative: voiceName('relative') };

function codebookTable(tables: readonly Table[], questionnaires: ReadonlyMap<Audience, Questionnaire>): Table {
  return {
    id: 'codebook',
    name: 'Kodebok',
    columns: [
      { title: 'Ark eller skjema', meaning: 'Arket i arbeidsboken (eller CSV-filen) kolonnen står i, eller spørreskjemaet spørsmålet er fra.' },
      { title: 'Kolonne eller spørsmål-id', meaning: 'Kolonnens overskrift, eller spørsmålets kode.' },
      { title: 'Betydning eller spørsmålstekst (bokmål)', meaning: 'Hva kolonnen inneholder, eller spørsmålsteksten på bokmål.' },
      { title: 'Skala', meaning: 'Svaralternativene, i rekkefølge.' },
      { title: 'Positive svar', meaning: 'Svarene som telles som positive i andel positive svar.' },
      { title: 'Spurt motsatt vei', meaning: 'Ja når «Nei» er det positive svaret (spørsmålet er stilt motsatt vei).' },
      { title: 'Tema', meaning: 'Temaet spørsmålet hører til.' },
    ],
    async *rows() {
      for (const table of [...tables, { name: 'Kodebok', columns: this.columns } as Pick<Table, 'name' | 'columns'>]) {
        for (const column of table.columns) yield [table.name, column.title, column.meaning, '', '', '', ''];
      }
      for (const [audience, q] of questionnaires) {
        for (const question of q.questions) {
          const favourable = favourableValues(question);
          const options = getScale(question.scale).options;
          yield [
            `${q.title.nb} – ${AUDIENCE_NAME[audience]}`,
            question.id,
            question.text.nb ?? '',
            options.map((o) => o.label.nb ?? o.value).join(' / '),
            favourable ? options.filter((o) => favourable.has(o.value)).map((o) => o.label.nb ?? o.value).join(' / ') : 'Telles ikke (fakta- eller bakgrunnsspørsmål)',
            favourableOf(question) === 'no' ? 'Ja' : 'Nei',
            question.theme ? themeName(question.theme) : '',
          ];
        }
      }
    },
  };
}

/** Every export table, in the workbook's order: the overview first, the codebook second, then the detail. */
export function exportTables(results: Results, questionnaires: ReadonlyMap<Audience, Questionnaire>): Table[] {
  const detail = [
    matrixTable(results),
    themeTable(results),
    blocksTable(results),
    pairsTable(results),
    unitsTable(results),
    modesTable(results),
    trendTable(results),
    consistencyTable(results),
    ...VOICES.map((voice) => questionTable(results, voice)),
  ];
  const overview = overviewTable(results);
  return [overview, codebookTable([overview, ...detail], questionnaires), ...detail];
}
