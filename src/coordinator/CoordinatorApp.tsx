/**
 * The coordinator pages (bokmål and English), loaded only at /koordinator:
 * checks the session, shows the sign-in page until someone is signed in,
 * then the page for the current address.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { accountSchema, type Account, type Me } from '../shared/coordinatorApi.ts';
import { apiGet, ApiFailure, failureMessage, onSignedOut, requestJson, API_BASE } from './api.ts';
import './coordinator.css';
import i18next, { ensureCoordinatorLanguage, NS } from './i18n.ts';
import { Layout } from './Layout.tsx';
import { MainNav } from './MainNav.tsx';
import { OperatorNav } from './operator/OperatorNav.tsx';
import { OperatorPage } from './operator/OperatorPage.tsx';
import { Pages } from './Pages.tsx';
import { parseRoute, usePathname } from './router.ts';
import { SessionContext, type Session } from './session.ts';
import { SignInPage } from './accounts/SignInPage.tsx';

type SessionState =
  | { readonly state: 'checking' }
  | { readonly state: 'signed-out'; readonly notice?: string }
  | { readonly state: 'signed-in'; readonly me: Account };

ensureCoordinatorLanguage();

const isOperator = (account: Account): account is Extract<Account, { operator: true }> => 'operator' in account;

export default function CoordinatorApp() {
  const [session, setSession] = useState<SessionState>({ state: 'checking' });
  const route = parseRoute(usePathname());

  useEffect(() => {
    let current = true;
    apiGet('/me', accountSchema).then(
      (me) => current && setSession({ state: 'signed-in', me }),
      (error: unknown) => {
        if (!current) return;
        const expected = error instanceof ApiFailure && error.status === 401;
        setSession(expected ? { state: 'signed-out' } : { state: 'signed-out', notice: failureMessage(error) });
      },
    );
    const stop = onSignedOut(() => setSession({ state: 'signed-out' }));
    return () => {
      current = false;
      stop();
    };
  }, []);

  const signOut = useCallback(async () => {
    // Signed out on this page whatever the server answers; a lost request leaves an expiring session.
    await requestJson(`${API_BASE}/logout`, { method: 'POST' }).catch(() => undefined);
    setSession({ state: 'signed-out' });
  }, []);

  const value = useMemo<Session | null>(
    () => (session.state === 'signed-in' && !isOperator(session.me) ? { me: session.me, update: (me) => setSession({ state: 'signed-in', me }), signOut } : null),
    [session, signOut],
  );

  if (session.state === 'checking') {
    return (
      <Layout>
        <p role="status">{i18next.t('common.loading', { ns: NS })}</p>
      </Layout>
    );
  }
  // An operator has one page of their own and never a municipality's.
  if (session.state === 'signed-in' && isOperator(session.me)) {
    const operator = session.me;
    return (
      <Layout navigation={<OperatorNav username={operator.username} onSignOut={() => void signOut()} />}>
        <OperatorPage mustChangePassword={operator.mustChangePassword} onPasswordChanged={() => setSession({ state: 'signed-in', me: { ...operator, mustChangePassword: false } })} />
      </Layout>
    );
  }
  if (!value) {
    return (
      <Layout>
        <SignInPage notice={session.state === 'signed-out' ? session.notice : undefined} onSignedIn={(me) => setSession({ state: 'signed-in', me })} />
      </Layout>
    );
  }
  return (
    <SessionContext value={value}>
      <Layout navigation={<MainNav route={route} />}>
        <Pages route={route} />
      </Layout>
    </SessionContext>
  );
}
