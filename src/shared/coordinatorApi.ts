/**
 * The coordinator API's shapes, shared by the server routes and the
 * coordinator pages. Everything a coordinator sees about answers comes
 * from the server already aggregated and suppressed below the threshold.
 */
import { z } from 'zod';
import { AUDIENCES } from './questionnaire.ts';
import { ANSWERED_BY, MAX_DB_INT } from './response.ts';
import { SPOKEN_KINDS } from './spokenTexts.ts';
import { THEMES } from './themes.ts';

export const MIN_PASSWORD_LENGTH = 12;

export const loginRequestSchema = z.strictObject({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(1000),
});

export const newCoordinatorSchema = z.strictObject({
  username: z.string().trim().min(3).max(100).regex(/^[\p{L}\p{N}._@-]+$/u),
  password: z.string().min(MIN_PASSWORD_LENGTH).max(1000),
  isAdmin: z.boolean().default(false),
});

/** Changing one's own password: the current one, and a new one (checked on the server against common passwords). */
export const passwordChangeSchema = z.strictObject({
  currentPassword: z.string().min(1).max(1000),
  newPassword: z.string().max(1000),
});

/** What an admin changes on a colleague's account. */
export const coordinatorUpdateSchema = z.strictObject({ disabled: z.boolean() });

/** A password an admin reset: shown to the admin once, to be changed at the next sign-in. */
export const passwordResetSchema = z.object({ password: z.string() });
export type PasswordReset = z.infer<typeof passwordResetSchema>;

export const meSchema = z.object({
  username: z.string(),
  isAdmin: z.boolean(),
  /** An admin reset the password: the coordinator must choose a new one before anything else. */
  mustChangePassword: z.boolean(),
  municipality: z.object({
    id: z.number(),
    name: z.string(),
    anonymityThreshold: z.number(),
    /** The admin opted in to the anonymous comparison with other municipalities. */
    sharesComparison: z.boolean(),
    /** Ends every username an admin creates here: "kari" becomes "kari@<suffix>" (src/shared/usernames.ts). */
    usernameSuffix: z.string(),
  }),
});
export type Me = z.infer<typeof meSchema>;

/** An operator of the deployment: belongs to no municipality, sees municipalities and their activity, never results or media. */
export const operatorMeSchema = z.object({ username: z.string(), operator: z.literal(true), mustChangePassword: z.boolean() });
export type OperatorMe = z.infer<typeof operatorMeSchema>;

/** Whoever signed in (GET /me, POST /login). */
export const accountSchema = z.union([operatorMeSchema, meSchema]);
export type Account = z.infer<typeof accountSchema>;

/** What an admin changes about the municipality: the threshold, and whether it takes part in the comparison. */
export const municipalityUpdateSchema = z.strictObject({ anonymityThreshold: z.int().max(1000).optional(), sharesComparison: z.boolean().optional() });

/** One municipality as an operator sees it: activity only, response counts coarsened (src/shared/disclosure/activity.ts). */
export const operatorMunicipalitySchema = z.object({
  id: z.number(),
  name: z.string(),
  coordinators: z.number(),
  rounds: z.number(),
  closedRounds: z.number(),
  /** Released responses rounded down to a multiple of 10; null: 1–9 ("under 10"). */
  responses: z.number().nullable(),
  sharesComparison: z.boolean(),
});
export type OperatorMunicipality = z.infer<typeof operatorMunicipalitySchema>;

export const newMunicipalitySchema = z.strictObject({
  name: z.string().trim().min(2).max(100),
  /** Before the municipality's suffix is added ("admin" → "admin@aas"); "admin" when left out. */
  adminUsername: z.string().trim().toLowerCase().regex(/^[a-z0-9._-]{3,50}$/).optional(),
});
/** A new municipality's first admin, with the one-time password shown once. */
export const createdMunicipalitySchema = z.object({ id: z.number(), name: z.string(), adminUsername: z.string(), password: z.string() });
export type CreatedMunicipality = z.infer<typeof createdMunicipalitySchema>;

export const questionnaireInfoSchema = z.object({
  id: z.string(),
  version: z.number(),
  audience: z.enum(AUDIENCES),
  /** Questionnaires always have bokmål and nynorsk; further languages are ignored here. */
  title: z.object({ nb: z.string(), nn: z.string() }),
});
export type QuestionnaireInfo = z.infer<typeof questionnaireInfoSchema>;

export const coordinatorSchema = z.object({ id: z.number(), username: z.string(), isAdmin: z.boolean(), disabled: z.boolean() });
export type CoordinatorInfo = z.infer<typeof coordinatorSchema>;

export const unitSchema = z.object({ id: z.number(), name: z.string() });
export type Unit = z.infer<typeof unitSchema>;
export const unitInputSchema = z.strictObject({ name: z.string().trim().min(1).max(120) });

