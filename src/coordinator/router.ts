/**
 * The coordinator's addresses, all under /koordinator: parsing a path into
 * a route, building the path of a route, and moving between them with
 * history.pushState (no router dependency).
 */
import { useSyncExternalStore } from 'react';

export const BASE_PATH = '/koordinator';

export type RoundPage = 'round' | 'results' | 'letter' | 'report' | 'summary';

export type Route =
  | { readonly page: 'rounds' }
  | { readonly page: 'new-round' }
  | { readonly page: RoundPage; readonly roundId: number }
  | { readonly page: 'units' }
  | { readonly page: 'coordinators' }
  | { readonly page: 'municipality' }
  | { readonly page: 'upload' }
  | { readonly page: 'media' }
  | { readonly page: 'password' }
  | { readonly page: 'not-found' };

const ROUND_PAGES: Record<string, RoundPage> = {
  '': 'round',
  resultater: 'results',
  brev: 'letter',
  rapport: 'report',
  'dette-sa-dere': 'summary',
};
const ROUND_SEGMENT: Record<RoundPage, string> = { round: '', results: 'resultater', letter: 'brev', report: 'rapport', summary: 'dette-sa-dere' };
const SIMPLE_PAGES = { '': 'rounds', runder: 'rounds', 'runder/ny': 'new-round', enheter: 'units', koordinatorer: 'coordinators', kommune: 'municipality', opplasting: 'upload', lyd: 'media', passord: 'password' } as const;

export function parseRoute(pathname: string): Route {
  if (pathname !== BASE_PATH && !pathname.startsWith(`${BASE_PATH}/`)) return { page: 'not-found' };
  const rest = pathname.slice(BASE_PATH.length).replace(/^\/+|\/+$/g, '');
  if (rest in SIMPLE_PAGES) return { page: SIMPLE_PAGES[rest as keyof typeof SIMPLE_PAGES] };
  const round = /^runder\/(\d{1,9})(?:\/([a-z-]+))?$/.exec(rest);
  const page = round ? ROUND_PAGES[round[2] ?? ''] : undefined;
  if (round && page) return { page, roundId: Number(round[1]) };
  return { page: 'not-found' };
}

export function pathOf(route: Route): string {
  switch (route.page) {
    case 'rounds':
      return `${BASE_PATH}/runder`;
    case 'new-round':
      return `${BASE_PATH}/runder/ny`;
    case 'units':
      return `${BASE_PATH}/enheter`;
    case 'coordinators':
      return `${BASE_PATH}/koordinatorer`;
    case 'municipality':
      return `${BASE_PATH}/kommune`;
    case 'upload':
      return `${BASE_PATH}/opplasting`;
    case 'media':
      return `${BASE_PATH}/lyd`;
    case 'password':
      return `${BASE_PATH}/passord`;
    case 'not-found':
      return BASE_PATH;
    default: {
      const segment = ROUND_SEGMENT[route.page];
      return `${BASE_PATH}/runder/${route.roundId}${segment ? `/${segment}` : ''}`;
    }
  }
}

const NAVIGATE_EVENT = 'coordinator-navigate';

export function navigate(path: string): void {
  if (path === window.location.pathname) return;
  window.history.pushState(null, '', path);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

/** The current path; re-renders on navigate() and on the browser's back and forward buttons. */
export function usePathname(): string {
  return useSyncExternalStore(subscribe, () => window.location.pathname);
}
