/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { fileURLToPath } from 'node:url';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Brotli (quality 11) and gzip (level 9) copies of every built script and
 * stylesheet, written once at build time beside the file: the server sends
 * them as they are (@fastify/static preCompressed) instead of compressing
 * each request on the fly at a lower quality.
 */
function precompress() {
  return {
    name: 'min-stemme-precompress',
    apply: 'build' as const,
    closeBundle() {
      const assets = join(root, 'dist', 'assets');
      for (const name of readdirSync(assets)) {
        if (!/\.(js|css)$/.test(name)) continue;
        const file = join(assets, name);
        const bytes = readFileSync(file);
        writeFileSync(`${file}.br`, brotliCompressSync(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: bytes.length } }));
        writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
      }
    },
  };
}

export default defineConfig({
  root: `${root}src/app`,
  publicDir: `${root}public`,
  plugins: [
    react(),
    precompress(),
    VitePWA({
      // We register with workbox-window ourselves (src/app/serviceWorker.ts) so an
      // update is applied only on the helper screen, never during a survey.
      injectRegister: false,
      registerType: 'prompt',
      manifest: {
        name: 'Min stemme teller',
        short_name: 'Min stemme',
        description: 'Brukerundersøkelse for bo- og habiliteringstjenester',
        lang: 'nb',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        orientation: 'any',
        background_color: '#ffffff',
        theme_color: '#1d5f99',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      // Our own service worker (src/app/sw.ts): precache, offline navigation, round media, Background Sync.
      strategies: 'injectManifest',
      srcDir: '.',
      filename: 'sw.ts',
      injectManifest: {
        // Classic (not module) worker: older Safari and Firefox tablets register it too.
        rollupFormat: 'iife',
        // The app shell and every illustration: a tablet that opened the app once works offline.
        globPatterns: ['**/*.{js,css,html,svg,png,ico,webmanifest}'],
        globIgnores: ['**/CoordinatorApp-*.js', '**/CoordinatorApp-*.css'],
      },
    }),
  ],
  build: {
    outDir: `${root}dist`,
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // What the tablet's first page loads ($initial: statically imported from main.tsx) goes in
        // two files instead of fifteen: brotli compresses each file on its own, so the many small
        // chunks rolldown made (i18n, roundStore, pages, …) cost 5.7 KiB more as separate files.
        // Libraries and our own code stay apart, so an app update re-downloads only the app part.
        // Lazy chunks (survey, set-up, coordinator, relatives) are split as before.
        codeSplitting: {
          groups: [
            { name: 'vendor', tags: ['$initial'], test: /node_modules/, priority: 2 },
            { name: 'first', tags: ['$initial'], priority: 1 },
          ],
        },
      },
    },
  },
  test: {
    root,
    // Two cores, two files at a time, whatever their kind: each browser or integration file has its own
    // server and database, so none waits on another (the app is built once, before any file starts).
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
          // Component tests render whole survey pages and property tests run hundreds of cases:
          // on a loaded 2-core machine neither fits the default 5 s (nor Testing Library's 1 s waits).
          testTimeout: 30_000,
          setupFiles: ['tests/support/domSetup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          globalSetup: ['tests/support/buildOnce.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 300_000,
          globalSetup: ['tests/support/buildOnce.ts'],
        },
      },
    ],
  },
});
