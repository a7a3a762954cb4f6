/**
 * Table types for Kysely. The same tables exist on SQLite and PostgreSQL;
 * dates are ISO strings ("2026-11-22") so both behave alike, and no table
 * holds a name, an IP address, a device id or a time of day of a response.
 */
import type { Generated, Insertable, Selectable } from 'kysely';

export interface MunicipalityTable {
  id: Generated<number>;
  name: string;
  anonymity_threshold: number;
  /** 1: the admin opted in to the comparison with other municipalities (src/server/comparison). */
  shares_comparison: Generated<number>;
  /** Ends every username an admin creates here ("kari@aas"); null only before migration 011 filled it. */
  username_suffix: string | null;
}

export interface UnitTable {
  id: Generated<number>;
  municipality_id: number;
  name: string;
}

export interface CoordinatorTable {
  id: Generated<number>;
  /** Null only for an operator, who belongs to no municipality. */
  municipality_id: number | null;
  username: string;
  password_hash: string;
  is_admin: number;
  /** 1: an admin disabled the account; it cannot sign in and has no sessions. */
  disabled: Generated<number>;
  /** 1: the password was set by an admin (a reset); it must be changed before anything else. */
  must_change_password: Generated<number>;
  /** 1: an operator of the deployment: creates municipalities, sees their activity, never their results or media. */
  is_operator: Generated<number>;
}

export interface RoundTable {
  id: Generated<number>;
  municipality_id: number;
  name: string;
  tablet_code: string;
  relative_code: string;
  opens_on: string;
  closes_on: string;
  status: 'draft' | 'open' | 'closed';
}

export interface RoundUnitTable {
  round_id: number;
  unit_id: number;
}

export interface RoundQuestionnaireTable {
  round_id: number;
  questionnaire_id: string;
  /** The version the round asks (fixed when the round is made); null only if none was stored then: the newest. */
  questionnaire_version: number | null;
}

/** Every questionnaire version the server has served, kept so late answers still fit. */
export interface QuestionnaireVersionTable {
  questionnaire_id: string;
  version: number;
  audience: string;
  definition: string;
}

export interface ResponseTable {
  id: string;
  round_id: number;
  unit_id: number | null;
  questionnaire_id: string;
  questionnaire_version: number;
  audience: string;
  language: string;
  answered_by: string | null;
  completion: string;
  completed_on: string;
  /** Hash of the submitted body: a resend must match it exactly. */
  body_hash: string;
  /**
   * The release of results this response counts in: while it waits, the
   * round's next release (set at ingest), so it is released once the round
   * has a release of that number. Null only in databases before migration 006.
   */
  release_no: Generated<number | null>;
}

/** A release of a round's results: figures change only from one release to the next. */
export interface ResultReleaseTable {
  round_id: number;
  number: number;
  /** The anonymity threshold the release was made with. */
  threshold: number;
  made_on: string;
}

/** One row per answer, theme and score fixed at ingest; appended with its response and never looked up by key (results read the summary tables). */
export interface AnswerTable {
  response_id: string;
  question_id: string;
  theme: string | null;
  value: string | null;
  score: number | null;
}

export interface CommentTable {
  response_id: string;
  comment_key: string;
  body: string;
}

/**
 * Summary tables kept at ingest (src/server/summaries): per cell of round ×
 * audience × unit (0: none) × who answered ('': not recorded) × release
 * (as responses.release_no) × flagged (1: same answer to everything or a
 * contradicted reversed pair), what results need, equal at every commit to a
 * recomputation from the raw rows.
 */
interface SummaryCellKey {
  round_id: number;
  audience: string;
  unit_key: number;
  answered_by: string;
  release_no: number;
  flagged: number;
}

export interface SummaryCellTable extends SummaryCellKey {
  responses: number;
  /** Responses with one and the same answer to every scored question (at least three). */
  same_answer: number;
  /** Responses that answered both questions of a reversed pair, and those that contradicted one. */
  pair_answered: number;
  pair_bad: number;
}

export interface SummaryThemeTable extends SummaryCellKey {
  /** '*': every scored answer. */
  theme: string;
  /** Responses with a score in the theme, and the sum of their mean scores in it. */
  responses: number;
  mean_sum: number;
}

export interface SummaryValueTable extends SummaryCellKey {
  question_id: string;
  /** '': skipped. */
  value: string;
  n: number;
}

export interface SummaryCommentTable extends SummaryCellKey {
  comment_key: string;
  n: number;
}

export interface SessionTable {
  token_hash: string;
  coordinator_id: number;
  /** Epoch milliseconds; a session, not a response, so a time is fine here. */
  expires_at: number;
}

export interface MediaFileTable {
  /** SHA-256 of the bytes: the same recording is stored once and cached forever. */
  hash: string;
  mime: string;
  size: number;
  bytes: Buffer;
}

export interface MediaAssignmentTable {
  municipality_id: number;
  questionnaire_id: string;
  language: string;
  text_key: string;
  kind: 'audio' | 'video';
  hash: string;
  /** The text (in `language`) the file was recorded for, as the respondent sees it; null: recorded before this was kept. */
  spoken_text: string | null;
}

/**
 * Limits shared by every server process (src/server/auth/limits.ts): a
 * counter per key in a window, and for sign-in the time before which the
 * next attempt must wait. Keys are keyed hashes, never an address or a
 * username in clear, and a row is deleted once its window is over.
 */
export interface RateLimitTable {
  key: string;
  count: number;
  /** Epoch milliseconds when the window ends and the row may go. */
  reset_at: number;
  /** Epoch milliseconds before which the next attempt is refused (sign-in delays); 0 for none. */
  not_before: number;
}

/** The server's RSA key pair that seals tablets' emergency files. */
export interface SealingKeyTable {
  id: string;
  public_jwk: string;
  private_pem: string;
}

export interface Database {
  municipalities: MunicipalityTable;
  units: UnitTable;
  coordinators: CoordinatorTable;
  rounds: RoundTable;
  round_units: RoundUnitTable;
  round_questionnaires: RoundQuestionnaireTable;
  questionnaire_versions: QuestionnaireVersionTable;
  responses: ResponseTable;
  result_releases: ResultReleaseTable;
  sealing_keys: SealingKeyTable;
  answers: AnswerTable;
  comments: CommentTable;
  summary_cells: SummaryCellTable;
  summary_themes: SummaryThemeTable;
  summary_values: SummaryValueTable;
  summary_comments: SummaryCommentTable;
  sessions: SessionTable;
  media_files: MediaFileTable;
  media_assignments: MediaAssignmentTable;
  rate_limits: RateLimitTable;
  server_secrets: ServerSecretTable;
  comparison_periods: ComparisonPeriodTable;
  comparison_members: ComparisonMemberTable;
}

/** A frozen comparison: made once, after its period (a calendar year of closing) is over, for one questionnaire version. */
export interface ComparisonPeriodTable {
  period: string;
  questionnaire_id: string;
  questionnaire_version: number;
  made_on: string;
}

/** Who counted in a frozen comparison, per theme, with the share it counted with. Never shown: only the distribution is. */
export interface ComparisonMemberTable {
  period: string;
  questionnaire_id: string;
  questionnaire_version: number;
  theme: string;
  municipality_id: number;
  share: number;
}

/** Secrets every server process shares, made once: the key that hashes rate-limit keys. */
export interface ServerSecretTable {
  name: string;
  value: string;
}

export type Round = Selectable<RoundTable>;
export type NewResponse = Insertable<ResponseTable>;
export type NewAnswer = Insertable<AnswerTable>;
