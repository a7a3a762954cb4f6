#!/usr/bin/env node
// Builds the illustration set of "Min stemme teller" from shared fragments.
// Plain Node, no dependencies. A developer tool, kept out of public/ so it is
// not shipped with the app. Run from anywhere:
//   node src/cli/illustrations/build.mjs [name ...]
// It writes public/illustrations/<name>.svg (all pictures, or only those named).
// Every picture: viewBox 0 0 200 200, light rounded-square background, dark
// 4 px outlines, one small palette, no text, no scripts, no external refs.
// The guide Eir is ONE fragment (EIR_BODY): only her position and arms vary.

import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '../../../public/illustrations');

// ---------------------------------------------------------------- palette
const INK = '#1F2A37';
const BG = '#EAF4FB';
const K = {
  white: '#FFFFFF',
  teal: '#12A594', // Eir only
  purple: '#7E5BB5', // staff ("personale") shirts
  blue: '#3B82C4',
  sky: '#A8D5F5',
  yellow: '#F7C948',
  gold: '#E0A92E',
  orange: '#F08A24',
  red: '#E2574C',
  pink: '#F49AC1',
  green: '#4CAF50',
  grass: '#9BD37A',
  leaf: '#3E9B4F',
  wood: '#C98B4E',
  woodDark: '#8A5A35',
  sand: '#EBD3A0',
  cream: '#FBEBD3',
  grey: '#A7B1BC',
  light: '#DDE3EA',
  jeans: '#4A6FA5',
  screen: '#34495E',
};
const SKIN = ['#FAD7B5', '#E9B48A', '#C68642', '#8D5524'];
const HAIR = { brown: '#6B3E1F', black: '#231A14', blond: '#E8C15A', red: '#B5482A', grey: '#C3C9D0' };

// ---------------------------------------------------------------- primitives
const n = (v) => Math.round(v * 10) / 10;
const NS = 'stroke="none"';
const at = (a) => (a ? ' ' + a : '');
const path = (d, fill = 'none', a = '') => `<path d="${d}" fill="${fill}"${at(a)}/>`;
const circle = (cx, cy, r, fill = 'none', a = '') =>
  `<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(r)}" fill="${fill}"${at(a)}/>`;
const ellipse = (cx, cy, rx, ry, fill = 'none', a = '') =>
  `<ellipse cx="${n(cx)}" cy="${n(cy)}" rx="${n(rx)}" ry="${n(ry)}" fill="${fill}"${at(a)}/>`;
const rect = (x, y, w, h, rx, fill = 'none', a = '') =>
  `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}"${rx ? ` rx="${n(rx)}"` : ''} fill="${fill}"${at(a)}/>`;
const g = (transform, body, a = '') => `<g transform="${transform}"${at(a)}>${body}</g>`;
const pts = (p) => p.map((q) => `${n(q[0])} ${n(q[1])}`);

// A thick stroke with a dark outline (arms, legs, handles, pipes).
function limb(points, color, w, sw = 4) {
  const q = pts(points);
  const d = q.length === 3 ? `M${q[0]}Q${q[1]} ${q[2]}` : `M${q[0]}L${q.slice(1).join(' ')}`;
  return path(d, 'none', `stroke-width="${n(w + 2 * sw)}"`) + path(d, 'none', `stroke="${color}" stroke-width="${n(w)}"`);
}

// Scaled group that keeps the outline at 4 px on screen.
const scaled = (x, y, s, body, rot = 0) =>
  g(`translate(${n(x)} ${n(y)})${rot ? ` rotate(${rot})` : ''}${s !== 1 ? ` scale(${s})` : ''}`, body, s !== 1 ? `stroke-width="${n(4 / s)}"` : '');

const HEART = 'M0 12C-6 8-16 2-16-6C-16-12-11-15-7-15C-3-15-1-12 0-10C1-12 3-15 7-15C11-15 16-12 16-6C16 2 6 8 0 12Z';
const heart = (x, y, s = 1, fill = K.red) => scaled(x, y, s, path(HEART, fill));
const SPARK = 'M0-11Q2-2 11 0Q2 2 0 11Q-2 2-11 0Q-2-2 0-11Z';
const sparkle = (x, y, s = 1) => scaled(x, y, s, path(SPARK, K.yellow));
const DROP = 'M0-9C3-4 7 0 7 4A7 7 0 0 1-7 4C-7 0-3-4 0-9Z';
const drop = (x, y, s = 1, fill = K.sky) => scaled(x, y, s, path(DROP, fill));

const ground = (y, fill = K.grass) =>
  path(`M0 ${y}H200V176A24 24 0 0 1 176 200H24A24 24 0 0 1 0 176Z`, fill, NS) + path(`M0 ${y}H200`);
const floor = (y) => ground(y, '#E3D3BC');

function sun(x, y, r = 13) {
  let rays = '';
  for (let i = 0; i < 8; i++) {
    const a = (i * Math.PI) / 4;
    rays += `M${n(x + Math.cos(a) * (r + 5))} ${n(y + Math.sin(a) * (r + 5))}L${n(x + Math.cos(a) * (r + 11))} ${n(y + Math.sin(a) * (r + 11))}`;
  }
  return path(rays) + circle(x, y, r, K.yellow);
}

const win = (x, y, w = 22, h = 22) => rect(x, y, w, h, 2, K.sky) + path(`M${x + w / 2} ${y}V${y + h}M${x} ${y + h / 2}H${x + w}`, 'none', 'stroke-width="3"');

// Speech bubble with three dots (never any text); tail points at [tx, ty].
// `inside` replaces the dots (e.g. small faces).
function bubble(x, y, w, h, tx, ty, fill = K.white, inside) {
  const bx = Math.min(Math.max(tx, x + 16), x + w - 16);
  const base = `M${bx - 9} ${y + h - 2}L${tx} ${ty}L${bx + 9} ${y + h - 2}Z`;
  const dots = inside ?? [-14, 0, 14].map((d) => circle(x + w / 2 + d, y + h / 2, 4.5, INK, NS)).join('');
  return path(base, fill) + rect(x, y, w, h, h / 2.4, fill) + path(`M${bx - 7} ${y + h - 3}L${tx} ${ty - 5}L${bx + 7} ${y + h - 3}Z`, fill, NS) + dots;
}

function clock(x, y, r) {
  let ticks = '';
  for (let i = 0; i < 12; i++) {
    const a = (i * Math.PI) / 6;
    const r1 = i % 3 === 0 ? r - 11 : r - 8;
    ticks += `M${n(x + Math.cos(a) * r1)} ${n(y + Math.sin(a) * r1)}L${n(x + Math.cos(a) * (r - 4))} ${n(y + Math.sin(a) * (r - 4))}`;
  }
  return circle(x, y, r, K.white) + path(ticks, 'none', 'stroke-width="3"') +
    path(`M${x} ${y}L${x} ${y - r + 14}M${x} ${y}L${x + r - 18} ${y + 6}`, 'none', 'stroke-width="5"') + circle(x, y, 4, INK, NS);
}

// Arrow head at the end (x2, y2) of a stroke coming from (x1, y1).
function arrowHead(x1, y1, x2, y2, fill) {
  const l = Math.hypot(x2 - x1, y2 - y1);
  const [dx, dy] = [(x2 - x1) / l, (y2 - y1) / l];
  const p = (a, b) => `${n(x2 + dx * a - dy * b)} ${n(y2 + dy * a + dx * b)}`;
  return path(`M${p(20, 0)}L${p(-4, 17)}L${p(-4, -17)}Z`, fill);
}

// A smiley button like the survey's answer buttons (no text).
function faceButton(x, y, r, fill, mood) {
  const m = {
    smile: `M${x - r * 0.38} ${y + r * 0.2}Q${x} ${y + r * 0.62} ${x + r * 0.38} ${y + r * 0.2}`,
    neutral: `M${x - r * 0.36} ${y + r * 0.36}H${x + r * 0.36}`,
    sad: `M${x - r * 0.36} ${y + r * 0.5}Q${x} ${y + r * 0.12} ${x + r * 0.36} ${y + r * 0.5}`,
  }[mood];
  return circle(x, y, r, fill) + circle(x - r * 0.33, y - r * 0.2, r * 0.11, INK, NS) + circle(x + r * 0.33, y - r * 0.2, r * 0.11, INK, NS) + path(m, 'none', 'stroke-width="4"');
}

// ---------------------------------------------------------------- people
// Local coordinates: head radius 20 centred at (0, 0); shoulders at (+-17, 30);
// full figures stand on y = 104. The group is scaled by s; outlines stay 4 px.

function headParts(o, sw) {
  const { skin, hair = 'short', hairColor = HAIR.brown, mood = 'smile', glasses = false, earrings = false, look = [0, 0] } = o;
  let back = '';
  let front = '';
  const cap = 'M-20-1C-21-17-12-24 0-24C12-24 21-17 20-1C16-9 9-12 2-12C-7-12-15-9-20-1Z';
  if (hair === 'long') back += path('M-23 0C-26-28 26-28 23 0L25 30Q0 36-25 30Z', hairColor);
  if (hair === 'bun') back += circle(0, -25, 10, hairColor);
  if (hair === 'ponytail') back += path('M12-16C30-22 36 0 30 22C26 10 21 1 12-4Z', hairColor);
  if (hair === 'scarf') back += path('M-24-2C-24-32 24-32 24-2L28 30Q0 38-28 30Z', hairColor);
  front += circle(0, 0, 20, skin);
  if (earrings) front += circle(-20, 8, 3, K.yellow, `stroke-width="${n(sw * 0.6)}"`) + circle(20, 8, 3, K.yellow, `stroke-width="${n(sw * 0.6)}"`);
  if (['short', 'long', 'bun', 'ponytail'].includes(hair)) front += path(cap, hairColor);
  if (hair === 'curly') {
    for (const a of [200, 225, 250, 270, 290, 315, 340]) {
      const r = (a * Math.PI) / 180;
      front += circle(Math.cos(r) * 16, Math.sin(r) * 16 - 2, 8.5, hairColor);
    }
  }
  if (hair === 'side') front += path('M-20 2C-21-8-18-15-11-19L-9-8Q-16-6-20 2ZM20 2C21-8 18-15 11-19L9-8Q16-6 20 2Z', hairColor);
  if (hair === 'scarf') front += path('M-24-2A24 24 0 0 1 24-2L24 4Q16-16 0-16Q-16-16-24 4Z', hairColor);
  // face
  const [lx, ly] = look;
  const thin = `stroke-width="${n(sw * 0.8)}"`;
  const eye = (x) => circle(x + lx, 1 + ly, 2.7, INK, NS);
  const blush = circle(-12, 8, 3.2, '#EE8E8E', 'stroke="none" opacity=".6"') + circle(12, 8, 3.2, '#EE8E8E', 'stroke="none" opacity=".6"');
  switch (mood) {
    case 'big':
      front += eye(-7) + eye(7) + blush + path('M-9 7Q0 20 9 7Z', '#7A2630', `stroke-width="${n(sw * 0.7)}"`);
      break;
    case 'sad':
      front += eye(-7) + eye(7) + path('M-7 15Q0 8 7 15M-12-5L-4-9M12-5L4-9', 'none', thin);
      break;
    case 'neutral':
      front += eye(-7) + eye(7) + path('M-6 11H6', 'none', thin);
      break;
    case 'scared':
      front += circle(-7, 0, 4.8, K.white, `stroke-width="${n(sw * 0.5)}"`) + circle(7, 0, 4.8, K.white, `stroke-width="${n(sw * 0.5)}"`) +
        circle(-7, 1, 2.2, INK, NS) + circle(7, 1, 2.2, INK, NS) + path('M-12-9Q-8-14-3-10M12-9Q8-14 3-10', 'none', thin) + ellipse(0, 12, 4, 5, INK, NS);
      break;
    case 'yawn':
      front += path('M-11 0Q-7 3-3 0M11 0Q7 3 3 0', 'none', thin) + ellipse(0, 11, 5, 6.5, '#7A2630', `stroke-width="${n(sw * 0.7)}"`);
      break;
    case 'calm':
      front += blush + path('M-10 2Q-7-2-4 2M10 2Q7-2 4 2M-7 9Q0 15 7 9', 'none', thin);
      break;
    case 'sick':
      front += circle(-12, 8, 3.6, '#E2574C', 'stroke="none" opacity=".55"') + circle(12, 8, 3.6, '#E2574C', 'stroke="none" opacity=".55"') +
        path('M-10 0Q-7 3-4 0M10 0Q7 3 4 0', 'none', thin);
      break;
    default: // smile
      front += eye(-7) + eye(7) + blush + path('M-7 9Q0 15 7 9', 'none', thin);
  }
  if (glasses) {
    front += path('M-14.5 1A6.5 6.5 0 1 0-1.5 1A6.5 6.5 0 1 0-14.5 1ZM1.5 1A6.5 6.5 0 1 0 14.5 1A6.5 6.5 0 1 0 1.5 1ZM-1.5 0Q0-2 1.5 0', 'none', `stroke-width="${n(sw * 0.7)}"`);
  }
  return { back, front };
}

