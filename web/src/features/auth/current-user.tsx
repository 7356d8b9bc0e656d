import { createContext, useContext } from 'react';
import type { MeResponse } from '../../../../src/contracts/auth';
import type { Action } from '../../../../src/domain/auth/permissions';

export const CurrentUserContext = createContext<MeResponse | null>(null);

/** The signed-in account (only inside the authenticated shell). */
export function useCurrentUser(): MeResponse {
  const me = useContext(CurrentUserContext);
  if (!me) throw new Error('useCurrentUser must be used inside the application shell');
  return me;
}

/** True when the account may take the action somewhere in its scope. */
export function useCan(action: Action): boolean {
  return useCurrentUser().actions.includes(action);
}
