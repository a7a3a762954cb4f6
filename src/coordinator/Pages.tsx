/** Picks the page for the current route; each page mounts afresh on navigation, so its h1 takes the focus. */
import { CoordinatorsPage } from './accounts/CoordinatorsPage.tsx';
import { LetterPage } from './rounds/LetterPage.tsx';
import { MediaPage } from './media/MediaPage.tsx';
import { MunicipalityPage } from './municipality/MunicipalityPage.tsx';
import { NewRoundPage } from './rounds/NewRoundPage.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { PasswordPage } from './accounts/PasswordPage.tsx';
import { ReportPage } from './report/ReportPage.tsx';
import { ResultsPage } from './results/ResultsPage.tsx';
import { RoundPage } from './rounds/RoundPage.tsx';
import { RoundsPage } from './rounds/RoundsPage.tsx';
import { pathOf, type Route } from './router.ts';
import { useSession } from './session.ts';
import { SummaryPage } from './report/SummaryPage.tsx';
import { UnitsPage } from './municipality/UnitsPage.tsx';
import { UploadPage } from './upload/UploadPage.tsx';

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