const SHOULDER = { l: [-17, 30], r: [17, 30] };

function bodyParts(o) {
  const { s = 1, shirt = K.blue, pants = K.jeans, legs = 'stand', bust = false, bottom = 100, badge = false, coat = false, neckline = false, backpack = false } = o;
  const sw = 4 / s;
  const hp = headParts(o, sw);
  let out = hp.back;
  if (!bust && legs === 'sit') {
    for (const k of [-1, 1]) {
      out += limb([[k * 12, 74], [k * 13, 98]], pants, 13, sw) + ellipse(k * 13 + k * 4, 102, 10, 5.5, INK, NS);
    }
  } else if (!bust) {
    const L = { stand: [[[-10, 62], [-11, 100]], [[10, 62], [11, 100]]], apart: [[[-10, 62], [-26, 99]], [[10, 62], [26, 99]]], walk: [[[-9, 62], [-19, 98]], [[9, 62], [13, 100]]] }[legs];
    for (const [i, leg] of L.entries()) {
      out += limb(leg, pants, 13, sw);
      const [fx, fy] = leg[1];
      out += ellipse(fx + (i ? 4 : -4), fy + 4, 10, 5.5, INK, NS);
    }
  }
  if (backpack) out += rect(-30, 30, 60, 38, 10, K.orange);
  const lap = !bust && legs === 'sit' ? path('M-25 60H25Q27 60 27 64V76Q27 80 23 80H-23Q-27 80-27 76V64Q-27 60-25 60Z', pants) + path('M0 66V80', 'none', `stroke-width="${n(sw * 0.7)}"`) : '';
  const torso = bust
    ? `M-26 ${bottom}V40Q-26 22-10 21H10Q26 22 26 40V${bottom}Z`
    : 'M-24 66V40Q-24 22-10 21H10Q24 22 24 40V66Q24 72 18 72H-18Q-24 72-24 66Z';
  out += path(torso, coat ? K.white : shirt) + lap;
  if (coat) out += path('M-11 21L0 44L11 21Z', K.sky) + path(`M0 44V${bust ? bottom : 72}M-13 22L-4 48M13 22L4 48`, 'none', `stroke-width="${n(sw * 0.7)}"`);
  if (neckline) out += path('M-10 22Q0 31 10 22', 'none', `stroke-width="${n(sw * 0.7)}"`);
  if (badge) out += path('M-9 22L-2 40M9 22L2 40', 'none', `stroke-width="${n(sw * 0.55)}"`) + rect(-7, 38, 14, 17, 2.5, K.white, `stroke-width="${n(sw * 0.7)}"`) + rect(-3.5, 42, 7, 4, 1, K.blue, NS);
  if (backpack) out += path('M-18 22L-16 60M18 22L16 60', 'none', `stroke="${K.orange}" stroke-width="5"`);
  out += hp.front;
  return out;
}

function handPart(type, hand, from, tip, skin, sw) {
  const [hx, hy] = hand;
  switch (type) {
    case 'none':
      return '';
    case 'point': {
      const t = tip ?? [hx + (hx - from[0]) * 0.6, hy + (hy - from[1]) * 0.6];
      return limb([hand, t], skin, 5, sw) + circle(hx, hy, 6.5, skin);
    }
    case 'thumb':
      return limb([[hx - 2, hy - 4], [hx - 2, hy - 15]], skin, 5.5, sw) + rect(hx - 7.5, hy - 6, 15, 13, 5, skin);
    case 'open':
      return circle(hx, hy, 7.5, skin);
    default:
      return circle(hx, hy, 6.5, skin);
  }
}

function armParts(o) {
  const { x = 0, y = 0, s = 1, skin, shirt = K.blue, coat = false, bust = false, bottom = 100, arms = {} } = o;
  const sw = 4 / s;
  const local = (p) => [(p[0] - x) / s, (p[1] - y) / s];
  let out = '';
  for (const side of ['l', 'r']) {
    const spec = arms[side] ?? 'down';
    if (spec === 'none') continue;
    const sh = SHOULDER[side];
    const k = side === 'l' ? -1 : 1;
    let pts3;
    let hand = 'fist';
    let tip;
    if (spec === 'down' && bust) {
      out += path(`M${k * 19} 44Q${k * 21} 62 ${k * 20} ${bottom}`, 'none', `stroke-width="${n(sw * 0.75)}"`);
      continue;
    }
    if (spec === 'down') {
      pts3 = [sh, [k * 28, 46], [k * 29, 62]];
    } else {
      pts3 = [sh, local(spec.via), local(spec.to)];
      hand = spec.hand ?? 'fist';
      tip = spec.tip && local(spec.tip);
    }
    out += limb(pts3, coat ? K.white : shirt, 11, sw);
    out += handPart(hand, pts3[2], pts3[1], tip, skin, sw);
  }
  return out;
}

// layer: 'all' | 'body' | 'arms' (to slip a held object between body and hands)
function person(o, layer = 'all') {
  const { x, y, s = 1, rot = 0 } = o;
  const body = layer === 'arms' ? '' : bodyParts(o);
  const arms = layer === 'body' ? '' : armParts(o);
  return scaled(x, y, s, body + arms, rot);
}

// ---------------------------------------------------------------- Eir
// Eir's look is fixed here, once. EIR_BODY is the very same string on every
// page; only translate(x) and the arms change.
const EIR = { skin: '#F3C9A6', hair: 'bun', hairColor: '#7A4623', shirt: K.teal, glasses: true, earrings: true, neckline: true, mood: 'smile', bust: true, bottom: 100, s: 1.3, y: 74 };
const EIR_BODY = bodyParts(EIR);
function eir(x, arms = {}) {
  return scaled(x, EIR.y, EIR.s, EIR_BODY + armParts({ ...EIR, x, arms }));
}

// Recurring people
const STAFF = { shirt: K.purple, badge: true, skin: SKIN[3], hair: 'curly', hairColor: HAIR.black }; // the familiar staff member
const STAFF2 = { shirt: K.purple, badge: true, skin: SKIN[0], hair: 'ponytail', hairColor: HAIR.blond };
const ME = { skin: SKIN[1], hair: 'short', hairColor: HAIR.brown, shirt: K.orange }; // "you", the respondent
const FRIEND = { skin: SKIN[0], hair: 'long', hairColor: HAIR.red, shirt: K.green };
const FRIEND2 = { skin: SKIN[2], hair: 'scarf', hairColor: K.blue, shirt: K.yellow };

// ---------------------------------------------------------------- second-edition fragments
// A wooden chair seen from the front, for a person sitting at (x, y) with scale s
// (legs: 'sit'): the back goes behind the person, the seat and legs show beside them.
const chairBack = (x, y, s) => rect(x - 32 * s, y + 8 * s, 64 * s, 60 * s, 8 * s, K.wood);
const chairSeat = (x, y, s) => rect(x - 34 * s, y + 96 * s, 8 * s, 36 * s, 2, K.woodDark) + rect(x + 26 * s, y + 96 * s, 8 * s, 36 * s, 2, K.woodDark) +
  rect(x - 36 * s, y + 66 * s, 72 * s, 32 * s, 5, K.woodDark);
const chair = (x, y, s) => chairBack(x, y, s) + chairSeat(x, y, s);
// A table seen from the front: top at y, legs down to the bottom of the card.
const table = (x1, x2, y, fill = K.wood) => rect(x1 + 12, y + 14, 10, 210 - y, 2, K.woodDark) + rect(x2 - 22, y + 14, 10, 210 - y, 2, K.woodDark) + rect(x1, y, x2 - x1, 16, 4, fill);
const mug = (x, y, fill = K.blue) => limb([[x + 9, y - 14], [x + 17, y - 12], [x + 15, y - 4], [x + 9, y - 4]], fill, 4) + rect(x - 10, y - 20, 20, 20, 4, fill);
const steam = (x, y) => path(`M${x - 5} ${y}Q${x - 10} ${y - 7} ${x - 5} ${y - 14}M${x + 5} ${y}Q${x} ${y - 7} ${x + 5} ${y - 14}`, 'none', 'stroke-width="3"');
// A closed door in a wall: frame, two panels, handle on the left.
const door = (x, y, w, h, fill = K.wood) => rect(x - 8, y - 8, w + 16, h + 8, 5, K.woodDark) + rect(x, y, w, h, 3, fill) +
  rect(x + 10, y + 12, w - 20, h * 0.36, 4, 'none', 'stroke-width="3"') + rect(x + 10, y + h * 0.36 + 24, w - 20, h * 0.52 - 24, 4, 'none', 'stroke-width="3"') +
  rect(x + 6, y + h * 0.48, 16, 7, 3, K.yellow);
