/**
 * Debian's Chromium driven by playwright-core, with the flags this closed
 * network needs. CHROMIUM_PATH overrides where the browser lives.
 */
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Extra command-line flags and environment for one file's Chromium (fake media devices, speech). */
export interface ChromiumOptions {
  readonly args?: readonly string[];
  readonly env?: Record<string, string>;
}

export function launchChromium(extra: ChromiumOptions = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, ...(extra.args ?? [])],
    ...(extra.env ? { env: extra.env } : {}),
  });
}
