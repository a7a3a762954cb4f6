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

/** Returns the URLs that could not be stored (the helper is told; set-up still succeeds). */
export async function cacheRoundMedia(config: RoundConfig): Promise<string[]> {
  if (typeof caches === 'undefined') return [];
  const cache = await caches.open(MEDIA_CACHE);
  const failed: string[] = [];
  for (const url of mediaUrls(config)) {
    try {
      if (!(await cache.match(url))) await cache.add(url);
    } catch {
      failed.push(url);
    }
  }
  return failed;
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
