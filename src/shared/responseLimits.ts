/**
 * The plain constants of a response (no schema code): the tablet's pages
 * and its outbox use them without loading the schemas in src/shared/response.ts.
 */
export const ANSWERED_BY = ['alone', 'with-staff', 'with-relative', 'someone-else'] as const;

export const MAX_COMMENT_LENGTH = 2000;
/** The databases' integer columns hold 32 bits: a larger id or version can name nothing stored. */
export const MAX_DB_INT = 2_147_483_647;
export const MAX_BATCH = 50;