// A stethoscope round a person's neck, in the person's local coordinates.
const stethoscope = (x, y, s) => scaled(x, y, s, path('M-12 22Q-20 46-3 58M12 22Q20 46 3 58', 'none', 'stroke="#4B5563" stroke-width="4"') + circle(0, 64, 7, K.grey));
// A small picture card (pictogram) for plans and boards.
function pictogram(x, y, w, kind) {
  const c = x + w / 2;
  const m = y + w / 2;
  const r = w * 0.3;
  const body = {
    sun: circle(c, m, r, K.yellow, 'stroke-width="3"'),
    food: circle(c, m, r, K.white, 'stroke-width="3"') + circle(c, m, r * 0.5, K.orange, 'stroke-width="2.5"'),
    bus: rect(c - r * 1.1, m - r * 0.8, r * 2.2, r * 1.5, 3, K.red, 'stroke-width="3"') + circle(c - r * 0.6, m + r * 0.8, r * 0.3, INK, NS) + circle(c + r * 0.6, m + r * 0.8, r * 0.3, INK, NS),
    bed: rect(c - r * 1.1, m - r * 0.1, r * 2.2, r * 0.7, 2, K.blue, 'stroke-width="3"') + rect(c - r * 1.1, m - r * 0.5, r * 0.7, r * 0.5, 2, K.white, 'stroke-width="2.5"'),
    ball: circle(c, m, r, K.white, 'stroke-width="3"') + circle(c, m, r * 0.35, INK, NS),
    cup: rect(c - r * 0.7, m - r * 0.6, r * 1.4, r * 1.4, 2, K.blue, 'stroke-width="3"') + path(`M${c + r * 0.7} ${m - r * 0.3}Q${c + r * 1.3} ${m} ${c + r * 0.7} ${m + r * 0.4}`, 'none', 'stroke-width="3"'),
  }[kind];
  return rect(x, y, w, w, 4, K.white, 'stroke-width="3"') + body;
}

// ---------------------------------------------------------------- scenes
const S = {};

// --- Eir pages
S.eir = () => eir(100, { r: { via: [150, 118], to: [152, 62], hand: 'open' } }) +
  path('M166 44Q174 50 172 60M172 36Q184 46 181 64', 'none', 'stroke-width="4"');

S['eir-hemmelig'] = () => eir(82, { r: { via: [120, 146], to: [88, 118], hand: 'point', tip: [84, 84] } }) +
  limb([[142, 100], [142, 86], [160, 86], [160, 100]], K.grey, 8) + rect(130, 98, 42, 36, 7, K.yellow) + circle(151, 112, 4.5, INK, NS) + path('M151 114V124', 'none', 'stroke-width="5"');

S['eir-hoppe-over'] = () => eir(58, { r: { via: [100, 140], to: [110, 112], hand: 'point', tip: [122, 104] } }) +
  rect(140, 126, 30, 38, 5, K.white) + path('M147 137H163M147 146H163M147 155H158', 'none', `stroke="${K.grey}" stroke-width="4"`) +
  limb([[118, 142], [150, 40], [178, 122]], K.green, 12) + arrowHead(150, 40, 178, 122, K.green);

S['eir-knapper'] = () => eir(58, { r: { via: [100, 146], to: [112, 118], hand: 'open' } }) +
  faceButton(154, 46, 25, K.green, 'smile') + faceButton(154, 102, 25, K.yellow, 'neutral') + faceButton(154, 158, 25, K.orange, 'sad');

S['eir-hoyttaler'] = () => eir(56, { r: { via: [98, 146], to: [106, 118], hand: 'point', tip: [118, 110] } }) +
  path('M122 84H138L160 62V142L138 120H122Z', K.blue) + path('M138 84V120', 'none') +
  path('M170 86Q178 102 170 118M178 74Q194 102 178 130', 'none', 'stroke-width="5"');

S['eir-takk'] = () => eir(100, { r: { via: [152, 130], to: [150, 96], hand: 'thumb' } }) +
  sparkle(40, 44, 1) + sparkle(166, 42, 0.8) + sparkle(28, 90, 0.6);

S['eir-pause'] = () => eir(58, { r: { via: [98, 146], to: [104, 120], hand: 'point', tip: [114, 110] } }) +
  circle(152, 100, 38, K.blue) + rect(136, 80, 11, 40, 3, K.white) + rect(157, 80, 11, 40, 3, K.white);

// --- Places and things
S.hus = () => ground(160) + sun(38, 38) + rect(124, 50, 16, 34, 2, K.red) + rect(50, 92, 100, 70, 3, K.yellow) +
  path('M36 98L100 42L164 98Z', K.red) + rect(88, 120, 24, 42, 3, K.blue) + circle(106, 142, 2.5, INK, NS) + win(58, 106) + win(120, 106);

S.seng = () => floor(176) + path('M166 28A22 22 0 1 0 180 66A17 17 0 1 1 166 28Z', K.yellow) + sparkle(126, 40, 0.6) + sparkle(104, 64, 0.45) +
  rect(42, 150, 10, 26, 2, K.woodDark) + rect(148, 150, 10, 26, 2, K.woodDark) + rect(26, 84, 18, 92, 8, K.wood) +
  rect(40, 140, 122, 16, 4, K.wood) + rect(42, 120, 118, 22, 6, K.white) + rect(48, 102, 42, 24, 12, K.white) +
  rect(78, 112, 84, 42, 9, K.blue) + path('M78 124H162', 'none', 'stroke-width="3"') + rect(156, 116, 18, 60, 8, K.wood);

S.kjokken = () => floor(176) +
  rect(16, 116, 44, 60, 3, K.cream) + rect(12, 106, 52, 12, 3, K.wood) + path('M30 132H46', 'none', 'stroke-width="5"') +
  rect(140, 116, 44, 60, 3, K.cream) + rect(136, 106, 52, 12, 3, K.wood) + path('M154 132H170', 'none', 'stroke-width="5"') +
  rect(62, 106, 76, 70, 3, K.white) + rect(58, 100, 84, 10, 3, K.grey) +
  [76, 92, 108, 124].map((cx) => circle(cx, 118, 4, INK, NS)).join('') +
  rect(70, 128, 60, 40, 4, K.light) + rect(78, 138, 44, 22, 3, K.screen) + path('M82 133H118', 'none', 'stroke-width="4"') +
  rect(60, 72, 10, 8, 3, K.red) + rect(130, 72, 10, 8, 3, K.red) + rect(68, 66, 64, 34, 6, K.red) + path('M64 66Q100 48 136 66Z', '#C9443A') + circle(100, 52, 4.5, INK, NS) +
  path('M84 42Q78 34 84 26Q90 18 84 10M100 38Q94 30 100 22Q106 14 100 6M116 42Q110 34 116 26Q122 18 116 10', 'none', 'stroke-width="4"');

S.mat = () => circle(100, 102, 62, K.white) + circle(100, 102, 46, 'none', `stroke="${K.light}" stroke-width="4"`) +
  path('M70 86C68 70 96 62 110 72C120 80 112 98 94 100C82 101 72 96 70 86Z', '#9A5B32') + path('M82 78L96 92M92 74L104 86', 'none', 'stroke="#6B3A1C" stroke-width="4"') +
  ellipse(124, 92, 12, 9, K.yellow) + ellipse(126, 114, 11, 8, K.yellow) +
  rect(102, 122, 20, 9, 4, K.orange) + rect(98, 134, 18, 9, 4, K.orange) +
  limb([[84, 136], [86, 122]], K.leaf, 5) + circle(76, 118, 9, K.green) + circle(90, 112, 9, K.green) + circle(88, 124, 9, K.green) +
  rect(22, 74, 9, 88, 4, K.grey) + rect(16, 38, 21, 42, 8, K.grey) + path('M23 38V60M30 38V60', 'none', 'stroke-width="3"') +
  path('M168 38Q186 58 182 100H168Z', K.light) + rect(166, 98, 17, 64, 6, K.woodDark);

S['rom-eget'] = () => floor(182) + rect(50, 18, 100, 166, 5, K.woodDark) + rect(58, 26, 84, 156, 3, K.wood) +
  rect(68, 38, 64, 52, 4, 'none', 'stroke-width="3"') + rect(68, 102, 64, 66, 4, 'none', 'stroke-width="3"') +
  circle(128, 98, 6, K.yellow) + circle(128, 112, 2.6, INK, NS) + path('M128 112V118', 'none', 'stroke-width="3"') +
  g('translate(118 156) rotate(-24)', rect(16, -6, 54, 12, 3, K.yellow) + rect(54, 4, 7, 13, 1.5, K.yellow) + rect(42, 4, 7, 9, 1.5, K.yellow) + circle(0, 0, 19, K.yellow) + circle(-3, 0, 6, K.wood));

S.stue = () => floor(178) +
  rect(48, 20, 104, 68, 8, INK) + rect(56, 28, 88, 52, 3, K.sky, NS) + path('M56 80Q78 56 98 70Q118 56 144 72V80Z', K.green, NS) + circle(126, 44, 8, K.yellow, NS) +
  path('M90 88L84 100H116L110 88Z', K.grey) +
  rect(30, 168, 8, 12, 2, K.woodDark) + rect(162, 168, 8, 12, 2, K.woodDark) +
  rect(32, 106, 136, 46, 14, K.orange) + rect(42, 138, 116, 28, 8, '#F6A55A') + path('M100 140V164', 'none', 'stroke-width="3"') +
  rect(18, 120, 30, 52, 12, K.orange) + rect(152, 120, 30, 52, 12, K.orange);

S.bad = () => floor(184) + limb([[166, 182], [166, 30], [126, 30]], K.grey, 8) + path('M96 58Q98 36 120 36Q142 36 144 58Z', K.grey) +
  [[104, 76], [120, 72], [136, 76], [100, 100], [116, 96], [132, 100], [144, 96], [108, 122], [126, 120]].map(([x, y]) => drop(x, y, 0.9)).join('') +
  limb([[16, 40], [62, 40]], K.grey, 5) + path('M22 40H56V94Q56 98 52 98H26Q22 98 22 94Z', K.pink) + path('M22 84H56', 'none', 'stroke-width="3"') +
  circle(44, 182, 6, K.grey) + circle(150, 182, 6, K.grey) + rect(28, 140, 138, 40, 16, K.white) + rect(22, 132, 150, 14, 7, K.white);

S.rydde = () => floor(174) + path('M30 174Q36 158 52 160Q62 150 76 160Q88 158 92 174Z', K.grey) +
  g('translate(116 150) rotate(32)', limb([[0, 0], [0, -124]], K.wood, 8) + rect(-11, -6, 22, 12, 3, K.red) + path('M-13 6H13L26 42H-26Z', K.yellow) + path('M-6 12L-12 42M0 12V42M6 12L12 42', 'none', 'stroke-width="3"')) +
  sparkle(158, 44, 1) + sparkle(180, 82, 0.6) + sparkle(132, 74, 0.55);