const isoDate = z.iso.date();

export const roundStatusSchema = z.enum(['draft', 'open', 'closed']);

export const roundSchema = z.object({
  id: z.number(),
  name: z.string(),
  opensOn: z.string(),
  closesOn: z.string(),
  status: roundStatusSchema,
  tabletCode: z.string(),
  relativeCode: z.string(),
  questionnaireIds: z.array(z.string()),
  unitIds: z.array(z.number()),
  /** Responses received so far; null while a unit has fewer than the threshold (see progressSchema). */
  responseCount: z.number().nullable(),
});
export type RoundSummary = z.infer<typeof roundSchema>;

/** More than any municipality has; a list beyond it is refused before it reaches the database. */
export const MAX_ROUND_UNITS = 1000;
export const MAX_ROUND_QUESTIONNAIRES = 20;

/** A database id in a path or query: positive and within 32 bits. */
export const dbIdSchema = z.coerce.number().int().positive().max(MAX_DB_INT);

export const newRoundSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    opensOn: isoDate,
    closesOn: isoDate,
    questionnaireIds: z.array(z.string().max(64)).min(1).max(MAX_ROUND_QUESTIONNAIRES),
    unitIds: z.array(z.int().positive().max(MAX_DB_INT)).min(1).max(MAX_ROUND_UNITS),
  })
  .refine((r) => r.closesOn >= r.opensOn, { path: ['closesOn'], error: 'closesOn must not be before opensOn' });
export type NewRoundInput = z.infer<typeof newRoundSchema>;

export const roundUpdateSchema = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  opensOn: isoDate.optional(),
  closesOn: isoDate.optional(),
  status: roundStatusSchema.optional(),
});

/** Live progress says per unit only "none yet", "fewer than the threshold" or "enough": never single arrivals. */
export const PROGRESS_STATUSES = ['none', 'few', 'enough'] as const;
export const progressStatusSchema = z.enum(PROGRESS_STATUSES);
export type ProgressStatus = z.infer<typeof progressStatusSchema>;

export const progressSchema = z.object({
  threshold: z.number(),
  /** Responses received per audience; null while some unit of that audience has fewer than the threshold. */
  totals: z.object({ respondent: z.number().nullable(), relative: z.number().nullable() }),
  rows: z.array(
    z.object({ unitId: z.number().nullable(), unitName: z.string().nullable(), questionnaireId: z.string(), audience: z.enum(AUDIENCES), status: progressStatusSchema }),
  ),
});
export type Progress = z.infer<typeof progressSchema>;

/**
 * How the answers were given, grouped for results: staff and relative help
 * are one group, and a survey ended before the question was asked is a
 * group of its own ("not-recorded"), so every respondent is in exactly one.
 */
export const ANSWER_MODES = ['alone', 'with-help', 'someone-else', 'not-recorded'] as const;
export const answerModeSchema = z.enum(ANSWER_MODES);
export type AnswerMode = z.infer<typeof answerModeSchema>;
export const ANSWER_MODE_OF: Record<(typeof ANSWERED_BY)[number], AnswerMode> = {
  alone: 'alone',
  'with-staff': 'with-help',
  'with-relative': 'with-help',
  'someone-else': 'someone-else',
};

/** The persons themselves: every answer mode but "someone else answered on their behalf", which is a group of its own. */
export const PROXY_MODE = 'someone-else' satisfies AnswerMode;
export const SELF_MODES = ANSWER_MODES.filter((mode) => mode !== PROXY_MODE);

export const resultsQuerySchema = z.strictObject({
  unitId: dbIdSchema.optional(),
  answerMode: answerModeSchema.optional(),
  /** "true": every figure without the responses flagged as same-answer-to-everything or a contradicted reversed pair. */
  withoutFlagged: z.stringbool().optional(),
});
export type ResultsQuery = z.infer<typeof resultsQuerySchema>;
/** The filters as the results echo them (parsed: a number and a boolean, not query-string text). */
export const resultsFiltersSchema = z.object({ unitId: z.number().optional(), answerMode: answerModeSchema.optional(), withoutFlagged: z.boolean().optional() });

/**
 * Why a figure is or is not shown: "empty" no responses, "too-few" fewer
 * than the threshold, "protecting" hidden only so that a small group
 * elsewhere cannot be worked out by subtraction.
 */
export const DISCLOSURE_STATUSES = ['shown', 'empty', 'too-few', 'protecting'] as const;
export const disclosureStatusSchema = z.enum(DISCLOSURE_STATUSES);
export type DisclosureStatus = z.infer<typeof disclosureStatusSchema>;

/**
 * A figure for a group: n and an unrounded score when shown (round once, when
 * writing it), null figures and suppressed=true otherwise.
 */
