/** What every route needs, built once per process and passed in (no globals). */
import type { Db } from './db/database.ts';
import type { QuestionnaireCache } from './questionnaireVersions.ts';

export interface AppContext {
  readonly db: Db;
  readonly questionnaires: QuestionnaireCache;
}
