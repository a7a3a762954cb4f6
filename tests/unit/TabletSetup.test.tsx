// @vitest-environment jsdom
/**
 * The tablet set-up page while the round's pictures and sound are stored:
 * it shows how far it has come, finishes although the browser's storage
 * permission prompt is never answered (Firefox), and files the round no
 * longer names are dropped from the tablet (issue 16, Founds 1 and 3).
 */
import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TabletSetup } from '../../src/app/TabletSetup.tsx';
import { MEDIA_CACHE, mediaUrls } from '../../src/storage/mediaCache.ts';
import { TABLET_ROUND_KEY } from '../../src/storage/roundStore.ts';
import { tabletRoundConfig } from '../support/fixtures.ts';
import { createTestServices, disposeServices, renderWithServices, type TestServices } from '../support/renderSurvey.tsx';

const config = tabletRoundConfig();

/** Cache Storage in memory: one cache, keyed by absolute URL, as the browser keeps it. */
class MemoryCache {
  readonly entries = new Map<string, Response>();
  private key = (url: string | Request) => new URL(typeof url === 'string' ? url : url.url, location.origin).href;
  async match(url: string | Request) {
    return this.entries.get(this.key(url));
  }
  async put(url: string | Request, response: Response) {
    this.entries.set(this.key(url), response);
  }
  async keys() {
    return [...this.entries.keys()].map((url) => new Request(url));
  }
  async delete(url: string | Request) {
    return this.entries.delete(this.key(url));
  }
}

describe('tablet set-up page', () => {
  let services: TestServices;
  let cache: MemoryCache;
  let releaseMedia: () => void = () => undefined;

  beforeEach(() => {
    services = createTestServices();
    cache = new MemoryCache();
    // A file from an earlier round version, no longer named by the round.
    void cache.put('/media/0000.wav', new Response('old'));
    vi.stubGlobal('caches', { open: async (name: string) => (name === MEDIA_CACHE ? cache : new MemoryCache()) });
    // Firefox: persist() is a permission prompt nobody answers.
    Object.defineProperty(navigator, 'storage', { configurable: true, value: { persisted: async () => false, persist: () => new Promise<boolean>(() => undefined) } });
    const mediaHeld = new Promise<void>((resolve) => (releaseMedia = resolve));
    let served = 0;
    vi.stubGlobal('fetch', async (url: string) => {
      if (url.startsWith('/api/v1/rounds/')) return new Response(JSON.stringify(config), { status: 200, headers: { 'content-type': 'application/json' } });
      // The first two files arrive at once, the rest when the test lets them.
      if (++served > 2) await mediaHeld;
      return new Response('bytes', { status: 200 });
    });
  });
  afterEach(async () => {
    cleanup();
    vi.unstubAllGlobals();
    Reflect.deleteProperty(navigator, 'storage');
    await disposeServices(services);
  });

  it('shows how many files are stored, finishes while the storage prompt is open, and drops files the round no longer names', async () => {
    const user = userEvent.setup({ delay: null });
    renderWithServices(services, <TabletSetup />);
    await user.type(screen.getByRole('textbox', { name: 'Kode for nettbrettet' }), 'ABCD-2345');
    await user.click(screen.getByRole('button', { name: 'Hent undersøkelsen' }));

    const total = mediaUrls(config).length;
    expect(total).toBeGreaterThan(3);
    expect(await screen.findByText(`Lagrer bilder og lyd for bruk uten nett: 2 av ${total} …`, undefined, { timeout: 5_000 })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Henter undersøkelsen …' })).toBeDisabled();

    releaseMedia();
    await vi.waitFor(async () => expect((await services.db.settings.get(TABLET_ROUND_KEY))?.value).toBe('ABCD2345'), { timeout: 5_000 });
    expect(cache.entries.size).toBe(total);
    expect(await cache.match('/media/0000.wav')).toBeUndefined();
  }, 20_000);

  it('without a code says so beside the field, marks the field invalid and fetches nothing', async () => {
    const user = userEvent.setup({ delay: null });
    const fetched = vi.spyOn(globalThis, 'fetch');
    renderWithServices(services, <TabletSetup />);
    const field = screen.getByRole('textbox', { name: 'Kode for nettbrettet' });
    expect(field).toHaveAccessibleDescription('Bokstaver og tall, for eksempel K7PM-X4QZ.');
    await user.click(screen.getByRole('button', { name: 'Hent undersøkelsen' }));

    expect(await screen.findByText('Skriv inn koden først.')).toBeInTheDocument();
    expect(field).toBeInvalid();
    expect(field).toHaveAccessibleDescription('Bokstaver og tall, for eksempel K7PM-X4QZ. Skriv inn koden først.');
    expect(fetched).not.toHaveBeenCalled();
    // Typing again clears the error.
    await user.type(field, 'A');
    expect(field).toBeValid();
    expect(screen.queryByText('Skriv inn koden først.')).toBeNull();
  }, 20_000);
});