export const scoreSchema = z.object({ n: z.number().nullable(), score: z.number().nullable(), suppressed: z.boolean(), status: disclosureStatusSchema });
export type Score = z.infer<typeof scoreSchema>;

export const VOICES = ['respondent', 'proxy', 'relative'] as const;
export const voiceSchema = z.enum(VOICES);
export type Voice = z.infer<typeof voiceSchema>;

const themeKey = z.enum(THEMES);
const localized = z.record(z.string(), z.string());

export const questionResultSchema = z.object({
  questionnaireId: z.string(),
  audience: z.enum(AUDIENCES),
  /** Whose answers: the persons themselves, someone else on their behalf, or relatives. */
  voice: voiceSchema,
  questionId: z.string(),
  sectionId: z.string(),
  theme: themeKey.nullable(),
  /** The title of its section when that section is reported apart (`compare: false`: the relatives' own contact); null when it is compared. */
  block: localized.nullable(),
  text: localized,
  /** Responses in the group that were shown the question (answered or skipped). */
  n: z.number().nullable(),
  skipped: z.number().nullable(),
  suppressed: z.boolean(),
  status: disclosureStatusSchema,
  options: z.array(z.object({ value: z.string(), label: localized, count: z.number().nullable(), percent: z.number().nullable() })),
});
export type QuestionResult = z.infer<typeof questionResultSchema>;

/**
 * A share of favourable answers (0–1) with its 95 % Wilson interval, when
 * shown; `answered` substantive answers, `people` the responses they came
 * from (the interval treats each person as one observation).
 */
export const shareSchema = z.object({
  status: disclosureStatusSchema,
  share: z.number().nullable(),
  low: z.number().nullable(),
  high: z.number().nullable(),
  answered: z.number().nullable(),
  people: z.number().nullable(),
});
export type Share = z.infer<typeof shareSchema>;

/** Whether the persons' share is certainly higher or lower than the relatives', or within the noise; null when either is hidden. */
export const verdictSchema = z.enum(['higher', 'lower', 'no-certain-difference']).nullable();
export type ShareVerdict = z.infer<typeof verdictSchema>;

export const themeRowSchema = z.object({
  theme: themeKey,
  respondent: scoreSchema,
  relative: scoreSchema,
  /** respondent − relative on the 0–100 score, when both are shown: different scales, never the basis of a comparison. */
  difference: z.number().nullable(),
  /** Answers given by someone else on the person's behalf; null where not shown apart (a unit's page). */
  proxy: scoreSchema.nullable(),
  favourable: z.object({ respondent: shareSchema, proxy: shareSchema.nullable(), relative: shareSchema, verdict: verdictSchema }),
});
export type ThemeRow = z.infer<typeof themeRowSchema>;

/**
 * A section reported apart (`compare: false`: the relatives' own contact with the services), with the
 * favourable share of its shown questions pooled; never part of a theme or the two-voices comparison.
 */
export const blockRowSchema = z.object({ voice: voiceSchema, questionnaireId: z.string(), sectionId: z.string(), title: localized, favourable: shareSchema });
export type BlockRow = z.infer<typeof blockRowSchema>;

export const releaseSchema = z.object({
  /** Results change only from one release to the next; the first is made when the round closes. */
  number: z.number(),
  madeOn: z.string(),
  responses: z.number(),
  /** Whether responses arrived after this release and wait for enough others to join them. */
  waiting: z.boolean(),
});
export type Release = z.infer<typeof releaseSchema>;

/**
 * The anonymous comparison with other municipalities (src/server/comparison): for the rounds that
 * closed in the same calendar year with the same questionnaire, per voice and theme, the
 * distribution over the municipalities that opted in (coarsened quartiles, never a single one),
 * beside this municipality's own share. null: not on this page (filters), or not taking part.
 */
export const comparisonSchema = z.object({
  period: z.string(),
  /** not-yet: the period's comparison is made on `due`; ready: made (per theme, a distribution or too few). */
  state: z.enum(['not-yet', 'ready']),
  due: z.string(),
  voices: z.array(
    z.object({
      voice: z.enum(['respondent', 'relative']),
      themes: z.array(
        z.object({
          theme: themeKey,
          own: shareSchema,
          /** null: fewer than 5 other municipalities passed their own threshold ("Ikke nok kommuner å sammenligne med"). */
          distribution: z.object({ municipalities: z.number(), lowerQuartile: z.number(), median: z.number(), upperQuartile: z.number() }).nullable(),
          position: z.enum(['below-lower-quartile', 'lower-middle', 'upper-middle', 'above-upper-quartile']).nullable(),
        }),
      ),
    }),
  ),
});
export type Comparison = z.infer<typeof comparisonSchema>;

