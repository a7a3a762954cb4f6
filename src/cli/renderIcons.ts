/**
 * Renders the app icons (192 and 512 px, plus a maskable 512 px with Eir
 * inside the safe zone) from Eir's illustration, with Chromium:
 * `npx tsx src/cli/renderIcons.ts`. The PNGs are committed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../../tests/support/browser.ts';
import { ROOT } from './ensureBuilt.ts';

const eir = readFileSync(join(ROOT, 'public/illustrations/eir.svg'), 'utf8');
const dataUrl = `data:image/svg+xml;base64,${Buffer.from(eir).toString('base64')}`;

const icons = [
  { file: 'icon-192.png', size: 192, scale: 0.86 },
  { file: 'icon-512.png', size: 512, scale: 0.86 },
  { file: 'icon-maskable-512.png', size: 512, scale: 0.62 },
];

const browser = await launchChromium();
for (const icon of icons) {
  const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size } });
  const inner = Math.round(icon.size * icon.scale);
  await page.setContent(
    `<body style="margin:0;width:${icon.size}px;height:${icon.size}px;background:#1d5f99;display:flex;align-items:center;justify-content:center">` +
      `<img src="${dataUrl}" width="${inner}" height="${inner}" style="border-radius:${Math.round(inner * 0.12)}px"></body>`,
  );
  await page.screenshot({ path: join(ROOT, 'public/icons', icon.file), omitBackground: false });
  await page.close();
}
await browser.close();
console.log(`Wrote ${icons.map((i) => i.file).join(', ')} to public/icons/`);
