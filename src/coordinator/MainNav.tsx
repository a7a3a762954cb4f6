/** The coordinator's menu: rounds, units, emergency upload and, for an administrator, coordinators and the municipality; and sign-out. */
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { NS } from './i18n.ts';
import { Link } from './Link.tsx';
import type { Route } from './router.ts';
import { useSession } from './session.ts';

const ROUND_PAGES = new Set<Route['page']>(['rounds', 'new-round', 'round', 'results', 'letter', 'report', 'summary']);

export function MainNav({ route }: { readonly route: Route }) {
  const { t } = useTranslation(NS);
  const { me, signOut } = useSession();
  const items: { to: Route; label: string; current: boolean }[] = [
    { to: { page: 'rounds' }, label: t('nav.rounds'), current: ROUND_PAGES.has(route.page) },
    { to: { page: 'units' }, label: t('nav.units'), current: route.page === 'units' },
    { to: { page: 'upload' }, label: t('nav.upload'), current: route.page === 'upload' },
  ];
  if (me.isAdmin) {
    items.push(
      { to: { page: 'coordinators' }, label: t('nav.coordinators'), current: route.page === 'coordinators' },
      { to: { page: 'municipality' }, label: t('nav.municipality'), current: route.page === 'municipality' },
    );
  }
  return (
    <>
      <nav aria-label={t('nav.label')} className="coord-nav">
        <ul>
          {items.map((item) => (
            <li key={item.to.page}>
              <Link to={item.to} current={item.current}>
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
