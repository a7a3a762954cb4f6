/** The signed-in coordinator (name, admin flag, municipality), shared by every page. */
import { createContext, useContext } from 'react';
import type { Me } from '../shared/coordinatorApi.ts';

export interface Session {
  readonly me: Me;
  /** After the municipality's settings change, so every page shows the new values. */
  readonly update: (me: Me) => void;
  readonly signOut: () => Promise<void>;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in page');
  return session;
}
