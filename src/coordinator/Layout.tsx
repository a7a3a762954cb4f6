/**
 * The frame of every coordinator page: a skip link, the header (banner)
 * with the menu, language switch and sign-out, and the main landmark.
 * Nothing of the frame is printed.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NS } from './i18n.ts';
import { LanguageSwitch } from './ui/LanguageSwitch.tsx';

export interface LayoutProps {
  readonly children: ReactNode;
  /** The menu and sign-out button, when someone is signed in. */
  readonly navigation?: ReactNode;
}

export function Layout({ children, navigation }: LayoutProps) {
  const { t } = useTranslation(NS);
  return (
    <div className="coordinator">
      <a className="skip-link" href="#main">
        {t('layout.skipLink')}
      </a>
      <header className="coord-header">
        <p className="coord-name">{t('app.name')}</p>
        {navigation}
        <LanguageSwitch />
      </header>
      <main id="main" tabIndex={-1} className="coord-main">
        {children}
      </main>
    </div>
  );
}
