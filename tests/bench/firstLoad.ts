/**
 * Respondent first load: the bytes a tablet downloads before the first
 * page shows (index.html, the scripts and styles it references and the
 * static imports of those scripts, never the lazily imported coordinator
 * chunk), as the files are and as the running server actually sends them
 * (asked the way Chromium asks, counted on the socket), the service
 * worker's precache beside it, and the same measure for the respondents'
 * questionnaire built with SurveyJS in a Vite project of its own.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join, posix } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { DIST_DIR, ensureBuilt, ROOT } from '../../src/cli/ensureBuilt.ts';
import { prepareDatabase } from '../../src/server/server.ts';
import type { Questionnaire } from '../../src/shared/questionnaire.ts';
import { freshDatabase } from '../support/databases.ts';
import { BROWSER_ACCEPT_ENCODING, get } from './http.ts';
import type { Report, Yardstick } from './report.ts';
import { startServerProcess } from './server.ts';
import { toSurveyJs } from './surveyjsModel.ts';

export interface Sizes {
  readonly raw: number;
  readonly gzip: number;
  readonly brotli: number;
}

export interface FileSizes extends Sizes {
  readonly file: string;
}

export interface Bundle {
  readonly files: FileSizes[];
  readonly total: Sizes;
}

export function sizesOf(content: Buffer): Sizes {
  return {
    raw: content.length,
    gzip: gzipSync(content, { level: 9 }).length,
    brotli: brotliCompressSync(content, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length },
    }).length,
  };
}

function attributes(tag: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const match of tag.matchAll(/([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) found[match[1]!.toLowerCase()] = match[2] ?? match[3] ?? '';
  return found;
}

/** Scripts, stylesheets and module preloads an HTML page asks for, as paths under the site root. */
export function referencedAssets(html: string): string[] {
  const paths: string[] = [];
  for (const match of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = attributes(match[0]).src;
    if (src) paths.push(src);
  }
  for (const match of html.matchAll(/<link\b[^>]*>/gi)) {
    const attrs = attributes(match[0]);
    const rel = (attrs.rel ?? '').toLowerCase().split(/\s+/);
    if (attrs.href && (rel.includes('stylesheet') || rel.includes('modulepreload'))) paths.push(attrs.href);
  }
  return paths.filter((p) => !/^[a-z]+:\/\//i.test(p));
}

/** Static `import … from "./x.js"`, `import "./x.js"` and `export … from "./x.js"` of a built chunk (not import()). */
export function staticImports(code: string): string[] {
  const found = new Set<string>();
  const pattern = /(?:^|[;}\n])\s*(?:import|export)\s*(?:[\w$]+\s*,?\s*)?(?:\*\s*as\s*[\w$]+|\{[^}]*\})?\s*(?:from\s*)?["']([^"']+\.m?js)["']/g;
  for (const match of code.matchAll(pattern)) found.add(match[1]!);
  return [...found];
}

