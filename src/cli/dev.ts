/**
 * `npm run dev`: the API server on port 8080 and Vite's dev server with hot
 * reload in front of it (Vite proxies /api to the API server).
 */
import { readConfig } from '../server/config.ts';
import { loadQuestionnaires } from '../server/loadQuestionnaires.ts';
import { startServer } from '../server/server.ts';
import { ROOT } from './ensureBuilt.ts';
import { join } from 'node:path';

const { all: questionnaires, errors } = loadQuestionnaires();
if (errors.length > 0) {
  console.error(errors.join('\n'));
  process.exit(1);
}
const api = await startServer(readConfig(), questionnaires, { logger: true });
if (api.demo) console.log('Demo:', api.demo);
const { createServer } = await import('vite');
const vite = await createServer({ configFile: join(ROOT, 'vite.config.ts'), server: { proxy: { '/api': api.url.replace(/\/$/, '') } } });
await vite.listen();
vite.printUrls();
