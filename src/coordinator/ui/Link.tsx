/** An ordinary link that moves within the coordinator pages without a reload; modified clicks still open a new tab. */
import type { MouseEvent, ReactNode } from 'react';
import { navigate, pathOf, type Route } from '../router.ts';

export interface LinkProps {
  readonly to: Route;
  readonly children: ReactNode;
  readonly className?: string;
  /** "page" for the page itself; "true" for the menu item of a page below it (a round's results under "rounds"). */
  readonly current?: 'page' | 'true' | undefined;
}

export function Link({ to, children, className, current }: LinkProps) {
  const href = pathOf(to);
  function onClick(event: MouseEvent<HTMLAnchorElement>) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
  }
  return (
    <a href={href} onClick={onClick} className={className} aria-current={current}>
      {children}
    </a>
  );
}
