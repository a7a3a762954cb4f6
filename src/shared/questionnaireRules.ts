/**
 * Rules a questionnaire must follow that a schema cannot express: unique
 * ids, references between questions and sections, conditions that point
 * backwards, every theme used, a favourable answer that fits the kind of
 * question (and `reversed` only in first editions), mirror pairs with
 * exactly one "no", and pictures and sound files that exist.
 */
import type { Problem } from './describeIssue.ts';
import { favourableOf } from './favourableAnswer.ts';
import type { Question, Questionnaire } from './questionnaire.ts';
import { getScale, scaleValues } from './scales.ts';
import { THEMES } from './themes.ts';

export interface AssetCheck {
  /** Whether a file exists under public/, e.g. "illustrations/hus.svg". */
  assetExists(relativePath: string): boolean;
}

function list(values: readonly string[]): string {
  return values.map((v) => `«${v}»`).join(', ');
}

function duplicateIds(items: readonly { id: string }[], where: string, what: string): Problem[] {
  const seen = new Map<string, number>();
  const problems: Problem[] = [];
  items.forEach((item, index) => {
    const first = seen.get(item.id);
    if (first === undefined) seen.set(item.id, index);
    else
      problems.push({
        path: `${where}[${index}].id`,
        message: `«${item.id}» er allerede brukt av ${what} nr. ${first + 1} — gi hver ${what} sin egen id`,
      });
  });
  return problems;
}

function checkStructure(q: Questionnaire): Problem[] {
  const problems: Problem[] = [
    ...duplicateIds(q.sections, 'sections', 'del'),
    ...duplicateIds(q.questions, 'questions', 'spørsmål'),
    ...duplicateIds([...q.intro, q.end], 'intro', 'side'),
  ];
  const sectionIds = q.sections.map((s) => s.id);
  let lastSectionIndex = 0;
  q.questions.forEach((question, index) => {
    const sectionIndex = sectionIds.indexOf(question.section);
    if (sectionIndex < 0) {
      problems.push({
        path: `questions[${index}].section`,
        message: `det finnes ingen del med id «${question.section}» — bruk en av: ${list(sectionIds)}`,
      });
      return;
    }
    if (sectionIndex < lastSectionIndex) {
      problems.push({
        path: `questions[${index}].section`,
        message: `spørsmålet hører til «${question.section}», men står etter spørsmål fra en senere del — flytt det opp til de andre spørsmålene i «${question.section}»`,
      });
    }
    lastSectionIndex = Math.max(lastSectionIndex, sectionIndex);
  });
  q.sections.forEach((section, index) => {
    if (!q.questions.some((question) => question.section === section.id)) {
      problems.push({
        path: `sections[${index}]`,
        message: `delen «${section.id}» har ingen spørsmål — legg inn spørsmål eller fjern delen`,
      });
    }
  });
  return problems;
}

function checkConditionsAndPairs(q: Questionnaire): Problem[] {
  const problems: Problem[] = [];
  const position = new Map(q.questions.map((question, index) => [question.id, index]));
  q.questions.forEach((question, index) => {
    const condition = question.condition;
    if (condition) {
      const target = position.get(condition.question);
      if (target === undefined) {
        problems.push({
          path: `questions[${index}].condition.question`,
          message: `det finnes ikke noe spørsmål med id «${condition.question}» — vilkåret må peke på et spørsmål tidligere i skjemaet`,
        });
      } else if (target >= index) {
        problems.push({
          path: `questions[${index}].condition.question`,
          message: `vilkåret peker på «${condition.question}», som kommer senere eller er det samme spørsmålet — et vilkår kan bare peke på et spørsmål som kommer før`,
        });
      } else {
        const allowed = scaleValues(q.questions[target]!.scale);
        condition.answerIn.forEach((value, valueIndex) => {
          if (!allowed.includes(value)) {
            problems.push({
              path: `questions[${index}].condition.answerIn[${valueIndex}]`,
              message: `«${value}» er ikke et svar på «${condition.question}» — bruk en av: ${list(allowed)}`,
            });
          }
        });
      }
    }
    const scored = getScale(question.scale).scored;
    // A factual question ("favourable": "none") is not scored, so it needs no theme.
    if (scored && question.theme === undefined && favourableOf(question) !== 'none') {
      problems.push({
        path: `questions[${index}].theme`,
        message: `mangler — et spørsmål med skalaen «${question.scale}» må høre til ett av de sju temaene (bare faktaspørsmål med «favourable»: «none» kan stå uten tema)`,
      });
    }
    if (!scored && question.theme !== undefined) {
      problems.push({
        path: `questions[${index}].theme`,
        message: `skalaen «${question.scale}» gir ingen poeng, så spørsmålet kan ikke telle i et tema — fjern «theme»`,
      });
    }
    problems.push(...checkFavourable(q, question, index, scored));
    if (question.pairedWith !== undefined) {
      const partnerIndex = position.get(question.pairedWith);
      const partner = partnerIndex === undefined ? undefined : q.questions[partnerIndex];
      if (!partner || partner.id === question.id) {
        problems.push({
          path: `questions[${index}].pairedWith`,
          message: `«${question.pairedWith}» er ikke et annet spørsmål i skjemaet — «pairedWith» må peke på spørsmålet som stiller det motsatte`,
        });
      } else if ((favourableOf(partner) === 'no') === (favourableOf(question) === 'no') || favourableOf(partner) === 'none' || favourableOf(question) === 'none') {
        problems.push({
          path: `questions[${index}].pairedWith`,
          message: `«${question.id}» og «${partner.id}» er et par, så nøyaktig ett av dem må ha «favourable»: «no» og det andre «yes»`,
        });
      } else if (partner.pairedWith !== question.id) {
        problems.push({
          path: `questions[${index}].pairedWith`,
          message: `«${question.id}» peker på «${partner.id}», men «${partner.id}» peker ikke tilbake — sett «pairedWith»: «${question.id}» på «${partner.id}»`,
        });
      }
    }
  });
  return problems;
}

