/**
 * A municipality's favourable share per theme as it counts in the
 * comparison, from the summary tables of one closed round's released
 * responses (the whole municipality; respondents are the persons
 * themselves). A theme counts only where the responses with a score in it
 * reach the municipality's own anonymity threshold, and pools only the
 * theme's questions with at least that many substantive answers.
 */
import type { Kysely } from 'kysely';
import type { Audience, Questionnaire } from '../../shared/questionnaire.ts';
import { favourableCounts } from '../../shared/results/favourable.ts';
import type { ThemeId } from '../../shared/themes.ts';
import type { Database } from '../db/schema.ts';
import { countedQuestions } from '../results/favourableShares.ts';
import { summaryFigures } from '../summaries/summaryFigures.ts';

export async function memberShares(db: Kysely<Database>, roundId: number, audience: Audience, q: Questionnaire, k: number): Promise<Map<ThemeId, number>> {
  const filter = { roundId, audience };
  const themes = await summaryFigures.themeScores(db, filter);
  const counts = await summaryFigures.valueCounts(db, filter);
  const byQuestion = new Map<string, Map<string, number>>();
  for (const c of counts) {
    if (c.value === null) continue;
    const map = byQuestion.get(c.questionId) ?? new Map<string, number>();
    byQuestion.set(c.questionId, map);
    map.set(c.value, c.count);
  }
  const shares = new Map<ThemeId, number>();
  for (const { theme, n } of themes) {
    if (n < k) continue;
    let favourable = 0;
    let answered = 0;
    for (const question of countedQuestions(q).filter((x) => x.theme === theme)) {
      const c = favourableCounts(question, byQuestion.get(question.id) ?? new Map());
      if (!c || c.answered < k) continue;
      favourable += c.favourable;
      answered += c.answered;
    }
    if (answered > 0) shares.set(theme as ThemeId, favourable / answered);
  }
  return shares;
}
