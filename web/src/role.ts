// What the signed-in account may do in the console: ADMIN everything, SUPPORT reads everything and renames and
// forgets devices (the server enforces the same; the console only hides what would be refused).
import { createContext, useContext } from 'react';

export interface Powers {
  /** Approve, block and unblock devices (one or many). */
  lifecycle: boolean;
  /** Settings: API keys, webhooks, alert emails. */
  settings: boolean;
}

export const ADMIN_POWERS: Powers = { lifecycle: true, settings: true };
export const SUPPORT_POWERS: Powers = { lifecycle: false, settings: false };

/** The roles that may use the console, and what each may do there. */
export function powersOf(role: string | null | undefined): Powers | null {
  if (role === 'ADMIN') return ADMIN_POWERS;
  if (role === 'SUPPORT') return SUPPORT_POWERS;
  return null;
}

export const PowersContext = createContext<Powers>(ADMIN_POWERS);

export function usePowers(): Powers {
  return useContext(PowersContext);
}

export function roleName(role: string): string {
  return role === 'ADMIN' ? 'Administrator' : role === 'SUPPORT' ? 'Support' : 'User';
}
