/**
 * The questionnaire check: the example passes, and each kind of mistake an
 * author can make is reported with the JSON path and a plain sentence.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PUBLIC_DIR } from '../../src/server/loadQuestionnaires.ts';
import { favourableOf } from '../../src/shared/favourableAnswer.ts';
import { formatProblem, validateQuestionnaire } from '../../src/shared/validateQuestionnaire.ts';
import { FIXTURE_DIR } from '../support/fixtures.ts';

const example = () => JSON.parse(readFileSync(join(FIXTURE_DIR, 'eksempel.json'), 'utf8'));
/** The real public/ folder: the example's pictures exist there. */
const allFilesExist = { assetExists: (path: string) => existsSync(join(PUBLIC_DIR, path)) };

function problemsOf(mutate: (q: ReturnType<typeof example>) => void, assets = allFilesExist): string[] {
  const q = example();
  mutate(q);
  const result = validateQuestionnaire(q, assets);
  return result.ok ? [] : result.problems.map((p) => formatProblem('questionnaires/eksempel.json', p));
}

describe('questionnaire validation', () => {
  it('accepts the example questionnaire, with defaults filled in', () => {
    const result = validateQuestionnaire(example(), allFilesExist);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.questionnaire.questions).toHaveLength(10);
      expect(result.questionnaire.questions[0]?.kind).toBe('opinion');
      expect(favourableOf(result.questionnaire.questions[1]!)).toBe('no');
      expect(favourableOf(result.questionnaire.questions[0]!)).toBe('yes');
    }
  });

  const broken: [string, (q: ReturnType<typeof example>) => void, string][] = [
    ['a missing nynorsk text', (q) => delete q.questions[3].text.nn, 'questionnaires/eksempel.json: questions[3].text.nn mangler — legg inn teksten på nynorsk'],
    ['an empty bokmål text', (q) => (q.questions[0].text.nb = '  '), 'questions[0].text.nb er tom — skriv inn teksten'],
    ['a text in a language the file does not list', (q) => (q.title.en = 'Example'), 'title har ukjent felt «en»'],
    ['nynorsk missing from the languages', (q) => (q.languages = ['nb', 'en']), 'languages må inneholde både «nb» (bokmål) og «nn» (nynorsk)'],
    ['an unknown theme', (q) => (q.questions[2].theme = 'glede'), 'questions[2].theme «glede» er ikke tillatt — bruk en av: selvbestemmelse'],
    ['an unknown scale', (q) => (q.questions[1].scale = 'ja-kanskje'), 'questions[1].scale «ja-kanskje» er ikke tillatt'],
    ['a duplicate question id', (q) => (q.questions[4].id = 'bolig-trives'), 'questions[4].id «bolig-trives» er allerede brukt av spørsmål nr. 1'],
    ['a question in a section that does not exist', (q) => (q.questions[0].section = 'hagen'), 'questions[0].section det finnes ingen del med id «hagen»'],
    ['a condition pointing forward', (q) => (q.questions[4].condition = { question: 'dagtid-liker', answerIn: ['ja'] }), 'questions[4].condition.question vilkåret peker på «dagtid-liker», som kommer senere'],
    ['a condition on a value the scale lacks', (q) => (q.questions[5].condition.answerIn = ['kanskje']), 'questions[5].condition.answerIn[0] «kanskje» er ikke et svar på «dagtid-har»'],
    ['a theme that no question uses', (q) => (q.questions[8].theme = 'trivsel'), 'questions temaet «informasjon» er ikke brukt'],
    ['a picture that does not exist', (q) => (q.questions[0].illustration.file = 'illustrations/slott.svg'), 'filen public/illustrations/slott.svg finnes ikke'],
    ['a picture outside the illustrations folder', (q) => (q.questions[0].illustration.file = '../hemmelig.svg'), 'questions[0].illustration.file må være en fil i public/illustrations'],
    ['a version that is not a whole number', (q) => (q.version = '2'), 'version har feil type — her skal det stå et tall, men det står teksten «2»'],
    ['a misspelt field', (q) => (q.questions[0].scael = 'ja-nei'), 'questions[0] har ukjent felt «scael» — fjern det eller rett stavemåten'],
    ['a pair where both are reversed', (q) => (q.questions[0].favourable = 'no'), 'questions[0].pairedWith «bolig-trives» og «bolig-lei» er et par, så nøyaktig ett av dem må ha «favourable»: «no»'],
    ['a factual question with a favourable answer', (q) => (q.questions[4].favourable = 'yes'), 'questions[4].favourable må være «none» — et faktaspørsmål har ikke noe godt eller dårlig svar'],
    ['an opinion with no favourable answer', (q) => (q.questions[0].favourable = 'none'), 'questions[0].favourable «none» er bare for fakta- og bakgrunnsspørsmål'],
    ['a favourable answer that is not yes, no or none', (q) => (q.questions[0].favourable = 'ja'), 'questions[0].favourable «ja» er ikke tillatt — bruk en av: yes, no, none'],
    ['a missing end page', (q) => delete q.end, 'end mangler — feltet «end» må være med'],
    ['an invalid audience', (q) => (q.audience = 'staff'), 'audience «staff» er ikke tillatt — bruk en av: respondent, relative'],
  ];

  it.each(broken)('reports %s', (_name, mutate, expected) => {
    const problems = problemsOf(mutate);
    expect(problems.some((p) => p.includes(expected)), `${expected}\nin:\n${problems.join('\n')}`).toBe(true);
  });

  it('checks pictures and sound files against public/', () => {
    const missing = problemsOf(
      (q) => (q.questions[2].audio = { nn: 'audio/nn/trygg.mp3' }),
      { assetExists: (path) => path.startsWith('illustrations/') },
    );
    expect(missing).toEqual(['questionnaires/eksempel.json: questions[2].audio.nn filen public/audio/nn/trygg.mp3 finnes ikke — legg filen der eller rett filnavnet']);
  });

  describe('the second edition (version 2): «favourable» says which answer is good', () => {
    const v2 = (mutate: (q: ReturnType<typeof example>) => void) =>
      problemsOf((q) => {
        q.version = 2;
        mutate(q);
      });

    it('accepts the example as version 2', () => {
      expect(v2(() => {})).toEqual([]);
    });

    it.each([
      [
        'a reversed question without its favourable answer',
        (q: ReturnType<typeof example>) => delete q.questions[1].favourable,
        'questionnaires/eksempel.json: questions[0].pairedWith «bolig-trives» og «bolig-lei» er et par, så nøyaktig ett av dem må ha «favourable»: «no» og det andre «yes»',
      ],
      [
        'the first edition\'s «reversed»',
        (q: ReturnType<typeof example>) => {
          delete q.questions[1].favourable;
          q.questions[1].reversed = true;
        },
        'questionnaires/eksempel.json: questions[1].reversed finnes bare i første utgave (versjon 1) — bruk «favourable»: «no» i stedet',
      ],
      [
        'a factual question without «favourable»: «none»',
        (q: ReturnType<typeof example>) => delete q.questions[4].favourable,
        'questionnaires/eksempel.json: questions[4].favourable mangler — et faktaspørsmål («kind»: «factual») har ikke noe godt eller dårlig svar, så det må ha «favourable»: «none»',
      ],
      [
        'a pair that does not point back',
        (q: ReturnType<typeof example>) => (q.questions[1].pairedWith = 'bolig-trygg'),
        'questionnaires/eksempel.json: questions[0].pairedWith «bolig-trives» peker på «bolig-lei», men «bolig-lei» peker ikke tilbake — sett «pairedWith»: «bolig-trives» på «bolig-lei»',
      ],
    ])('refuses %s with a clear message', (_name, mutate, expected) => {
      const problems = v2(mutate);
      expect(problems, problems.join('\n')).toContain(expected);
    });

    it('still reads a first edition that says «reversed» (version 1)', () => {
      const q = example();
      delete q.questions[1].favourable;
      q.questions[1].reversed = true;
      delete q.questions[4].favourable;
      const result = validateQuestionnaire(q, allFilesExist);
      expect(result.ok && favourableOf(result.questionnaire.questions[1]!)).toBe('no');
      expect(result.ok && favourableOf(result.questionnaire.questions[4]!)).toBe('none');
    });
  });
});
