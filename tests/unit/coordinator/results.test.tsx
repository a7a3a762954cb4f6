// @vitest-environment jsdom
/**
 * Results: figures where a group is at or above the threshold and
 * "For få svar" where it is not (themes, units, questions, comments), the
 * per-question table with exactly the numbers the chart's accessible name
 * gives, and filters that ask the server again.
 */
import '@testing-library/jest-dom/vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import i18next from '../../../src/coordinator/i18n.ts';
import { fakeApi, FIRST_RENDER, renderAt, resetApi, type Route } from './fakeApi.tsx';
import { API, me, questionnaires, results, round, units } from './fixtures.ts';

const routes: Record<string, Route> = {
  [`GET ${API}/me`]: { status: 200, body: me },
  [`GET ${API}/rounds/3`]: { status: 200, body: round },
  [`GET ${API}/units`]: { status: 200, body: units },
  [`GET ${API}/questionnaires`]: { status: 200, body: questionnaires },
  [`GET ${API}/rounds/3/results`]: { status: 200, body: results },
};

function rowOf(table: HTMLElement, header: string): string[] {
  const row = within(table).getByRole('rowheader', { name: header }).closest('tr');
  if (!row) throw new Error(`no row ${header}`);
  return [...row.querySelectorAll('td')].map((cell) => cell.textContent ?? '');
}

describe('the results page', { timeout: 20_000 }, () => {
  afterEach(async () => {
    resetApi();
    await i18next.changeLanguage('nb');
  });

  it('shows figures for groups at the threshold and «For få svar» for the others', async () => {
    fakeApi(routes);
    renderAt('/koordinator/runder/3/resultater');

    const themes = await screen.findByRole('table', { name: 'Skår per tema for personene selv og for pårørende' }, FIRST_RENDER);
    expect(rowOf(themes, 'Trygghet')).toEqual(['80 (12 svar)', 'For få svar', 'Kan ikke sammenlignes']);
    const unitsTable = screen.getByRole('table', { name: 'Samlet skår per enhet' });
    expect(rowOf(unitsTable, 'Solsikken bofellesskap')).toEqual(['68 (9 svar)', 'For få svar']);
    expect(rowOf(unitsTable, 'Granly dagsenter')).toEqual(['For få svar', 'For få svar']);
    const consistency = screen.getByRole('table', { name: 'Svarmønster per gruppe' });
    // Norwegian writes a no-break space before the percent sign.
    expect(rowOf(consistency, 'Personene selv')).toEqual(['12', '25\u00a0%', '8\u00a0%']);
    expect(rowOf(consistency, 'Pårørende og verger')).toEqual(['For få svar', 'For få svar', 'For få svar']);
    expect(screen.getByText(/ja-sigeri/)).toBeInTheDocument();
    expect(screen.getByText(/kommentarene vises ikke/)).toBeInTheDocument();
    await waitFor(() => expect(document.title).toBe('Resultater: Høsten 2026 – Min stemme teller – koordinator'));
  });

  it('gives each question a chart whose accessible name has the same numbers as its table', async () => {
    fakeApi(routes);
    renderAt('/koordinator/runder/3/resultater');

    const chart = await screen.findByRole('img', { name: /^Liker du å bo der du bor\?/ }, FIRST_RENDER);
    const name = chart.getAttribute('aria-label') ?? '';
    expect(name).toBe('Liker du å bo der du bor? Ja 6 (60\u00a0%), Både ja og nei 3 (30\u00a0%), Nei 1 (10\u00a0%). Hoppet over: 2.');

    const table = screen.getByRole('table', { name: 'Svarfordeling: Liker du å bo der du bor?' });
    for (const label of ['Ja', 'Både ja og nei', 'Nei']) {
      const [count, percent] = rowOf(table, label);
      expect(name).toContain(`${label} ${count} (${percent})`);
    }
    expect(rowOf(table, 'Hoppet over')[0]).toBe('2');
    expect(name).toContain('Hoppet over: 2.');

    // The relatives' question is below the threshold: no chart, no table, the words instead.
    const suppressed = screen.getByRole('heading', { level: 4, name: 'Personen trives der hun eller han bor.' }).closest('article');
    expect(suppressed).not.toBeNull();
    expect(within(suppressed!).queryByRole('img')).toBeNull();
    expect(within(suppressed!).queryByRole('table')).toBeNull();
    expect(suppressed).toHaveTextContent('For få svar');
  });

  it('asks again with the unit filter and says «Too few responses» in English', async () => {
    const api = fakeApi(routes);
    await i18next.changeLanguage('en');
    const user = userEvent.setup({ delay: null });
    renderAt('/koordinator/runder/3/resultater');

    const unitSelect = await screen.findByRole('combobox', { name: 'Unit' }, FIRST_RENDER);
    await user.selectOptions(unitSelect, 'Solsikken bofellesskap');
    await waitFor(() => expect(api.calls.some((call) => call.url === `${API}/rounds/3/results?unitId=1`)).toBe(true));
    await user.selectOptions(screen.getByRole('combobox', { name: 'How the answers were given' }), 'Answered with help');
    await waitFor(() => expect(api.calls.some((call) => call.url === `${API}/rounds/3/results?unitId=1&answerMode=with-help`)).toBe(true));
    const themes = await screen.findByRole('table', { name: 'Score per theme for respondents and for relatives' });
    expect(rowOf(themes, 'Safety')).toEqual(['80 (12 responses)', 'Too few responses', 'Cannot be compared']);
  });
});
