/**
 * A response as the tablet or phone builds it, the batch it syncs and the
 * server's acknowledgement. Nothing here identifies a person or a device:
 * a random id, the unit, and the completion date without a time of day.
 */
import { z } from 'zod';
import { audience, slug } from './questionnaire.ts';
import { languageCode } from './languages.ts';

export const ANSWERED_BY = ['alone', 'with-staff', 'with-relative', 'someone-else'] as const;
export const answeredBy = z.enum(ANSWERED_BY);
export type AnsweredBy = z.infer<typeof answeredBy>;

export const MAX_COMMENT_LENGTH = 2000;
/** The databases' integer columns hold 32 bits: a larger id or version can name nothing stored. */
export const MAX_DB_INT = 2_147_483_647;
export const MAX_BATCH = 50;

export const roundCode = z
  .string()
  .regex(/^[A-Z0-9]{4,16}$/, { error: 'Koden må bestå av 4–16 store bokstaver og tall.' });

const isoDate = z.iso.date({ error: 'Datoen må skrives som ÅÅÅÅ-MM-DD, uten klokkeslett.' });

export const responseSchema = z.strictObject({
  /** Made by the client at the first tap; the server stores it once. */
  id: z.uuid({ error: 'Svar-id må være en UUID.' }),
  questionnaireId: slug,
  questionnaireVersion: z.int().min(1).max(MAX_DB_INT),
  audience,
  language: languageCode,
  roundCode,
  unitId: z.int().min(1).max(MAX_DB_INT).nullable(),
  /** How the answers were given; relatives answer for themselves (null). */
  answeredBy: answeredBy.nullable(),
  /** Question id → chosen value, or null when the question was skipped. */
  answers: z.record(slug, z.string().min(1).max(32).nullable()),
  comments: z.record(slug, z.string().trim().min(1).max(MAX_COMMENT_LENGTH)).default({}),
  /** "finished" reached the end; "ended" was stopped early on purpose. */
  completion: z.enum(['finished', 'ended']),
  completedOn: isoDate,
});

export type SurveyResponse = z.infer<typeof responseSchema>;
export type SurveyResponseInput = z.input<typeof responseSchema>;

export const syncPayloadSchema = z.strictObject({
  responses: z.array(responseSchema).min(1).max(MAX_BATCH),
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
    responseId: z.string().optional(),
    details: z.array(z.strictObject({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type ApiError = z.infer<typeof apiErrorSchema>;
