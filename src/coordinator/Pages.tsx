/** Picks the page for the current route; each page mounts afresh on navigation, so its h1 takes the focus. */
import { CoordinatorsPage } from './CoordinatorsPage.tsx';
import { LetterPage } from './LetterPage.tsx';
import { MediaPage } from './MediaPage.tsx';
import { MunicipalityPage } from './MunicipalityPage.tsx';
import { NewRoundPage } from './NewRoundPage.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { PasswordPage } from './PasswordPage.tsx';
import { ReportPage } from './ReportPage.tsx';
import { ResultsPage } from './ResultsPage.tsx';
import { RoundPage } from './RoundPage.tsx';
import { RoundsPage } from './RoundsPage.tsx';
import { pathOf, type Route } from './router.ts';
import { useSession } from './session.ts';
import { SummaryPage } from './SummaryPage.tsx';
import { UnitsPage } from './UnitsPage.tsx';
import { UploadPage } from './UploadPage.tsx';

function page(route: Route, isAdmin: boolean) {
  switch (route.page) {
    case 'rounds':
      return <RoundsPage />;
    case 'new-round':
      return <NewRoundPage />;
    case 'round':
      return <RoundPage roundId={route.roundId} />;
    case 'results':
      return <ResultsPage roundId={route.roundId} />;
    case 'letter':
      return <LetterPage roundId={route.roundId} />;
    case 'report':
      return <ReportPage roundId={route.roundId} />;
    case 'summary':
      return <SummaryPage roundId={route.roundId} />;
    case 'units':
      return <UnitsPage />;
    case 'coordinators':
      return isAdmin ? <CoordinatorsPage /> : <NotFoundPage />;
    case 'municipality':
      return isAdmin ? <MunicipalityPage /> : <NotFoundPage />;
    case 'upload':
      return <UploadPage />;
    case 'media':
      return <MediaPage />;
    case 'password':
      return <PasswordPage />;
    case 'not-found':
      return <NotFoundPage />;
  }
}

export function Pages({ route }: { readonly route: Route }) {
  const { me } = useSession();
  // After an admin reset the password, choosing a new one comes before anything else.
  if (me.mustChangePassword) return <PasswordPage />;
  return <div key={pathOf(route)}>{page(route, me.isAdmin)}</div>;
}
