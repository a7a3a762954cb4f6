// @vitest-environment jsdom
/**
 * An operator changes their own password on their page, as a coordinator
 * does on "Bytt passord"; the server's refusal of a common password is
 * shown in the form.
 */
import '@testing-library/jest-dom/vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { apiError, fakeApi, FIRST_RENDER, renderAt, resetApi } from './fakeApi.tsx';
import { API } from './fixtures.ts';

const operator = { username: 'drift', operator: true, mustChangePassword: false };
const municipalities = [{ id: 1, name: 'Ås kommune', coordinators: 2, rounds: 3, closedRounds: 1, responses: 40, sharesComparison: true }];

describe('the operator’s own password', { timeout: 20_000 }, () => {
  afterEach(() => resetApi());

  it('is changed on the operator’s page, and a refused one is explained', async () => {
    let attempts = 0;
    const api = fakeApi({
      [`GET ${API}/me`]: { status: 200, body: operator },
      'GET /api/v1/operator/municipalities': { status: 200, body: municipalities },
      [`POST ${API}/password`]: () =>
        ++attempts === 1 ? apiError(400, 'weak-password', 'Passordet er for vanlig og lett å gjette. Velg et annet.') : { status: 204, body: null },
    });
    const user = userEvent.setup({ delay: null });
    renderAt('/koordinator');

    expect(await screen.findByRole('heading', { level: 2, name: 'Bytt passord' }, FIRST_RENDER)).toBeInTheDocument();
    const form = within(screen.getByRole('region', { name: 'Bytt passord' }));
    await user.type(form.getByLabelText('Passordet du har nå'), 'engangspassord-fra-cli');
    await user.type(form.getByLabelText('Nytt passord'), 'passord123456');
    await user.click(form.getByRole('button', { name: 'Bytt passord' }));
    await waitFor(() => expect(form.getByRole('alert')).toHaveTextContent('Passordet er for vanlig'));

    await user.clear(form.getByLabelText('Nytt passord'));
    await user.type(form.getByLabelText('Nytt passord'), 'tre lange ord som ingen gjetter');
    await user.click(form.getByRole('button', { name: 'Bytt passord' }));
    await waitFor(() => expect(form.getByRole('status')).toHaveTextContent('Passordet er byttet.'));
    expect(api.callsTo('POST', `${API}/password`).at(-1)?.body).toEqual({ currentPassword: 'engangspassord-fra-cli', newPassword: 'tre lange ord som ingen gjetter' });
  });
});
