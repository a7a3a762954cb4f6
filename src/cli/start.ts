/**
 * `npm start`: checks the questionnaires, builds the app if needed, starts
 * the server on SQLite (or PostgreSQL with DATABASE_URL) and prints how to
 * reach it. On an empty database it prints the demo codes and a one-time
 * coordinator password.
 */
import { displayCode } from '../server/codes.ts';
import { readConfig } from '../server/config.ts';
import { loadQuestionnaires } from '../server/loadQuestionnaires.ts';
import { startServer, StartupError } from '../server/server.ts';
import { DIST_DIR, ensureBuilt } from './ensureBuilt.ts';

async function main(): Promise<void> {
  const config = readConfig();
  const { all: questionnaires, errors } = loadQuestionnaires();
  if (errors.length > 0) {
    console.error(errors.join('\n'));
    console.error('\nServeren starter ikke før spørreskjemaene er rettet. Kjør «npm run validate» for å sjekke.');
    process.exit(1);
  }
  await ensureBuilt();
  const server = await startServer(config, questionnaires, { distDir: DIST_DIR, logger: true });
  const base = server.url.replace(/\/$/, '');
  console.log(`\nMin stemme teller kjører på ${base}/  (data: ${server.db.location})`);
  if (server.demo) {
    const { tabletCode, relativeCode, username, password } = server.demo;
    console.log(`
Demo-undersøkelsen er klar:
  Kode for nettbrett:      ${displayCode(tabletCode)}
  Lenke for pårørende:     ${base}/p/${relativeCode}
  Koordinator:             ${base}/koordinator
    brukernavn:            ${username}
    passord:               ${password}
  (Passordet vises bare nå. Det er lagret som hash og kan ikke hentes fram igjen.)
`);
  }
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  if (error instanceof StartupError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
