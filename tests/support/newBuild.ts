/**
 * A "new version" of the built app for update tests: a copy of a build
 * whose index.html carries a build marker and whose sw.js differs (new
 * precache revision for index.html and a build comment), so the browser
 * installs a new service worker that serves the new page once activated.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const BUILD_MARKER_NAME = 'min-stemme-build';

export function makeNewBuild(fromDir: string, build: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'mst-app-next-'));
  cpSync(fromDir, dir, { recursive: true });

  const indexPath = join(dir, 'index.html');
  const index = readFileSync(indexPath, 'utf8').replace('<head>', `<head>\n    <meta name="${BUILD_MARKER_NAME}" content="${build}" />`);
  if (!index.includes(BUILD_MARKER_NAME)) throw new Error('index.html has no <head> to mark');
  writeFileSync(indexPath, index);

  const swPath = join(dir, 'sw.js');
  const sw = readFileSync(swPath, 'utf8');
  const revision = createHash('md5').update(index).digest('hex');
  // The manifest injected by vite-plugin-pwa (injectManifest): {"revision":"…","url":"index.html"}.
  const entry = /\{"revision":"[0-9a-f]+","url":"index\.html"\}/;
  if (!entry.test(sw)) throw new Error('sw.js has no precache entry for index.html');
  writeFileSync(swPath, `${sw.replace(entry, `{"revision":"${revision}","url":"index.html"}`)}\n// build ${build}\n`);
  return dir;
}