S.besok = () => floor(172) + rect(-4, 26, 104, 150, 0, '#F2D8B3') + rect(-4, 18, 110, 12, 2, K.red) +
  rect(22, 48, 60, 124, 2, '#FCE7A8') + path('M22 48L44 56V166L22 172Z', K.wood) + rect(20, 46, 64, 126, 3, 'none') +
  person({ ...FRIEND2, x: 146, y: 66, s: 0.95, arms: { r: { via: [178, 104], to: [180, 66], hand: 'open' }, l: { via: [118, 126], to: [120, 114] } } }, 'body') +
  limb([[120, 114], [112, 88]], K.leaf, 4) + limb([[120, 114], [122, 84]], K.leaf, 4) + limb([[120, 114], [130, 90]], K.leaf, 4) +
  circle(111, 84, 7, K.red) + circle(122, 80, 7, K.pink) + circle(131, 88, 7, K.yellow) +
  person({ ...FRIEND2, x: 146, y: 66, s: 0.95, arms: { r: { via: [178, 104], to: [180, 66], hand: 'open' }, l: { via: [118, 126], to: [120, 114] } } }, 'arms') +
  path('M192 52Q196 62 192 72', 'none');

S.nabo = () => ground(122) +
  rect(16, 70, 68, 52, 3, K.yellow) + path('M8 74L50 36L92 74Z', K.red) + rect(42, 94, 16, 28, 2, K.blue) + win(22, 82, 14, 14) + win(64, 82, 14, 14) +
  rect(116, 70, 68, 52, 3, K.white) + path('M108 74L150 36L192 74Z', K.blue) + rect(142, 94, 16, 28, 2, K.red) + win(122, 82, 14, 14) + win(164, 82, 14, 14) +
  person({ ...ME, x: 62, y: 124, s: 0.6, arms: { r: { via: [86, 138], to: [90, 116], hand: 'open' } } }) +
  person({ ...FRIEND, x: 138, y: 124, s: 0.6, arms: { l: { via: [114, 138], to: [110, 116], hand: 'open' } } }) + heart(100, 106, 0.55);

S.arbeid = () => {
  const me = { ...ME, x: 100, y: 58, s: 1, bust: true, bottom: 60, look: [-2, 3],
    arms: { l: { via: [60, 118], to: [64, 106] }, r: { via: [154, 112], to: [146, 96] } } };
  return floor(178) + rect(10, 12, 180, 70, 6, '#F1D9B5') +
    [[20, 22], [180, 22], [20, 72], [180, 72]].map(([x, y]) => circle(x, y, 2.5, K.woodDark, NS)).join('') +
    rect(30, 32, 8, 40, 3, K.wood) + rect(18, 24, 32, 14, 4, K.grey) +
    rect(164, 24, 12, 22, 5, K.red) + limb([[170, 46], [170, 70]], K.grey, 4) +
    person(me, 'body') +
    rect(34, 98, 80, 14, 2, K.sand) + path('M90 98V90', 'none', 'stroke-width="4"') +
    limb([[146, 98], [146, 70]], K.wood, 7) + rect(132, 60, 28, 13, 3, K.grey) +
    person(me, 'arms') +
    rect(28, 128, 12, 50, 2, K.woodDark) + rect(160, 128, 12, 50, 2, K.woodDark) + rect(28, 156, 144, 8, 2, K.woodDark) +
    rect(14, 110, 172, 18, 4, K.wood);
};

S.dagsenter = () => rect(24, 70, 152, 140, 0, K.cream) + path('M10 76L100 22L190 76Z', K.orange) + circle(100, 56, 10, K.sky) +
  person({ ...FRIEND, x: 52, y: 114, s: 0.8, bust: true, bottom: 50, mood: 'big' }) +
  person({ ...FRIEND2, x: 148, y: 114, s: 0.8, bust: true, bottom: 50, mood: 'big' }) +
  person({ ...ME, x: 100, y: 108, s: 0.8, bust: true, bottom: 55, mood: 'big' }) +
  rect(36, 160, 8, 40, 2, K.woodDark) + rect(156, 160, 8, 40, 2, K.woodDark) +
  rect(26, 148, 148, 16, 4, K.wood);

S.buss = () => path('M0 170H200V176A24 24 0 0 1 176 200H24A24 24 0 0 1 0 176Z', K.grey, NS) + path('M0 170H200') +
  path('M24 186H52M86 186H114M148 186H176', 'none', `stroke="${K.white}" stroke-width="5"`) +
  rect(12, 60, 176, 96, 16, K.red) + win(22, 72, 28, 30) + win(56, 72, 28, 30) + win(90, 72, 28, 30) +
  rect(124, 72, 26, 68, 3, K.sky) + path('M137 72V140', 'none', 'stroke-width="3"') + path('M156 72H174Q180 72 180 78V110H156Z', K.sky) +
  rect(12, 114, 112, 8, 0, K.white, NS) + circle(176, 136, 5, K.yellow) +
  circle(48, 156, 17, INK) + circle(48, 156, 7, K.grey, NS) + circle(156, 156, 17, INK) + circle(156, 156, 7, K.grey, NS);

S.skole = () => ground(168) + rect(26, 80, 120, 88, 2, '#E8735A') + path('M18 84L86 38L154 84Z', '#C9503A') +
  path('M78 74Q78 56 86 56Q94 56 94 74Z', K.yellow) + circle(86, 76, 3, INK, NS) +
  win(38, 96, 24, 24) + win(110, 96, 24, 24) + rect(72, 124, 28, 44, 3, K.wood) + path('M86 124V168', 'none', 'stroke-width="3"') +
  path('M106 142Q126 134 146 142Q166 134 186 142V178Q166 170 146 178Q126 170 106 178Z', K.blue) +
  path('M110 138Q128 130 146 138V172Q128 164 110 172Z', K.white) + path('M146 138Q164 130 182 138V172Q164 164 146 172Z', K.white) +
  path('M118 146Q128 142 138 146M118 156Q128 152 138 156M154 146Q164 142 174 146M154 156Q164 152 174 156', 'none', `stroke="${K.grey}" stroke-width="3"`);

function coinStack(x, y, count) {
  let s = '';
  for (let i = 0; i < count; i++) {
    const cy = y - i * 11;
    s += path(`M${x - 28} ${cy}V${cy + 8}A28 9 0 0 0 ${x + 28} ${cy + 8}V${cy}Z`, K.gold) + ellipse(x, cy, 28, 9, K.yellow);
  }
  return s;
}
const note = (x, y, rot) => g(`translate(${x} ${y}) rotate(${rot})`, rect(-62, -34, 124, 68, 8, '#7BC47F') + rect(-52, -24, 104, 48, 4, 'none', 'stroke="#2F7A3B" stroke-width="3"') + circle(0, 0, 15, '#B9E2B9') + circle(-38, 0, 5, '#2F7A3B', NS) + circle(38, 0, 5, '#2F7A3B', NS));
S.lonn = () => note(92, 66, -8) + note(102, 86, 4) + coinStack(146, 160, 3) + circle(62, 152, 26, K.yellow) + circle(62, 152, 17, 'none', `stroke="${K.gold}" stroke-width="4"`);

S.kollega = () => {
  const a = { ...ME, x: 48, y: 58, s: 0.88, arms: { r: { via: [60, 112], to: [72, 104] } } };
  const b = { ...FRIEND2, x: 152, y: 58, s: 0.88, arms: { l: { via: [140, 112], to: [128, 104] } } };
  return floor(160) + person(a, 'body') + person(b, 'body') + rect(62, 84, 76, 54, 4, K.wood) + path('M62 100H138M100 84V100', 'none', 'stroke-width="3"') +
    person(a, 'arms') + person(b, 'arms') + sparkle(100, 40, 0.8);
};

S['pause-kaffe'] = () => floor(166) + path('M54 56Q46 48 54 40Q62 32 54 24M72 56Q64 48 72 40Q80 32 72 24M90 56Q82 48 90 40Q98 32 90 24', 'none') +
  ellipse(72, 164, 50, 9, K.white) + limb([[106, 98], [124, 102], [121, 122], [102, 130]], K.blue, 8) +
  path('M32 80H112L104 146Q102 156 92 156H52Q42 156 40 146Z', K.blue) + ellipse(72, 80, 40, 9, '#7A4A2A') +
  g('translate(10 0)', path('M128 118H176L168 160H136Z', K.orange) + path('M140 120L144 158M152 120V158M164 120L160 158', 'none', 'stroke-width="3"') +
  path('M124 122Q120 102 136 100Q138 84 152 84Q166 84 168 100Q184 102 180 122Z', K.pink) + limb([[152, 74], [158, 64]], K.leaf, 3) + circle(152, 78, 7, K.red));

function football(x, y, r) {
  const P = (ang, rad) => [x + Math.cos(ang) * rad, y + Math.sin(ang) * rad];
  const D = (a) => ((a - 90) * Math.PI) / 180;
  const pent = [0, 72, 144, 216, 288].map((a) => P(D(a), 11));
  let lines = '';
  let patches = '';
  for (let i = 0; i < 5; i++) {
    const a = i * 72;
    const [px, py] = pent[i];
    const [ox, oy] = P(D(a), r * 0.62);
    lines += `M${n(px)} ${n(py)}L${n(ox)} ${n(oy)}`;
    const c = a + 36;
    const p1 = P(D(c - 16), r * 0.7);
    const p2 = P(D(c + 16), r * 0.7);
    const e1 = P(D(c - 22), r);
    const e2 = P(D(c + 22), r);
    patches += path(`M${n(p1[0])} ${n(p1[1])}L${n(e1[0])} ${n(e1[1])}A${r} ${r} 0 0 1 ${n(e2[0])} ${n(e2[1])}L${n(p2[0])} ${n(p2[1])}Z`, INK, 'stroke-width="2"');
  }
  return circle(x, y, r, K.white) + patches + path(lines, 'none', 'stroke-width="3"') + path(`M${pts(pent).join('L')}Z`, INK, 'stroke-width="2"') + circle(x, y, r);
}
S.fritid = () => floor(180) +
  g('translate(72 146) rotate(-20)',
    circle(0, -16, 22, K.orange) + circle(0, 12, 29, K.orange) + circle(0, -16, 20, K.orange, NS) + circle(0, 12, 27, K.orange, NS) + path('M-14-2H14', 'none', `stroke="${K.orange}" stroke-width="16"`) +
    rect(-6, -102, 12, 80, 2, K.woodDark) + rect(-10, -122, 20, 24, 5, '#5B3A1E') + circle(0, -4, 9, INK, NS) + rect(-12, 20, 24, 6, 2, K.woodDark) +
    path('M-3-102V22M3-102V22', 'none', `stroke="${K.light}" stroke-width="1.6"`)) +
  football(148, 144, 34);

S.venner = () =>
  person({ ...FRIEND, x: 46, y: 98, s: 0.92, bust: true, bottom: 115, mood: 'big', arms: { l: { via: [10, 122], to: [16, 76], hand: 'open' } } }) +
  person({ ...FRIEND2, x: 154, y: 98, s: 0.92, bust: true, bottom: 115, mood: 'big', arms: { r: { via: [190, 122], to: [184, 76], hand: 'open' } } }) +
  person({ ...ME, x: 100, y: 90, s: 0.98, bust: true, bottom: 115, mood: 'big' }) + heart(100, 34, 0.9);

