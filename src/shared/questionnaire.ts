/**
 * The shape of a questionnaire file (questionnaires/*.json). The PWA, the
 * server and the validation command all parse questionnaires with this
 * schema. Texts must exist in every language the questionnaire lists, so
 * the schema is built for those languages (see parseQuestionnaire).
 */
import { z } from 'zod';
import { languageCode, REQUIRED_LANGUAGES } from './languages.ts';
import { scaleId } from './scales.ts';
import { themeId } from './themes.ts';

export const FAVOURABLE = ['yes', 'no', 'none'] as const;
export const favourable = z.enum(FAVOURABLE);
export type Favourable = z.infer<typeof favourable>;

export const AUDIENCES = ['respondent', 'relative'] as const;
export const audience = z.enum(AUDIENCES);
export type Audience = z.infer<typeof audience>;

export const slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, {
    error: 'må være en kort id med små bokstaver (a–z), tall og bindestrek, for eksempel «bolig-trives»',
  });

const illustrationPath = z.string().regex(/^illustrations\/[a-z0-9][a-z0-9-]*\.(svg|png|webp|jpg)$/, {
  error: 'må være en fil i public/illustrations, for eksempel «illustrations/hus.svg» (små bokstaver, tall og bindestrek)',
});

const audioPath = z.string().regex(/^audio\/[a-z]{2,3}\/[a-z0-9][a-z0-9-]*\.(mp3|m4a|ogg|opus|wav|webm)$/, {
  error: 'må være en lydfil i public/audio/<språk>, for eksempel «audio/nb/trivsel-1.mp3»',
});

/** The languages are read first, so every text can be required in each of them. */
const languagesField = z
  .array(languageCode)
  .min(2)
  .refine((langs) => REQUIRED_LANGUAGES.every((l) => langs.includes(l)), {
    error: 'må inneholde både «nb» (bokmål) og «nn» (nynorsk)',
  })
  .refine((langs) => new Set(langs).size === langs.length, { error: 'har samme språk flere ganger' });

function buildSchema(languages: readonly [string, ...string[]]) {
  const lang = z.enum(languages);
  const text = z.record(lang, z.string().trim().min(1));
  const illustration = z.strictObject({ file: illustrationPath, alt: text });
  const audio = z.partialRecord(lang, audioPath);
  const commentField = z.strictObject({ label: text });

  const page = z.strictObject({
    id: slug,
    title: text.optional(),
    text,
    illustration,
    audio: audio.optional(),
  });

  const section = z.strictObject({
    id: slug,
    title: text,
    illustration: illustration.optional(),
    /** A free-text comment at the end of the section (relatives). */
    comment: commentField.optional(),
    /**
     * false: the section's questions (the relatives' own contact with the
     * services) are scored and reported in a block of their own, left out
     * of the theme figures and the two-voices comparison. Default true.
     */
    compare: z.boolean().optional(),
  });

  const condition = z.strictObject({
    /** An earlier question; this one shows only if it got one of these answers. */
    question: slug,
    answerIn: z.array(z.string().min(1)).min(1),
  });

  const question = z.strictObject({
    id: slug,
    section: slug,
    /** Required on scored scales; background questions (relation) have none. */
    theme: themeId.optional(),
    /**
     * Factual questions ("Har du …?") are not opinions and may open
     * follow-ups; background questions describe the person answering.
     */
    kind: z.enum(['opinion', 'factual', 'background']).default('opinion'),
    text,
    illustration,
    audio: audio.optional(),
    scale: scaleId,
    /**
     * Which answer is favourable: "yes" (the agree end; the default for
     * opinions), "no" (the disagree end: scored the other way round) or
     * "none" (factual and background questions: not scored). Read only
     * through src/shared/favourableAnswer.ts.
     */
    favourable: favourable.optional(),
    /** First-edition files only (version 1): true meant `favourable: "no"`. Later versions may not use it. */
    reversed: z.boolean().optional(),
    /** The question this one mirrors, to check consistency against yes-saying. */
    pairedWith: slug.optional(),
    comment: commentField.optional(),
    condition: condition.optional(),
  });

  return z.strictObject({
    $schema: z.string().optional(),
    id: slug,
    version: z.int().min(1),
    audience,
    title: text,
    languages: languagesField,
    intro: z.array(page).min(1),
    sections: z.array(section).min(1),
    questions: z.array(question).min(1),
    end: page,
    /** A free-text comment after the last question (relatives). */
    finalComment: commentField.optional(),
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

/** Parses any questionnaire: the languages first, then everything else. */
export function questionnaireSchemaFor(input: unknown) {
  const head = languagesOnly.safeParse(input);
  const languages = head.success ? head.data.languages : [...REQUIRED_LANGUAGES];
  return buildSchema(languages as [string, ...string[]]);
}
