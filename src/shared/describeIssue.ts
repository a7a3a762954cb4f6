/**
 * Turns a schema issue into a sentence a questionnaire author who is not a
 * programmer understands, in bokmål: what is wrong and how to fix it.
 */
import type { z } from 'zod';
import { languageNameNb } from './languages.ts';

export interface Problem {
  /** JSON path in the file, e.g. "questions[12].text.nn". */
  readonly path: string;
  readonly message: string;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'en tekst',
  number: 'et tall',
  int: 'et heltall',
  boolean: 'true eller false',
  array: 'en liste [ … ]',
  object: 'et objekt { … }',
  record: 'et objekt { … }',
  null: 'null',
};

function typeOfInput(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'en liste';
  if (typeof input === 'string') return `teksten «${input.length > 40 ? `${input.slice(0, 40)}…` : input}»`;
  if (typeof input === 'number') return `tallet ${input}`;
  if (typeof input === 'boolean') return String(input);
  if (typeof input === 'object') return 'et objekt';
  return typeof input;
}

const LANG_KEY = /^[a-z]{2,3}$/;

function describeMissing(path: readonly PropertyKey[], expected: string): string {
  const key = path[path.length - 1];
  if (typeof key === 'string' && LANG_KEY.test(key) && expected === 'string') {
    return `mangler — legg inn teksten på ${languageNameNb(key)}`;
  }
  return `mangler — feltet «${String(key)}» må være med (${TYPE_NAMES[expected] ?? expected})`;
}

export function describeIssue(issue: z.core.$ZodIssue): Problem {
  const path = formatPath(issue.path);
  const input = 'input' in issue ? issue.input : undefined;
  let message: string;
  switch (issue.code) {
    case 'invalid_type':
      message =
        input === undefined
          ? describeMissing(issue.path, issue.expected)
          : `har feil type — her skal det stå ${TYPE_NAMES[issue.expected] ?? issue.expected}, men det står ${typeOfInput(input)}`;
      break;
    case 'too_small':
      if (issue.origin === 'string') message = 'er tom — skriv inn teksten';
      else if (issue.origin === 'array') message = `må ha minst ${String(issue.minimum)} element i lista`;
      else message = `er for lite — det må være minst ${String(issue.minimum)}`;
      break;
    case 'too_big':
      message = `er for stort — det kan være høyst ${String(issue.maximum)}`;
      break;
    case 'unrecognized_keys':
      message = `har ukjent felt ${issue.keys.map((k) => `«${k}»`).join(', ')} — fjern det eller rett stavemåten`;
      break;
    case 'invalid_value':
      message = `«${String(input)}» er ikke tillatt — bruk en av: ${issue.values.map(String).join(', ')}`;
      break;
    case 'invalid_key':
      message = `har en ugyldig nøkkel — bruk bare språkkodene som står i «languages»`;
      break;
    default:
      // Our own messages (format and refinement rules) are already in plain bokmål.
      message = issue.message;
  }
  return { path, message };
}
