/** The names inside an emergency file (src/shared/exportFile.ts), without its schemas, for the tablet. */
export const EXPORT_FORMAT = 'min-stemme-teller/responses';
export const SEALING_ALGORITHM = 'RSA-OAEP-256+A256GCM';
