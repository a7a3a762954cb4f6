// @vitest-environment jsdom
/**
 * A round's page: the tablet code in groups of four, the relatives' link,
 * and response counts that refresh every 10 seconds while the round is
 * open, without a reload; closing the round asks once more and stops it.
 */
import '@testing-library/jest-dom/vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { progressSchema, roundUpdateSchema } from '../../../src/shared/coordinatorApi.ts';
import { PROGRESS_INTERVAL_MS } from '../../../src/coordinator/useProgress.ts';
import { fakeApi, FIRST_RENDER, renderAt, resetApi } from './fakeApi.tsx';
import { API, me, questionnaires, round, units } from './fixtures.ts';

function progress(count: number) {
  return progressSchema.parse({
    total: count + 2,
    rows: [
      { unitId: 1, unitName: 'Solsikken bofellesskap', questionnaireId: 'respondent', audience: 'respondent', count },
      { unitId: null, unitName: null, questionnaireId: 'relative', audience: 'relative', count: 2 },
    ],
  });
}

describe('a round’s page', { timeout: 20_000 }, () => {
  beforeEach(() => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
  });
  afterEach(() => {
    resetApi();
    vi.useRealTimers();
  });

  it('shows the codes and refreshes the counts every 10 seconds while the round is open', async () => {
    let count = 3;
    const api = fakeApi({
      [`GET ${API}/me`]: { status: 200, body: me },
      [`GET ${API}/rounds/3`]: { status: 200, body: round },
      [`GET ${API}/units`]: { status: 200, body: units },
      [`GET ${API}/questionnaires`]: { status: 200, body: questionnaires },
      [`GET ${API}/rounds/3/progress`]: () => ({ status: 200, body: progress(count) }),
      [`PATCH ${API}/rounds/3`]: (call) => ({ status: 200, body: { ...round, ...roundUpdateSchema.parse(call.body) } }),
    });
    const user = userEvent.setup({ delay: null, advanceTimers: vi.advanceTimersByTime });
    renderAt('/koordinator/runder/3');

    expect(await screen.findByText('K7PM-X4QZ', {}, FIRST_RENDER)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: `${window.location.origin}/p/PARO2345` })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Svar så langt' });
    const solsikken = () => within(table).getByRole('rowheader', { name: 'Solsikken bofellesskap' }).closest('tr');
    await waitFor(() => expect(solsikken()).toHaveTextContent('3'));
    expect(within(table).getByRole('rowheader', { name: 'Enhet ikke oppgitt' }).closest('tr')).toHaveTextContent('2');

    count = 4;
    await act(() => vi.advanceTimersByTimeAsync(PROGRESS_INTERVAL_MS));
    await waitFor(() => expect(solsikken()).toHaveTextContent('4'));
    expect(within(table).getByText('6')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Lukk runden' }));
    await user.click(screen.getByRole('button', { name: 'Ja, lukk runden' }));
    expect(await screen.findByText('Runden er lukket. Nye svar blir ikke tatt imot.', { exact: false })).toBeInTheDocument();
    expect(api.callsTo('PATCH', `${API}/rounds/3`)[0]?.body).toEqual({ status: 'closed' });

    const polls = api.callsTo('GET', `${API}/rounds/3/progress`).length;
    await act(() => vi.advanceTimersByTimeAsync(3 * PROGRESS_INTERVAL_MS));
    expect(api.callsTo('GET', `${API}/rounds/3/progress`).length).toBeLessThanOrEqual(polls + 1);
  });
});