function pine(x, y, s = 1) {
  return scaled(x, y, s, rect(-5, 0, 10, 16, 2, K.woodDark) + path('M-24 4L0-26L24 4Z', K.leaf) + path('M-19-14L0-42L19-14Z', K.leaf));
}
S.tur = () => sun(158, 36) + path('M0 112Q50 96 100 114Q150 128 200 106V200H0Z', K.grass, NS) + path('M0 112Q50 96 100 114Q150 128 200 106') +
  path('M62 200Q96 160 104 116H118Q122 160 158 200Z', K.sand, NS) + path('M62 200Q96 160 104 116M118 116Q122 160 158 200') +
  pine(30, 130, 1.1) + pine(176, 116, 1) + pine(150, 104, 0.6) + pine(58, 104, 0.55) +
  person({ ...ME, x: 112, y: 92, s: 0.66, legs: 'walk', backpack: true, arms: { l: { via: [90, 126], to: [84, 132] }, r: { via: [134, 118], to: [138, 128] } } }) +
  limb([[138, 110], [142, 158]], K.woodDark, 4);

S.trening = () => floor(172) + person({ ...FRIEND, x: 100, y: 64, s: 0.95, legs: 'apart', shirt: K.red, arms: { l: { via: [52, 84], to: [60, 38] }, r: { via: [148, 84], to: [140, 38] } } }, 'body') +
  limb([[40, 38], [160, 38]], K.grey, 6) + rect(30, 22, 12, 32, 3, INK) + rect(158, 22, 12, 32, 3, INK) +
  person({ ...FRIEND, x: 100, y: 64, s: 0.95, legs: 'apart', shirt: K.red, arms: { l: { via: [52, 84], to: [60, 38] }, r: { via: [148, 84], to: [140, 38] } } }, 'arms') +
  path('M24 96H40M22 110H36M160 96H176M164 110H178', 'none');

S.musikk = () => limb([[46, 112], [100, -48], [154, 112]], K.blue, 12) +
  rect(30, 96, 30, 58, 12, K.blue) + rect(140, 96, 30, 58, 12, K.blue) + rect(54, 104, 12, 42, 5, INK) + rect(134, 104, 12, 42, 5, INK) +
  path('M86 92L124 82L124 94L86 104Z', K.orange) + limb([[86, 98], [86, 148]], K.orange, 5) + limb([[124, 88], [124, 138]], K.orange, 5) +
  ellipse(80, 150, 10, 8, K.orange, 'transform="rotate(-20 80 150)"') + ellipse(118, 140, 10, 8, K.orange, 'transform="rotate(-20 118 140)"') ;

S.telefon = () => rect(60, 20, 80, 160, 16, INK) + rect(68, 36, 64, 124, 4, K.sky, NS) +
  [[74, 44, K.red], [103, 44, K.green], [74, 72, K.yellow], [103, 72, K.blue], [74, 100, K.orange], [103, 100, K.purple]].map(([x, y, c]) => rect(x, y, 23, 22, 6, c, 'stroke-width="3"')).join('') +
  circle(100, 170, 5, K.grey, NS) + rect(88, 26, 24, 4, 2, K.grey, NS) +
  path('M42 82Q34 100 42 118M30 70Q16 100 30 130M158 82Q166 100 158 118M170 70Q184 100 170 130', 'none', 'stroke-width="5"');

S.kjaereste = () => floor(172) +
  person({ ...FRIEND, x: 60, y: 66, s: 0.92, arms: { r: { via: [84, 108], to: [97, 114] } } }) +
  person({ ...ME, x: 140, y: 66, s: 0.92, shirt: K.blue, arms: { l: { via: [116, 108], to: [103, 114] } } }) + heart(100, 34, 1.5);

S.kalender = () => {
  let cells = '';
  for (let r = 0; r < 4; r++) for (let c = 0; c < 5; c++) cells += rect(46 + c * 23, 86 + r * 22, 17, 16, 3, K.white, `stroke="${K.grey}" stroke-width="3"`);
  return rect(34, 38, 132, 146, 10, K.white) + path('M34 76V48Q34 38 44 38H156Q166 38 166 48V76Z', K.red) +
    rect(64, 26, 10, 24, 5, K.light) + rect(126, 26, 10, 24, 5, K.light) + cells +
    path('M73 94L77 99L85 89M119 116L123 121L131 111M50 138L54 143L62 133', 'none', `stroke="${K.leaf}" stroke-width="4"`) +
    circle(146.5, 94, 12, 'none', `stroke="${K.red}" stroke-width="4"`) + heart(100.5, 160, 0.42) + sparkle(77.5, 160, 0.55) + circle(146.5, 138, 5, K.blue, NS);
};

S.lege = () => person({ skin: SKIN[2], hair: 'short', hairColor: HAIR.black, coat: true, x: 100, y: 74, s: 1.3, bust: true, bottom: 100 }) +
  path('M84 102Q74 134 96 150M116 102Q126 134 104 150', 'none', 'stroke="#4B5563" stroke-width="5"') + circle(100, 156, 9, K.grey) +
  rect(124, 150, 22, 22, 3, K.white) + path('M135 155V167M129 161H141', 'none', `stroke="${K.red}" stroke-width="5"`);

const capsule = (x, y, rot, a, b) => g(`translate(${x} ${y}) rotate(${rot})`, path('M0-10H-14A10 10 0 0 0-14 10H0Z', a) + path('M0-10H14A10 10 0 0 1 14 10H0Z', b));
S.medisin = () => capsule(52, 64, -30, K.red, K.white) + capsule(142, 70, 24, K.blue, K.yellow) + circle(98, 60, 13, K.white) + path('M89 60H107', 'none', 'stroke-width="3"') +
  circle(114, 92, 8, K.yellow) + circle(80, 94, 8, K.white) +
  rect(16, 126, 168, 46, 8, K.light) + [K.red, K.orange, K.yellow, K.green, K.blue, K.purple, K.pink].map((c, i) => rect(22 + i * 23, 114, 19, 18, 4, c, 'stroke-width="3"')).join('') +
  path('M39 134V170M62 134V170M85 134V170M108 134V170M131 134V170M154 134V170', 'none', 'stroke-width="3"');

const TOOTH = 'M52 44C64 32 80 38 88 44C96 38 112 32 124 44C140 60 134 90 128 104C124 126 120 160 108 160C98 160 98 124 88 124C78 124 78 160 68 160C56 160 52 126 48 104C42 90 36 60 52 44Z';
S.tannlege = () => floor(182) +
  // lamp on an arm from the ceiling, shining on the chair
  limb([[150, -4], [150, 18], [92, 22]], K.grey, 6) + path('M72 28Q92 8 112 28Z', K.yellow) +
  // the dentist behind the chair
  person({ skin: SKIN[0], hair: 'short', hairColor: HAIR.grey, coat: true, x: 150, y: 70, s: 0.9, bust: true, bottom: 90,
    arms: { l: { via: [118, 134], to: [114, 102] } } }) +
  limb([[114, 102], [108, 84]], K.grey, 3) + circle(107, 80, 5, K.light) +
  // the chair: pedestal, reclining cushion, the person lying back in it
  rect(78, 148, 20, 30, 3, K.grey) + rect(56, 174, 64, 8, 4, K.grey) +
  limb([[34, 104], [96, 140], [176, 148]], K.sky, 34) +
  person({ ...ME, x: 46, y: 104, s: 0.78, bust: true, bottom: 64, rot: -62, mood: 'smile', look: [1, -1], arms: { l: 'none', r: 'none' } }) +
  limb([[90, 128], [128, 130], [164, 142]], K.jeans, 14) + ellipse(172, 140, 6, 10, INK, NS) +
  // a tooth sign
  circle(30, 36, 22, K.white) + scaled(30, 36, 0.3, path(TOOTH, K.white, 'transform="translate(-88 -98)"'));

S.syk = () => floor(180) + rect(44, 156, 10, 24, 2, K.woodDark) + rect(150, 156, 10, 24, 2, K.woodDark) + rect(24, 78, 18, 102, 8, K.wood) +
  rect(38, 144, 126, 16, 4, K.wood) + rect(40, 96, 50, 28, 12, K.white) +
  person({ ...ME, x: 64, y: 106, s: 0.85, mood: 'sick', bust: true, bottom: 40, arms: { l: 'none', r: 'none' } }) +
  limb([[70, 119], [94, 108]], K.white, 4) + circle(70, 119, 3.5, K.red, 'stroke-width="2"') +
  path('M74 160V132Q74 118 90 118Q124 108 150 120Q164 126 164 138V160Z', K.blue) + path('M92 124Q100 136 92 150', 'none', 'stroke-width="3"') +
  rect(158, 118, 18, 62, 8, K.wood) + drop(88, 86, 0.8);

const EMO = { ...ME, x: 100, y: 86, s: 1.45, bust: true, bottom: 85 };
S.glad = () => person({ ...EMO, mood: 'big', arms: { l: { via: [40, 124], to: [38, 70], hand: 'open' }, r: { via: [160, 124], to: [162, 70], hand: 'open' } } }) +
  sparkle(30, 34, 1) + sparkle(170, 34, 0.9) + sparkle(100, 22, 0.6);
S.trist = () => path('M132 40Q132 26 146 26Q152 14 166 18Q180 16 182 30Q194 32 190 44Q188 52 178 52H140Q130 50 132 40Z', K.grey) +
  drop(146, 66, 0.7) + drop(164, 72, 0.7) + person({ ...EMO, shirt: K.blue, mood: 'sad' }) + drop(89, 106, 0.8);
S.redd = () => person({ ...EMO, shirt: K.blue, mood: 'scared', arms: { l: { via: [40, 160], to: [68, 104], hand: 'open' }, r: { via: [160, 160], to: [132, 104], hand: 'open' } } }) +
  path('M46 62Q40 74 46 86M36 58Q28 74 36 90M154 62Q160 74 154 86M164 58Q172 74 164 90', 'none');

S.trygg = () => [[40, 46], [58, 26], [146, 28], [164, 48], [24, 70], [178, 72]].map(([x, y]) => drop(x, y, 0.8)).join('') +
  person({ ...ME, x: 100, y: 116, s: 1.1, bust: true, bottom: 80, mood: 'calm' }) + heart(100, 170, 0.7) +
  limb([[22, 100], [100, 38], [100, 38], [178, 100]], K.red, 16);

const tshirt = (x, y, fill) => g(`translate(${x} ${y})`, path('M-10-22L-26-15L-34-1L-22 5L-18 0V24H18V0L22 5L34-1L26-15L10-22Q0-12-10-22Z', fill));
S.bestemme = () => circle(48, 54, 36, K.white) + tshirt(48, 56, K.red) +
  circle(152, 54, 36, K.white, `stroke="${K.leaf}" stroke-width="7"`) + tshirt(152, 56, K.blue) +
  person({ ...FRIEND, x: 100, y: 130, s: 1, bust: true, bottom: 75, arms: { r: { via: [136, 150], to: [124, 108], hand: 'point', tip: [130, 96] } } });

S.snakke = () => bubble(12, 20, 82, 46, 46, 94) + bubble(106, 40, 82, 46, 154, 104, '#FFF3C4') +
  person({ ...FRIEND, x: 50, y: 130, s: 1, bust: true, bottom: 75 }) + person({ ...ME, x: 150, y: 130, s: 1, bust: true, bottom: 75 });

