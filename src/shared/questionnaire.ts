/**
 * The shape of a questionnaire file (questionnaires/*.json). The PWA, the
 * server and the validation command all parse questionnaires with this
 * schema. Texts must exist in every language the questionnaire lists, so
 * the schema is built for those languages (see parseQuestionnaire).
 */
import { z } from 'zod/mini';
import { languageCode, REQUIRED_LANGUAGES } from './languages.ts';
import { SCALE_IDS } from './scales.ts';
import { THEMES } from './themes.ts';

export const FAVOURABLE = ['yes', 'no', 'none'] as const;
export const favourable = z.enum(FAVOURABLE);
export type Favourable = z.infer<typeof favourable>;

export const AUDIENCES = ['respondent', 'relative'] as const;
const scaleId = z.enum(SCALE_IDS);
const themeId = z.enum(THEMES);
export const audience = z.enum(AUDIENCES);
export type Audience = z.infer<typeof audience>;

export const slug = z.string().check(
  z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/, {
    error: 'må være en kort id med små bokstaver (a–z), tall og bindestrek, for eksempel «bolig-trives»',
  }),
);

const illustrationPath = z.string().check(
  z.regex(/^illustrations\/[a-z0-9][a-z0-9-]*\.(svg|png|webp|jpg)$/, {
    error: 'må være en fil i public/illustrations, for eksempel «illustrations/hus.svg» (små bokstaver, tall og bindestrek)',
  }),
);

const audioPath = z.string().check(
  z.regex(/^audio\/[a-z]{2,3}\/[a-z0-9][a-z0-9-]*\.(mp3|m4a|ogg|opus|wav|webm)$/, {
    error: 'må være en lydfil i public/audio/<språk>, for eksempel «audio/nb/trivsel-1.mp3»',
  }),
);

/** The languages are read first, so every text can be required in each of them. */
const languagesField = z.array(languageCode).check(
  z.minLength(2),
  z.refine((langs) => REQUIRED_LANGUAGES.every((l) => langs.includes(l)), {
    error: 'må inneholde både «nb» (bokmål) og «nn» (nynorsk)',
  }),
  z.refine((langs) => new Set(langs).size === langs.length, { error: 'har samme språk flere ganger' }),
);

function buildSchema(languages: readonly [string, ...string[]]) {
  const lang = z.enum(languages);
  const text = z.record(lang, z.string().check(z.trim(), z.minLength(1)));
  const illustration = z.strictObject({ file: illustrationPath, alt: text });
  const audio = z.partialRecord(lang, audioPath);
  const commentField = z.strictObject({ label: text });

  const page = z.strictObject({
    id: slug,
    title: z.optional(text),
    text,
    illustration,
    audio: z.optional(audio),
  });

  const section = z.strictObject({
    id: slug,
    title: text,
    illustration: z.optional(illustration),
    /** A free-text comment at the end of the section (relatives). */
    comment: z.optional(commentField),
    /**
     * false: the section's questions (the relatives' own contact with the
     * services) are scored and reported in a block of their own, left out
     * of the theme figures and the two-voices comparison. Default true.
     */
    compare: z.optional(z.boolean()),
  });

  const condition = z.strictObject({
    /** An earlier question; this one shows only if it got one of these answers. */
    question: slug,
    answerIn: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
  });

  const question = z.strictObject({
    id: slug,
    section: slug,
    /** Required on scored scales; background questions (relation) have none. */
    theme: z.optional(themeId),
    /**
     * Factual questions ("Har du …?") are not opinions and may open
     * follow-ups; background questions describe the person answering.
     */
    kind: z._default(z.enum(['opinion', 'factual', 'background']), 'opinion'),
    text,
    illustration,
    audio: z.optional(audio),
    scale: scaleId,
    /**
     * Which answer is favourable: "yes" (the agree end; the default for
     * opinions), "no" (the disagree end: scored the other way round) or
     * "none" (factual and background questions: not scored). Read only
     * through src/shared/favourableAnswer.ts.
     */
    favourable: z.optional(favourable),
    /** First-edition files only (version 1): true meant `favourable: "no"`. Later versions may not use it. */
    reversed: z.optional(z.boolean()),
    /** The question this one mirrors, to check consistency against yes-saying. */
    pairedWith: z.optional(slug),
    comment: z.optional(commentField),
    condition: z.optional(condition),
  });

  return z.strictObject({
    $schema: z.optional(z.string()),
    id: slug,
    version: z.int().check(z.minimum(1)),
    audience,
    title: text,
    languages: languagesField,
    intro: z.array(page).check(z.minLength(1)),
    sections: z.array(section).check(z.minLength(1)),
    questions: z.array(question).check(z.minLength(1)),
    end: page,
    /** A free-text comment after the last question (relatives). */
    finalComment: z.optional(commentField),
  });
}

type Built = ReturnType<typeof buildSchema>;
export type Questionnaire = z.infer<Built>;
export type Question = Questionnaire['questions'][number];
export type Section = Questionnaire['sections'][number];
export type Page = Questionnaire['intro'][number];
export type LocalizedText = Questionnaire['title'];
export type QuestionnaireInput = z.input<Built>;

/** Reads only the languages, so the full schema can require each of them. */
const languagesOnly = z.object({ languages: languagesField });

const schemas = new Map<string, Built>();

/** Parses any questionnaire: the languages first, then everything else (one schema per set of languages, built once). */
export function questionnaireSchemaFor(input: unknown): Built {
  const head = languagesOnly.safeParse(input);
  const languages = head.success ? head.data.languages : [...REQUIRED_LANGUAGES];
  const key = languages.join(',');
  let schema = schemas.get(key);
  if (!schema) {
    schema = buildSchema(languages as [string, ...string[]]);
    schemas.set(key, schema);
  }
  return schema;
}
