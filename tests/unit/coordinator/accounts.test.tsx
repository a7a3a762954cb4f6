// @vitest-environment jsdom
/**
 * Accounts in the coordinator pages: an admin resets a colleague's password
 * (the one-time password is shown once, in the page) and disables an
 * account; a coordinator whose password was reset sees only the page to
 * choose a new one until they have; an admin adding a unit is told what is
 * wrong (no name, the server's refusal) and when it is added; a non-admin
 * sees the units without the forms to change them.
 */
import '@testing-library/jest-dom/vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { apiError, fakeApi, FIRST_RENDER, renderAt, resetApi } from './fakeApi.tsx';
import { API, me } from './fixtures.ts';

describe('coordinator accounts', { timeout: 20_000 }, () => {
  afterEach(() => resetApi());

  it("lets an admin reset a colleague's password, shown once, and disable the account", async () => {
    const colleague = { id: 7, username: 'ola', isAdmin: false, disabled: false };
    const api = fakeApi({
      [`GET ${API}/me`]: { status: 200, body: me },
      [`GET ${API}/coordinators`]: { status: 200, body: [{ id: 1, username: me.username, isAdmin: true, disabled: false }, colleague] },
      [`POST ${API}/coordinators/7/reset-password`]: { status: 200, body: { password: 'abcde-fghij-kmnpq-rstuv' } },
      [`PATCH ${API}/coordinators/7`]: (call) => ({ status: 200, body: { ...colleague, ...(call.body as object) } }),
    });
    const user = userEvent.setup({ delay: null });
    renderAt('/koordinator/koordinatorer');

    await user.click(await screen.findByRole('button', { name: 'Nullstill passordet til ola' }, FIRST_RENDER));
    await waitFor(() => expect(screen.getByText(/Engangspassord for ola: abcde-fghij-kmnpq-rstuv/)).toBeInTheDocument());
    expect(api.callsTo('POST', `${API}/coordinators/7/reset-password`)).toHaveLength(1);
    // No actions on one's own account.
    expect(screen.queryByRole('button', { name: `Deaktiver kontoen til ${me.username}` })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Deaktiver kontoen til ola' }));
    expect(await screen.findByRole('button', { name: 'Aktiver kontoen til ola' })).toBeInTheDocument();
    expect(screen.getByText('Koordinator, deaktivert')).toBeInTheDocument();
    expect(api.callsTo('PATCH', `${API}/coordinators/7`)[0]?.body).toEqual({ disabled: true });
  });

  it('shows only the password page after a reset, until a new password is chosen', async () => {
    const api = fakeApi({
      [`GET ${API}/me`]: { status: 200, body: { ...me, mustChangePassword: true } },
      [`POST ${API}/password`]: { status: 204 },
      [`GET ${API}/rounds`]: { status: 200, body: [] },
    });
    const user = userEvent.setup({ delay: null });
    renderAt('/koordinator/runder');

    expect(await screen.findByRole('heading', { level: 1, name: 'Bytt passord' }, FIRST_RENDER)).toBeInTheDocument();
    expect(screen.getByText(/ble nullstilt av en administrator/)).toBeInTheDocument();
    await user.type(screen.getByLabelText('Passordet du har nå'), 'abcde-fghij-kmnpq-rstuv');
    await user.type(screen.getByLabelText('Nytt passord', { exact: false }), 'kort');
    await user.click(screen.getByRole('button', { name: 'Bytt passord' }));
    expect(await screen.findByText('Det nye passordet må ha minst 12 tegn.')).toBeInTheDocument();
    expect(api.callsTo('POST', `${API}/password`)).toHaveLength(0);

    await user.clear(screen.getByLabelText('Nytt passord', { exact: false }));
    await user.type(screen.getByLabelText('Nytt passord', { exact: false }), 'en helt annen lang setning');
    await user.click(screen.getByRole('button', { name: 'Bytt passord' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Undersøkelsesrunder' })).toBeInTheDocument();
    expect(api.callsTo('POST', `${API}/password`)[0]?.body).toEqual({ currentPassword: 'abcde-fghij-kmnpq-rstuv', newPassword: 'en helt annen lang setning' });
  });

  it('refuses a unit without a name beside the field, shows what the server said, and says when a unit is added', async () => {
    let added = 0;
    const api = fakeApi({
      [`GET ${API}/me`]: { status: 200, body: me },
      [`GET ${API}/units`]: { status: 200, body: [{ id: 1, name: 'Solsikken' }] },
      [`POST ${API}/units`]: (call) =>
        ++added === 1 ? apiError(409, 'unit-name-taken', 'Det finnes alt en enhet med dette navnet.') : { status: 200, body: { id: 2, ...(call.body as object) } },
    });
    const user = userEvent.setup({ delay: null });
    renderAt('/koordinator/enheter');
    const add = await screen.findByRole('button', { name: 'Legg til enheten' }, FIRST_RENDER);

    await user.click(add);
    expect(await screen.findByText('Skriv et navn på enheten.')).toBeInTheDocument();
    expect(api.callsTo('POST', `${API}/units`)).toHaveLength(0);

    await user.type(screen.getByLabelText('Navn på enheten'), 'Tunet');
    await user.click(add);
    expect(await screen.findByText('Det finnes alt en enhet med dette navnet.')).toBeInTheDocument();
    expect(screen.queryByText('Skriv et navn på enheten.')).toBeNull();

    await user.click(add);
    expect(await screen.findByText('Tunet er lagt til.')).toBeInTheDocument();
    expect(screen.queryByText('Det finnes alt en enhet med dette navnet.')).toBeNull();
    expect(screen.getByLabelText('Navn på enheten')).toHaveValue('');
  });

  it('shows a non-admin the units without the forms to add or rename them', async () => {
    fakeApi({
      [`GET ${API}/me`]: { status: 200, body: { ...me, isAdmin: false } },
      [`GET ${API}/units`]: { status: 200, body: [{ id: 1, name: 'Solsikken' }] },
    });
    renderAt('/koordinator/enheter');
    expect(await screen.findByText('Solsikken', {}, FIRST_RENDER)).toBeInTheDocument();
    expect(screen.getByText('Bare en administrator kan legge til og endre enheter.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Gi nytt navn|Endre navn/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Legg til enheten' })).toBeNull();
  });
});
