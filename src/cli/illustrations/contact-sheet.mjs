#!/usr/bin/env node
// Contact sheet of the illustration set, for checking style and legibility:
// either every picture with its name, or one questionnaire's pages with each
// page's picture and its text underneath (to judge picture and question together).
// Plain Node, no dependencies. Reads public/illustrations/*.svg.
//   node src/cli/illustrations/contact-sheet.mjs [--from=0] [--count=all] [--names=hus,seng] [--size=150] [--out=/tmp/contact-sheet.html]
//   node src/cli/illustrations/contact-sheet.mjs --questionnaire=questionnaires/respondent.json [--lang=nb] [--size=200] [--from=0] [--count=all]
// then e.g.
//   chromium --headless --no-sandbox --disable-gpu --screenshot=/tmp/sheet.png --window-size=1400,900 file:///tmp/contact-sheet.html
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const publicDir = join(dirname(fileURLToPath(import.meta.url)), '../../../public');
const dir = join(publicDir, 'illustrations');
const arg = (k, d) => process.argv.find((a) => a.startsWith(`--${k}=`))?.slice(k.length + 3) ?? d;
const size = Number(arg('size', 150));
const out = arg('out', '/tmp/contact-sheet.html');
const esc = (s) => String(s ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);

function img(file) {
  const full = join(publicDir, file);
  if (!existsSync(full)) return `<div class="missing" style="width:${size}px;height:${size}px">missing<br>${esc(file)}</div>`;
  return `<img src="data:image/svg+xml;base64,${readFileSync(full).toString('base64')}" width="${size}" height="${size}" alt="">`;
}

function pictureCells() {
  const all = readdirSync(dir).filter((f) => f.endsWith('.svg')).sort();
  const names = arg('names', '').split(',').filter(Boolean);
  const from = Number(arg('from', 0));
  const picked = names.length ? names.map((name) => `${name}.svg`) : all.slice(from, from + Number(arg('count', all.length)));
  const cells = picked.map((f) => `<figure>${img(`illustrations/${f}`)}<figcaption>${esc(f.replace('.svg', ''))}</figcaption></figure>`);
  return { cells, note: `${picked.length} of ${all.length} illustrations` };
}

// One cell per page that carries a picture: intro pages, sections, questions, the end page.
function questionnaireCells(file, lang) {
  const q = JSON.parse(readFileSync(file, 'utf8'));
  const t = (text) => (text && typeof text === 'object' ? (text[lang] ?? '') : (text ?? ''));
  const pages = [
    ...(q.intro ?? []).map((p) => ({ id: `intro ${p.id}`, title: t(p.title), text: t(p.text), pic: p.illustration })),
    ...(q.sections ?? []).flatMap((s) => [
      ...(s.illustration ? [{ id: `section ${s.id}`, text: t(s.title), pic: s.illustration, section: true }] : []),
      ...(q.questions ?? []).filter((x) => x.section === s.id).map((x) => ({
        id: x.id,
        text: t(x.text),
        pic: x.illustration,
        extra: [x.favourable && `favourable: ${x.favourable}`, x.kind === 'factual' && 'factual', x.pairedWith && `pair: ${x.pairedWith}`].filter(Boolean).join(' · '),
      })),
    ]),
    ...(q.end ? [{ id: 'end', title: t(q.end.title), text: t(q.end.text), pic: q.end.illustration }] : []),
  ];
  const from = Number(arg('from', 0));
  const cells = pages.slice(from, from + Number(arg('count', pages.length))).map((p) => {
    const name = p.pic?.file?.replace(/^illustrations\//, '').replace(/\.\w+$/, '') ?? '(no picture)';
    return `<figure class="${p.section ? 'section' : ''}" style="width:${size}px">${p.pic ? img(p.pic.file) : ''}` +
      `<figcaption>${p.title ? `<b>${esc(p.title)}</b><span>${esc(p.text)}</span>` : `<b>${esc(p.text)}</b>`}<small>${esc(p.id)} · ${esc(name)}${p.extra ? ` · ${esc(p.extra)}` : ''}</small>` +
      `<i>${esc(t(p.pic?.alt))}</i></figcaption></figure>`;
  });
  return { cells, note: `${pages.length} pages of ${file} (${lang})` };
}

const questionnaire = arg('questionnaire', '');
const { cells, note } = questionnaire ? questionnaireCells(questionnaire, arg('lang', 'nb')) : pictureCells();
writeFileSync(out, `<!doctype html><meta charset="utf-8"><title>Illustrations</title>
<style>body{margin:8px;font:13px system-ui,sans-serif;background:#fff;display:flex;flex-wrap:wrap;align-items:flex-start;gap:6px}
figure{margin:0;text-align:center}figcaption{margin-top:2px}figcaption b{display:block;font-size:15px;font-weight:600;line-height:1.25}
figcaption span{display:block;font-size:13px;line-height:1.3}figcaption small{display:block;color:#555;margin-top:2px}figcaption i{display:block;color:#777;font-size:11px}
figure.section{outline:3px solid #7E5BB5;outline-offset:1px}
.missing{display:flex;align-items:center;justify-content:center;background:#fdd;color:#900;font-size:12px}</style>
${cells.join('\n')}
`);
console.log(`${note} -> ${out}`);
