/**
 * Vitest global set-up: builds the PWA once, before any test file starts,
 * when dist/ is missing or older than its sources. Test files run side by
 * side; each server still calls ensureBuilt(), which then finds the build
 * current, so no two files ever build (and empty dist/) at the same time.
 */
import { ensureBuilt } from '../../src/cli/ensureBuilt.ts';

export default async function buildOnce(): Promise<void> {
  await ensureBuilt();
}
