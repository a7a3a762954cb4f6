/**
 * The emergency copy a helper saves when responses cannot be sent: a file
 * a coordinator uploads, whose responses go through the same idempotent
 * ingest as a tablet's (so uploading it twice, or after the tablet did
 * send, adds nothing).
 *
 * Version 2 is sealed for the server: the responses are encrypted with a
 * fresh AES-256-GCM key, itself encrypted with the server's RSA-OAEP
 * (SHA-256) public key from the round's configuration. Whoever carries
 * the file (the helper, a coordinator, a lost USB stick) sees only how
 * many responses it holds. Version 1, the responses in clear, is still
 * read: tablets set up before sealing existed save it.
 */
import { z } from 'zod/mini';
import { EXPORT_FORMAT, SEALING_ALGORITHM } from './exportFormat.ts';
import { responseSchema } from './response.ts';

export { EXPORT_FORMAT, SEALING_ALGORITHM };
/** What the coordinator's upload may weigh: a tablet holds far fewer responses than this. */
export const MAX_EXPORT_FILE_BYTES = 50 * 1024 * 1024;

export const exportedResponsesSchema = z.array(responseSchema).check(z.maxLength(100_000));

export const exportFileSchema = z.strictObject({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(1),
  exportedOn: z.iso.date(),
  responses: exportedResponsesSchema,
});
export type ExportFile = z.infer<typeof exportFileSchema>;

export const sealedExportFileSchema = z.strictObject({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(2),
  exportedOn: z.iso.date(),
  count: z.int().check(z.nonnegative()),
  sealed: z.strictObject({
    alg: z.literal(SEALING_ALGORITHM),
    keyId: z.string().check(z.minLength(1), z.maxLength(64)),
    /** The AES key, encrypted with the server's public key (base64). */
    key: z.base64(),
    iv: z.base64(),
    /** The responses as JSON, encrypted, with the 16-byte GCM tag at the end (base64). */
    data: z.base64(),
  }),
});
export type SealedExportFile = z.infer<typeof sealedExportFileSchema>;

export const anyExportFileSchema = z.discriminatedUnion('version', [exportFileSchema, sealedExportFileSchema]);
export type AnyExportFile = z.infer<typeof anyExportFileSchema>;

/** The server's public key for sealing, as the round configuration carries it. */
export const sealingKeySchema = z.object({
  id: z.string(),
  jwk: z.object({ kty: z.literal('RSA'), n: z.string(), e: z.string() }),
});
export type SealingKey = z.infer<typeof sealingKeySchema>;

/** What the server says after storing a file's responses. */
export const uploadReportSchema = z.object({
  total: z.number(),
  stored: z.number(),
  refused: z.array(z.object({ responseId: z.string(), message: z.string() })),
});
export type UploadReport = z.infer<typeof uploadReportSchema>;