function resolveAsset(root: string, from: string, path: string): string {
  const clean = path.split(/[?#]/)[0]!;
  const relative = clean.startsWith('/') ? clean.slice(1) : posix.join(posix.dirname(from), clean);
  return posix.normalize(relative).replace(/^\.\//, '');
}

/** What a browser downloads for `index.html` of a built site before any lazy import runs. */
export function firstLoadBundle(root: string, exclude: RegExp = /CoordinatorApp-[^/]*\.(js|css)$/): Bundle {
  const seen = new Set<string>();
  const queue = ['index.html'];
  const files: FileSizes[] = [];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file) || exclude.test(file)) continue;
    seen.add(file);
    const full = join(root, file);
    if (!existsSync(full)) throw new Error(`${file} is referenced but missing from ${root}`);
    const content = readFileSync(full);
    files.push({ file, ...sizesOf(content) });
    const text = content.toString('utf8');
    if (file.endsWith('.html')) queue.push(...referencedAssets(text).map((p) => resolveAsset(root, file, p)));
    else if (/\.m?js$/.test(file)) queue.push(...staticImports(text).map((p) => resolveAsset(root, file, p)));
  }
  const total = files.reduce((sum, f) => ({ raw: sum.raw + f.raw, gzip: sum.gzip + f.gzip, brotli: sum.brotli + f.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  return { files, total };
}

export interface Precache {
  readonly files: { url: string; bytes: number }[];
  readonly total: number;
  readonly byKind: Record<string, { files: number; bytes: number }>;
}

/** The files in sw.js's precache manifest and their sizes in dist/. */
export function precacheOf(root: string): Precache {
  const sw = readFileSync(join(root, 'sw.js'), 'utf8');
  const urls = [...new Set([...sw.matchAll(/(?:\burl|"url")\s*:\s*"([^"]+)"/g)].map((m) => m[1]!))];
  if (urls.length === 0) throw new Error('No precache entries found in sw.js');
  const files = urls.map((url) => ({ url, bytes: statSync(join(root, decodeURIComponent(url.replace(/^\//, '')))).size }));
  const byKind: Record<string, { files: number; bytes: number }> = {};
  for (const f of files) {
    const kind = f.url.startsWith('illustrations/') ? 'illustrations' : f.url.startsWith('audio/') ? 'audio' : f.url.startsWith('icons/') ? 'icons' : extname(f.url).slice(1) || 'other';
    const entry = (byKind[kind] ??= { files: 0, bytes: 0 });
    entry.files++;
    entry.bytes += f.bytes;
  }
  return { files, total: files.reduce((sum, f) => sum + f.bytes, 0), byKind };
}

export const SURVEYJS_DIR = join(import.meta.dirname, 'surveyjs');

/** Builds tests/bench/surveyjs with Vite into a temporary folder; the caller removes it. */
export async function buildSurveyJs(questionnaire: Questionnaire): Promise<string> {
  const work = mkdtempSync(join(tmpdir(), 'mst-bench-surveyjs-'));
  const publicDir = join(work, 'public');
  const outDir = join(work, 'dist');
  mkdirSync(publicDir);
  writeFileSync(join(publicDir, 'survey.json'), JSON.stringify(toSurveyJs(questionnaire)));
  const { build } = await import('vite');
  const { default: react } = await import('@vitejs/plugin-react');
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root: SURVEYJS_DIR,
      configFile: false,
      mode: 'production',
      logLevel: 'warn',
      publicDir,
      cacheDir: join(work, 'vite-cache'),
      plugins: [react()],
      build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 5000 },
    });
  } finally {
    process.env.NODE_ENV = previous;
  }
  return outDir;
}

const KiB = 1024;

export interface FirstLoadResult {
  readonly ours: Bundle;
  readonly surveyJs: Bundle;
  /** The built SurveyJS site, kept for the interaction bench; removed by cleanUp. */
  readonly surveyJsDir: string;
  cleanUp(): void;
}

export interface Sent {
  /** Bodies as sent (compressed). */
  readonly body: number;
  /** Read from the socket: status lines, headers and bodies. */
  readonly wire: number;
  /** Files per content-encoding. */
  readonly encodings: Record<string, number>;
}

/** GETs each path from the server on a new connection, asking as Chromium does, and counts what comes back. */
async function sentBytes(origin: string, paths: readonly string[]): Promise<Sent> {
  let body = 0;
  let wire = 0;
  const encodings: Record<string, number> = {};
  for (const path of paths) {
    const url = `${origin}/${path === 'index.html' ? '' : path}`;
    const r = await get(url);
    if (r.status !== 200) throw new Error(`${url}: ${r.status}`);
    body += r.bodyBytes;
    wire += r.wireBytes;
    encodings[r.encoding] = (encodings[r.encoding] ?? 0) + 1;
  }
  return { body, wire, encodings };
}

/** The first load and the precache as the product's server sends them (its own compression), from a server process on loopback. */
async function asSent(first: Bundle, precache: Precache, questionnaires: readonly Questionnaire[]): Promise<{ first: Sent; precache: Sent }> {
  const test = await freshDatabase('sqlite');
  try {
    await (await prepareDatabase(test.config, questionnaires)).close();
    const server = await startServerProcess({ config: test.config, distDir: DIST_DIR });
    try {
      const origin = server.url.replace(/\/$/, '');
      return { first: await sentBytes(origin, first.files.map((f) => f.file)), precache: await sentBytes(origin, precache.files.map((f) => f.url.replace(/^\//, ''))) };
    } finally {
      await server.stop();
    }
  } finally {
    await test.drop();
  }
}

const encodingList = (sent: Sent) =>
  Object.entries(sent.encodings)
    .map(([encoding, n]) => `${encoding} ×${n}`)
    .join(', ');

export async function benchFirstLoad(report: Report, respondent: Questionnaire, questionnaires: readonly Questionnaire[]): Promise<FirstLoadResult> {
  await ensureBuilt();
  const ours = firstLoadBundle(DIST_DIR);
  if (ours.files.some((f) => f.file.includes('CoordinatorApp'))) throw new Error('The coordinator chunk is in the first load');
  const section = 'first load';
  const add = (name: string, sizes: Sizes) => {
    report.add(section, `${name}: raw`, sizes.raw / KiB, 'KiB');
    report.add(section, `${name}: gzip -9`, sizes.gzip / KiB, 'KiB');
    report.add(section, `${name}: brotli q11`, sizes.brotli / KiB, 'KiB');
  };
  add('ours, index.html + JS + CSS', ours.total);
  console.log(`  ours: ${ours.files.map((f) => `${f.file} ${(f.raw / KiB).toFixed(1)} KiB`).join(', ')}`);
  const precache = precacheOf(DIST_DIR);
  if (precache.files.some((f) => f.url.includes('CoordinatorApp'))) throw new Error('The coordinator chunk is precached');

  const sent = await asSent(ours, precache, questionnaires);
  const bestBrotli: Yardstick = { label: 'brotli q11 of the same files', value: ours.total.brotli / KiB, unit: 'KiB' };
  report.add(section, `ours as the server sends it (Accept-Encoding: ${BROWSER_ACCEPT_ENCODING}; ${encodingList(sent.first)}): bodies`, sent.first.body / KiB, 'KiB', { yardstick: bestBrotli });
  report.add(section, 'ours as the server sends it: on the wire, with status lines and headers', sent.first.wire / KiB, 'KiB');
  report.add(section, `precache total (${precache.files.length} files), as files`, precache.total / KiB, 'KiB');
  report.add(section, `precache as the server sends it (${encodingList(sent.precache)}): on the wire, with headers`, sent.precache.wire / KiB, 'KiB');
  for (const [kind, entry] of Object.entries(precache.byKind).sort(([a], [b]) => a.localeCompare(b))) {
    report.add(section, `precache ${kind} (${entry.files} files)`, entry.bytes / KiB, 'KiB');
  }
  if (!precache.byKind.audio) {
    const audioDir = join(ROOT, 'public', 'audio');
    report.note(
      existsSync(audioDir)
        ? 'Recorded audio in public/audio is not in the precache manifest: it is cached at tablet set-up (runtime cache "round-media").'
        : 'No recorded audio ships with the app (public/audio does not exist); read-aloud uses the device voice, so the precache holds no audio.',
    );
  }

  const started = performance.now();
  const surveyJsDir = await buildSurveyJs(respondent);
  console.log(`  SurveyJS build: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const surveyJs = firstLoadBundle(surveyJsDir);
  console.log(`  SurveyJS: ${surveyJs.files.map((f) => `${f.file} ${(f.raw / KiB).toFixed(1)} KiB`).join(', ')}`);
  add('SurveyJS, index.html + JS + CSS', surveyJs.total);
  report.add(section, 'ratio ours/SurveyJS, raw', ours.total.raw / surveyJs.total.raw, '×');
  report.add(section, 'ratio ours/SurveyJS, gzip', ours.total.gzip / surveyJs.total.gzip, '×');
  report.add(section, 'ratio ours/SurveyJS, brotli', ours.total.brotli / surveyJs.total.brotli, '×');
  // Ours as our server sends it against SurveyJS at its best (brotli q11 of every file): the target is ≤ 1/3.
  report.add(section, 'ratio ours as sent / SurveyJS brotli q11 (SurveyJS n× larger)', surveyJs.total.brotli / sent.first.body, '×');
  const modelBytes = statSync(join(surveyJsDir, 'survey.json')).size;
  report.note(
    `Both first loads exclude the questionnaire itself, which each app fetches as data (SurveyJS: survey.json, ${(modelBytes / KiB).toFixed(1)} KiB; ours: the round configuration from the API at tablet set-up).`,
  );
  return { ours, surveyJs, surveyJsDir, cleanUp: () => rmSync(dirname(surveyJsDir), { recursive: true, force: true }) };
}