S.lytte = () => bubble(8, 16, 78, 44, 40, 90) +
  person({ ...FRIEND2, x: 50, y: 128, s: 1, bust: true, bottom: 80 }) +
  // the staff member leans in towards the person and listens, eyes on them
  person({ ...STAFF2, x: 140, y: 110, s: 1.05, bust: true, bottom: 90, rot: -9, look: [-3, 1], mood: 'smile' });

const pinCard = (x, y, w, h, body) => rect(x, y, w, h, 3, K.white) + body + circle(x + w / 2, y + 2, 4, K.red, 'stroke-width="2.5"');
S.informasjon = () => rect(46, 150, 10, 38, 2, K.woodDark) + rect(144, 150, 10, 38, 2, K.woodDark) +
  rect(20, 28, 160, 126, 10, K.woodDark) + rect(28, 36, 144, 110, 5, K.wood, NS) +
  pinCard(36, 46, 60, 44, rect(54, 64, 24, 20, 1, K.yellow, 'stroke-width="3"') + path('M50 66L66 54L82 66Z', K.red, 'stroke-width="3"')) +
  pinCard(104, 44, 60, 46, circle(134, 68, 11, K.yellow, 'stroke-width="3"')) +
  pinCard(40, 98, 58, 42, rect(52, 110, 34, 24, 3, K.white, 'stroke-width="3"') + rect(52, 110, 34, 8, 3, K.red, 'stroke-width="3"')) +
  pinCard(106, 96, 56, 44, circle(134, 114, 7, SKIN[1], 'stroke-width="3"') + path('M122 136Q122 124 134 124Q146 124 146 136Z', K.blue, 'stroke-width="3"'));

S.personale = () => floor(172) +
  person({ ...ME, x: 64, y: 68, s: 0.92, mood: 'big', arms: { l: { via: [34, 98], to: [36, 74], hand: 'thumb' } } }) +
  person({ ...STAFF, x: 136, y: 62, s: 0.98, arms: { l: { via: [110, 104], to: [84, 92] } } });

S['personale-tid'] = () => clock(100, 46, 30) +
  person({ ...ME, x: 54, y: 120, s: 0.95, bust: true, bottom: 60 }) +
  person({ ...STAFF, x: 146, y: 108, s: 1, bust: true, bottom: 65 }) +
  rect(8, 168, 184, 16, 5, K.wood) + rect(24, 184, 10, 20, 2, K.woodDark) + rect(166, 184, 10, 20, 2, K.woodDark) +
  heart(100, 104, 0.7);

S['personale-kjent'] = () => person({ ...STAFF, x: 86, y: 78, s: 1.35, bust: true, bottom: 95, mood: 'big' }) + heart(160, 52, 1.3) + sparkle(158, 108, 0.6);

S['personale-nye'] = () => {
  const looks = [
    { skin: SKIN[0], hair: 'short', hairColor: HAIR.blond },
    { skin: SKIN[3], hair: 'scarf', hairColor: K.orange },
    { skin: SKIN[1], hair: 'long', hairColor: HAIR.black },
    { skin: SKIN[2], hair: 'curly', hairColor: HAIR.brown },
    { skin: SKIN[0], hair: 'side', hairColor: HAIR.grey },
    { skin: SKIN[1], hair: 'ponytail', hairColor: HAIR.red },
  ];
  return looks.map((l, i) => person({ ...l, shirt: K.purple, badge: true, x: 36 + (i % 3) * 64, y: i < 3 ? 38 : 126, s: 1.08, bust: true, bottom: 44 })).join('');
};

S.respekt = () => floor(172) +
  person({ ...FRIEND2, x: 56, y: 66, s: 0.92, arms: { r: { via: [78, 118], to: [96, 112] } } }) +
  person({ ...STAFF2, x: 144, y: 66, s: 0.92, arms: { l: { via: [122, 118], to: [104, 112] } } }) +
  path('M92 96L88 90M100 94V86M108 96L112 90', 'none');

S.klage = () => floor(172) +
  // the leader sitting behind a desk
  person({ skin: SKIN[0], hair: 'side', hairColor: HAIR.grey, glasses: true, shirt: K.purple, badge: true, x: 152, y: 88, s: 0.95, bust: true, bottom: 60, look: [-2, 0] }) +
  rect(96, 122, 104, 14, 4, K.wood) + rect(102, 136, 92, 42, 3, K.woodDark) + rect(112, 146, 72, 10, 3, K.wood, 'stroke-width="3"') +
  rect(114, 112, 30, 10, 2, K.white) + rect(176, 106, 14, 16, 3, K.blue) +
  // the person telling about something that is wrong
  bubble(8, 6, 80, 42, 54, 56) +
  person({ ...ME, x: 54, y: 78, s: 0.88, mood: 'neutral', look: [2, 0], arms: { r: { via: [90, 128], to: [98, 110], hand: 'open' } } });

S['hjelp-alt'] = () => floor(160) +
  // two whole staff figures beside the person, open hands: ready to help
  person({ ...STAFF, x: 36, y: 84, s: 0.8, arms: { r: { via: [62, 140], to: [66, 118], hand: 'open' } } }) +
  person({ ...STAFF2, x: 164, y: 84, s: 0.8, arms: { l: { via: [138, 140], to: [134, 118], hand: 'open' } } }) +
  person({ ...ME, x: 100, y: 92, s: 0.9, mood: 'big', arms: { r: { via: [134, 146], to: [124, 118], hand: 'thumb' } } }) +
  heart(100, 40, 0.9);

S.familie = () => floor(168) +
  person({ skin: SKIN[1], hair: 'side', hairColor: HAIR.grey, shirt: K.green, x: 44, y: 50, s: 1, arms: { r: { via: [66, 100], to: [74, 110] } } }) +
  person({ skin: SKIN[1], hair: 'long', hairColor: HAIR.brown, shirt: K.red, x: 158, y: 62, s: 0.9, arms: { l: { via: [136, 108], to: [128, 114] } } }) +
  person({ ...ME, x: 101, y: 60, s: 0.92, mood: 'big', arms: { l: { via: [82, 102], to: [75, 110] }, r: { via: [118, 104], to: [127, 114] } } });

S.kommentar = () => g('rotate(-5 100 100)', rect(40, 24, 114, 154, 6, K.white) +
  path('M56 52H138M56 74H138M56 96H138M56 118H138M56 140H138M56 162H100', 'none', `stroke="${K.light}" stroke-width="4"`) +
  path('M56 140Q62 130 68 140Q74 150 80 140Q86 130 92 140Q98 150 104 140Q110 130 116 140', 'none', `stroke="${K.blue}" stroke-width="4"`)) +
  g('translate(118 138) rotate(38)', path('M-8-18L0 0L8-18Z', K.cream) + circle(0, -3, 2.2, INK, NS) + rect(-8, -84, 16, 66, 4, K.yellow) + rect(-8, -96, 16, 16, 4, K.red));

S.hjelper = () => {
  const a = { ...ME, x: 60, y: 92, s: 1, bust: true, bottom: 110, look: [2, 3], arms: { r: { via: [70, 180], to: [58, 170], hand: 'none' } } };
  const b = { ...FRIEND2, x: 140, y: 88, s: 1.05, bust: true, bottom: 110, look: [-2, 3], arms: { l: { via: [130, 180], to: [142, 170], hand: 'none' } } };
  return person(a) + person(b) + rect(52, 124, 96, 66, 8, INK) + rect(59, 131, 82, 52, 3, K.white, NS) +
    faceButton(76, 154, 11, K.green, 'smile') + faceButton(100, 154, 11, K.yellow, 'neutral') + faceButton(124, 154, 11, K.orange, 'sad') +
    circle(54, 168, 7, a.skin) + circle(146, 168, 7, b.skin);
};

// --- Second edition: new pictures
S['vente-klokke'] = () => {
  const me = { ...ME, x: 66, y: 74, s: 0.9, legs: 'sit', mood: 'neutral', look: [3, -3] };
  return floor(150) + clock(148, 52, 30) + chair(148, 96, 0.82) + chairBack(me.x, me.y, me.s) + chairSeat(me.x, me.y, me.s) + person(me);
};

S['kaffe-sammen'] = () => win(142, 18, 40, 36) +
  person({ ...FRIEND, x: 40, y: 96, s: 0.85, bust: true, bottom: 70, mood: 'big' }) +
  person({ ...FRIEND2, x: 160, y: 96, s: 0.85, bust: true, bottom: 70, mood: 'smile' }) +
  person({ ...ME, x: 100, y: 88, s: 0.88, bust: true, bottom: 75, mood: 'big' }) +
  table(4, 196, 150) + mug(44, 150, K.red) + mug(100, 150, K.blue) + mug(156, 150, K.yellow) +
  steam(44, 124) + steam(100, 124) + steam(156, 124);

S['kjede-seg'] = () => {
  const me = { ...ME, x: 100, y: 88, s: 0.86, legs: 'sit', mood: 'yawn', arms: { r: { via: [132, 126], to: [118, 104], hand: 'open' } } };
  return floor(180) + win(20, 22, 44, 40) +
    rect(32, 106, 136, 46, 14, K.green) + person(me) + rect(18, 120, 30, 54, 12, K.green) + rect(152, 120, 30, 54, 12, K.green) +
    rect(30, 172, 8, 10, 2, K.woodDark) + rect(162, 172, 8, 10, 2, K.woodDark);
};

S['andre-bestemmer'] = () => {
  const rows = [['sun', 'bus'], ['food', 'ball'], ['cup', 'bed']];
  const plan = rect(12, 14, 96, 114, 6, K.white) + rect(12, 14, 96, 16, 6, K.red) +
    rows.map(([a, b], i) => pictogram(20, 38 + i * 29, 24, a) + pictogram(50, 38 + i * 29, 24, b) + path(`M82 ${50 + i * 29}H98`, 'none', `stroke="${K.grey}" stroke-width="4"`)).join('');
  return plan +
    person({ ...STAFF, x: 150, y: 84, s: 1, bust: true, bottom: 120, look: [-3, -1], arms: { l: { via: [126, 96], to: [114, 62], hand: 'point', tip: [104, 56] } } }) +
    person({ ...FRIEND, x: 56, y: 156, s: 0.9, bust: true, bottom: 60, mood: 'neutral', look: [3, -3] });
};

S['banke-pa'] = () => floor(186) + door(40, 20, 96, 166) +
  // a staff member's hand knocks: purple sleeve from the right, fist on the door, knock marks
  limb([[214, 138], [164, 110]], K.purple, 22) + rect(130, 92, 34, 32, 10, SKIN[3]) +
  path('M130 102H140M130 113H140', 'none', 'stroke-width="3"') + rect(144, 84, 14, 18, 6, SKIN[3]) +
  path('M120 84Q112 108 120 132M108 74Q96 108 108 142', 'none', 'stroke-width="5"');

