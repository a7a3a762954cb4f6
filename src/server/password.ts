/**
 * Password hashing with scrypt at OWASP's recommended cost (N=2^17, r=8,
 * p=1), from Node's own crypto: no native add-on to build. Hashes run
 * through a bounded queue: scrypt occupies one of libuv's four threads
 * (and 128 MiB) for a good while, and compression, file reads and DNS
 * share those threads, so at most two hashes run at once, a few dozen
 * wait, and beyond that a sign-in is told to come back (503).
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { MIN_PASSWORD_LENGTH } from '../shared/coordinatorApi.ts';
import { HttpError } from './apiErrors.ts';

const PARAMS = { N: 2 ** 17, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

/** Half of libuv's default four threads: the rest stay free for the requests of tablets. */
const HASHING_AT_ONCE = 2;
/** About ten seconds of sign-ins: beyond it, waiting longer helps nobody. */
const HASHING_WAITING = 32;

let running = 0;
const waiting: (() => void)[] = [];

async function inQueue<T>(work: () => Promise<T>): Promise<T> {
  if (running >= HASHING_AT_ONCE) {
    if (waiting.length >= HASHING_WAITING) throw new HttpError(503, 'server-busy');
    await new Promise<void>((resolve) => waiting.push(resolve));
  } else {
    running++;
  }
  try {
    return await work();
  } finally {
    // Hand the slot straight to the next waiting hash, or free it.
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

function derive(password: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: 256 * 1024 * 1024 };
  return inQueue(
    () =>
      new Promise((resolve, reject) => {
        scrypt(password.normalize('NFC'), salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key)));
      }),
  );
}

/**
 * The hash records its own cost, so a stored hash verifies at the cost it was made with (tests seed
 * accounts at a lower one, `{ N: 2 ** 14, r: 8, p: 1 }`, to spend their time on what they test).
 */
export async function hashPassword(password: string, params: { N: number; r: number; p: number } = PARAMS): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, params);
  return `scrypt$${params.N}$${params.r}$${params.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await derive(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * zxcvbn-ts with its common list (some 30,000 of the passwords most found in
 * leaks, and common words) and keyboard patterns: a new password that it can
 * guess in fewer than 10^8 tries (a leaked one, "passwordpassword",
 * "qwertyuiopasdfgh", "123456789012", the username with digits) is refused.
 */
const guesser = new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
const MIN_GUESSES_LOG10 = 8;

/** Refuses (400) a new password that is too short, common or easily guessed from the username. */
export function assertAcceptablePassword(password: string, username: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) throw new HttpError(400, 'password-too-short');
  if (guesser.check(password, [username]).guessesLog10 < MIN_GUESSES_LOG10) throw new HttpError(400, 'password-common');
}

/** A random password for a first login, easy to read aloud: 4 groups of 5 letters and digits. */
export function randomPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = randomBytes(20);
  const chars = Array.from(bytes, (b) => alphabet[b % alphabet.length]);
  return [0, 5, 10, 15].map((i) => chars.slice(i, i + 5).join('')).join('-');
}
