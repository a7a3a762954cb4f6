// @vitest-environment jsdom
/**
 * Creating a round: every missing field is named in the page's language
 * and nothing is sent; a period that ends before it starts is refused;
 * a complete round is sent with the shared schema's shape and opens.
 */
import '@testing-library/jest-dom/vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import i18next from '../../../src/coordinator/i18n.ts';
import { newRoundSchema } from '../../../src/shared/coordinatorApi.ts';
import { fakeApi, FIRST_RENDER, renderAt, resetApi, type Route } from './fakeApi.tsx';
import { API, me, questionnaires, round, units } from './fixtures.ts';

const routes: Record<string, Route> = {
  [`GET ${API}/me`]: { status: 200, body: me },
  [`GET ${API}/questionnaires`]: { status: 200, body: questionnaires },
  [`GET ${API}/units`]: { status: 200, body: units },
  [`POST ${API}/rounds`]: { status: 200, body: { ...round, id: 7, status: 'draft', responseCount: 0 } },
  [`GET ${API}/rounds/7`]: { status: 200, body: { ...round, id: 7, status: 'draft', responseCount: 0 } },
  [`GET ${API}/rounds/7/progress`]: { status: 200, body: { threshold: 5, totals: { respondent: 0, relative: 0 }, rows: [] } },
};

describe('creating a survey round', { timeout: 20_000 }, () => {
  afterEach(async () => {
    resetApi();
    await i18next.changeLanguage('nb');
  });

  it('names every missing field and sends nothing', async () => {
    const api = fakeApi(routes);
    const user = userEvent.setup({ delay: null });
    renderAt('/koordinator/runder/ny');

    await user.click(await screen.findByRole('button', { name: 'Opprett runden' }, FIRST_RENDER));
    for (const message of ['Skriv et navn på runden.', 'Velg datoen runden åpner.', 'Velg datoen runden stenger.', 'Velg minst ett spørreskjema.', 'Velg minst én enhet.']) {
      expect(await screen.findByText(message)).toBeInTheDocument();
    }
    expect(screen.getByRole('textbox', { name: 'Navn på runden' })).toHaveFocus();
    expect(api.callsTo('POST', `${API}/rounds`)).toHaveLength(0);
  });

  it('refuses a round that closes before it opens, in English too', async () => {
    const api = fakeApi(routes);
    await i18next.changeLanguage('en');
    const user = userEvent.setup({ delay: null });
    renderAt('/koordinator/runder/ny');

    await user.type(await screen.findByRole('textbox', { name: 'Name of the round' }, FIRST_RENDER), 'Autumn 2026');
    fireEvent.change(screen.getByLabelText('Opens'), { target: { value: '2026-10-01' } });
    fireEvent.change(screen.getByLabelText('Closes'), { target: { value: '2026-09-01' } });
    await user.click(screen.getByRole('checkbox', { name: 'Respondents: Min stemme teller' }));
    await user.click(screen.getByRole('checkbox', { name: 'Solsikken bofellesskap' }));
    await user.click(screen.getByRole('button', { name: 'Create the round' }));

    expect(await screen.findByText('The round cannot close before it opens.')).toBeInTheDocument();
    expect(screen.getByLabelText('Closes')).toHaveFocus();
    expect(api.callsTo('POST', `${API}/rounds`)).toHaveLength(0);
  });

  it('sends a complete round and opens its page', async () => {
    const api = fakeApi(routes);
    const user = userEvent.setup({ delay: null });
    renderAt('/koordinator/runder/ny');

    await user.type(await screen.findByRole('textbox', { name: 'Navn på runden' }, FIRST_RENDER), 'Høsten 2026');
    fireEvent.change(screen.getByLabelText('Åpner'), { target: { value: '2026-09-01' } });
    fireEvent.change(screen.getByLabelText('Stenger'), { target: { value: '2026-10-15' } });
    await user.click(screen.getByRole('checkbox', { name: 'Personene selv: Min stemme teller' }));
    await user.click(screen.getByRole('checkbox', { name: 'Pårørende og verger: Undersøkelse for pårørende og verger' }));
    await user.click(screen.getByRole('checkbox', { name: 'Granly dagsenter' }));
    await user.click(screen.getByRole('button', { name: 'Opprett runden' }));

    await waitFor(() => expect(window.location.pathname).toBe('/koordinator/runder/7'));
    const sent = api.callsTo('POST', `${API}/rounds`)[0]?.body;
    expect(newRoundSchema.parse(sent)).toEqual({
      name: 'Høsten 2026',
      opensOn: '2026-09-01',
      closesOn: '2026-10-15',
      questionnaireIds: ['respondent', 'relative'],
      unitIds: [2],
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Høsten 2026' })).toHaveFocus();
    expect(screen.getByText('K7PM-X4QZ')).toBeInTheDocument();
  });
});
