// @vitest-environment jsdom
/**
 * Results: shown figures rounded once (45.45 → 45, a gap from the exact
 * scores), each hidden figure with its own words ("Ingen svar", "For få
 * svar", "Skjult for å verne en liten gruppe") in every table, when the
 * results were made, the per-question table with exactly the numbers the
 * chart's accessible name gives, and filters for a unit or an answer mode,
 * never both.
 */
import '@testing-library/jest-dom/vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import i18next from '../../../src/coordinator/i18n.ts';
import { fakeApi, FIRST_RENDER, renderAt, resetApi, SOON, type Route } from './fakeApi.tsx';
import { API, me, questionnaires, results, resultsForMode, resultsForUnit, resultsWithoutFlagged, round, share, units } from './fixtures.ts';

const routes: Record<string, Route> = {
  [`GET ${API}/me`]: { status: 200, body: me },
  [`GET ${API}/rounds/3`]: { status: 200, body: round },
  [`GET ${API}/units`]: { status: 200, body: units },
  [`GET ${API}/questionnaires`]: { status: 200, body: questionnaires },
  [`GET ${API}/rounds/3/results`]: { status: 200, body: results },
  [`GET ${API}/rounds/3/results?unitId=1`]: { status: 200, body: resultsForUnit },
  [`GET ${API}/rounds/3/results?answerMode=alone`]: { status: 200, body: resultsForMode },
  [`GET ${API}/rounds/3/results?withoutFlagged=true`]: { status: 200, body: resultsWithoutFlagged },
};

function rowOf(table: HTMLElement, header: string): string[] {
  const row = within(table).getByRole('rowheader', { name: header }).closest('tr');
  if (!row) throw new Error(`no row ${header}`);
  return [...row.querySelectorAll('td')].map((cell) => cell.textContent ?? '');
}

const TOO_FEW = 'For få svar';
const PROTECTING = 'Skjult for å verne en liten gruppe';
const EMPTY = 'Ingen svar';

/** The same results, in a municipality that shares: trygghet compared with 7 others, the rest with too few. */
function withComparison(state: 'ready' | 'not-yet') {
  const own = (theme: string) => results.themes.find((row) => row.theme === theme)!;
  return {
    ...results,
    comparison: {
      period: '2025',
      state,
      due: '2026-02-01',
      voices: state === 'not-yet' ? [] : (['respondent', 'relative'] as const).map((voice) => ({
        voice,
        themes: results.themes.map((row) => ({
          theme: row.theme,
          own: own(row.theme).favourable[voice],
          distribution: row.theme === 'trygghet' && voice === 'respondent' ? { municipalities: 8, lowerQuartile: 0.6, median: 0.7, upperQuartile: 0.8 } : null,
          position: row.theme === 'trygghet' && voice === 'respondent' ? 'above-upper-quartile' : null,
        })),
      })),
    },
  };
}

describe('the comparison with other municipalities', { timeout: 30_000 }, () => {
  afterEach(() => resetApi());

  it('shows the median and middle half of those that share beside the municipality, and says where there are too few', async () => {
    fakeApi({ ...routes, [`GET ${API}/rounds/3/results`]: { status: 200, body: withComparison('ready') } });
    renderAt('/koordinator/runder/3/resultater');
    const table = await screen.findByRole('table', { name: 'Andel positive svar per tema: dere og kommunene som deler (2025)' }, FIRST_RENDER);
    expect(rowOf(table, 'Trygghet')).toEqual([
      '83\u00a0% (55–95)Over midtre halvdel',
      '70\u00a0% (60–80\u00a0%)8 kommuner',
      TOO_FEW,
      'Ikke nok kommuner å sammenligne med',
    ]);
    expect(rowOf(table, 'Trivsel')[1]).toBe('Ikke nok kommuner å sammenligne med');
  });

  it('says when a period’s comparison will be made', async () => {
    fakeApi({ ...routes, [`GET ${API}/rounds/3/results`]: { status: 200, body: withComparison('not-yet') } });
    renderAt('/koordinator/runder/3/resultater');
    expect(await screen.findByText(/Sammenligningen for 2025 lages 1\. februar 2026/, undefined, FIRST_RENDER)).toBeInTheDocument();
  });

  it('shows no comparison to a municipality that does not share', async () => {
    fakeApi(routes);
    renderAt('/koordinator/runder/3/resultater');
    await screen.findByRole('table', { name: 'Andel positive svar per enhet og tema' }, FIRST_RENDER);
    expect(screen.queryByRole('heading', { name: 'Sammenligning med andre kommuner' })).toBeNull();
  });
});

