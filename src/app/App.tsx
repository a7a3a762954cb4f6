/**
 * The app shell: services for the whole app, the header, and the part for
 * this address — a relative's link (/p/<code>) or the tablet — inside a
 * boundary that says so when a part cannot be fetched or shown.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReadAloudContext } from '../survey/useReadAloud.ts';
import { registerServiceWorker } from './serviceWorker.ts';
import { ServicesContext } from '../survey/services.ts';
import { createBrowserServices } from './services.ts';
import { LoadFailureBoundary } from './LoadFailureBoundary.tsx';
import { TabletApp } from './TabletApp.tsx';
import { UpdatesContext } from '../survey/appUpdates.ts';

const RELATIVE_PATH = /^\/p\/([A-Za-z0-9-]{4,32})\/?$/;
const COORDINATOR_PATH = /^\/koordinator(\/|$)/;
const ABOUT_PATH = /^\/om\/?$/;

// Separate chunks: tablets and phones never download the coordinator pages, a
// tablet's first page does not wait for the relatives' flow or the about page.
const CoordinatorApp = lazy(() => import('../coordinator/CoordinatorApp.tsx'));
const RelativeApp = lazy(() => import('./RelativeApp.tsx').then((module) => ({ default: module.RelativeApp })));
const AboutPage = lazy(() => import('./AboutPage.tsx').then((module) => ({ default: module.AboutPage })));

export function App() {
  const { t } = useTranslation();
  const [services] = useState(createBrowserServices);
  const [updates] = useState(registerServiceWorker);
  const relativeCode = RELATIVE_PATH.exec(window.location.pathname)?.[1];
  const isCoordinator = COORDINATOR_PATH.test(window.location.pathname);

  useEffect(() => {
    if (isCoordinator) return;
    services.sync.start(window);
    return () => services.sync.stop();
  }, [services, isCoordinator]);

  if (isCoordinator) {
    return (
      <LoadFailureBoundary answersKept={false}>
        <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
          <CoordinatorApp />
        </Suspense>
      </LoadFailureBoundary>
    );
  }

  return (
    <ServicesContext value={services}>
      <UpdatesContext value={updates}>
        <ReadAloudContext value={services.readAloud}>
          <header className="app-header">
            <p className="app-name">{t('app.name')}</p>
          </header>
          <main id="main">
            <LoadFailureBoundary answersKept>
              <Suspense fallback={null}>
                {ABOUT_PATH.test(window.location.pathname) ? <AboutPage /> : relativeCode ? <RelativeApp code={relativeCode} /> : <TabletApp />}
              </Suspense>
            </LoadFailureBoundary>
          </main>
        </ReadAloudContext>
      </UpdatesContext>
    </ServicesContext>
  );
}
