/**
 * Codes people type or follow: a tablet code a helper types from a letter,
 * and a longer code in the relatives' link. The alphabet leaves out letters
 * that are easy to mix up (0/O, 1/I/L) and Norwegian letters.
 */
import { randomInt } from 'node:crypto';

const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

export function randomCode(length: number): string {
  let code = '';
  for (let i = 0; i < length; i++) code += ALPHABET[randomInt(ALPHABET.length)];
  return code;
}

export const TABLET_CODE_LENGTH = 8;
export const RELATIVE_CODE_LENGTH = 12;

/** What a person types ("k7pm-x4qz ") becomes the stored form ("K7PMX4QZ"). */
export function normalizeCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, '');
}

/** Shown to people in groups of four: "K7PM-X4QZ". */
export function displayCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}
