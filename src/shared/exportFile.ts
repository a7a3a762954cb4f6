/**
 * The emergency copy a helper saves when responses cannot be sent: a file
 * a coordinator uploads, which goes through the same idempotent endpoint
 * (so uploading it twice, or after the tablet did send, adds nothing).
 */
import { z } from 'zod';
import { responseSchema } from './response.ts';

export const EXPORT_FORMAT = 'min-stemme-teller/responses';

export const exportFileSchema = z.strictObject({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(1),
  exportedOn: z.iso.date(),
  responses: z.array(responseSchema).max(100_000),
});

export type ExportFile = z.infer<typeof exportFileSchema>;