export const resultsSchema = z.object({
  threshold: z.number(),
  comparison: comparisonSchema.nullable().default(null),
  filters: resultsFiltersSchema,
  release: releaseSchema,
  /** proxy: answers someone else gave on the person's behalf; null where not shown apart (a unit's page). */
  groups: z.object({ respondent: scoreSchema, proxy: scoreSchema.nullable(), relative: scoreSchema }),
  /** With withoutFlagged: how many flagged responses each group leaves out (null when it cannot be shown). */
  flaggedLeftOut: z.object({ respondent: z.number().nullable(), proxy: z.number().nullable(), relative: z.number().nullable() }).nullable(),
  themes: z.array(themeRowSchema),
  /** Question pairs asked of both voices (same id): favourable shares and whether they certainly differ. */
  questionPairs: z.array(
    z.object({
      questionId: z.string(),
      theme: themeKey.nullable(),
      text: localized,
      relativeText: localized,
      respondent: shareSchema,
      relative: shareSchema,
      verdict: verdictSchema,
    }),
  ),
  /** Units × themes: favourable shares of both voices, with the change since the previous round where it can be shown. */
  matrix: z.object({
    previousRound: z.object({ roundId: z.number(), roundName: z.string() }).nullable(),
    rows: z.array(
      z.object({
        unitId: z.number().nullable(),
        name: z.string(),
        cells: z.array(
          z.object({
            theme: themeKey,
            respondent: shareSchema,
            relative: shareSchema,
            respondentChange: z.object({ difference: z.number(), verdict: verdictSchema }).nullable(),
            relativeChange: z.object({ difference: z.number(), verdict: verdictSchema }).nullable(),
          }),
        ),
      }),
    ),
  }),
  /** Respondents per answer mode; empty when results are filtered by unit (the two are never crossed). */
  byAnswerMode: z.array(z.object({ mode: answerModeSchema, group: scoreSchema, themes: z.array(z.object({ theme: themeKey, score: scoreSchema })) })),
  /** Per unit (unitId null: relatives who named no unit); empty when results are filtered by answer mode. */
  units: z.array(z.object({ unitId: z.number().nullable(), name: z.string(), respondent: scoreSchema, relative: scoreSchema })),
  questions: z.array(questionResultSchema),
  blocks: z.array(blockRowSchema),
  trend: z.array(
    z.object({
      roundId: z.number(),
      roundName: z.string(),
      opensOn: z.string(),
      audience: z.enum(AUDIENCES),
      themes: z.array(z.object({ theme: themeKey, score: scoreSchema, favourable: shareSchema })),
      /**
       * Favourable shares of this round's questions that the earlier round asked too: the same id
       * in the same version, or the question a mapping between editions links it to (`askedAs`).
       */
      questions: z.array(z.object({ questionId: z.string(), askedAs: z.string(), favourable: shareSchema })),
    }),
  ),
  consistency: z.array(
    z.object({
      audience: z.enum(AUDIENCES),
      group: scoreSchema,
      /** Share (0–100) of responses that gave the same answer to every question they answered. */
      sameAnswerShare: z.number().nullable(),
      /** Share (0–100) of responses that contradicted themselves on at least one reversed pair. */
      inconsistentPairShare: z.number().nullable(),
    }),
  ),
  comments: z.object({
    suppressed: z.boolean(),
    sections: z.array(z.object({ key: z.string(), title: localized, status: disclosureStatusSchema, comments: z.array(z.string()) })),
  }),
});
export type Results = z.infer<typeof resultsSchema>;

/** The tables of the exports, in the order of the workbook's sheets: one CSV file each, by this name. */
export const EXPORT_TABLES = ['overview', 'codebook', 'matrix', 'themes', 'blocks', 'pairs', 'units', 'modes', 'trend', 'consistency', 'questions-respondent', 'questions-proxy', 'questions-relative'] as const;
export const exportTableSchema = z.enum(EXPORT_TABLES);
export type ExportTable = z.infer<typeof exportTableSchema>;

/** A stored file; outdated: recorded for other words than the newest version's text (tablets on that version do not play it). */
export const mediaFileSchema = z.object({ url: z.string(), hash: z.string(), outdated: z.boolean() });
export type MediaFile = z.infer<typeof mediaFileSchema>;

/** A text a respondent hears, with its recorded voice and (questions only) sign-language video. */
export const mediaItemSchema = z.object({
  key: z.string(),
  kind: z.enum(SPOKEN_KINDS),
  text: z.string(),
  audio: mediaFileSchema.nullable(),
  video: mediaFileSchema.nullable(),
});
export type MediaItem = z.infer<typeof mediaItemSchema>;

export const mediaListSchema = z.object({
  items: z.array(mediaItemSchema),
  coverage: z.object({ recorded: z.number().int().nonnegative(), total: z.number().int().nonnegative() }),
});
export type MediaList = z.infer<typeof mediaListSchema>;