S['rom-mitt'] = () => floor(168) +
  // a poster and a photo on the wall, the person's own bed, a plant
  rect(24, 20, 58, 70, 4, K.yellow) + heart(53, 50, 1) + path('M36 76H70', 'none', 'stroke-width="3"') +
  rect(134, 28, 48, 40, 4, K.wood) + rect(140, 34, 36, 28, 2, K.sky) + circle(158, 44, 6, SKIN[2], 'stroke-width="3"') + path('M148 62Q148 52 158 52Q168 52 168 62Z', K.green, 'stroke-width="3"') +
  rect(14, 104, 16, 80, 7, K.wood) + rect(26, 150, 8, 34, 2, K.woodDark) + rect(118, 150, 8, 34, 2, K.woodDark) +
  rect(22, 140, 112, 14, 4, K.wood) + rect(26, 122, 104, 22, 6, K.white) + rect(30, 108, 40, 22, 11, K.white) +
  path('M64 116H134V146Q134 152 128 152H64Z', K.purple) + path('M64 128H134', 'none', 'stroke-width="3"') + rect(124, 118, 14, 64, 7, K.wood) +
  rect(150, 146, 34, 40, 4, K.orange) + rect(146, 140, 42, 10, 3, K.orange) +
  path('M166 140Q150 118 140 104Q160 108 166 130Q168 102 180 90Q184 114 168 140Z', K.leaf) ;

S['lege-snakke'] = () => bubble(8, 10, 78, 42, 44, 68) + bubble(126, 24, 66, 34, 150, 58, '#FFF3C4') +
  person({ ...ME, x: 48, y: 100, s: 0.92, bust: true, bottom: 70, look: [3, 0] }) +
  person({ skin: SKIN[2], hair: 'short', hairColor: HAIR.black, coat: true, x: 152, y: 96, s: 0.92, bust: true, bottom: 72, look: [-3, 0] }) +
  stethoscope(152, 96, 0.92) +
  table(4, 196, 150) + rect(128, 134, 30, 16, 2, K.white) + path('M134 140H152', 'none', `stroke="${K.grey}" stroke-width="3"`);

// A small workplace building with a round sign above the door.
const workplace = (x, wall, roof, sign) => rect(x, 52, 64, 56, 3, wall) + path(`M${x - 8} 56L${x + 32} 24L${x + 72} 56Z`, roof) +
  rect(x + 22, 84, 20, 24, 2, K.white) + circle(x + 32, 64, 15, K.white, 'stroke-width="3"') + sign;
S['velge-jobb'] = () => ground(108, '#E3D3BC') +
  workplace(10, K.yellow, K.red, mug(40, 73, K.blue)) +
  workplace(126, K.sky, K.blue, limb([[160, 60], [160, 76]], K.wood, 4, 2.5) + rect(149, 52, 22, 9, 2, K.grey, 'stroke-width="3"')) +
  limb([[80, 146], [56, 132], [46, 122]], K.green, 8) + arrowHead(56, 132, 44, 118, K.green) +
  limb([[120, 146], [144, 132], [154, 122]], K.green, 8) + arrowHead(144, 132, 156, 118, K.green) +
  person({ ...ME, x: 100, y: 150, s: 0.9, bust: true, bottom: 60, look: [0, -3], mood: 'neutral' });

S.bildeplan = () => person({ ...ME, x: 54, y: 86, s: 0.9, bust: true, bottom: 75, look: [2, 4] }) +
  person({ ...STAFF2, x: 148, y: 82, s: 0.92, bust: true, bottom: 75, look: [-2, 4], arms: { l: { via: [122, 150], to: [116, 128], hand: 'point', tip: [108, 138] } } }, 'body') +
  table(4, 196, 158) + rect(16, 128, 168, 44, 6, K.white) +
  ['sun', 'food', 'bus', 'bed'].map((k, i) => pictogram(24 + i * 40, 134, 32, k)).join('') +
  person({ ...STAFF2, x: 148, y: 82, s: 0.92, bust: true, bottom: 75, look: [-2, 4], arms: { l: { via: [122, 150], to: [116, 128], hand: 'point', tip: [108, 138] } } }, 'arms');

S['dagens-personale'] = () => {
  const staff = [
    { ...STAFF, x: 46 },
    { skin: SKIN[1], hair: 'short', hairColor: HAIR.black, shirt: K.purple, badge: true, x: 100 },
    { ...STAFF2, x: 154 },
  ];
  const photos = staff.map((p) => rect(p.x - 24, 78, 48, 60, 3, K.white) + rect(p.x - 19, 83, 38, 50, 2, K.sky, 'stroke-width="3"') +
    person({ ...p, y: 104, s: 0.62, bust: true, bottom: 46 }) + circle(p.x, 80, 4, K.red, 'stroke-width="2.5"')).join('');
  return rect(14, 18, 172, 136, 8, K.woodDark) + rect(22, 26, 156, 120, 4, K.wood, NS) +
    rect(78, 32, 44, 38, 3, K.white) + sun(100, 51, 8) + photos +
    rect(40, 154, 10, 40, 2, K.woodDark) + rect(150, 154, 10, 40, 2, K.woodDark);
};

// A plain football: white ball, black centre patch, seams out to the edge.
function ball(x, y, r) {
  const p = [0, 1, 2, 3, 4].map((i) => [x + Math.cos(((i * 72 - 90) * Math.PI) / 180) * r * 0.36, y + Math.sin(((i * 72 - 90) * Math.PI) / 180) * r * 0.36]);
  const q = p.map(([px, py]) => [x + (px - x) * 2.7, y + (py - y) * 2.7]);
  return circle(x, y, r, K.white) + path(p.map(([a, b], i) => `M${n(a)} ${n(b)}L${n(q[i][0])} ${n(q[i][1])}`).join(''), 'none', 'stroke-width="3"') +
    path(`M${pts(p).join('L')}Z`, INK, 'stroke-width="2"');
}
S.aktiviteter = () => {
  const badge = (x, y, fill) => circle(x, y, 44, fill);
  const notes = (x, y) => path(`M${x - 14} ${y - 16}L${x + 16} ${y - 24}V${y - 14}L${x - 14} ${y - 6}Z`, INK) +
    limb([[x - 14, y - 12], [x - 14, y + 16]], INK, 2, 1.5) + limb([[x + 16, y - 20], [x + 16, y + 8]], INK, 2, 1.5) +
    ellipse(x - 20, y + 18, 8, 6, INK, 'transform="rotate(-20 ' + (x - 20) + ' ' + (y + 18) + ')"') + ellipse(x + 10, y + 10, 8, 6, INK, 'transform="rotate(-20 ' + (x + 10) + ' ' + (y + 10) + ')"');
  const paint = (x, y) => path(`M${x - 30} ${y + 2}C${x - 30} ${y - 24} ${x + 22} ${y - 30} ${x + 28} ${y - 4}C${x + 32} ${y + 14} ${x + 10} ${y + 8} ${x + 6} ${y + 18}C${x + 2} ${y + 30} ${x - 30} ${y + 26} ${x - 30} ${y + 2}Z`, K.sand) +
    circle(x - 16, y - 6, 5, K.red, 'stroke-width="2.5"') + circle(x - 2, y - 14, 5, K.blue, 'stroke-width="2.5"') + circle(x + 14, y - 10, 5, K.yellow, 'stroke-width="2.5"') + circle(x - 14, y + 12, 5, K.green, 'stroke-width="2.5"') +
    g(`translate(${x + 20} ${y + 14}) rotate(40)`, rect(-3, -34, 6, 30, 2, K.wood, 'stroke-width="3"') + path('M-5-4H5L3 10Q0 14-3 10Z', K.red, 'stroke-width="3"'));
  const swim = (x, y) => person({ skin: SKIN[2], hair: 'short', hairColor: K.red, shirt: K.sky, x: x - 6, y: y - 2, s: 0.6, bust: true, bottom: 20, arms: { l: 'none', r: 'none' } }) +
    limb([[x + 8, y + 4], [x + 22, y - 16], [x + 30, y - 4]], SKIN[2], 6, 3) +
    path(`M${x - 38} ${y + 10}H${x + 38}V${y + 40}H${x - 38}Z`, K.sky, NS) +
    path(`M${x - 38} ${y + 10}Q${x - 28} ${y + 2} ${x - 19} ${y + 10}Q${x - 10} ${y + 18} ${x} ${y + 10}Q${x + 10} ${y + 2} ${x + 19} ${y + 10}Q${x + 28} ${y + 18} ${x + 38} ${y + 10}`, 'none', `stroke="${K.blue}" stroke-width="5"`);
  return badge(52, 52, K.grass) + ball(52, 52, 30) +
    badge(148, 52, K.yellow) + notes(148, 54) +
    badge(52, 148, K.white) + paint(52, 148) +
    g('', `<clipPath id="mst-aktiviteter-swim"><circle cx="148" cy="148" r="44"/></clipPath>` + badge(148, 148, K.white) + g('', swim(148, 150), 'clip-path="url(#mst-aktiviteter-swim)"') + circle(148, 148, 44));
};

S.penger = () => {
  const me = { ...ME, x: 100, y: 66, s: 1.05, bust: true, bottom: 130, mood: 'big', look: [-2, 3],
    arms: { l: { via: [50, 150], to: [66, 134] }, r: { via: [150, 140], to: [146, 104] } } };
  // the person's own wallet, open, with a note and coins; a note in the other hand
  return person(me, 'body') +
    rect(58, 112, 44, 18, 3, '#7BC47F') + circle(80, 121, 5, '#B9E2B9', 'stroke-width="3"') +
    circle(104, 118, 9, K.yellow) +
    rect(46, 122, 68, 42, 9, K.woodDark) + path('M46 136H114', 'none', 'stroke-width="3"') + rect(96, 140, 20, 14, 5, K.wood) + circle(105, 147, 3, INK, NS) +
    g('translate(154 88) rotate(12)', rect(-22, -14, 44, 28, 4, '#7BC47F') + rect(-15, -8, 30, 16, 3, 'none', 'stroke="#2F7A3B" stroke-width="3"') + circle(0, 0, 5, '#B9E2B9', 'stroke-width="3"')) +
    person(me, 'arms') +
    circle(168, 170, 14, K.yellow) + circle(168, 170, 8, 'none', `stroke="${K.gold}" stroke-width="3"`);
};

const bigKey = (x, y, rot) => g(`translate(${x} ${y}) rotate(${rot})`, rect(16, -6, 54, 12, 3, K.yellow) + rect(54, 4, 7, 13, 1.5, K.yellow) + rect(42, 4, 7, 9, 1.5, K.yellow) + circle(0, 0, 19, K.yellow) + circle(-3, 0, 6, K.sky));
S['egen-nokkel'] = () => {
  const me = { ...ME, x: 136, y: 84, s: 0.86, mood: 'big', look: [2, -1], arms: { r: { via: [182, 140], to: [168, 124] } } };
  return rect(0, 0, 200, 200, 0, K.cream, NS) + floor(184) + door(24, 40, 72, 144, K.blue) +
    rect(104, 40, 20, 16, 3, K.white) + circle(114, 48, 4, INK, NS) +
    person(me, 'body') + bigKey(168, 124, -90) + person(me, 'arms');
};

