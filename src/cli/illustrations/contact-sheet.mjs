#!/usr/bin/env node
// Contact sheet of the illustration set, for checking style and legibility.
// Plain Node, no dependencies. Reads public/illustrations/*.svg.
//   node src/cli/illustrations/contact-sheet.mjs [--from=0] [--count=all] [--size=150] [--out=/tmp/contact-sheet.html]
// then e.g.
//   chromium --headless --no-sandbox --disable-gpu --screenshot=/tmp/sheet.png --window-size=1400,900 file:///tmp/contact-sheet.html
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = join(dirname(fileURLToPath(import.meta.url)), '../../../public/illustrations');
const arg = (k, d) => process.argv.find((a) => a.startsWith(`--${k}=`))?.slice(k.length + 3) ?? d;
const from = Number(arg('from', 0));
const size = Number(arg('size', 150));
const out = arg('out', '/tmp/contact-sheet.html');
const all = readdirSync(dir).filter((f) => f.endsWith('.svg')).sort();
const files = all.slice(from, from + Number(arg('count', all.length)));

const cells = files
  .map((f) => `<figure><img src="data:image/svg+xml;base64,${readFileSync(join(dir, f)).toString('base64')}" width="${size}" height="${size}" alt=""><figcaption>${f.replace('.svg', '')}</figcaption></figure>`)
  .join('\n');
writeFileSync(out, `<!doctype html><meta charset="utf-8"><title>Illustrations</title>
<style>body{margin:8px;font:13px system-ui,sans-serif;background:#fff;display:flex;flex-wrap:wrap;align-items:flex-start;gap:6px}
figure{margin:0;text-align:center}figcaption{margin-top:2px}</style>
${cells}
`);
console.log(`${files.length} of ${all.length} illustrations -> ${out}`);
