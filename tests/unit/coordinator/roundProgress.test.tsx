// @vitest-environment jsdom
/**
 * A round's page: the tablet code in groups of four, the relatives' link,
 * and progress that refreshes every 10 seconds while the round is open,
 * without a reload — per unit only "Ingen ennå", "Under 5" or "5 eller
 * flere", never a count, and totals per voice only once every unit has
 * enough or none. Closing the round asks once more and stops the polling.
 * Downloads are aggregated tables only, never single responses.
 */
import '@testing-library/jest-dom/vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { roundUpdateSchema, type Progress } from '../../../src/shared/coordinatorApi.ts';
import i18next from '../../../src/coordinator/i18n.ts';
import { PROGRESS_INTERVAL_MS } from '../../../src/coordinator/rounds/useProgress.ts';
import { fakeApi, FIRST_RENDER, renderAt, resetApi, SOON, type Route } from './fakeApi.tsx';
import { API, me, progress, questionnaires, round, units } from './fixtures.ts';

const open = { ...round, status: 'open', responseCount: null };

function routes(current: () => Progress): Record<string, Route> {
  return {
    [`GET ${API}/me`]: { status: 200, body: me },
    [`GET ${API}/rounds/3`]: { status: 200, body: open },
    [`GET ${API}/units`]: { status: 200, body: units },
    [`GET ${API}/questionnaires`]: { status: 200, body: questionnaires },
    [`GET ${API}/rounds/3/progress`]: () => ({ status: 200, body: current() }),
    [`PATCH ${API}/rounds/3`]: (call) => ({ status: 200, body: { ...open, ...roundUpdateSchema.parse(call.body) } }),
  };
}

function cellsOf(table: HTMLElement, header: string): string[] {
  const row = within(table).getByRole('rowheader', { name: header }).closest('tr');
  if (!row) throw new Error(`no row ${header}`);
  return [...row.querySelectorAll('td')].map((cell) => cell.textContent ?? '');
}

describe('a round’s page', { timeout: 30_000 }, () => {
  beforeEach(() => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
  });
  afterEach(async () => {
    resetApi();
    vi.useRealTimers();
    await i18next.changeLanguage('nb');
  });

  it('shows the codes and refreshes the statuses every 10 seconds while the round is open', async () => {
    let current = progress('few', { respondent: null, relative: 6 });
    const api = fakeApi(routes(() => current));
    const user = userEvent.setup({ delay: null, advanceTimers: vi.advanceTimersByTime });
    renderAt('/koordinator/runder/3');

    expect(await screen.findByText('K7PM-X4QZ', {}, FIRST_RENDER)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: `${window.location.origin}/p/PARO2345` })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Svar så langt' }, SOON);
    expect(within(table).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(['Enhet', 'Personene selv', 'Pårørende og verger']);
    await waitFor(() => expect(cellsOf(table, 'Solsikken bofellesskap')).toEqual(['Under 5', 'Ingen ennå']), SOON);
    expect(cellsOf(table, 'Granly dagsenter')).toEqual(['Under 5', 'Ingen ennå']);
    expect(cellsOf(table, 'Enhet ikke oppgitt')).toEqual(['Ingen ennå', '5 eller flere']);
    expect(screen.getByText('Nøyaktige tall per enhet vises ikke, slik at ingen kan se når én person har svart.')).toBeInTheDocument();

    // Totals per voice: the respondents' is hidden while a unit has only a few.
    const totals = screen.getByRole('heading', { level: 3, name: 'Svar totalt' }).nextElementSibling as HTMLElement;
    const total = (audience: string) => within(totals).getByText(audience).nextElementSibling?.textContent;
    expect(total('Personene selv')).toBe('Vises når alle enheter har minst 5 svar eller ingen');
    expect(total('Pårørende og verger')).toBe('6 svar');

    current = progress('enough', { respondent: 14, relative: 6 });
    await act(() => vi.advanceTimersByTimeAsync(PROGRESS_INTERVAL_MS));
    await waitFor(() => expect(cellsOf(table, 'Solsikken bofellesskap')).toEqual(['5 eller flere', 'Ingen ennå']), SOON);
    expect(total('Personene selv')).toBe('14 svar');

    await user.click(screen.getByRole('button', { name: 'Lukk runden' }));
    expect(screen.getByText(/Når runden lukkes, lages resultatene\./)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Ja, lukk runden' }));
    expect(await screen.findByText('Runden er lukket. Nye svar blir ikke tatt imot.', { exact: false }, SOON)).toBeInTheDocument();
    expect(api.callsTo('PATCH', `${API}/rounds/3`)[0]?.body).toEqual({ status: 'closed' });

    const polls = api.callsTo('GET', `${API}/rounds/3/progress`).length;
    await act(() => vi.advanceTimersByTimeAsync(3 * PROGRESS_INTERVAL_MS));
    expect(api.callsTo('GET', `${API}/rounds/3/progress`).length).toBeLessThanOrEqual(polls + 1);
  });

  it('says in English what each status means, and offers only aggregated downloads', async () => {
    fakeApi(routes(() => progress('none', { respondent: null, relative: null })));
    await i18next.changeLanguage('en');
    renderAt('/koordinator/runder/3');

    const table = await screen.findByRole('table', { name: 'Responses so far' }, FIRST_RENDER);
    await waitFor(() => expect(cellsOf(table, 'Solsikken bofellesskap')).toEqual(['None yet', 'None yet']), SOON);
    expect(cellsOf(table, 'Granly dagsenter')).toEqual(['Under 5', 'None yet']);
    expect(cellsOf(table, 'Unit not given')).toEqual(['None yet', '5 or more']);
    expect(screen.getAllByText('Shown when every unit has at least 5 responses or none')).toHaveLength(2);
    expect(screen.getByText('Exact counts per unit are not shown, so that nobody can tell when one person has answered.')).toBeInTheDocument();

    expect(screen.getByText('The results will be ready when the round is closed.')).toBeInTheDocument();
    const downloads = screen.getAllByRole('link').filter((link) => link.getAttribute('href')?.includes('/export.'));
    expect(downloads.map((link) => link.getAttribute('href'))).toEqual([
      `${API}/rounds/3/export.xlsx`,
      ...['overview', 'codebook', 'matrix', 'themes', 'blocks', 'pairs', 'units', 'modes', 'trend', 'consistency', 'questions-respondent', 'questions-proxy', 'questions-relative'].map(
        (table) => `${API}/rounds/3/export.csv?table=${table}`,
      ),
    ]);
    // The relatives' table has its own link, in English too.
    expect(screen.getByRole('link', { name: 'CSV file: answers per question, relatives and guardians' })).toBeInTheDocument();
    expect(screen.queryByText(/anonymous responses/i)).toBeNull();
  });
});
