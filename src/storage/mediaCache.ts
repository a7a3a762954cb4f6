/**
 * Stores every picture and sound file a round's questionnaires use in the
 * browser's Cache Storage at tablet set-up, so each page works with no
 * network from then on (the service worker answers from the same cache).
 */
import type { RoundConfig } from '../shared/roundConfig.ts';

export const MEDIA_CACHE = 'round-media';

export function mediaUrls(config: RoundConfig): string[] {
  const files = new Set<string>();
  // The municipality's recordings and videos, named by content hash: a new recording is a new URL.
  for (const m of config.media) files.add(m.url.replace(/^\//, ''));
  for (const q of config.questionnaires) {
    const pages = [...q.intro, q.end];
    for (const page of pages) {
      files.add(page.illustration.file);
      for (const file of Object.values(page.audio ?? {})) if (file) files.add(file);
    }
    for (const section of q.sections) if (section.illustration) files.add(section.illustration.file);
    for (const question of q.questions) {
      files.add(question.illustration.file);
      for (const file of Object.values(question.audio ?? {})) if (file) files.add(file);
    }
  }
  return [...files].sort().map((file) => `/${file}`);
}

export interface MediaProgress {
  readonly done: number;
  readonly total: number;
}

/** How long one file may take to arrive before set-up counts it as not stored and moves on. */
export const MEDIA_FILE_TIMEOUT_MS = 30_000;

/**
 * Stores every file the round names that is not stored yet, one at a time,
 * each within `timeoutMs`, reporting progress after each; first drops the
 * files the round no longer names (replaced or deleted recordings), so
 * they do not stay on the tablet. Returns the URLs that could not be
 * stored (the helper is told; set-up still succeeds).
 */
export async function cacheRoundMedia(
  config: RoundConfig,
  onProgress: (progress: MediaProgress) => void = () => undefined,
  timeoutMs = MEDIA_FILE_TIMEOUT_MS,
): Promise<string[]> {
  if (typeof caches === 'undefined') return [];
  const cache = await caches.open(MEDIA_CACHE);
  const urls = mediaUrls(config);
  await dropUnnamedMedia(cache, urls);
  const failed: string[] = [];
  onProgress({ done: 0, total: urls.length });
  for (const [index, url] of urls.entries()) {
    try {
      if (!(await cache.match(url))) {
        const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
        // Only a whole file may be stored: the service worker cuts byte ranges from it.
        if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
        await cache.put(url, response);
      }
    } catch {
      failed.push(url);
    }
    onProgress({ done: index + 1, total: urls.length });
  }
  return failed;
}

/** Deletes every stored file whose path the round no longer names. */
async function dropUnnamedMedia(cache: Cache, urls: readonly string[]): Promise<void> {
  const named = new Set(urls);
  for (const request of await cache.keys()) {
    if (!named.has(new URL(request.url).pathname)) await cache.delete(request);
  }
}

/** Asks the browser not to evict this origin's data under storage pressure. */
export async function requestPersistentStorage(): Promise<boolean> {
  if (typeof navigator === 'undefined' || !navigator.storage?.persist) return false;
  try {
    return (await navigator.storage.persisted()) || (await navigator.storage.persist());
  } catch {
    return false;
  }
}
