/**
 * The bench's output: one list of figures, each printed the moment it is
 * measured (so a crash later in the run loses none of them) and written to
 * bench-results.json after every figure, then printed again as one table.
 *
 * A timed figure names a yardstick measured in the same run (the raw
 * better-sqlite3 insert rate, one plain scan of the answers table, …) and
 * carries its ratio to it, so a figure from a busy machine can be told
 * from a slow product. Targets are reported, never asserted.
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';

/** A reference measured in the same run: the figures it is the yardstick of carry their ratio to it. */
export interface Yardstick {
  /** Short, for the ratio column: "answers scan", "raw insert". */
  readonly label: string;
  readonly value: number;
  readonly unit: string;
}

/** What a figure should reach; `ok` compares in the figure's own unit. */
export interface Target {
  readonly text: string;
  ok(value: number): boolean;
}

export const atMost = (limit: number, text: string): Target => ({ text: `≤ ${text}`, ok: (v) => v <= limit });
export const atLeast = (limit: number, text: string): Target => ({ text: `≥ ${text}`, ok: (v) => v >= limit });

export interface Figure {
  /** The part of the bench: "first load", "interaction", "ingest", "scale". */
  readonly section: string;
  readonly name: string;
  readonly value: number | string;
  readonly unit: string;
  readonly note?: string;
  /** The yardstick's label and the figure divided by it (same unit). */
  readonly yardstick?: string;
  readonly ratio?: number;
  readonly target?: string;
  /** Whether the target is met; absent without a target. */
  readonly meets?: boolean;
}

export interface AddOptions {
  readonly note?: string;
  readonly yardstick?: Yardstick;
  readonly target?: Target;
}

/** Times in s and ms compare with each other; anything else must have the yardstick's unit. */
function inUnit(value: number, from: string, to: string): number {
  if (from === to) return value;
  const ms: Record<string, number> = { ms: 1, s: 1000 };
  if (ms[from] !== undefined && ms[to] !== undefined) return (value * ms[from]) / ms[to];
  throw new Error(`A figure in ${from} cannot be compared with a yardstick in ${to}`);
}

export class Report {
  readonly figures: Figure[] = [];
  readonly notes: string[] = [];
  private readonly started = new Date();
  private readonly loadAtStart = loadavg();

  /** `out`: bench-results.json, rewritten after every figure. */
  constructor(private readonly out?: string) {}

  add(section: string, name: string, value: number | string, unit: string, options: AddOptions = {}): Figure {
    const figure: { -readonly [K in keyof Figure]: Figure[K] } = { section, name, value, unit };
    if (options.note !== undefined) figure.note = options.note;
    if (options.yardstick && typeof value === 'number') {
      figure.yardstick = options.yardstick.label;
      figure.ratio = value / inUnit(options.yardstick.value, options.yardstick.unit, unit);
    }
    if (options.target) {
      figure.target = options.target.text;
      if (typeof value === 'number') figure.meets = options.target.ok(value);
    }
    this.figures.push(figure);
    const cells = rowOf(figure);
    console.log(`  ${cells[1]}: ${cells[2]} ${cells[3]}${cells[4] ? `   (${cells[4]})` : ''}${cells[5] ? `   [target ${cells[5]}]` : ''}`);
    this.save();
    return figure;
  }

  /** Adds a yardstick as a figure of its own and returns it for the figures it measures. */
  yardstick(section: string, name: string, label: string, value: number, unit: string): Yardstick {
    this.add(section, `yardstick: ${name}`, value, unit);
    return { label, value, unit };
  }

  note(text: string): void {
    this.notes.push(text);
    console.log(`  note: ${text}`);
    this.save();
  }

  /** Writes what is known so far; never throws (a full disk must not end the run). */
  save(finished?: { seconds: number }): void {
    if (!this.out) return;
    const body = {
      date: this.started.toISOString().slice(0, 10),
      startedAt: this.started.toISOString(),
      finished: finished !== undefined,
      durationSeconds: finished ? Math.round(finished.seconds) : Math.round((Date.now() - this.started.getTime()) / 1000),
      loadAverageAtStart: this.loadAtStart.map((l) => Math.round(l * 100) / 100),
      loadAverageNow: loadavg().map((l) => Math.round(l * 100) / 100),
      machine: machine(),
      figures: this.figures,
      notes: this.notes,
    };
    try {
      writeFileSync(this.out, `${JSON.stringify(body, null, 2)}\n`);
    } catch (error) {
      console.error(`Could not write ${this.out}: ${(error as Error).message}`);
    }
  }
}

export function formatValue(value: number | string): string {
  if (typeof value === 'string') return value;
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  const digits = abs >= 100 || Number.isInteger(value) ? 0 : abs >= 10 ? 1 : 2;
  return value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

function formatRatio(ratio: number): string {
  if (!Number.isFinite(ratio)) return String(ratio);
  const digits = ratio >= 100 ? 0 : ratio >= 10 ? 1 : ratio >= 0.1 ? 2 : 3;
  return `${ratio.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })}×`;
}

function rowOf(f: Figure): string[] {
  const ratio = f.ratio === undefined ? '' : `${formatRatio(f.ratio)} ${f.yardstick}`;
  const target = f.target === undefined ? '' : `${f.target}${f.meets === undefined ? '' : f.meets ? ' met' : ' SHORT'}`;
  return [f.section, f.name, formatValue(f.value), f.unit, ratio, target];
}

export function printTable(report: Report): void {
  const rows = report.figures.map(rowOf);
  const header = ['section', 'figure', 'value', 'unit', 'ratio to yardstick', 'target'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === 2 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ').trimEnd();
  console.log('');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  let section = '';
  for (const row of rows) {
    if (row[0] !== section && section !== '') console.log('');
    section = row[0]!;
    console.log(line(row));
  }
  const short = report.figures.filter((f) => f.meets === false);
  if (short.length > 0) {
    console.log('\nShort of target:');
    for (const f of short) console.log(`- ${f.section}: ${f.name}: ${formatValue(f.value)} ${f.unit} (target ${f.target})`);
  }
  if (report.notes.length > 0) {
    console.log('\nNotes:');
    for (const note of report.notes) console.log(`- ${note}`);
  }
}

export function machine(): { cpus: number; cpuModel: string; memoryGiB: number; node: string; platform: string; loadAverage1m: number } {
  return {
    loadAverage1m: Math.round(loadavg()[0]! * 100) / 100,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}
