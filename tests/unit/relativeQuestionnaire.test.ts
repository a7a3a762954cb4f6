/**
 * The relatives' and guardians' questionnaire (questionnaires/relative.json),
 * checked on the real file after the same validation the server runs: its
 * shape (relation first, the life areas in order, comment fields), the
 * graded statements and their themes, pictures with alt text, and nynorsk
 * that is not bokmål in disguise.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadQuestionnaires, PUBLIC_DIR, QUESTIONNAIRE_DIR } from '../../src/server/loadQuestionnaires.ts';
import type { LocalizedText, Questionnaire } from '../../src/shared/questionnaire.ts';
import { favourableOf } from '../../src/shared/favourableAnswer.ts';
import { checkReadability } from '../../src/shared/readability.ts';
import { THEMES } from '../../src/shared/themes.ts';

const LIFE_AREAS = ['bolig', 'dagtid', 'fritid', 'helse', 'personalet', 'helhet'];
/** The relative's own contact with the services: reported, but left out of the two-voices comparison. */
const OWN_CONTACT = 'parorende';
const SECTION_ORDER = ['om-deg', 'bolig', 'dagtid', 'fritid', 'helse', 'personalet', OWN_CONTACT, 'helhet'];

/** Bokmål words that have a different nynorsk form; none may appear in a nynorsk text. */
const BOKMAL_ONLY =
  /(?<![\p{L}])(ikke|hva|hvordan|hvem|hvor|hvis|hjemme|hjemmet|selv|ansatte|pårørende|verge|fornøyd|misfornøyd|tjenesten|tjenester|trygghet|noe|noen|vet|jeg|mye|bolig|boligen|skolen|fritiden|hjelpen|helsen|mulighet|muligheter)(?![\p{L}])/iu;

const loaded = loadQuestionnaires();
const relativeErrors = loaded.errors.filter((error) => /(^|[\\/])relative\.json:/.test(error));

function relative(): Questionnaire {
  const found = loaded.questionnaires.find((q) => q.id === 'relative');
  if (!found) throw new Error(`relative.json was not loaded:\n${relativeErrors.join('\n') || '(no errors reported for it)'}`);
  return found;
}

function statements(q: Questionnaire) {
  return q.questions.filter((question) => question.scale === 'grad-1-6');
}