describe('the results page', { timeout: 30_000 }, () => {
  afterEach(async () => {
    resetApi();
    await i18next.changeLanguage('nb');
  });

  it('writes shown figures rounded once and each hidden figure with its own words', async () => {
    fakeApi(routes);
    renderAt('/koordinator/runder/3/resultater');

    // The 0–100 scores, per group, with no gap worked out between scales that differ.
    const themes = await screen.findByRole('table', { name: 'Skår per tema for personene selv og for pårørende' }, FIRST_RENDER);
    expect(within(themes).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Tema', 'Personene selv', 'Svar gitt av andre på vegne av personen', 'Pårørende og verger']);
    expect(rowOf(themes, 'Trygghet')).toEqual(['80 (12 svar)', TOO_FEW, TOO_FEW]);
    expect(rowOf(themes, 'Selvbestemmelse')).toEqual(['54 (12 svar)', TOO_FEW, PROTECTING]);
    // 45.45 is written 45 (rounded once, not 45.5 → 46).
    expect(rowOf(themes, 'Trivsel')).toEqual(['45 (12 svar)', TOO_FEW, '41 (6 svar)']);
    expect(rowOf(themes, 'Informasjon')).toEqual([EMPTY, EMPTY, EMPTY]);

    // The common measure: favourable shares with their 95 % intervals, a difference named only beyond the noise.
    const favourable = screen.getByRole('table', { name: 'Andel positive svar per tema, med 95 % usikkerhetsintervall' });
    expect(rowOf(favourable, 'Trivsel')).toEqual(['64\u00a0% (35–85) 11 svar', '50\u00a0% (19–81) 6 svar', 'Ingen sikker forskjell', TOO_FEW]);
    expect(rowOf(favourable, 'Respektfull behandling')).toEqual(['92\u00a0% (65–99) 12 svar', '17\u00a0% (3–56) 6 svar', 'Personene selv mer positive', TOO_FEW]);
    expect(rowOf(favourable, 'Trygghet')).toEqual(['83\u00a0% (55–95) 12 svar', TOO_FEW, 'Kan ikke sammenlignes', TOO_FEW]);
    // Only the certain difference is named; trivsel's 14 points are noise and are not listed.
    const certain = screen.getByRole('heading', { name: 'Sikre forskjeller' }).nextElementSibling as HTMLElement;
    expect(within(certain).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Respektfull behandling: Personene selv mer positive']);

    // The matrix of units × themes comes first, with the change since the previous round where it is certain.
    const matrix = screen.getByRole('table', { name: 'Andel positive svar per enhet og tema' });
    expect(screen.getAllByRole('table')[0]).toBe(matrix);
    expect(rowOf(matrix, 'Solsikken bofellesskap')).toEqual([
      'Selv: 78\u00a0% (45–94) · Sikkert opp 45 poengPårørende: For få svar',
      'Selv: 67\u00a0% (35–88) · Ingen sikker endringPårørende: For få svar',
    ]);
    expect(rowOf(matrix, 'Granly dagsenter')).toEqual([`Selv: ${PROTECTING}Pårørende: ${EMPTY}`, `Selv: ${PROTECTING}Pårørende: ${EMPTY}`]);
    expect(screen.getByText(/Endring vises mot Våren 2026/)).toBeInTheDocument();

    // Answers someone else gave on the person's behalf are a group of their own.
    const groups = screen.getByRole('region', { name: 'Antall svar' });
    expect(groups).toHaveTextContent('Svar gitt av andre på vegne av personen' + TOO_FEW);

    // Every table has its CSV file, the relatives' included.
    for (const name of [
      'CSV-fil: enheter × temaer', 'CSV-fil: temaer', 'CSV-fil: spørsmål stilt begge grupper', 'CSV-fil: samlet skår per enhet', 'CSV-fil: skår etter hvordan svarene ble gitt',
      'CSV-fil: utvikling over tid', 'CSV-fil: svarmønster per gruppe', 'CSV-fil: svar per spørsmål, pårørende og verger', 'CSV-fil: svar per spørsmål, personene selv', 'CSV-fil: kodebok (hva hver kolonne betyr)',
    ]) {
      expect(screen.getByRole('link', { name })).toHaveAttribute('href', expect.stringMatching(/^\/api\/v1\/coordinator\/rounds\/3\/export\.csv\?table=/));
    }

    const unitsTable = screen.getByRole('table', { name: 'Samlet skår per enhet' });
    expect(rowOf(unitsTable, 'Solsikken bofellesskap')).toEqual(['68 (9 svar)', TOO_FEW]);
    expect(rowOf(unitsTable, 'Granly dagsenter')).toEqual([PROTECTING, EMPTY]);
    expect(rowOf(unitsTable, 'Enhet ikke oppgitt')).toEqual([EMPTY, PROTECTING]);

    const modes = screen.getByRole('table', { name: 'Skår per tema etter hvordan svarene ble gitt' });
    expect(within(modes).getByRole('columnheader', { name: 'Ikke oppgitt (avsluttet tidlig)' })).toBeInTheDocument();
    expect(rowOf(modes, 'Antall svar')).toEqual(['7 svar', TOO_FEW, PROTECTING]);
    expect(rowOf(modes, 'Trygghet')).toEqual(['86 (7 svar)', TOO_FEW, PROTECTING]);

    const trend = screen.getByRole('table', { name: 'Personene selv: skår per tema over tid' });
    expect(rowOf(trend, 'Trygghet')).toEqual([TOO_FEW, '80 (12 svar)']);

    const consistency = screen.getByRole('table', { name: 'Svarmønster per gruppe' });
    // Norwegian writes a no-break space before the percent sign; 8.3 % is written once, as 8 %.
    expect(rowOf(consistency, 'Personene selv')).toEqual(['12', '25\u00a0%', '8\u00a0%']);
    expect(rowOf(consistency, 'Pårørende og verger')).toEqual([PROTECTING, PROTECTING, PROTECTING]);
    expect(screen.getByText(/ja-sigeri/)).toBeInTheDocument();

    // Comments: shown ones listed, hidden sections say why, a section nobody was in is left out.
    const comments = screen.getByRole('region', { name: 'Kommentarer fra pårørende' });
    expect(within(comments).getByRole('listitem')).toHaveTextContent('Hyggelige ansatte.');
    const section = (title: string) => within(comments).getByRole('heading', { level: 3, name: title }).closest('div');
    expect(section('Fritid')).toHaveTextContent(TOO_FEW);
    expect(section('Helse')).toHaveTextContent(PROTECTING);
    expect(within(comments).queryByRole('heading', { name: 'Arbeid' })).toBeNull();

    // One sentence explains both reasons to hide, and the release says when and from how many.
    expect(screen.getByText(/Tall for grupper med færre enn 5 svar vises ikke.*Noen ganger skjules også en større gruppe/)).toBeInTheDocument();
    expect(screen.getByText('Resultater laget 16. oktober 2026 av 18 svar.')).toBeInTheDocument();
    expect(screen.queryByText(/Noen svar kom etter dette/)).toBeNull();
    await waitFor(() => expect(document.title).toBe('Resultater: Høsten 2026 – Min stemme teller – koordinator'), SOON);
  });

  it('gives each question a chart whose accessible name has the same numbers as its table, and says why hidden ones are hidden', async () => {
    fakeApi(routes);
    renderAt('/koordinator/runder/3/resultater');

    const chart = await screen.findByRole('img', { name: /^Liker du å bo der du bor\?/ }, FIRST_RENDER);
    const name = chart.getAttribute('aria-label') ?? '';
    // Unrounded shares (54.545…) are rounded once when written.
    expect(name).toBe('Liker du å bo der du bor? Ja 6 (55\u00a0%), Både ja og nei 3 (27\u00a0%), Nei 2 (18\u00a0%). Hoppet over: 1.');

    const table = screen.getByRole('table', { name: 'Svarfordeling: Liker du å bo der du bor?' });
    for (const label of ['Ja', 'Både ja og nei', 'Nei']) {
      const [count, percent] = rowOf(table, label);
      expect(name).toContain(`${label} ${count} (${percent})`);
    }
    expect(rowOf(table, 'Hoppet over')[0]).toBe('1');

    // The relatives' questions are hidden: no chart, no table, the reason instead.
    for (const [question, words] of [
      ['Personen trives der hun eller han bor.', TOO_FEW],
      ['Personen er trygg der hun eller han bor.', PROTECTING],
    ] as const) {
      const article = screen.getByRole('heading', { level: 4, name: question }).closest('article');
      expect(article).not.toBeNull();
      expect(within(article!).queryByRole('img')).toBeNull();
      expect(within(article!).queryByRole('table')).toBeNull();
      expect(article).toHaveTextContent(words);
    }
  });

  it('follows a question across rounds (under its old id from an earlier edition) and puts the relatives’ own contact under its own title', async () => {
    const [spring, autumn] = results.trend;
    const withEditions = {
      ...results,
      trend: [
        { ...spring!, questions: [{ questionId: 'bolig-trives', askedAs: 'bolig-trives-forste-utgave', favourable: share(0.4, 0.1682, 0.6873, 10) }] },
        { ...autumn!, questions: [{ questionId: 'bolig-trives', askedAs: 'bolig-trives', favourable: share(0.9, 0.5958, 0.9821, 10) }] },
      ],
      questions: results.questions.map((q) => (q.questionId === 'trygg' ? { ...q, block: { nb: 'Din egen kontakt med tjenestene', nn: 'Din eigen kontakt med tenestene' } } : q)),
      blocks: [{ voice: 'relative' as const, questionnaireId: 'relative', sectionId: 'trygghet', title: { nb: 'Din egen kontakt med tjenestene', nn: 'Din eigen kontakt med tenestene' }, favourable: share(0.625, 0.3057, 0.8632, 8) }],
    };
    fakeApi({ ...routes, [`GET ${API}/rounds/3/results`]: { status: 200, body: withEditions } });
    renderAt('/koordinator/runder/3/resultater');

    const rowHeaders = await screen.findAllByRole('rowheader', { name: 'Liker du å bo der du bor?' }, FIRST_RENDER);
    const table = rowHeaders.map((header) => header.closest('table')!).find((t) => t.textContent?.includes('Våren 2026'))!;
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual([expect.any(String), expect.stringContaining('Våren 2026'), expect.stringContaining('Høsten 2026')]);
    expect(rowOf(table, 'Liker du å bo der du bor?')).toEqual([expect.stringMatching(/^40\u00a0% \(17–69\)/), expect.stringMatching(/^90\u00a0% \(60–98\)/)]);

    // The own-contact question sits under its section's title, after the compared ones.
    const block = screen.getByRole('heading', { level: 4, name: 'Din egen kontakt med tjenestene' }).closest('.question-block')!;
    expect(within(block as HTMLElement).getByRole('heading', { name: 'Personen er trygg der hun eller han bor.' })).toBeInTheDocument();
    expect(within(block as HTMLElement).queryByRole('heading', { name: 'Personen trives der hun eller han bor.' })).toBeNull();
    // With the share of its shown questions pooled, here and in the summary of the two voices, never as a theme.
    expect(block).toHaveTextContent('Andel positive svar i denne delen: 63 % (31–86) 8 svar');
    const apart = screen.getByRole('heading', { level: 3, name: 'Rapportert for seg' }).parentElement!;
    expect(within(apart).getByText(/Pårørende og verger, «Din egen kontakt med tjenestene»:/).closest('li')).toHaveTextContent('63 % (31–86)');
    const favourable = screen.getByRole('table', { name: 'Andel positive svar per tema, med 95 % usikkerhetsintervall' });
    expect(within(favourable).queryByText(/Din egen kontakt/)).toBeNull();
  });

  it('says in English when the results were made, that later responses wait, and each reason to hide', async () => {
    fakeApi({ ...routes, [`GET ${API}/rounds/3/results`]: { status: 200, body: { ...results, release: { ...results.release, waiting: true } } } });
    await i18next.changeLanguage('en');
    renderAt('/koordinator/runder/3/resultater');

    expect(await screen.findByText('Results made on 16 October 2026 from 18 responses.', {}, FIRST_RENDER)).toBeInTheDocument();
    expect(screen.getByText('Some responses came after this. They will be included once enough have come that no one can be singled out.')).toBeInTheDocument();
    const unitsTable = screen.getByRole('table', { name: 'Overall score per unit' });
    expect(rowOf(unitsTable, 'Solsikken bofellesskap')).toEqual(['68 (9 responses)', 'Too few responses']);
    expect(rowOf(unitsTable, 'Granly dagsenter')).toEqual(['Hidden to protect a small group', 'No responses']);
    const themes = screen.getByRole('table', { name: 'Score per theme for respondents and for relatives' });
    expect(rowOf(themes, 'Well-being')).toEqual(['45 (12 responses)', 'Too few responses', '41 (6 responses)']);
    const favourable = screen.getByRole('table', { name: 'Share of favourable answers per theme, with 95 % uncertainty interval' });
    expect(rowOf(favourable, 'Well-being')).toEqual(['64% (35–85) 11 answers', '50% (19–81) 6 answers', 'No certain difference', 'Too few responses']);
    expect(screen.getByRole('columnheader', { name: 'Not recorded (ended early)' })).toBeInTheDocument();
    expect(screen.getByText(/Sometimes a larger group is hidden too/)).toBeInTheDocument();
  });

  it('filters by a unit or by an answer mode, never both: choosing one clears the other', async () => {
    const api = fakeApi(routes);
    const user = userEvent.setup({ delay: null });
    renderAt('/koordinator/runder/3/resultater');

    const filters = await screen.findByRole('group', { name: 'Filtrer resultatene' }, FIRST_RENDER);
    expect(filters).toHaveAccessibleDescription('Du kan velge enhet eller svarmåte, ikke begge: da blir gruppene for små.');
    const unitSelect = within(filters).getByRole('combobox', { name: 'Enhet' });
    const modeSelect = within(filters).getByRole('combobox', { name: 'Hvordan svarene ble gitt' });

    await user.selectOptions(modeSelect, 'Svarte alene');
    await waitFor(() => expect(api.calls.some((call) => call.url === `${API}/rounds/3/results?answerMode=alone`)).toBe(true), SOON);
    // Split by answer mode: no units table, a line that says why instead.
    expect(await screen.findByText('Enhetene vises ikke når én svarmåte er valgt. Velg «Alle måter» for å se dem.', {}, SOON)).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Samlet skår per enhet' })).toBeNull();

    await user.selectOptions(unitSelect, 'Solsikken bofellesskap');
    await waitFor(() => expect(api.calls.some((call) => call.url === `${API}/rounds/3/results?unitId=1`)).toBe(true), SOON);
    expect(modeSelect).toHaveValue('all');
    expect(unitSelect).toHaveValue('1');
    // One unit: no split by answer mode, a line that says why instead.
    expect(await screen.findByText(/Svarene deles ikke etter svarmåte når én enhet er valgt/, {}, SOON)).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Skår per tema etter hvordan svarene ble gitt' })).toBeNull();
    expect(screen.getByRole('table', { name: 'Samlet skår per enhet' })).toBeInTheDocument();

    await user.selectOptions(modeSelect, 'Svarte alene');
    await waitFor(() => expect(unitSelect).toHaveValue('all'), SOON);
    // The server was never asked for a unit and an answer mode together.
    expect(api.calls.filter((call) => call.url.includes('unitId') && call.url.includes('answerMode'))).toEqual([]);
  });

  it('shows every figure without the flagged responses when the switch is on, with how many were left out', async () => {
    const api = fakeApi(routes);
    const user = userEvent.setup({ delay: null });
    renderAt('/koordinator/runder/3/resultater');

    const toggle = await screen.findByRole('switch', { name: 'Vis uten svar med mistenkelig svarmønster' }, FIRST_RENDER);
    expect(toggle).toHaveAccessibleDescription(/samme svar på alle spørsmål/);
    expect(toggle).not.toBeChecked();
    await user.click(toggle);
    await waitFor(() => expect(api.calls.some((call) => call.url === `${API}/rounds/3/results?withoutFlagged=true`)).toBe(true), SOON);
    expect(await screen.findByText('Uten svar med mistenkelig svarmønster: 4 svar er tatt bort.', {}, SOON)).toBeInTheDocument();
    expect(screen.getByText('Kommentarene vises bare når alle svar er med.')).toBeInTheDocument();
    expect(screen.getByRole('switch', { name: 'Vis uten svar med mistenkelig svarmønster' })).toBeChecked();
  });
});
