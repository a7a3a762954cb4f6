/**
 * One entry point for checking a questionnaire: the schema first, then the
 * rules between its parts. Used by `npm run validate`, by the server before
 * it starts and by tests.
 */
import { describeIssue, type Problem } from './describeIssue.ts';
import { questionnaireSchemaFor, type Questionnaire } from './questionnaire.ts';
import { checkQuestionnaireRules, type AssetCheck } from './questionnaireRules.ts';

export type ValidationResult =
  | { readonly ok: true; readonly questionnaire: Questionnaire }
  | { readonly ok: false; readonly problems: readonly Problem[] };

export function validateQuestionnaire(input: unknown, assets: AssetCheck): ValidationResult {
  const parsed = questionnaireSchemaFor(input).safeParse(input, { reportInput: true });
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map(describeIssue) };
  const problems = checkQuestionnaireRules(parsed.data, assets);
  return problems.length === 0 ? { ok: true, questionnaire: parsed.data } : { ok: false, problems };
}

export function formatProblem(file: string, problem: Problem): string {
  return problem.path === '' ? `${file}: ${problem.message}` : `${file}: ${problem.path} ${problem.message}`;
}
