/**
 * The page's one h1 and its <title>: the title names the page (and the
 * round, when there is one); focus moves to the heading when the page
 * opens, so a screen reader announces where the coordinator landed.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NS } from '../i18n.ts';

export interface PageHeadingProps {
  readonly children: ReactNode;
  /** The page's name in the browser tab, e.g. "Resultater: Høst 2026". */
  readonly title: string;
}

export function PageHeading({ children, title }: PageHeadingProps) {
  const { t } = useTranslation(NS);
  const ref = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    ref.current?.focus();
  }, []);

  useEffect(() => {
    document.title = `${title} – ${t('app.name')}`;
  }, [title, t]);

  return (
    <h1 ref={ref} tabIndex={-1}>
      {children}
    </h1>
  );
}
