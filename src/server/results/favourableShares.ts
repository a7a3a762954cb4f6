/**
 * Favourable shares of a group, from its answer counts and what disclosure
 * control shows of it: per question (each person answers once) and per
 * theme (the answers to the theme's questions pooled; the interval treats
 * each person as one observation however many of the theme's questions
 * they answered, which is conservative since one person's answers hang
 * together). A theme's share pools only the theme's questions whose own
 * figures are shown for the group, and is shown only where the theme's
 * figure is: so it is a function of figures the page already publishes
 * for that group, and a hidden question can never be worked out as the
 * theme minus the shown ones.
 */
import type { DisclosureStatus, Share, ShareVerdict } from '../../shared/coordinatorApi.ts';
import type { Question, Questionnaire } from '../../shared/questionnaire.ts';
import { ownBlockQuestions } from '../../shared/favourableAnswer.ts';
import { favourableCounts, favourableValues } from '../../shared/results/favourable.ts';
import { compareShares, wilson, type Interval } from '../../shared/results/wilson.ts';
import type { ThemeId } from '../../shared/themes.ts';
import type { Disclosed } from '../../shared/disclosure/linkedTable.ts';
import type { ValueCount } from './figureSource.ts';

export const hiddenShare = (status: DisclosureStatus): Share => ({ status, share: null, low: null, high: null, answered: null, people: null });

function shownShare(favourable: number, answered: number, people: number): Share {
  if (answered === 0 || people === 0) return hiddenShare('empty');
  const share = favourable / answered;
  const effective = Math.min(people, answered);
  const { low, high } = wilson(share * effective, effective);
  return { status: 'shown', share, low, high, answered, people: effective };
}

function countsOf(counts: readonly ValueCount[], questionId: string): Map<string, number> {
  return new Map(counts.filter((c) => c.questionId === questionId && c.value !== null).map((c) => [c.value!, c.count]));
}

/** The questions of a questionnaire that count in a theme's favourable share: those with a favourable answer, outside `compare: false` sections. */
export function countedQuestions(q: Questionnaire): Question[] {
  const apart = ownBlockQuestions(q);
  return q.questions.filter((question) => favourableValues(question) !== null && !apart.has(question.id));
}

export function questionShare(question: Question, counts: readonly ValueCount[], disclosed: Disclosed): Share {
  if (disclosed.status !== 'shown') return hiddenShare(disclosed.status);
  const c = favourableCounts(question, countsOf(counts, question.id));
  if (!c) return hiddenShare('empty');
  return shownShare(c.favourable, c.answered, c.answered);
}

/** The favourable and substantive answers to questions (each with a favourable answer), summed; and the most any one of them had. */
function pooled(questions: readonly Question[], counts: readonly ValueCount[]): { favourable: number; answered: number; mostAnswered: number } {
  let favourable = 0;
  let answered = 0;
  let mostAnswered = 0;
  for (const question of questions) {
    const c = favourableCounts(question, countsOf(counts, question.id))!;
    favourable += c.favourable;
    answered += c.answered;
    mostAnswered = Math.max(mostAnswered, c.answered);
  }
  return { favourable, answered, mostAnswered };
}

/**
 * The theme's favourable share: `themeDisclosed` is the theme figure's
 * disclosure (its n: people with a score in the theme), `questionDisclosed`
 * each question's.
 */
export function themeShare(q: Questionnaire, theme: ThemeId, counts: readonly ValueCount[], themeDisclosed: Disclosed, questionDisclosed: (questionId: string) => Disclosed): Share {
  if (themeDisclosed.status !== 'shown') return hiddenShare(themeDisclosed.status);
  const questions = countedQuestions(q).filter((question) => question.theme === theme && questionDisclosed(question.id).status === 'shown');
  if (questions.length === 0) return hiddenShare('empty');
  const { favourable, answered } = pooled(questions, counts);
  return shownShare(favourable, answered, themeDisclosed.n);
}

/**
 * The favourable share of a section reported apart (`compare: false`: the
 * relatives' own contact with the services): the answers to its questions
 * whose own figures are shown for the group, pooled. It needs nothing the
 * page does not already publish: the pooled counts are sums of shown
 * distributions, and the persons it comes from are taken as the most that
 * answered any one of those questions (a published figure, and no more
 * than the persons who answered any of them, so the interval is, if
 * anything, too wide). Hidden, with the first question's reason, when none
 * of its questions is shown.
 */
export function blockShare(questions: readonly Question[], counts: readonly ValueCount[], questionDisclosed: (questionId: string) => Disclosed): Share {
  const counted = questions.filter((question) => favourableValues(question) !== null);
  const shown = counted.filter((question) => questionDisclosed(question.id).status === 'shown');
  if (shown.length === 0) return hiddenShare(counted.length === 0 ? 'empty' : questionDisclosed(counted[0]!.id).status);
  const { favourable, answered, mostAnswered } = pooled(shown, counts);
  return shownShare(favourable, answered, mostAnswered);
}

const intervalOf = (share: Share): Interval | null => (share.status === 'shown' && share.share !== null ? { share: share.share, low: share.low!, high: share.high! } : null);

/** Whether a's share is certainly above or below b's; null when either is not shown. */
export function verdictOf(a: Share, b: Share): ShareVerdict {
  const x = intervalOf(a);
  const y = intervalOf(b);
  return x && y ? compareShares(x, y) : null;
}

/** The change from an earlier share to this one, and whether it is larger than the noise. */
export function changeOf(now: Share, before: Share): { difference: number; verdict: ShareVerdict } | null {
  if (now.share === null || before.share === null || now.status !== 'shown' || before.status !== 'shown') return null;
  return { difference: now.share - before.share, verdict: verdictOf(now, before) };
}
