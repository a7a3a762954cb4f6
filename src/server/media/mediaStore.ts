/**
 * Recorded voices and sign-language videos, stored in the database by the
 * SHA-256 of their bytes and assigned per municipality, questionnaire,
 * language and text key, with the words they were recorded for. Replacing
 * gives a new hash, so tablets fetch the new file; files no longer
 * assigned anywhere are removed.
 */
import { createHash } from 'node:crypto';
import type { ExpressionBuilder, Kysely } from 'kysely';
import type { MediaKind } from '../../shared/spokenTexts.ts';
import type { RoundMedia } from '../../shared/roundConfig.ts';
import type { Database } from '../db/schema.ts';
import type { MediaType } from './mediaTypes.ts';

export interface Assignment {
  readonly municipalityId: number;
  readonly questionnaireId: string;
  readonly language: string;
  readonly key: string;
  readonly kind: MediaKind;
}

/** A stored file as a round lists it, with the words it was recorded for (null: recorded before they were kept). */
export type StoredMedia = RoundMedia & { readonly spokenText: string | null };

const EXT: Record<string, string> = { 'audio/wav': 'wav', 'audio/mpeg': 'mp3', 'audio/mp4': 'm4a', 'video/mp4': 'mp4', 'video/webm': 'webm' };

export function mediaUrl(hash: string, mime: string): string {
  return `/media/${hash}.${EXT[mime] ?? 'bin'}`;
}

/** The one assignment row these fields name. */
function sameAssignment(at: Assignment) {
  return (eb: ExpressionBuilder<Database, 'media_assignments'>) =>
    eb.and({ municipality_id: at.municipalityId, questionnaire_id: at.questionnaireId, language: at.language, text_key: at.key, kind: at.kind });
}

async function removeOrphans(db: Kysely<Database>, hash: string): Promise<void> {
  const used = await db.selectFrom('media_assignments').select('hash').where('hash', '=', hash).executeTakeFirst();
  if (!used) await db.deleteFrom('media_files').where('hash', '=', hash).execute();
}

/** Stores the file for the assignment, recorded for `spokenText` (the text as the respondent sees it now). */
export async function putMedia(db: Kysely<Database>, at: Assignment, spokenText: string, bytes: Buffer, type: MediaType): Promise<{ hash: string; url: string }> {
  const hash = createHash('sha256').update(bytes).digest('hex');
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('media_files')
      .values({ hash, mime: type.mime, size: bytes.length, bytes })
      .onConflict((oc) => oc.column('hash').doNothing())
      .execute();
    const previous = await trx.deleteFrom('media_assignments').where(sameAssignment(at)).returning('hash').executeTakeFirst();
    await trx
      .insertInto('media_assignments')
      .values({ municipality_id: at.municipalityId, questionnaire_id: at.questionnaireId, language: at.language, text_key: at.key, kind: at.kind, hash, spoken_text: spokenText })
      .execute();
    if (previous && previous.hash !== hash) await removeOrphans(trx, previous.hash);
  });
  return { hash, url: mediaUrl(hash, type.mime) };
}

export async function deleteMedia(db: Kysely<Database>, at: Assignment): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const removed = await trx.deleteFrom('media_assignments').where(sameAssignment(at)).returning('hash').executeTakeFirst();
    if (removed) await removeOrphans(trx, removed.hash);
    return removed !== undefined;
  });
}

export async function mediaOf(db: Kysely<Database>, municipalityId: number, questionnaireIds: readonly string[], language?: string): Promise<StoredMedia[]> {
  if (questionnaireIds.length === 0) return [];
  let query = db
    .selectFrom('media_assignments')
    .innerJoin('media_files', 'media_files.hash', 'media_assignments.hash')
    .select(['media_assignments.questionnaire_id', 'media_assignments.language', 'media_assignments.text_key', 'media_assignments.kind', 'media_assignments.hash', 'media_assignments.spoken_text', 'media_files.mime'])
    .where('media_assignments.municipality_id', '=', municipalityId)
    .where('media_assignments.questionnaire_id', 'in', questionnaireIds);
  if (language) query = query.where('media_assignments.language', '=', language);
  const rows = await query.orderBy('media_assignments.text_key').execute();
  return rows.map((r) => ({ questionnaireId: r.questionnaire_id, language: r.language, key: r.text_key, kind: r.kind, hash: r.hash, url: mediaUrl(r.hash, r.mime), spokenText: r.spoken_text }));
}
