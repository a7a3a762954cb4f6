// @vitest-environment jsdom
/**
 * Before a round is closed there are no results: the results, report and
 * summary pages answer the server's 409 "results-not-released" with a calm
 * explanation and the way to the round's page, not with an error.
 */
import '@testing-library/jest-dom/vitest';
import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import i18next from '../../../src/coordinator/i18n.ts';
import { apiError, fakeApi, FIRST_RENDER, renderAt, resetApi, type Route } from './fakeApi.tsx';
import { API, me, questionnaires, round, units } from './fixtures.ts';

const open = { ...round, status: 'open', responseCount: null };

const routes: Record<string, Route> = {
  [`GET ${API}/me`]: { status: 200, body: me },
  [`GET ${API}/rounds/3`]: { status: 200, body: open },
  [`GET ${API}/units`]: { status: 200, body: units },
  [`GET ${API}/questionnaires`]: { status: 200, body: questionnaires },
  [`GET ${API}/rounds/3/results`]: apiError(409, 'results-not-released', 'Resultatene er ikke laget ennå.'),
};

const NOT_RELEASED =
  'Resultatene blir klare når runden er lukket. Da lages de én gang for alle, slik at ingen kan se hvem som svarte ved å sammenligne tall fra ulike tidspunkt.';

describe('results that are not made yet', { timeout: 30_000 }, () => {
  afterEach(async () => {
    resetApi();
    await i18next.changeLanguage('nb');
  });

  for (const [page, path] of [
    ['results', '/koordinator/runder/3/resultater'],
    ['report', '/koordinator/runder/3/rapport'],
    ['summary', '/koordinator/runder/3/dette-sa-dere'],
  ] as const) {
    it(`the ${page} page explains calmly and links to the round, where it can be closed`, async () => {
      fakeApi(routes);
      renderAt(path);

      const notice = await screen.findByText(NOT_RELEASED, {}, FIRST_RENDER);
      expect(notice.closest('[role="status"]')).not.toBeNull();
      expect(screen.getByRole('link', { name: 'Gå til runden for å lukke den' })).toHaveAttribute('href', '/koordinator/runder/3');
      expect(screen.queryByRole('alert')).toBeNull();
      expect(screen.queryByRole('button', { name: 'Prøv igjen' })).toBeNull();
      expect(screen.queryByText('Resultatene er ikke laget ennå.')).toBeNull();
      // Nothing to filter or print yet.
      expect(screen.queryByRole('combobox')).toBeNull();
      expect(screen.queryByRole('button', { name: 'Skriv ut' })).toBeNull();
    });
  }

  it('says so in English too', async () => {
    fakeApi(routes);
    await i18next.changeLanguage('en');
    renderAt('/koordinator/runder/3/resultater');

    expect(await screen.findByText(/^The results will be ready when the round is closed\./, {}, FIRST_RENDER)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to the round to close it' })).toHaveAttribute('href', '/koordinator/runder/3');
  });

  it('still shows a real failure as an error with a retry button', async () => {
    fakeApi({ ...routes, [`GET ${API}/rounds/3/results`]: apiError(500, 'internal', 'Noe gikk galt på serveren.') });
    renderAt('/koordinator/runder/3/resultater');

    expect(await screen.findByRole('alert', {}, FIRST_RENDER)).toHaveTextContent('Noe gikk galt på serveren.');
    expect(screen.getByRole('button', { name: 'Prøv igjen' })).toBeInTheDocument();
  });
});
