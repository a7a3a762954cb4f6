// @vitest-environment jsdom
/**
 * The rounds list: a round's response count is "–" while some unit has
 * fewer than the threshold, with the reason in words for screen readers
 * and on hover; a count is shown once there is one.
 */
import '@testing-library/jest-dom/vitest';
import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import i18next from '../../../src/coordinator/i18n.ts';
import { fakeApi, FIRST_RENDER, renderAt, resetApi } from './fakeApi.tsx';
import { API, me, round } from './fixtures.ts';

const rounds = [round, { ...round, id: 4, name: 'Våren 2027', opensOn: '2027-03-01', closesOn: '2027-04-15', status: 'open', responseCount: null }];

describe('the rounds list', { timeout: 30_000 }, () => {
  afterEach(async () => {
    resetApi();
    await i18next.changeLanguage('nb');
  });

  it('writes a hidden count as "–" and explains it in words', async () => {
    fakeApi({ [`GET ${API}/me`]: { status: 200, body: me }, [`GET ${API}/rounds`]: { status: 200, body: rounds } });
    renderAt('/koordinator/runder');

    const table = await screen.findByRole('table', { name: 'Undersøkelsesrunder' }, FIRST_RENDER);
    const cells = (name: string) => [...(within(table).getByRole('rowheader', { name }).closest('tr')?.querySelectorAll('td') ?? [])];
    const explanation = 'Antallet vises når alle enheter har minst 5 svar eller ingen';

    const hiddenCount = cells('Våren 2027')[2]!;
    expect(hiddenCount).toHaveTextContent('–');
    // The dash is hidden from screen readers, which read the reason instead; sighted users get it on hover.
    expect(within(hiddenCount).getByText('–')).toHaveAttribute('aria-hidden', 'true');
    expect(within(hiddenCount).getByText('–')).toHaveAttribute('title', explanation);
    expect(within(hiddenCount).getByText(explanation)).toHaveClass('visually-hidden');

    expect(cells('Høsten 2026')[2]).toHaveTextContent(/^18$/);
  });
});
