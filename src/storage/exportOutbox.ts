/**
 * Builds the emergency file of every response still on this device
 * (queued or refused), sealed for the server with the public key of the
 * round configuration (see src/shared/exportFile.ts): the helper who
 * saves it and the coordinator who uploads it see only how many responses
 * it holds. A device set up by a server without a key, or without Web
 * Crypto (never on https), saves the responses in clear as before.
 */
import type { AnyExportFile, SealedExportFile, SealingKey } from '../shared/exportFile.ts';
import { EXPORT_FORMAT, SEALING_ALGORITHM } from '../shared/exportFormat.ts';
import type { SurveyResponse } from '../shared/response.ts';
import type { SurveyDatabase } from './db.ts';
import { TABLET_ROUND_KEY } from './roundStore.ts';
import { deviceDate } from './surveyStore.ts';

function base64(bytes: ArrayBuffer | Uint8Array): string {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  let text = '';
  for (let i = 0; i < view.length; i += 0x8000) text += String.fromCharCode(...view.subarray(i, i + 0x8000));
  return btoa(text);
}

/** Encrypts the responses with a fresh AES-256-GCM key and wraps that key with the server's RSA-OAEP key. */
export async function seal(responses: readonly SurveyResponse[], key: SealingKey): Promise<SealedExportFile['sealed']> {
  const subtle = globalThis.crypto.subtle;
  const publicKey = await subtle.importKey('jwk', { ...key.jwk, alg: 'RSA-OAEP-256', ext: true }, { name: 'RSA-OAEP', hash: 'SHA-256' }, false, ['encrypt']);
  const aes = await subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt']);
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
  const data = await subtle.encrypt({ name: 'AES-GCM', iv }, aes, new TextEncoder().encode(JSON.stringify(responses)));
  const wrapped = await subtle.encrypt({ name: 'RSA-OAEP' }, publicKey, await subtle.exportKey('raw', aes));
  return { alg: SEALING_ALGORITHM, keyId: key.id, key: base64(wrapped), iv: base64(iv), data: base64(data) };
}

async function sealingKeyOf(db: SurveyDatabase): Promise<SealingKey | null> {
  const tabletCode = (await db.settings.get(TABLET_ROUND_KEY))?.value;
  const withKey = (await db.rounds.toArray()).filter((round) => round.config.sealingKey);
  return (withKey.find((round) => round.code === tabletCode) ?? withKey[0])?.config.sealingKey ?? null;
}

export async function exportOutbox(db: SurveyDatabase): Promise<AnyExportFile> {
  const responses = (await db.outbox.toArray()).map((entry) => entry.response);
  const exportedOn = deviceDate();
  const key = await sealingKeyOf(db);
  if (key && globalThis.crypto?.subtle) {
    return { format: EXPORT_FORMAT, version: 2, exportedOn, count: responses.length, sealed: await seal(responses, key) };
  }
  return { format: EXPORT_FORMAT, version: 1, exportedOn, responses };
}

/** Offers the file for download; nothing leaves the device otherwise. */
export function downloadJson(file: AnyExportFile, name: string): void {
  const blob = new Blob([JSON.stringify(file, null, 1)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