/** Every localized text in the questionnaire, with where it sits. */
function texts(value: unknown, path = ''): { path: string; text: LocalizedText }[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => texts(item, `${path}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  if (typeof record.nb === 'string' && typeof record.nn === 'string') return [{ path, text: record as LocalizedText }];
  return Object.entries(record).flatMap(([key, child]) => texts(child, path ? `${path}.${key}` : key));
}

/** Themes the respondents' questionnaire uses, or the full list while that file does not exist yet. */
function expectedThemes(): { source: string; themes: string[] } {
  const file = join(QUESTIONNAIRE_DIR, 'respondent.json');
  if (!existsSync(file)) return { source: 'THEMES in src/shared/themes.ts', themes: [...THEMES] };
  const respondent = JSON.parse(readFileSync(file, 'utf8')) as { questions?: { theme?: unknown }[] };
  const themes = (respondent.questions ?? []).map((q) => q.theme).filter((t): t is string => typeof t === 'string');
  return { source: 'questionnaires/respondent.json', themes: [...new Set(themes)] };
}

describe('questionnaires/relative.json', () => {
  it('passes validation and is the relatives questionnaire in bokmål and nynorsk', () => {
    expect(relativeErrors).toEqual([]);
    const q = relative();
    expect(q).toMatchObject({ id: 'relative', version: 2, audience: 'relative', languages: ['nb', 'nn'] });
    expect(q.intro.length).toBeGreaterThanOrEqual(1);
    expect(q.intro.length).toBeLessThanOrEqual(2);
  });

  it('opens with the relation question and nothing else about the person answering', () => {
    const [first, ...rest] = relative().questions;
    expect(first).toMatchObject({ section: 'om-deg', scale: 'relasjon', kind: 'background' });
    expect(first?.theme).toBeUndefined();
    expect(rest.filter((question) => question.section === 'om-deg')).toEqual([]);
    expect(rest.every((question) => question.scale === 'grad-1-6')).toBe(true);
  });

  it('has the sections in the order of the respondents survey, each with questions', () => {
    const q = relative();
    expect(q.sections.map((s) => s.id)).toEqual(SECTION_ORDER);
    const order = q.questions.map((question) => SECTION_ORDER.indexOf(question.section));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    for (const area of LIFE_AREAS) expect(statements(q).some((s) => s.section === area), area).toBe(true);
    expect(statements(q).filter((s) => s.section === 'helhet')).toHaveLength(1);
  });

  it('has 30–40 positively phrased graded statements, each with a theme', () => {
    const graded = statements(relative());
    expect(graded.length).toBeGreaterThanOrEqual(30);
    expect(graded.length).toBeLessThanOrEqual(40);
    for (const s of graded) {
      expect(s.theme, s.id).toBeDefined();
      expect(s.kind, s.id).toBe('opinion');
      expect(favourableOf(s), s.id).toBe('yes');
    }
  });

  it('gives every one of the seven themes at least three statements', () => {
    const counts = new Map<string, number>();
    for (const s of statements(relative())) counts.set(s.theme!, (counts.get(s.theme!) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual([...THEMES].sort());
    for (const theme of THEMES) expect(counts.get(theme) ?? 0, theme).toBeGreaterThanOrEqual(3);
  });

  it('uses the same themes as the respondents questionnaire', () => {
    const { source, themes } = expectedThemes();
    expect(themes.length, `no themes found in ${source}`).toBeGreaterThan(0);
    const used = [...new Set(statements(relative()).map((s) => s.theme))].sort();
    expect(used, `themes compared with ${source}`).toEqual([...themes].sort());
  });

  it('offers a comment field after every life area and at the very end', () => {
    const q = relative();
    for (const section of q.sections) {
      if (LIFE_AREAS.includes(section.id) || section.id === OWN_CONTACT) {
        expect(section.comment?.label.nb, section.id).toBeTruthy();
        expect(section.comment?.label.nn, section.id).toBeTruthy();
      } else {
        expect(section.comment, section.id).toBeUndefined();
      }
    }
    expect(q.finalComment?.label.nb).toBeTruthy();
    expect(q.finalComment?.label.nn).toBeTruthy();
  });

  it('shows an existing picture with nb and nn alt text on every page and question', () => {
    const q = relative();
    const pictures = [
      ...q.intro.map((page) => page.illustration),
      q.end.illustration,
      ...q.sections.flatMap((section) => (section.illustration ? [section.illustration] : [])),
      ...q.questions.map((question) => question.illustration),
    ];
    expect(pictures.length).toBe(q.intro.length + 1 + q.sections.filter((s) => s.illustration).length + q.questions.length);
    for (const picture of pictures) {
      expect(existsSync(join(PUBLIC_DIR, picture.file)), picture.file).toBe(true);
      expect(picture.alt.nb?.trim(), picture.file).toBeTruthy();
      expect(picture.alt.nn?.trim(), picture.file).toBeTruthy();
    }
    expect(q.intro.map((page) => page.illustration.file)).toEqual(['illustrations/eir.svg', 'illustrations/eir-hemmelig.svg']);
    expect(q.end.illustration.file).toBe('illustrations/eir-takk.svg');
  });

  it("puts the relative's own contact with the services in a section of its own, left out of the comparison", () => {
    const q = relative();
    const section = q.sections.find((item) => item.id === OWN_CONTACT);
    expect(section?.compare).toBe(false);
    expect(q.sections.filter((item) => item.compare === false)).toHaveLength(1);
    const own = q.questions.filter((question) => question.section === OWN_CONTACT).map((question) => question.id);
    expect(own).toEqual(['helse-beskjed', 'parorende-informasjon', 'parorende-lyttet', 'parorende-kontakt', 'parorende-klage', 'parorende-mottatt']);
    // Statements about the person (not about "du") are compared with the person's own answers.
    for (const question of q.questions.filter((item) => item.section !== OWN_CONTACT && item.scale === 'grad-1-6')) {
      expect(question.text.nb, question.id).not.toMatch(/^Du /);
    }
  });

  it('reads easily enough (LIX ≤ 35 over all its text), in short paragraphs, without a made-up threshold', () => {
    const q = relative();
    expect(checkReadability(q).errors).toEqual([]);
    const [about] = q.intro;
    expect(about?.text.nb?.split('\n\n').length).toBeGreaterThanOrEqual(4);
    expect(about?.text.nb).toContain('Personen kan også svare selv');
    for (const page of q.intro) {
      expect(page.text.nb).not.toMatch(/minst fem/);
      expect(page.text.nn).not.toMatch(/minst fem/);
    }
  });

  it('writes nynorsk with nynorsk words, not bokmål ones', () => {
    const all = texts(relative());
    expect(all.length).toBeGreaterThan(100);
    const slips = all.filter(({ text }) => BOKMAL_ONLY.test(text.nn ?? '')).map(({ path, text }) => `${path}: ${text.nn}`);
    expect(slips).toEqual([]);
    const unchanged = all.filter(({ text }) => text.nb === text.nn && text.nb!.length > 40).map(({ path }) => path);
    expect(unchanged).toEqual([]);
  });
});
