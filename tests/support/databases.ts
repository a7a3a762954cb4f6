/**
 * Fresh real databases for tests: an SQLite file in a temporary folder, or
 * a new PostgreSQL database on the local server (dropped afterwards).
 * TEST_POSTGRES_URL points at a database the test may create others from.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { ServerConfig } from '../../src/server/config.ts';

export const DATABASE_KINDS = ['sqlite', 'postgres'] as const;
export type DatabaseKind = (typeof DATABASE_KINDS)[number];

const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  readonly config: ServerConfig;
  drop(): Promise<void>;
}

export async function freshDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mst-test-'));
  if (kind === 'sqlite') {
    return {
      config: { port: 0, host: '127.0.0.1', dataDir, databaseUrl: undefined, trustProxy: false, logLevel: 'info' },
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `mst_test_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    config: { port: 0, host: '127.0.0.1', dataDir, databaseUrl: url.toString(), trustProxy: false, logLevel: 'info' },
    drop: async () => {
      const client = new pg.Client({ connectionString: ADMIN_URL });
      await client.connect();
      try {
        // Wait for the server's pool to hang up rather than cutting it off (WITH FORCE), which
        // would make a closing client emit an error nobody listens to any more.
        for (let attempt = 0; ; attempt++) {
          try {
            await client.query(`drop database if exists ${name}`);
            break;
          } catch (error) {
            if ((error as { code?: string }).code !== '55006' || attempt > 50) throw error;
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
        }
      } finally {
        await client.end();
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
