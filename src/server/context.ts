/** What every route needs, built once per process and passed in (no globals). */
import type { Db } from './db/database.ts';
import type { QuestionnaireCache } from './questionnaireVersions.ts';

export interface AppContext {
  readonly db: Db;
  readonly questionnaires: QuestionnaireCache;
  /** Tests that flood the server on purpose raise the limits; production uses the defaults. */
  readonly limits?: {
    readonly submissionsPerMinute?: number;
    readonly submissionsPerCodePerHour?: number;
    readonly signInFailuresPerAddress?: number;
    readonly codeMissesPerAddress?: number;
  };
}
