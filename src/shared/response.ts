/**
 * A response as the tablet or phone builds it, the batch it syncs and the
 * server's acknowledgement. Nothing here identifies a person or a device:
 * a random id, the unit, and the completion date without a time of day.
 */
import { z } from 'zod/mini';
import { audience, slug } from './questionnaire.ts';
import { languageCode } from './languages.ts';

import { ANSWERED_BY, MAX_BATCH, MAX_COMMENT_LENGTH, MAX_DB_INT } from './responseLimits.ts';

export { ANSWERED_BY, MAX_BATCH, MAX_COMMENT_LENGTH, MAX_DB_INT };
export const answeredBy = z.enum(ANSWERED_BY);
export type AnsweredBy = z.infer<typeof answeredBy>;


export const roundCode = z
  .string()
  .check(z.regex(/^[A-Z0-9]{4,16}$/, { error: 'Koden må bestå av 4–16 store bokstaver og tall.' }));

const isoDate = z.iso.date({ error: 'Datoen må skrives som ÅÅÅÅ-MM-DD, uten klokkeslett.' });

export const responseSchema = z.strictObject({
  /** Made by the client at the first tap; the server stores it once. */
  id: z.uuid({ error: 'Svar-id må være en UUID.' }),
  questionnaireId: slug,
  questionnaireVersion: z.int().check(z.minimum(1), z.maximum(MAX_DB_INT)),
  audience,
  language: languageCode,
  roundCode,
  unitId: z.nullable(z.int().check(z.minimum(1), z.maximum(MAX_DB_INT))),
  /** How the answers were given; relatives answer for themselves (null). */
  answeredBy: z.nullable(answeredBy),
  /** Question id → chosen value, or null when the question was skipped. */
  answers: z.record(slug, z.nullable(z.string().check(z.minLength(1), z.maxLength(32)))),
  comments: z._default(z.record(slug, z.string().check(z.trim(), z.minLength(1), z.maxLength(MAX_COMMENT_LENGTH))), {}),
  /** "finished" reached the end; "ended" was stopped early on purpose. */
  completion: z.enum(['finished', 'ended']),
  completedOn: isoDate,
});

export type SurveyResponse = z.infer<typeof responseSchema>;
export type SurveyResponseInput = z.input<typeof responseSchema>;

export const syncPayloadSchema = z.strictObject({
  responses: z.array(responseSchema).check(z.minLength(1), z.maxLength(MAX_BATCH)),
});
export type SyncPayload = z.infer<typeof syncPayloadSchema>;

/** The server names every id it now holds; only those may leave the device. */
export const syncAckSchema = z.strictObject({
  acknowledged: z.array(z.uuid()),
});
export type SyncAck = z.infer<typeof syncAckSchema>;

/** Every error the API returns has this shape; `code` is stable for translation. */
export const apiErrorSchema = z.strictObject({
  error: z.strictObject({
    code: z.string(),
    message: z.string(),
    responseId: z.optional(z.string()),
    details: z.optional(z.array(z.strictObject({ path: z.string(), message: z.string() }))),
  }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;
