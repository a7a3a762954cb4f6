// @vitest-environment jsdom
/**
 * The printed report and "Dette sa dere": the report says when the results
 * were made and from how many responses; the easy-read page says plainly
 * why there is nothing to tell — nobody answered, too few answered, or the
 * answers are hidden to protect a small group — in bokmål and nynorsk.
 */
import '@testing-library/jest-dom/vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import i18next from '../../../src/coordinator/i18n.ts';
import type { Results } from '../../../src/shared/coordinatorApi.ts';
import { fakeApi, FIRST_RENDER, renderAt, resetApi, type Route } from './fakeApi.tsx';
import { API, hidden, hiddenShare, me, results, round } from './fixtures.ts';

function routes(body: Results): Record<string, Route> {
  return {
    [`GET ${API}/me`]: { status: 200, body: me },
    [`GET ${API}/rounds/3`]: { status: 200, body: round },
    [`GET ${API}/rounds/3/results`]: { status: 200, body },
  };
}

describe('the report and the easy-read summary', { timeout: 30_000 }, () => {
  afterEach(async () => {
    resetApi();
    await i18next.changeLanguage('nb');
  });

  it('the report says when and from how many responses the results were made, and that later ones wait', async () => {
    fakeApi(routes({ ...results, release: { ...results.release, waiting: true } }));
    renderAt('/koordinator/runder/3/rapport');

    expect(await screen.findByText('Resultater laget 16. oktober 2026 av 18 svar.', {}, FIRST_RENDER)).toBeInTheDocument();
    expect(screen.getByText('Noen svar kom etter dette. De tas med når det er kommet nok til at ingen kan skilles ut.')).toBeInTheDocument();
    expect(screen.getByText(/Noen ganger skjules også en større gruppe/)).toBeInTheDocument();
    // The easy-read pages name the themes where at least three in four answers were favourable, never ranked by a few points.
    const bokmal = screen.getByRole('article', { name: 'Dette sa dere' });
    expect(within(bokmal).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Å føle seg trygg', 'Å bli behandlet fint']);
  });

  it('puts the summary first (matrix, the two voices, the trend, "Dette sa dere") and the detail after it, optional in print', async () => {
    fakeApi(routes(results));
    const user = userEvent.setup({ delay: null });
    renderAt('/koordinator/runder/3/rapport');

    const summary = await screen.findByRole('region', { name: 'Sammendrag' }, FIRST_RENDER);
    const detail = screen.getByRole('region', { name: 'Detaljer' });
    expect(summary.compareDocumentPosition(detail) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(within(summary).getAllByRole('table')[0]).toHaveAccessibleName('Andel positive svar per enhet og tema');
    expect(within(summary).getByRole('table', { name: 'Andel positive svar per tema, med 95 % usikkerhetsintervall' })).toBeInTheDocument();
    expect(within(summary).getByRole('article', { name: 'Dette sa dere' })).toBeInTheDocument();
    expect(within(detail).getByRole('table', { name: 'Svarfordeling: Liker du å bo der du bor?' })).toBeInTheDocument();

    const include = screen.getByRole('switch', { name: 'Ta med detaljene per spørsmål i utskriften' });
    expect(include).toBeChecked();
    expect(detail).not.toHaveClass('left-out');
    await user.click(include);
    expect(detail).toHaveClass('left-out');
  });

  for (const [status, nb, nn] of [
    ['empty', 'Ingen svarte.', 'Ingen svarte.'],
    ['too-few', 'For få svarte.', 'For få svarte.'],
    ['protecting', 'Svarene er skjult for å verne en liten gruppe.', 'Svara er gøymde for å verne ei lita gruppe.'],
  ] as const) {
    it(`"Dette sa dere" says why when the respondents' figures are ${status}`, async () => {
      const themes = results.themes.map((row) => ({ ...row, favourable: { ...row.favourable, respondent: hiddenShare(status), verdict: null } }));
      fakeApi(routes({ ...results, groups: { ...results.groups, respondent: hidden(status) }, themes }));
      const user = userEvent.setup({ delay: null });
      renderAt('/koordinator/runder/3/dette-sa-dere');

      const page = await screen.findByRole('article', { name: 'Dette sa dere' }, FIRST_RENDER);
      expect(page).toHaveTextContent(nb);
      expect(within(page).queryByRole('list')).toBeNull();
      await user.click(screen.getByRole('radio', { name: 'Nynorsk' }));
      expect(await screen.findByRole('article', { name: 'Dette sa de' })).toHaveTextContent(nn);
    });
  }

  it('"Dette sa dere" names the themes but not the count when only the count is hidden (to protect a few proxy answers)', async () => {
    fakeApi(routes({ ...results, groups: { ...results.groups, respondent: hidden('protecting') } }));
    renderAt('/koordinator/runder/3/dette-sa-dere');
    const page = await screen.findByRole('article', { name: 'Dette sa dere' }, FIRST_RENDER);
    expect(within(page).getAllByRole('listitem').map((li) => li.textContent)).toEqual(['Å føle seg trygg', 'Å bli behandlet fint']);
    expect(page).not.toHaveTextContent(/personer svarte/);
  });
});
