/**
 * `npm run bench`: measured figures, never part of `npm test`. Prints each
 * figure as it is measured, then one table, and keeps bench-results.json
 * up to date after every figure (also when a part fails or the run is
 * interrupted). Servers and the load generator run in child processes that
 * never outlive the run.
 *
 *   npm run bench -- --only ingest,scale     some parts only
 *   BENCH_SCALE_RESPONSES=20000              a smaller seeded data set
 *   BENCH_SCALE_DATABASES=sqlite             results and exports at scale, and the comparison of
 *                                            300 municipalities, on SQLite only (the default is both)
 */
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { DIST_DIR, ROOT } from '../../src/cli/ensureBuilt.ts';
import { loadQuestionnaires } from '../../src/server/loadQuestionnaires.ts';
import type { DatabaseKind } from '../support/databases.ts';
import { killChildren } from './children.ts';
import { benchComparison } from './comparison.ts';
import { benchFirstLoad, type FirstLoadResult } from './firstLoad.ts';
import { benchIngest } from './ingest.ts';
import { benchInteraction } from './interaction.ts';
import { benchLighthouse } from './lighthouse.ts';
import { printTable, Report } from './report.ts';
import { benchScale } from './scale.ts';

const PARTS = ['first-load', 'interaction', 'lighthouse', 'ingest', 'scale', 'comparison'] as const;
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
  const wanted = (process.env.BENCH_SCALE_DATABASES ?? 'sqlite,postgres').split(',').filter(Boolean);
  const bad = wanted.filter((w) => w !== 'sqlite' && w !== 'postgres');
  if (bad.length > 0) throw new Error(`BENCH_SCALE_DATABASES takes sqlite and/or postgres, not ${bad.join(', ')}`);
  return wanted as DatabaseKind[];
}

const out = join(ROOT, 'bench-results.json');
const report = new Report(out);
const started = performance.now();
let finished = false;

const loadFigure = (when: string) => {
  const [one, five] = loadavg();
  report.add('machine', `load average ${when}, 1 / 5 min (${cpus().length} cores)`, `${one!.toFixed(2)} / ${five!.toFixed(2)}`, '');
};

/** The table, the file and the children, whatever ended the run; printed once. */
function finish(): void {
  if (finished) return;
  finished = true;
  killChildren();
  const seconds = (performance.now() - started) / 1000;
  report.add('bench', 'whole run', seconds, 's');
  loadFigure('at end');
  printTable(report);
  report.save({ seconds });
  console.log(`\nWrote ${out}.`);
}

// A sampler or watcher that fails between awaits must not end the run, nor lose the table.
process.on('unhandledRejection', (reason) => {
  report.note(`An unhandled rejection was caught (the run went on): ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`);
});
process.on('uncaughtException', (error) => {
  report.note(`The bench stopped on an uncaught exception: ${error.stack ?? error.message}`);
  finish();
  process.exit(1);
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    report.note(`The bench was interrupted (${signal}).`);
    finish();
    process.exit(130);
  });
}
process.on('exit', () => {
  // Reached without finish() only by process.exit() elsewhere: still print what was measured.
  if (!finished) finish();
});

/** What the figures were measured on, as the first rows of the table. */
async function machineFigures(): Promise<void> {
  const cpu = cpus();
  report.add('machine', 'CPU', `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown'}`, '');
  report.add('machine', 'memory', totalmem() / 2 ** 30, 'GiB');
  report.add('machine', 'Node.js', process.version, '');
  try {
    const version = execFileSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    report.add('machine', 'Chromium', /^\S+ [\d.]+/.exec(version.trim())?.[0] ?? version.trim(), '');
  } catch {
    report.add('machine', 'Chromium', 'not found', '');
  }
  // The bench measures the working tree: say which commit, and whether the product's code differed from it.
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const changed = git('status', '--porcelain', '--', 'src', 'questionnaires', 'public').split('\n').filter(Boolean).length;
    report.add('machine', 'code measured', `${git('rev-parse', '--short', 'HEAD')}${changed > 0 ? ` + ${changed} uncommitted file(s) under src/, questionnaires/, public/` : ''}`, '');
  } catch {
    report.add('machine', 'code measured', 'unknown (no git)', '');
  }
  const client = new pg.Client({ connectionString: process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test' });
  try {
    await client.connect();
    report.add('machine', 'PostgreSQL', (await client.query<{ v: string }>("select current_setting('server_version') as v")).rows[0]!.v, '');
  } catch (error) {
    report.add('machine', 'PostgreSQL', `not reachable (${(error as Error).message})`, '');
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function main(): Promise<number> {
  const parts = chosenParts(process.argv.slice(2));
  loadFigure('at start');
  await machineFigures();
  const loaded = loadQuestionnaires();
  if (loaded.errors.length > 0) throw new Error(loaded.errors.join('\n'));
  const respondent = loaded.questionnaires.find((q) => q.id === 'respondent');
  if (!respondent) throw new Error('questionnaires/respondent.json is missing');

  const step = async (part: Part, run: () => Promise<void>) => {
    if (!parts.has(part)) return;
    const t = performance.now();
    const loadBefore = loadavg()[0]!;
    console.log(`\n== ${part} (load average ${loadBefore.toFixed(2)})`);
    await run();
    const seconds = (performance.now() - t) / 1000;
    report.add('bench', `${part} part ran for`, seconds, 's');
    report.add('bench', `${part} part: load average (1 min) at its start / end`, `${loadBefore.toFixed(2)} / ${loadavg()[0]!.toFixed(2)}`, '');
  };

  let failed = false;
  let firstLoad: FirstLoadResult | undefined;
  try {
    await step('first-load', async () => {
      firstLoad = await benchFirstLoad(report, respondent, loaded.questionnaires);
    });
    await step('interaction', async () => {
      const surveyJs = firstLoad ? { dir: firstLoad.surveyJsDir, assets: DIST_DIR } : undefined;
      await benchInteraction(report, loaded.questionnaires, surveyJs);
    });
    await step('lighthouse', () => benchLighthouse(report, loaded.questionnaires));
    await step('ingest', () => benchIngest(report, loaded.questionnaires));
    await step('scale', async () => {
      const total = Number(process.env.BENCH_SCALE_RESPONSES ?? 100_000);
      const kinds = scaleDatabases();
      for (const kind of kinds) await benchScale(report, kind, total);
      if (!kinds.includes('postgres')) {
        report.note('Results and exports at scale ran without PostgreSQL (BENCH_SCALE_DATABASES); its target is not measured in this run.');
      }
    });
    await step('comparison', async () => {
      for (const kind of scaleDatabases()) await benchComparison(report, kind, loaded.questionnaires);
    });
  } catch (error) {
    failed = true;
    console.error(error);
    report.note(`The bench stopped early: ${(error as Error).message}`);
  } finally {
    firstLoad?.cleanUp();
    finish();
  }
  return failed ? 1 : 0;
}

process.exitCode = await main();
