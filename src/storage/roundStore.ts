/**
 * The round a device is set up for: fetched once by code, stored for
 * offline use, and named in settings so the tablet opens on it next time.
 */
import type { RoundConfig } from '../shared/roundConfig.ts';
import type { StoredRound, SurveyDatabase } from './db.ts';
import type { MediaProgress } from './mediaCache.ts';

export const TABLET_ROUND_KEY = 'tabletRound';
export const PERSISTED_KEY = 'storagePersisted';
export const MEDIA_FAILED_KEY = 'mediaFailed';

export type FetchRoundResult = { readonly ok: true; readonly config: RoundConfig } | { readonly ok: false; readonly errorCode: string };

export async function fetchRoundConfig(code: string, language: string, doFetch: typeof fetch = fetch): Promise<FetchRoundResult> {
  let response: Response;
  try {
    response = await doFetch(`/api/v1/rounds/${encodeURIComponent(code.trim())}`, { headers: { 'Accept-Language': language } });
  } catch {
    return { ok: false, errorCode: 'offline' };
  }
  const body: unknown = await response.json().catch(() => null);
  // The schemas (zod) are a chunk of their own: a set-up tablet's first page never needs them.
  const [{ apiErrorSchema }, { roundConfigSchema }] = await Promise.all([import('../shared/response.ts'), import('../shared/roundConfig.ts')]);
  // Evaluating the schemas and parsing a questionnaire are each a good piece of a phone's main
  // thread: a task apart, so the page can answer a tap in between.
  await new Promise((resolve) => setTimeout(resolve, 0));
  if (!response.ok) {
    const error = apiErrorSchema.safeParse(body);
    return { ok: false, errorCode: error.success ? error.data.error.code : 'internal' };
  }
  const parsed = roundConfigSchema.safeParse(body);
  return parsed.success ? { ok: true, config: parsed.data } : { ok: false, errorCode: 'internal' };
}

export async function storeRound(db: SurveyDatabase, config: RoundConfig, asTabletRound: boolean): Promise<StoredRound> {
  const stored: StoredRound = { code: config.code, config, fetchedAt: Date.now() };
  await db.transaction('rw', db.rounds, db.settings, async () => {
    await db.rounds.put(stored);
    if (asTabletRound) await db.settings.put({ key: TABLET_ROUND_KEY, value: config.code });
  });
  return stored;
}

/**
 * Set-up for offline use: store the round and its pictures and sound, and
 * ask to keep the data. The request to keep the data is never waited for:
 * Firefox answers it with a permission prompt that may stay open for good;
 * its answer is recorded whenever it comes.
 */
export async function setUpTablet(db: SurveyDatabase, config: RoundConfig, onProgress?: (progress: MediaProgress) => void): Promise<StoredRound> {
  // Set-up and the refresh after the helper screen shows: never needed for the first page.
  const { cacheRoundMedia, requestPersistentStorage } = await import('./mediaCache.ts');
  void requestPersistentStorage()
    .then((persisted) => db.settings.put({ key: PERSISTED_KEY, value: persisted }))
    .catch(() => undefined);
  const failed = await cacheRoundMedia(config, onProgress);
  await db.settings.put({ key: MEDIA_FAILED_KEY, value: failed });
  return storeRound(db, config, true);
}

/**
 * Fetches the round again when the tablet is online, so new or replaced
 * recordings are stored for offline use. A changed questionnaire version is
 * taken only when no survey is in progress on the tablet, so a paused survey
 * always continues with the questions it started with.
 */
export async function refreshTabletRound(db: SurveyDatabase, stored: StoredRound, language: string): Promise<boolean> {
  const result = await fetchRoundConfig(stored.code, language);
  if (!result.ok || result.config.kind !== 'tablet') return false;
  const versions = (c: RoundConfig) => c.questionnaires.map((q) => `${q.id}@${q.version}`).sort().join(',');
  const inProgress = await db.drafts.where('roundCode').equals(stored.code).count();
  if (versions(result.config) !== versions(stored.config) && inProgress > 0) return false;
  if (JSON.stringify(result.config) === JSON.stringify(stored.config)) return false;
  await setUpTablet(db, result.config);
  return true;
}

export async function tabletRound(db: SurveyDatabase): Promise<StoredRound | null> {
  const setting = await db.settings.get(TABLET_ROUND_KEY);
  if (typeof setting?.value !== 'string') return null;
  return (await db.rounds.get(setting.value)) ?? null;
}

export async function forgetTabletRound(db: SurveyDatabase): Promise<void> {
  await db.settings.delete(TABLET_ROUND_KEY);
}
