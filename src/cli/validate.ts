/**
 * `npm run validate`: checks every questionnaire file and explains each
 * problem in plain words. Exit code 1 on any problem.
 */
import { loadQuestionnaires } from '../server/loadQuestionnaires.ts';

const { questionnaires, previous, mappings, errors } = loadQuestionnaires();
if (errors.length > 0) {
  console.error(errors.join('\n'));
  console.error(`\n${errors.length} feil i spørreskjemaene. Rett dem og kjør «npm run validate» igjen.`);
  process.exit(1);
}
for (const q of questionnaires) {
  console.log(`✓ ${q.id} (versjon ${q.version}, ${q.audience}): ${q.questions.length} spørsmål, språk ${q.languages.join(', ')}`);
}
for (const q of previous) console.log(`✓ ${q.id} (tidligere utgave, versjon ${q.version})`);
for (const m of mappings) console.log(`✓ kobling ${m.questionnaire} versjon ${m.from} → ${m.to}: ${Object.keys(m.questions).length} spørsmål kan følges over tid`);
