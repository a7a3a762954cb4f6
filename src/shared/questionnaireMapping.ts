/**
 * Mappings between two versions of a questionnaire
 * (questionnaires/mappings/<id>-<from>-<to>.json): which question of the
 * newer version asks the same as which question of the older one, so a
 * trend can follow it across editions. The schema and the rules a mapping
 * must follow (both ids exist, one new id per old id, same scale and same
 * favourable answer); errors in bokmål like the questionnaire checks.
 */
import { z } from 'zod';
import type { Problem } from './describeIssue.ts';
import { favourableOf } from './favourableAnswer.ts';
import { slug, type Questionnaire } from './questionnaire.ts';

export const mappingSchema = z.strictObject({
  $schema: z.string().optional(),
  questionnaire: slug,
  from: z.int().min(1),
  to: z.int().min(1),
  /** New version's question id → the older version's question id with the same meaning. */
  questions: z.record(slug, slug),
});

export type QuestionnaireMapping = z.infer<typeof mappingSchema>;

/** The file name a mapping must have. */
export const mappingFileName = (m: Pick<QuestionnaireMapping, 'questionnaire' | 'from' | 'to'>): string => `${m.questionnaire}-${m.from}-${m.to}.json`;

/** Problems with a parsed mapping, given the two versions it links (undefined: no such version). */
export function checkMapping(m: QuestionnaireMapping, from: Questionnaire | undefined, to: Questionnaire | undefined): Problem[] {
  if (m.to <= m.from) return [{ path: 'to', message: `må være en nyere versjon enn «from» (${m.from})` }];
  const missing: Problem[] = [];
  if (!from) missing.push({ path: 'from', message: `spørreskjemaet «${m.questionnaire}» versjon ${m.from} finnes ikke — legg den gamle utgaven i questionnaires/previous/` });
  if (!to) missing.push({ path: 'to', message: `spørreskjemaet «${m.questionnaire}» versjon ${m.to} finnes ikke i questionnaires/ eller questionnaires/previous/` });
  if (!from || !to) return missing;
  const problems: Problem[] = [];
  const usedBy = new Map<string, string>();
  for (const [newId, oldId] of Object.entries(m.questions)) {
    const at = `questions.${newId}`;
    const now = to.questions.find((q) => q.id === newId);
    const before = from.questions.find((q) => q.id === oldId);
    if (!now) problems.push({ path: at, message: `det finnes ikke noe spørsmål «${newId}» i versjon ${m.to} — rett id-en eller fjern linjen` });
    if (!before) problems.push({ path: at, message: `peker på «${oldId}», men det finnes ikke noe spørsmål med den id-en i versjon ${m.from} — rett id-en eller fjern linjen` });
    const other = usedBy.get(oldId);
    if (other !== undefined) {
      problems.push({ path: at, message: `peker på «${oldId}», som «${other}» allerede peker på — to nye spørsmål kan ikke følge det samme gamle; behold bare det som spør om det samme` });
    } else usedBy.set(oldId, newId);
    if (!now || !before) continue;
    if (now.scale !== before.scale) {
      problems.push({ path: at, message: `«${newId}» har skalaen «${now.scale}», men «${oldId}» har «${before.scale}» — svar på ulike skalaer kan ikke sammenlignes over tid; fjern linjen` });
    } else if (favourableOf(now) !== favourableOf(before)) {
      problems.push({
        path: at,
        message: `«${newId}» har «favourable»: «${favourableOf(now)}», men «${oldId}» har «${favourableOf(before)}» — spørsmål der ulike svar er gode, kan ikke sammenlignes over tid; fjern linjen`,
      });
    }
  }
  return problems;
}

/** The older version's question id for each question of the newer version, over a chain of mappings (from → … → to); null when no chain links them. */
export function questionLinks(mappings: readonly QuestionnaireMapping[], id: string, from: number, to: number): Map<string, string> | null {
  if (from === to) return null;
  let links: Map<string, string> | null = null;
  let version = to;
  while (version > from) {
    const step = mappings.find((m) => m.questionnaire === id && m.to === version && m.from >= from);
    if (!step) return null;
    const next = new Map<string, string>();
    for (const [newId, midId] of links ?? new Map(Object.keys(step.questions).map((k) => [k, k]))) {
      const older = step.questions[midId];
      if (older !== undefined) next.set(newId, older);
    }
    links = next;
    version = step.from;
  }
  return version === from ? links : null;
}
