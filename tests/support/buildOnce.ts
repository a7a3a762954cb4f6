/**
 * Vitest global set-up of the integration and browser tests: builds the PWA
 * once, before any of their files starts, when dist/ is missing or older
 * than its sources. Test files run side by side; each server still calls
 * ensureBuilt(), which then finds the build current, so no two files ever
 * build (and empty dist/) at the same time. Unit tests need no build.
 */
import { ensureBuilt } from '../../src/cli/ensureBuilt.ts';

export default async function buildOnce(): Promise<void> {
  await ensureBuilt();
}
