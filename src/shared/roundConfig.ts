/**
 * What a tablet or phone receives for a round: enough to run the whole
 * survey offline. The server builds it; the client parses it with this
 * schema before storing it.
 */
import { z } from 'zod/mini';
import { sealingKeySchema } from './exportFile.ts';
import { questionnaireSchemaFor, type Questionnaire } from './questionnaire.ts';

const questionnaireAnyLanguages = z.pipe(
  z.unknown(),
  z.transform((value, ctx): Questionnaire => {
    const parsed = questionnaireSchemaFor(value).safeParse(value);
    if (parsed.success) return parsed.data;
    ctx.issues.push({ code: 'custom', message: 'invalid questionnaire in round configuration', input: value });
    return z.NEVER;
  }),
);

export const roundConfigSchema = z.object({
  code: z.string(),
  kind: z.enum(['tablet', 'relative']),
  municipality: z.object({ name: z.string() }),
  round: z.object({
    name: z.string(),
    opensOn: z.string(),
    closesOn: z.string(),
    status: z.enum(['draft', 'open', 'closed']),
  }),
  units: z.array(z.object({ id: z.int(), name: z.string() })),
  questionnaires: z.array(questionnaireAnyLanguages),
  /** The server's public key that seals an emergency file; null from servers that had none. */
  sealingKey: z._default(z.nullable(sealingKeySchema), null),
  /** Recorded voices and sign-language videos of the municipality, by text key. */
  media: z._default(
    z.array(
      z.object({
        questionnaireId: z.string(),
        language: z.string(),
        key: z.string(),
        kind: z.enum(['audio', 'video']),
        url: z.string(),
        hash: z.string(),
      }),
    ),
    [],
  ),
});

export type RoundConfig = z.infer<typeof roundConfigSchema>;
export type CodeKind = RoundConfig['kind'];
export type RoundMedia = RoundConfig['media'][number];
