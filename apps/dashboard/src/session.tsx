import { createContext, useContext } from 'react';
import type { ApiClient } from './api/client';
import type { Identity } from './api/types';
import { can, type Action } from './auth/permissions';

export interface Session {
  client: ApiClient;
  identity: Identity;
  can: (action: Action) => boolean;
  signOut: () => void;
}

export const SessionContext = createContext<Session | undefined>(undefined);

export function makeSession(client: ApiClient, identity: Identity, signOut: () => void): Session {
  return { client, identity, signOut, can: (action) => can(identity.roles, action) };
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() outside a signed-in dashboard');
  return session;
}
