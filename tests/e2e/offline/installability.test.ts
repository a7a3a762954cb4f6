/**
 * Installability without Lighthouse: the web app manifest parses and has
 * what browsers require to install the app (names, start URL, standalone
 * display, theme colour, 192 and 512 px PNG icons and a maskable one, each
 * really that size), the page links it, a service worker controls the page,
 * and the start URL opens with no network.
 */
import { describe, expect, it } from 'vitest';
import { tabletContext, waitForServiceWorker } from './driver.ts';
import { useE2e } from '../../support/harness.ts';

interface ManifestIcon {
  readonly src: string;
  readonly sizes: string;
  readonly type?: string;
  readonly purpose?: string;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from a PNG's IHDR chunk, which always follows the 8-byte signature. */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  expect(new TextDecoder().decode(bytes.subarray(12, 16))).toBe('IHDR');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe('the installable PWA', () => {
  const e2e = useE2e({ restartable: true });

  it('has a complete manifest with icons of the sizes it names', async () => {
    const response = await fetch(new URL('/manifest.webmanifest', e2e.server.url));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/manifest\+json/);
    const manifest = (await response.json()) as Record<string, unknown> & { icons: ManifestIcon[] };
    expect(manifest).toMatchObject({
      name: 'Min stemme teller',
      short_name: 'Min stemme',
      start_url: '/',
      display: 'standalone',
      lang: 'nb',
    });
    expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i);
    expect(new URL(String(manifest.start_url), e2e.server.url).href.startsWith(new URL(String(manifest.scope ?? '/'), e2e.server.url).href)).toBe(true);

    const sizesOf = (purpose: string) =>
      manifest.icons.filter((icon) => (icon.purpose ?? 'any').split(/\s+/).includes(purpose)).map((icon) => icon.sizes);
    expect(sizesOf('any')).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(sizesOf('maskable').length).toBeGreaterThanOrEqual(1);

    for (const icon of manifest.icons) {
      expect(icon.type).toBe('image/png');
      const image = await fetch(new URL(icon.src, e2e.server.url));
      expect(image.status, icon.src).toBe(200);
      expect(image.headers.get('content-type')).toBe('image/png');
      const [width, height] = icon.sizes.split('x').map(Number);
      expect(pngSize(new Uint8Array(await image.arrayBuffer())), icon.src).toEqual({ width, height });
    }
  });

  it('links the manifest, is controlled by its service worker after a reload and starts offline', async () => {
    const context = await tabletContext(e2e.browser);
    const page = await context.newPage();
    await page.goto(e2e.server.url);
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(new URL(href ?? '', e2e.server.url).pathname).toBe('/manifest.webmanifest');
    await waitForServiceWorker(page);

    await page.reload();
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(new URL('/sw.js', e2e.server.url).href);

    await context.setOffline(true);
    const offline = await page.goto(e2e.server.url);
    expect(offline?.status()).toBe(200);
    await page.getByRole('heading', { name: 'Gjør klar nettbrettet' }).waitFor();
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await context.close();
    // This check stores nothing.
    expect(await e2e.server.counts()).toEqual({ responses: 0, answers: 0, comments: 0 });
  });
});
