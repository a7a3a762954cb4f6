/**
 * The bench's output: one list of figures, printed as a table and written
 * to bench-results.json with the machine it was measured on.
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';

export interface Figure {
  /** The part of the bench: "first load", "interaction", "ingest", "scale". */
  readonly section: string;
  readonly name: string;
  readonly value: number | string;
  readonly unit: string;
  readonly note?: string;
}

export class Report {
  readonly figures: Figure[] = [];
  readonly notes: string[] = [];

  add(section: string, name: string, value: number | string, unit: string, note?: string): void {
    this.figures.push(note === undefined ? { section, name, value, unit } : { section, name, value, unit, note });
  }

  note(text: string): void {
    this.notes.push(text);
    console.log(`  note: ${text}`);
  }
}

export function formatValue(value: number | string): string {
  if (typeof value === 'string') return value;
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  const digits = abs >= 100 || Number.isInteger(value) ? 0 : abs >= 10 ? 1 : 2;
  return value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

export function printTable(report: Report): void {
  const rows = report.figures.map((f) => [f.section, f.name, formatValue(f.value), f.unit]);
  const header = ['section', 'figure', 'value', 'unit'];
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

export function writeResults(report: Report, path: string, startedAt: Date, seconds: number, loadAtStart: number): void {
  const body = {
    date: startedAt.toISOString().slice(0, 10),
    startedAt: startedAt.toISOString(),
    durationSeconds: Math.round(seconds),
    loadAverageAtStart: Math.round(loadAtStart * 100) / 100,
    machine: machine(),
    figures: report.figures,
    notes: report.notes,
  };
  writeFileSync(path, `${JSON.stringify(body, null, 2)}\n`);
}
