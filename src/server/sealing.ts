/**
 * Sealed emergency files, server side: the key pair (made once, kept in
 * the database so every server process opens every file), the public half
 * for round configurations, and opening a sealed file. Opening checks the
 * GCM tag, so a file changed after sealing is refused, not misread.
 */
import { constants, createDecipheriv, generateKeyPairSync, privateDecrypt, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { exportedResponsesSchema, type SealedExportFile, type SealingKey } from '../shared/exportFile.ts';
import type { SurveyResponse } from '../shared/response.ts';
import { HttpError } from './apiErrors.ts';
import { isUniqueViolation } from './db/errors.ts';
import type { Database } from './db/schema.ts';

const GCM_TAG_BYTES = 16;

/** The key tablets seal with: the oldest, made now if there is none. */
export async function sealingKey(db: Kysely<Database>): Promise<SealingKey> {
  const existing = await db.selectFrom('sealing_keys').select(['id', 'public_jwk']).orderBy('id').executeTakeFirst();
  if (existing) return { id: existing.id, jwk: JSON.parse(existing.public_jwk) };
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const { kty, n, e } = publicKey.export({ format: 'jwk' });
  const id = randomBytes(8).toString('hex');
  try {
    await db.insertInto('sealing_keys').values({ id, public_jwk: JSON.stringify({ kty, n, e }), private_pem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString() }).execute();
  } catch (error) {
    // Another process made one at the same moment: either works.
    if (!isUniqueViolation(error)) throw error;
  }
  return sealingKey(db);
}

/** The responses inside a sealed file, or 400 sealed-file-unreadable. */
export async function openSealed(db: Kysely<Database>, file: SealedExportFile): Promise<SurveyResponse[]> {
  const key = await db.selectFrom('sealing_keys').select('private_pem').where('id', '=', file.sealed.keyId).executeTakeFirst();
  if (!key) throw new HttpError(400, 'sealed-file-unreadable');
  let json: unknown;
  try {
    const aesKey = privateDecrypt({ key: key.private_pem, padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' }, Buffer.from(file.sealed.key, 'base64'));
    const data = Buffer.from(file.sealed.data, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', aesKey, Buffer.from(file.sealed.iv, 'base64'));
    decipher.setAuthTag(data.subarray(data.length - GCM_TAG_BYTES));
    json = JSON.parse(Buffer.concat([decipher.update(data.subarray(0, data.length - GCM_TAG_BYTES)), decipher.final()]).toString('utf8'));
  } catch {
    throw new HttpError(400, 'sealed-file-unreadable');
  }
  const responses = exportedResponsesSchema.safeParse(json);
  if (!responses.success || responses.data.length !== file.count) throw new HttpError(400, 'sealed-file-unreadable');
  return responses.data;
}
