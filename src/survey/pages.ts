/**
 * The pages a person walks through, in order: Eir's intro, one page per
 * visible question (a comment page after a section that asks for one),
 * the final comment, the end page and, on tablets, the helper's page about
 * how the answers were given. Recomputed after every answer, so a "Nei"
 * that hides follow-ups removes their pages and "Ja" brings them back.
 */
import type { Page, Question, Questionnaire, Section } from '../shared/questionnaire.ts';
import { FINAL_COMMENT_KEY } from '../shared/responseRules.ts';
import type { AnswerMap } from '../shared/visibility.ts';
import { visibleQuestions } from '../shared/visibility.ts';

export type SurveyPage =
  | { readonly kind: 'intro'; readonly key: string; readonly page: Page }
  | { readonly kind: 'question'; readonly key: string; readonly question: Question; readonly section: Section }
  | { readonly kind: 'section-comment'; readonly key: string; readonly section: Section }
  | { readonly kind: 'final-comment'; readonly key: string }
  | { readonly kind: 'end'; readonly key: string; readonly page: Page }
  | { readonly kind: 'answered-by'; readonly key: string };

export function surveyPages(questionnaire: Questionnaire, answers: AnswerMap): SurveyPage[] {
  const pages: SurveyPage[] = questionnaire.intro.map((page) => ({ kind: 'intro', key: `intro:${page.id}`, page }));
  const sections = new Map(questionnaire.sections.map((section) => [section.id, section]));
  const visible = visibleQuestions(questionnaire, answers);
  visible.forEach((question, index) => {
    const section = sections.get(question.section);
    if (!section) return;
    pages.push({ kind: 'question', key: `q:${question.id}`, question, section });
    const next = visible[index + 1];
    if (section.comment && next?.section !== section.id) {
      pages.push({ kind: 'section-comment', key: `c:${section.id}`, section });
    }
  });
  if (questionnaire.finalComment) pages.push({ kind: 'final-comment', key: `c:${FINAL_COMMENT_KEY}` });
  pages.push({ kind: 'end', key: `end:${questionnaire.end.id}`, page: questionnaire.end });
  if (questionnaire.audience === 'respondent') pages.push({ kind: 'answered-by', key: 'answered-by' });
  return pages;
}

/** Where to resume: the stored page, or the nearest earlier page still shown. */
export function resumeIndex(pages: readonly SurveyPage[], key: string, questionnaire: Questionnaire): number {
  const exact = pages.findIndex((page) => page.key === key);
  if (exact >= 0) return exact;
  const order = questionnaire.questions.map((q) => `q:${q.id}`);
  const wanted = order.indexOf(key);
  for (let i = pages.length - 1; i >= 0; i--) {
    const candidate = order.indexOf(pages[i]!.key);
    if (candidate >= 0 && candidate <= wanted) return i;
  }
  return 0;
}
