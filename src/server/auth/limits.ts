/**
 * Limits every server process on one database counts in together, kept in
 * the database (table rate_limits): failed sign-ins per address and per
 * username, unknown round codes per address, submissions per address and
 * per round code. Keys are HMAC-SHA256 hashes under a secret kept in the
 * database, never an address, a username or a code in clear, and a row is
 * deleted once its window is over.
 *
 * Sign-in slows down instead of locking out: after FREE_FAILURES wrong
 * passwords for a username, each next attempt must wait a delay that
 * doubles from one second up to a minute. One attempt per delay is let
 * through (claimed atomically, so a burst of parallel guesses gets one), the
 * right password works as soon as the delay is over, and a success clears
 * the count.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { perDatabase } from '../db/perDatabase.ts';
import type { Database } from '../db/schema.ts';

export type LimitScope = 'sign-in-address' | 'sign-in-user' | 'code-lookup-address' | 'submit-address' | 'submit-code';

export const FREE_FAILURES = 5;
const MAX_DELAY_MS = 60_000;
/** Wrong passwords for a username are forgotten a day after the last one. */
const FAILURE_MEMORY_MS = 24 * 3_600_000;

/** The wait before the attempt after the n-th wrong password in a row. */
export function delayAfter(failures: number): number {
  return failures < FREE_FAILURES ? 0 : Math.min(MAX_DELAY_MS, 1000 * 2 ** (failures - FREE_FAILURES));
}

export interface Verdict {
  readonly allowed: boolean;
  /** Whole seconds to wait when not allowed (for Retry-After). */
  readonly retryAfter: number;
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

export class Limits {
  private secret: Promise<string> | undefined;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => number = Date.now,
  ) {}

  /** The shared secret, made by whichever process comes first. */
  private async key(scope: LimitScope, value: string): Promise<string> {
    this.secret ??= (async () => {
      await this.db.insertInto('server_secrets').values({ name: 'limit-keys', value: randomBytes(32).toString('base64') }).onConflict((oc) => oc.doNothing()).execute();
      const row = await this.db.selectFrom('server_secrets').select('value').where('name', '=', 'limit-keys').executeTakeFirstOrThrow();
      return row.value;
    })().catch((error: unknown) => {
      this.secret = undefined;
      throw error;
    });
    return createHmac('sha256', await this.secret).update(`${scope}\u0000${value}`).digest('base64url');
  }

  /** Adds `amount` to a key's count in its window; allowed while the count stays within `limit`. */
  async hit(scope: LimitScope, value: string, limit: number, windowMs: number, amount = 1): Promise<Verdict> {
    return (await this.hitAll([{ scope, value, limit, windowMs, amount }]))[0]!;
  }

  /** Several counts in one statement (one commit): a submission counts its address and its round codes at once. */
  async hitAll(counts: readonly { scope: LimitScope; value: string; limit: number; windowMs: number; amount?: number }[]): Promise<Verdict[]> {
    const now = this.now();
    const keyed = await Promise.all(counts.map(async (c) => ({ ...c, key: await this.key(c.scope, c.value), amount: c.amount ?? 1 })));
    const rows = await this.db
      .insertInto('rate_limits')
      .values(keyed.map((c) => ({ key: c.key, count: c.amount, reset_at: now + c.windowMs, not_before: 0 })))
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          count: sql`case when rate_limits.reset_at <= ${now} then excluded.count else rate_limits.count + excluded.count end`,
          reset_at: sql`case when rate_limits.reset_at <= ${now} then excluded.reset_at else rate_limits.reset_at end`,
        }),
      )
      .returning(['key', 'count', 'reset_at'])
      .execute();
    if (Math.random() < 0.01) await this.forgetExpired();
    return keyed.map((c) => {
      const row = rows.find((r) => r.key === c.key)!;
      return { allowed: Number(row.count) <= c.limit, retryAfter: seconds(Number(row.reset_at) - now) };
    });
  }

  /** Whether a key's count in its window is still below `limit`, without counting. */
  async check(scope: LimitScope, value: string, limit: number): Promise<Verdict> {
    const key = await this.key(scope, value);
    const now = this.now();
    const row = await this.db.selectFrom('rate_limits').select(['count', 'reset_at']).where('key', '=', key).where('reset_at', '>', now).executeTakeFirst();
    if (!row || Number(row.count) < limit) return { allowed: true, retryAfter: 0 };
    return { allowed: false, retryAfter: seconds(Number(row.reset_at) - now) };
  }

  /** May this username try a password now? Claims the one attempt per delay when delays apply. */
  async signInAttempt(username: string): Promise<Verdict> {
    const key = await this.key('sign-in-user', username);
    const now = this.now();
    const row = await this.db.selectFrom('rate_limits').select(['count', 'not_before']).where('key', '=', key).where('reset_at', '>', now).executeTakeFirst();
    if (!row || Number(row.count) < FREE_FAILURES) return { allowed: true, retryAfter: 0 };
    const claimed = await this.db
      .updateTable('rate_limits')
      .set({ not_before: now + delayAfter(Number(row.count) + 1) })
      .where('key', '=', key)
      .where('not_before', '<=', now)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 1) return { allowed: true, retryAfter: 0 };
    return { allowed: false, retryAfter: seconds(Number(row.not_before) - now) };
  }

  /** A wrong password for this username: one more in the row, and the delay before the next try. */
  async signInFailed(username: string): Promise<void> {
    const key = await this.key('sign-in-user', username);
    const now = this.now();
    const row = await this.db
      .insertInto('rate_limits')
      .values({ key, count: 1, reset_at: now + FAILURE_MEMORY_MS, not_before: 0 })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          count: sql`case when rate_limits.reset_at <= ${now} then 1 else rate_limits.count + 1 end`,
          reset_at: now + FAILURE_MEMORY_MS,
        }),
      )
      .returning('count')
      .executeTakeFirstOrThrow();
    const delay = delayAfter(Number(row.count));
    if (delay > 0) {
      await this.db
        .updateTable('rate_limits')
        .set({ not_before: sql`case when not_before > ${now + delay} then not_before else ${now + delay} end` })
        .where('key', '=', key)
        .execute();
    }
  }

  async signInSucceeded(username: string): Promise<void> {
    await this.db.deleteFrom('rate_limits').where('key', '=', await this.key('sign-in-user', username)).execute();
  }

  private async forgetExpired(): Promise<void> {
    await this.db.deleteFrom('rate_limits').where('reset_at', '<=', this.now()).execute();
  }
}

/** The process's limits on a database (one secret lookup per process). */
export const limitsOf = perDatabase((db) => new Limits(db));
