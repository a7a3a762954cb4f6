// @vitest-environment jsdom
/**
 * Sign-in: a wrong login is said plainly in the page's language, empty
 * fields are named without asking the server, and a good login opens the
 * page that was asked for.
 */
import '@testing-library/jest-dom/vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import i18next from '../../../src/coordinator/i18n.ts';
import { apiError, fakeApi, FIRST_RENDER, renderAt, resetApi } from './fakeApi.tsx';
import { API, me } from './fixtures.ts';

describe('coordinator sign-in', { timeout: 20_000 }, () => {
  afterEach(async () => {
    resetApi();
    await i18next.changeLanguage('nb');
  });

  it('shows the server’s message when the username or password is wrong', async () => {
    const api = fakeApi({
      [`GET ${API}/me`]: apiError(401, 'not-signed-in', 'Du er ikke logget inn.'),
      [`POST ${API}/login`]: apiError(401, 'wrong-login', 'Feil brukernavn eller passord.'),
    });
    const user = userEvent.setup({ delay: null });
    renderAt('/koordinator');

    expect(await screen.findByRole('heading', { level: 1, name: 'Logg inn' }, FIRST_RENDER)).toHaveFocus();
    const username = screen.getByLabelText('Brukernavn');
    const password = screen.getByLabelText('Passord');
    expect(username).toHaveAttribute('autocomplete', 'username');
    expect(password).toHaveAttribute('autocomplete', 'current-password');
    await user.type(username, 'kari.koordinator');
    await user.click(password);
    await user.paste('et langt og feil passord');
    await user.click(screen.getByRole('button', { name: 'Logg inn' }));

    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Feil brukernavn eller passord.'));
    expect(api.callsTo('POST', `${API}/login`)[0]?.body).toEqual({ username: 'kari.koordinator', password: 'et langt og feil passord' });
    await waitFor(() => expect(document.title).toBe('Logg inn – Min stemme teller – koordinator'));
  });

  it('names the empty fields and does not ask the server', async () => {
    const api = fakeApi({ [`GET ${API}/me`]: apiError(401, 'not-signed-in', 'You are not signed in.') });
    await i18next.changeLanguage('en');
    const user = userEvent.setup({ delay: null });
    renderAt('/koordinator');

    await user.click(await screen.findByRole('button', { name: 'Sign in' }, FIRST_RENDER));
    expect(await screen.findByText('Enter your username.')).toBeInTheDocument();
    expect(screen.getByText('Enter your password.')).toBeInTheDocument();
    expect(screen.getByLabelText('Username')).toHaveAttribute('aria-invalid', 'true');
    expect(api.callsTo('POST', `${API}/login`)).toHaveLength(0);
  });

  it('opens the page that was asked for after a good login', async () => {
    fakeApi({
      [`GET ${API}/me`]: apiError(401, 'not-signed-in', 'Du er ikke logget inn.'),
      [`POST ${API}/login`]: { status: 200, body: me },
      [`GET ${API}/units`]: { status: 200, body: [] },
    });
    const user = userEvent.setup({ delay: null });
    renderAt('/koordinator/enheter');

    await user.type(await screen.findByLabelText('Brukernavn', {}, FIRST_RENDER), 'kari.koordinator');
    await user.type(screen.getByLabelText('Passord'), 'riktig passord her');
    await user.click(screen.getByRole('button', { name: 'Logg inn' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Enheter' })).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Hovedmeny' });
    expect(within(nav).getByRole('link', { name: 'Koordinatorer' })).toBeInTheDocument();
  });
});
