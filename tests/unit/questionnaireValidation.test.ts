/**
 * The questionnaire check: the example passes, and each kind of mistake an
 * author can make is reported with the JSON path and a plain sentence.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PUBLIC_DIR } from '../../src/server/loadQuestionnaires.ts';
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
      expect(result.questionnaire.questions[1]?.reversed).toBe(true);
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
    ['a pair where both are reversed', (q) => (q.questions[0].reversed = true), 'nøyaktig ett av dem må ha «reversed»: true'],
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
});
