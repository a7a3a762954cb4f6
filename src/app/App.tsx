/** The app shell: the header and the page for the current step. */
import { useTranslation } from 'react-i18next';
import { TabletSetup } from './TabletSetup.tsx';

export function App() {
  const { t } = useTranslation();
  return (
    <>
      <header className="app-header">
        <p className="app-name">{t('app.name')}</p>
      </header>
      <main id="main">
        <TabletSetup />
      </main>
    </>
  );
}
