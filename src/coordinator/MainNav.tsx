/** The coordinator's menu: rounds, units, recorded voices and sign language, emergency upload, for an administrator coordinators and the municipality, one's own password; and sign-out. */
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { NS } from './i18n.ts';
import { Link } from './ui/Link.tsx';
import type { Route } from './router.ts';
import { useSession } from './session.ts';

const BELOW_ROUNDS = new Set<Route['page']>(['new-round', 'round', 'results', 'letter', 'report', 'summary']);

function currentFor(page: Route['page'], route: Route): 'page' | 'true' | undefined {
  if (route.page === page) return 'page';
  return page === 'rounds' && BELOW_ROUNDS.has(route.page) ? 'true' : undefined;
}

export function MainNav({ route }: { readonly route: Route }) {
  const { t } = useTranslation(NS);
  const { me, signOut } = useSession();
  const items: { to: Route; label: string }[] = [
    { to: { page: 'rounds' }, label: t('nav.rounds') },
    { to: { page: 'units' }, label: t('nav.units') },
    { to: { page: 'media' }, label: t('nav.media') },
    { to: { page: 'upload' }, label: t('nav.upload') },
  ];
  if (me.isAdmin) items.push({ to: { page: 'coordinators' }, label: t('nav.coordinators') }, { to: { page: 'municipality' }, label: t('nav.municipality') });
  items.push({ to: { page: 'password' }, label: t('nav.password') });
  return (
    <>
      <nav aria-label={t('nav.label')} className="coord-nav">
        <ul>
          {items.map((item) => (
            <li key={item.to.page}>
              <Link to={item.to} current={currentFor(item.to.page, route)}>
                {item.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <p className="coord-user">
        {t('nav.signedInAs', { username: me.username, municipality: me.municipality.name })}
      </p>
      <Button className="header-button" onPress={() => void signOut()}>
        {t('nav.signOut')}
      </Button>
    </>
  );
}
