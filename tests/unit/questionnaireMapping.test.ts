/**
 * Mappings between questionnaire editions (questionnaires/mappings/): the
 * example editions load with their mapping, and each kind of broken
 * mapping is refused with the file, the path and a plain sentence.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadQuestionnaires } from '../../src/server/loadQuestionnaires.ts';
import { questionLinks } from '../../src/shared/questionnaireMapping.ts';

const EDITIONS = join(import.meta.dirname, '../fixtures/editions');
const dirs: string[] = [];

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the example editions with the mapping (and optionally the new edition) changed. */
function editionsWith(change: { mapping?: (m: { questions: Record<string, string> } & Record<string, unknown>) => void; edition?: (q: { questions: Record<string, unknown>[] }) => void }) {
  const dir = mkdtempSync(join(tmpdir(), 'utgaver-'));
  dirs.push(dir);
  cpSync(EDITIONS, dir, { recursive: true });
  const edit = (file: string, fn: ((json: never) => void) | undefined) => {
    if (!fn) return;
    const json = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    fn(json as never);
    writeFileSync(join(dir, file), JSON.stringify(json));
  };
  edit('mappings/utgave-1-2.json', change.mapping);
  edit('utgave.json', change.edition);
  const loaded = loadQuestionnaires(dir);
  return { ...loaded, file: relative(process.cwd(), join(dir, 'mappings/utgave-1-2.json')) };
}

describe('mappings between questionnaire editions', () => {
  it('loads the earlier edition, the current one and the mapping between them', () => {
    const { errors, previous, questionnaires, mappings } = loadQuestionnaires(EDITIONS);
    expect(errors).toEqual([]);
    expect(previous.map((q) => `${q.id}@${q.version}`)).toEqual(['utgave@1']);
    expect(questionnaires.map((q) => `${q.id}@${q.version}`)).toEqual(['utgave-parorende@1', 'utgave@2']);
    const links = questionLinks(mappings, 'utgave', 1, 2);
    expect(links?.get('bolig-trivsel')).toBe('bolig-trives');
    // A new question with no counterpart is not followed over time.
    expect(links?.has('bolig-nokkel')).toBe(false);
  });

  it('refuses a mapping that points to an old question that does not exist', () => {
    const { errors, file } = editionsWith({ mapping: (m) => (m.questions['bolig-trivsel'] = 'bolig-glad') });
    expect(errors).toEqual([`${file}: questions.bolig-trivsel peker på «bolig-glad», men det finnes ikke noe spørsmål med den id-en i versjon 1 — rett id-en eller fjern linjen`]);
  });

  it('refuses a mapping that names a new question that does not exist', () => {
    const { errors, file } = editionsWith({ mapping: (m) => (m.questions['bolig-rom'] = 'bolig-bestemme') });
    expect(errors).toEqual([`${file}: questions.bolig-rom det finnes ikke noe spørsmål «bolig-rom» i versjon 2 — rett id-en eller fjern linjen`]);
  });

  it('refuses two new questions mapped to one old question', () => {
    const { errors, file } = editionsWith({ mapping: (m) => (m.questions['bolig-nokkel'] = 'bolig-trygg') });
    expect(errors).toEqual([`${file}: questions.bolig-nokkel peker på «bolig-trygg», som «bolig-trygg-hjemme» allerede peker på — to nye spørsmål kan ikke følge det samme gamle; behold bare det som spør om det samme`]);
  });

  it('refuses questions whose favourable answer or scale differ', () => {
    const direction = editionsWith({ mapping: (m) => (m.questions['bolig-trivsel'] = 'bolig-lei') });
    expect(direction.errors).toContain(
      `${direction.file}: questions.bolig-trivsel «bolig-trivsel» har «favourable»: «yes», men «bolig-lei» har «no» — spørsmål der ulike svar er gode, kan ikke sammenlignes over tid; fjern linjen`,
    );
    const scale = editionsWith({ edition: (q) => (q.questions.find((x) => x.id === 'bolig-trygg-hjemme')!.scale = 'ja-nei') });
    expect(scale.errors).toEqual([
      `${scale.file}: questions.bolig-trygg-hjemme «bolig-trygg-hjemme» har skalaen «ja-nei», men «bolig-trygg» har «ja-bade-nei» — svar på ulike skalaer kan ikke sammenlignes over tid; fjern linjen`,
    ]);
  });

  it('refuses a mapping file whose name does not say which versions it links', () => {
    const { errors, file } = editionsWith({ mapping: (m) => { m.to = 3; } });
    expect(errors).toContain(`${file}: filen må hete «utgave-1-3.json» (spørreskjema-fra-til) — gi filen det navnet`);
  });
});
