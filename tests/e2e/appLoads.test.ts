/**
 * The browser harness works: Debian's Chromium loads the served app, and a
 * helper can set up the tablet with the demo round's code.
 */
import { describe, expect, it } from 'vitest';
import { displayCode } from '../../src/server/codes.ts';
import { useE2e } from '../support/harness.ts';

describe('the served app in Chromium', () => {
  const e2e = useE2e();

  it('serves a favicon, so no browser meets a 404 on /favicon.ico', async () => {
    const icon = await fetch(new URL('/favicon.ico', e2e.server.url));
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toMatch(/^image\/(x-icon|vnd\.microsoft\.icon)/);
    const bytes = new Uint8Array(await icon.arrayBuffer());
    // An ICO file starts with reserved 0, type 1 (icon) and at least one image.
    expect([...bytes.subarray(0, 4)]).toEqual([0, 0, 1, 0]);
    expect(bytes[4]).toBeGreaterThan(0);
  });

  it('sends the app scripts brotli-compressed as built and cached for good; the page itself is always checked', async () => {
    const html = await fetch(new URL('/', e2e.server.url), { headers: { 'accept-encoding': 'br' } });
    expect(html.headers.get('cache-control')).toBe('no-cache');
    const script = /<script[^>]+src="([^"]+\.js)"/.exec(await html.text())?.[1];
    expect(script).toBeDefined();
    const url = new URL(script!, e2e.server.url);
    // Node's fetch decodes the body; the raw response says how it came.
    const plain = await fetch(url, { headers: { 'accept-encoding': 'identity' } });
    const compressed = await fetch(url, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(compressed.headers.get('content-encoding')).toBe('br');
    expect(compressed.headers.get('content-type')).toMatch(/javascript/);
    expect(compressed.headers.get('cache-control')).toContain('immutable');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await compressed.text()).toBe(await plain.text());
  });

  it('loads the app page and sets up the tablet with the demo code', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 768, height: 1024 }, hasTouch: true });
    await page.goto(e2e.server.url);
    await page.waitForFunction(() => document.title === 'Gjør klar nettbrettet – Min stemme teller');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Gjør klar nettbrettet');

    const code = page.getByRole('textbox', { name: 'Kode for nettbrettet' });
    await code.fill('FEIL-KODE');
    await page.getByRole('button', { name: 'Hent undersøkelsen' }).click();
    await page.getByText('Det finnes ingen undersøkelse med denne koden').waitFor();

    await code.fill(displayCode(e2e.server.demo!.tabletCode).toLowerCase());
    await page.getByRole('button', { name: 'Hent undersøkelsen' }).click();
    await page.getByRole('heading', { name: 'Hjelperens side' }).waitFor();
    expect(await page.getByText('Demo: Brukerundersøkelse – Demo kommune').count()).toBe(1);
    await page.close();
  });
});
