// Keyset pagination: opaque cursors and the page window a connection asks for.

export interface PageWindow {
  /** Decoded cursor values; after/before are exclusive bounds in the listing's order. */
  after?: string | undefined;
  before?: string | undefined;
  limit: number;
  /** True when paging backwards (`last`): fetch in reverse order. */
  inverted: boolean;
}

export function encodeCursor(parts: (string | number)[]): string {
  return Buffer.from(parts.join('|'), 'utf8').toString('base64url');
}

/** Returns null for a cursor that is not one of ours, so callers can report it as bad input. */
export function decodeCursor(cursor: string, arity: number): string[] | null {
  const parts = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  return parts.length === arity && parts.every((p) => p.length > 0) ? parts : null;
}

export class InvalidCursor extends Error {
  constructor() {
    super('Invalid cursor');
  }
}
