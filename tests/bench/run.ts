/**
 * `npm run bench`: measured figures, never part of `npm test`. Prints one
 * table and writes bench-results.json (both also when a part fails).
 *
 *   npm run bench -- --only ingest,scale     some parts only
 *   BENCH_SCALE_RESPONSES=20000              a smaller seeded data set
 *   BENCH_SCALE_DATABASES=sqlite,postgres    results and exports at scale on PostgreSQL too
 *                                            (outside the 10-minute budget of the default run)
 */
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { DIST_DIR, ROOT } from '../../src/cli/ensureBuilt.ts';
import { loadQuestionnaires } from '../../src/server/loadQuestionnaires.ts';
import type { DatabaseKind } from '../support/databases.ts';
import { benchFirstLoad, type FirstLoadResult } from './firstLoad.ts';
import { benchIngest } from './ingest.ts';
import { benchInteraction } from './interaction.ts';
import { printTable, Report, writeResults } from './report.ts';
import { benchScale } from './scale.ts';

const PARTS = ['first-load', 'interaction', 'ingest', 'scale'] as const;
type Part = (typeof PARTS)[number];

function chosenParts(argv: readonly string[]): Set<Part> {
  const index = argv.indexOf('--only');
  if (index < 0) return new Set(PARTS);
  const wanted = (argv[index + 1] ?? '').split(',').filter(Boolean);
  const unknown = wanted.filter((w) => !PARTS.includes(w as Part));
  if (unknown.length > 0 || wanted.length === 0) throw new Error(`--only takes a comma-separated list of: ${PARTS.join(', ')}`);
  return new Set(wanted as Part[]);
}

function scaleDatabases(): DatabaseKind[] {
  const wanted = (process.env.BENCH_SCALE_DATABASES ?? 'sqlite').split(',').filter(Boolean);
  const bad = wanted.filter((w) => w !== 'sqlite' && w !== 'postgres');
  if (bad.length > 0) throw new Error(`BENCH_SCALE_DATABASES takes sqlite and/or postgres, not ${bad.join(', ')}`);
  return wanted as DatabaseKind[];
}

async function main(): Promise<number> {
  const parts = chosenParts(process.argv.slice(2));
  const startedAt = new Date();
  const loadAtStart = loadavg()[0]!;
  const started = performance.now();
  const report = new Report();
  const loaded = loadQuestionnaires();
  if (loaded.errors.length > 0) throw new Error(loaded.errors.join('\n'));
  const respondent = loaded.questionnaires.find((q) => q.id === 'respondent');
  if (!respondent) throw new Error('questionnaires/respondent.json is missing');

  const step = async (part: Part, run: () => Promise<void>) => {
    if (!parts.has(part)) return;
    const t = performance.now();
    console.log(`\n== ${part}`);
    await run();
    const seconds = (performance.now() - t) / 1000;
    report.add('bench', `${part} part ran for`, seconds, 's');
    console.log(`   ${part} took ${seconds.toFixed(1)} s`);
  };

  let failed = false;
  let firstLoad: FirstLoadResult | undefined;
  try {
    await step('first-load', async () => {
      firstLoad = await benchFirstLoad(report, respondent);
    });
    await step('interaction', async () => {
      const surveyJs = firstLoad ? { dir: firstLoad.surveyJsDir, assets: DIST_DIR } : undefined;
      await benchInteraction(report, loaded.questionnaires, surveyJs);
    });
    await step('ingest', () => benchIngest(report, loaded.questionnaires));
    await step('scale', async () => {
      const total = Number(process.env.BENCH_SCALE_RESPONSES ?? 100_000);
      const kinds = scaleDatabases();
      for (const kind of kinds) await benchScale(report, loaded.questionnaires, kind, total);
      if (!kinds.includes('postgres')) {
        report.note('Results and exports at scale ran on SQLite only, to keep the run under 10 minutes; BENCH_SCALE_DATABASES=sqlite,postgres adds PostgreSQL.');
      }
    });
  } catch (error) {
    failed = true;
    console.error(error);
    report.note(`The bench stopped early: ${(error as Error).message}`);
  } finally {
    firstLoad?.cleanUp();
  }

  const seconds = (performance.now() - started) / 1000;
  report.add('bench', 'whole run', seconds, 's');
  printTable(report);
  const out = join(ROOT, 'bench-results.json');
  writeResults(report, out, startedAt, seconds, loadAtStart);
  console.log(`\nWrote ${out}. Load average at start ${loadAtStart.toFixed(1)}, now ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores.`);
  return failed ? 1 : 0;
}

process.exitCode = await main();
