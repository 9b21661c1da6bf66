// The session token: in memory, and in sessionStorage so a reload keeps the tab signed in. Never in a URL.
import { useSyncExternalStore } from 'react';

const KEY = 'gatehouse.token';

let token: string | null = read();
/** Why the last session ended, shown on the sign-in page ("Your session has ended…"). */
let notice: string | null = null;
const listeners = new Set<() => void>();

function read(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

function emit() {
  for (const listener of listeners) listener();
}

export function getToken(): string | null {
  return token;
}

export function getNotice(): string | null {
  return notice;
}

export function signedIn(value: string) {
  token = value;
  notice = null;
  try {
    sessionStorage.setItem(KEY, value);
  } catch {
    // Storage refused (private mode): the token still lives in memory for this page.
  }
  emit();
}

/** Forgets the token; `why` is shown on the sign-in page. */
export function signedOut(why: string | null = null) {
  if (token === null && notice === why) return;
  token = null;
  notice = why;
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Nothing stored.
  }
  emit();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useToken(): string | null {
  return useSyncExternalStore(subscribe, getToken);
}

export function useNotice(): string | null {
  return useSyncExternalStore(subscribe, getNotice);
}
