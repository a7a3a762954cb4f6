/**
 * The body of a test server process (see serverProcess.ts): the production
 * start-up path on the fixture questionnaires, configured by the
 * environment given in its one JSON argument, logging as `npm start` does.
 * Prints "DEMO <json>" and "LISTENING <url>" among its logs; exits when its
 * parent is gone.
 */
import { readConfig } from '../../src/server/config.ts';
import { startServer } from '../../src/server/server.ts';
import { exitWithParent } from '../bench/children.ts';
import { fixtureQuestionnaires } from './fixtures.ts';

const args = JSON.parse(process.argv[2] ?? '{}') as { env: Record<string, string> };
exitWithParent();
const server = await startServer(readConfig({ ...process.env, ...args.env }), fixtureQuestionnaires(), { logger: true });
process.stdout.write(`DEMO ${JSON.stringify(server.demo)}\nLISTENING ${server.url}\n`);
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