/** First editions (version 1) said `reversed`; from version 2 only `favourable` says which answer is good. */
export const LEGACY_VERSION = 1;

function checkFavourable(q: Questionnaire, question: Question, index: number, scored: boolean): Problem[] {
  const at = (field: string) => `questions[${index}].${field}`;
  const stated = question.favourable;
  if (question.reversed !== undefined && q.version > LEGACY_VERSION) {
    return [{ path: at('reversed'), message: `finnes bare i første utgave (versjon 1) — bruk «favourable»: «${question.reversed ? 'no' : 'yes'}» i stedet` }];
  }
  if (question.reversed !== undefined && stated !== undefined && (stated === 'no') !== question.reversed) {
    return [{ path: at('favourable'), message: `«${stated}» sier det motsatte av «reversed»: ${question.reversed} — fjern «reversed»` }];
  }
  if (question.reversed === true && !scored) {
    return [{ path: at('reversed'), message: `skalaen «${question.scale}» gir ingen poeng, så spørsmålet kan ikke snus — fjern «reversed»` }];
  }
  const kind = question.kind ?? 'opinion';
  if (kind === 'factual' && q.version > LEGACY_VERSION && stated === undefined) {
    return [{ path: at('favourable'), message: 'mangler — et faktaspørsmål («kind»: «factual») har ikke noe godt eller dårlig svar, så det må ha «favourable»: «none»' }];
  }
  if (kind !== 'opinion' && stated !== undefined && stated !== 'none') {
    return [{ path: at('favourable'), message: `må være «none» — et ${kind === 'factual' ? 'faktaspørsmål' : 'bakgrunnsspørsmål'} har ikke noe godt eller dårlig svar og telles ikke` }];
  }
  if (kind === 'opinion' && stated === 'none') {
    return [{ path: at('favourable'), message: '«none» er bare for fakta- og bakgrunnsspørsmål — bruk «yes» (Ja er det gode svaret) eller «no» (Nei er det gode svaret), eller sett «kind»: «factual»' }];
  }
  if (!scored && stated !== undefined && stated !== 'none') {
    return [{ path: at('favourable'), message: `skalaen «${question.scale}» gir ingen poeng, så ingen svar er gode eller dårlige — bruk «none» eller fjern «favourable»` }];
  }
  return [];
}

function checkThemes(q: Questionnaire): Problem[] {
  const used = new Set(q.questions.map((question) => question.theme));
  const missing = THEMES.filter((theme) => !used.has(theme));
  return missing.length === 0
    ? []
    : [{ path: 'questions', message: `temaet ${list(missing)} er ikke brukt — alle sju temaene må ha minst ett spørsmål` }];
}

function checkAssets(q: Questionnaire, assets: AssetCheck): Problem[] {
  const problems: Problem[] = [];
  const check = (file: string, path: string) => {
    if (!assets.assetExists(file)) {
      problems.push({ path, message: `filen public/${file} finnes ikke — legg filen der eller rett filnavnet` });
    }
  };
  const pages = [...q.intro.map((page, i) => ({ page, at: `intro[${i}]` })), { page: q.end, at: 'end' }];
  for (const { page, at } of pages) {
    check(page.illustration.file, `${at}.illustration.file`);
    for (const [lang, file] of Object.entries(page.audio ?? {})) if (file) check(file, `${at}.audio.${lang}`);
  }
  q.sections.forEach((section, i) => {
    if (section.illustration) check(section.illustration.file, `sections[${i}].illustration.file`);
  });
  q.questions.forEach((question, i) => {
    check(question.illustration.file, `questions[${i}].illustration.file`);
    for (const [lang, file] of Object.entries(question.audio ?? {})) if (file) check(file, `questions[${i}].audio.${lang}`);
  });
  return problems;
}

export function checkQuestionnaireRules(q: Questionnaire, assets: AssetCheck): Problem[] {
  return [...checkStructure(q), ...checkConditionsAndPairs(q), ...checkThemes(q), ...checkAssets(q, assets)];
}
