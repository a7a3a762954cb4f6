/**
 * Checks a new round before it is sent, with the same schema the server
 * uses, and turns each problem into a sentence in the page's language.
 */
import { newRoundSchema, type NewRoundInput } from '../../shared/coordinatorApi.ts';
import type { Translate } from '../i18n.ts';

export interface RoundDraft {
  readonly name: string;
  readonly opensOn: string;
  readonly closesOn: string;
  readonly questionnaireIds: readonly string[];
  readonly unitIds: readonly string[];
}

export type RoundField = keyof RoundDraft;
export type RoundErrors = Partial<Record<RoundField, string>>;

const FIELDS: readonly RoundField[] = ['name', 'opensOn', 'closesOn', 'questionnaireIds', 'unitIds'];

export function checkRound(draft: RoundDraft, t: Translate): { ok: true; input: NewRoundInput } | { ok: false; errors: RoundErrors } {
  const candidate = { ...draft, questionnaireIds: [...draft.questionnaireIds], unitIds: draft.unitIds.map(Number) };
  const parsed = newRoundSchema.safeParse(candidate);
  const errors: RoundErrors = {};
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const field = FIELDS.find((f) => f === issue.path[0]);
    if (!field || errors[field]) continue;
    errors[field] = field === 'closesOn' && issue.code === 'custom' ? t('newRound.errors.closesBeforeOpens') : t(`newRound.errors.${field}`);
  }
  // The schema compares the dates only once every other field is valid; say it at once.
  if (!errors.opensOn && !errors.closesOn && draft.opensOn && draft.closesOn && draft.closesOn < draft.opensOn) {
    errors.closesOn = t('newRound.errors.closesBeforeOpens');
  }
  if (parsed.success && Object.keys(errors).length === 0) return { ok: true, input: parsed.data };
  return { ok: false, errors };
}