S['gjore-selv'] = () => {
  const me = { ...ME, x: 82, y: 50, s: 0.9, bust: true, bottom: 90, look: [0, 4],
    arms: { l: { via: [34, 110], to: [50, 112] }, r: { via: [136, 116], to: [122, 100] } } };
  return win(16, 14, 40, 36) +
    // the staff member further back, arms down: "you do it yourself"
    person({ ...STAFF, x: 166, y: 64, s: 0.7, bust: true, bottom: 90, mood: 'smile', look: [-3, 1] }) +
    person(me) +
    // the sandwich on a plate, a knife spreading
    ellipse(82, 124, 50, 8, K.white) + rect(48, 96, 68, 28, 10, K.wood) + rect(53, 100, 58, 20, 7, K.sand, 'stroke-width="3"') +
    rect(60, 94, 28, 14, 3, K.yellow, 'stroke-width="3"') + circle(100, 102, 8, K.red, 'stroke-width="3"') +
    circle(50, 112, 6.5, ME.skin) + path('M118 98L100 88Q96 88 98 92Z', K.grey, 'stroke-width="3"') + circle(122, 100, 6.5, ME.skin) +
    rect(0, 132, 200, 70, 0, K.cream) + rect(0, 126, 200, 10, 3, K.grey) + path('M66 136V200M134 136V200', 'none', 'stroke-width="3"') +
    path('M24 160H44M90 160H110M156 160H176', 'none', 'stroke-width="5"');
};

S['reise-jobb'] = () => path('M0 170H200V200H0Z', K.grey, NS) + path('M0 170H200') +
  // a white minibus with its side door open; the person steps in with a backpack
  path('M6 66Q6 50 22 50H150L184 86Q192 92 192 102V146Q192 154 184 154H14Q6 154 6 146Z', K.white) + path('M8 116H190', 'none', `stroke="${K.blue}" stroke-width="10"`) + path('M8 110H190M8 122H190', 'none', 'stroke-width="3"') + circle(184, 132, 5, K.yellow) +
  win(18, 62, 30, 30) + win(54, 62, 30, 30) + path('M158 60H146V96H186Z', K.sky) +
  rect(88, 60, 50, 94, 4, K.screen) + rect(138, 60, 8, 94, 3, K.light) + rect(90, 140, 46, 10, 2, K.grey) +
  circle(42, 156, 16, INK) + circle(42, 156, 6, K.grey, NS) + circle(160, 156, 16, INK) + circle(160, 156, 6, K.grey, NS) +
  person({ ...ME, x: 112, y: 86, s: 0.66, legs: 'walk', backpack: true, mood: 'smile', arms: { r: { via: [144, 112], to: [140, 92] } } });

S.dusj = () => {
  let tiles = '';
  for (let x = 24; x < 200; x += 28) tiles += `M${x} 0V176`;
  for (let y = 28; y < 176; y += 28) tiles += `M0 ${y}H200`;
  return path(tiles, 'none', `stroke="${K.white}" stroke-width="3"`) + floor(176) + ellipse(124, 186, 16, 4, K.grey) +
    limb([[176, 176], [176, 40], [140, 40]], K.grey, 8) + path('M110 70Q112 46 134 46Q156 46 158 70Z', K.grey) +
    [[118, 88], [134, 84], [150, 88], [112, 114], [128, 110], [144, 114], [120, 140], [138, 136], [126, 162]].map(([x, y]) => drop(x, y, 0.85)).join('') +
    // the shower curtain pulled to the side on its rail
    limb([[4, 18], [96, 18]], K.grey, 5) +
    path('M8 22H70Q76 90 64 176H8Z', K.sky) + path('M24 24Q28 100 22 174M40 24Q46 100 40 174M56 24Q62 100 54 174', 'none', 'stroke-width="3"') +
    [14, 30, 46, 62].map((x) => circle(x, 18, 4, K.white, 'stroke-width="3"')).join('');
};

S['sporre-hvordan'] = () => bubble(76, 8, 116, 54, 150, 84, K.white,
  faceButton(104, 35, 13, K.green, 'smile') + faceButton(134, 35, 13, K.yellow, 'neutral') + faceButton(164, 35, 13, K.orange, 'sad')) +
  person({ ...FRIEND, x: 50, y: 112, s: 1, bust: true, bottom: 90, look: [2, 0] }) +
  person({ ...STAFF, x: 150, y: 116, s: 1, bust: true, bottom: 90, look: [-3, 0], arms: { l: { via: [112, 170], to: [108, 148], hand: 'open' } } });

S['eir-hjelper'] = () => {
  // Eir points at a person answering on the tablet with a helper beside them, who can see the screen
  const a = { ...ME, x: 122, y: 112, s: 0.74, bust: true, bottom: 120, look: [2, 3], arms: { r: { via: [130, 190], to: [116, 180], hand: 'none' } } };
  const b = { ...STAFF2, x: 172, y: 106, s: 0.78, bust: true, bottom: 120, look: [-3, 4], arms: { l: { via: [164, 190], to: [178, 180], hand: 'none' } } };
  return person(a) + person(b) +
    rect(110, 148, 82, 56, 7, INK) + rect(116, 154, 70, 46, 3, K.white, NS) +
    faceButton(131, 174, 9, K.green, 'smile') + faceButton(151, 174, 9, K.yellow, 'neutral') + faceButton(171, 174, 9, K.orange, 'sad') +
    circle(112, 184, 6, a.skin) + circle(188, 184, 6, b.skin) +
    eir(40, { r: { via: [82, 150], to: [90, 134], hand: 'point', tip: [104, 138] } });
};

S['bolig-ute'] = () => ground(150) +
  // the home seen from outside: a path up to the front door, a lamp, bushes
  rect(30, 70, 140, 82, 3, K.cream) + path('M18 76L100 22L182 76Z', K.red) + rect(134, 30, 16, 30, 2, K.woodDark) +
  win(44, 86, 26, 24) + win(130, 86, 26, 24) + rect(84, 94, 32, 58, 3, K.blue) + circle(110, 124, 3, INK, NS) + rect(90, 80, 20, 8, 2, K.white, 'stroke-width="3"') +
  limb([[124, 92], [124, 86]], INK, 2, 2) + rect(119, 92, 10, 12, 3, K.yellow, 'stroke-width="3"') +
  path('M84 152H116Q122 176 140 200H60Q78 176 84 152Z', K.sand, NS) + path('M84 152Q78 176 60 200M116 152Q122 176 140 200') +
  circle(20, 146, 16, K.leaf) + circle(40, 152, 14, K.leaf) + circle(162, 150, 14, K.leaf) + circle(182, 144, 16, K.leaf);

S['dagsenter-gruppe'] = () => win(20, 14, 50, 40) + win(130, 14, 50, 40) +
  person({ skin: SKIN[1], hair: 'short', hairColor: HAIR.black, shirt: K.purple, badge: true, x: 100, y: 62, s: 0.78, bust: true, bottom: 80, look: [0, 3] }) +
  person({ ...FRIEND2, x: 36, y: 104, s: 0.82, bust: true, bottom: 70, look: [2, 3] }) +
  person({ skin: SKIN[3], hair: 'side', hairColor: HAIR.grey, shirt: K.green, x: 164, y: 104, s: 0.82, bust: true, bottom: 70, look: [-2, 3] }) +
  person({ ...ME, x: 100, y: 112, s: 0.86, bust: true, bottom: 60, look: [0, 3] }) +
  table(0, 200, 156) +
  // work on the table: paper, a box of parts, a pencil cup
  g('rotate(-6 46 150)', rect(26, 136, 40, 20, 2, K.white)) + rect(82, 138, 36, 18, 3, K.orange) + path('M88 138V156M100 138V156M112 138V156', 'none', 'stroke-width="3"') +
  rect(142, 134, 18, 22, 3, K.blue) + limb([[146, 134], [144, 120]], K.yellow, 3, 3) + limb([[154, 134], [158, 122]], K.red, 3, 3);

S['personale-snakker'] = () => bubble(100, 14, 86, 46, 148, 82) +
  person({ ...FRIEND, x: 52, y: 116, s: 1, bust: true, bottom: 90, mood: 'neutral', look: [2, 0] }) +
  person({ ...STAFF, x: 148, y: 112, s: 1.02, bust: true, bottom: 90, mood: 'neutral', look: [-3, 0], arms: { l: { via: [112, 170], to: [110, 146], hand: 'open' } } });

S['personale-kommer'] = () => {
  // the person asks for help from a chair; a staff member comes in through the open door
  const me = { ...ME, x: 150, y: 84, s: 0.84, legs: 'sit', look: [-3, 0], arms: { l: { via: [112, 110], to: [116, 74], hand: 'open' } } };
  return floor(172) + rect(6, 24, 76, 150, 3, K.woodDark) + rect(12, 30, 64, 144, 2, '#FCE7A8') + path('M12 30L28 38V166L12 174Z', K.wood) +
    person({ ...STAFF, x: 52, y: 82, s: 0.8, legs: 'walk', look: [3, 0], arms: { r: { via: [84, 126], to: [90, 112], hand: 'open' } } }) +
    chairBack(me.x, me.y, me.s) + chairSeat(me.x, me.y, me.s) + person(me);
};

S['medisin-tid'] = () => clock(62, 58, 40) + capsule(146, 40, -30, K.red, K.white) + capsule(160, 84, 24, K.blue, K.yellow) + circle(124, 76, 9, K.white) +
  rect(16, 126, 168, 46, 8, K.light) + [K.red, K.orange, K.yellow, K.green, K.blue, K.purple, K.pink].map((c, i) => rect(22 + i * 23, 114, 19, 18, 4, c, 'stroke-width="3"')).join('') +
  path('M39 134V170M62 134V170M85 134V170M108 134V170M131 134V170M154 134V170', 'none', 'stroke-width="3"');

// ---------------------------------------------------------------- write
// Everything is clipped to the rounded card, so nothing shows outside it even
// when an <img> box is not square. The clip id is unique per picture in case
// several pictures are inlined in one page.
const wrap = (name, body) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 200" aria-hidden="true">` +
  `<clipPath id="mst-${name}"><rect width="200" height="200" rx="24"/></clipPath>` +
  `<rect width="200" height="200" rx="24" fill="${BG}"/>` +
  `<g clip-path="url(#mst-${name})" fill="none" stroke="${INK}" stroke-width="4" stroke-linecap="round" stroke-linejoin="round">${body}</g></svg>\n`;

const only = process.argv.slice(2);
for (const [name, draw] of Object.entries(S)) {
  if (only.length && !only.includes(name)) continue;
  writeFileSync(join(OUT, `${name}.svg`), wrap(name, draw()));
}
// Self-check: every Eir page carries the identical Eir fragment.
for (const name of Object.keys(S).filter((k) => k.startsWith('eir'))) {
  if (!wrap(name, S[name]()).includes(EIR_BODY)) throw new Error(`${name}: Eir differs from the shared fragment`);
}
if (!only.length) console.log(`wrote ${Object.keys(S).length} illustrations to ${OUT}`);
