// Relay connections over the domain's keyset listings: opaque cursors, `first` capped at 100, a lazy totalCount.
import { resolveCursorConnection, type DefaultConnectionArguments, type PageInfoShape } from '@pothos/plugin-relay';
import { InvalidCursor, type PageWindow } from '../db/keyset.js';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

function decode(cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  const raw = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!raw || Buffer.from(raw, 'utf8').toString('base64url') !== cursor) throw new InvalidCursor();
  return raw;
}

export interface KeysetConnection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfoShape;
  totalCount: () => Promise<number>;
}

export async function keysetConnection<T>(
  args: DefaultConnectionArguments,
  listing: {
    toCursor: (item: T) => string;
    fetch: (window: PageWindow) => Promise<T[]>;
    count: () => Promise<number>;
  },
): Promise<KeysetConnection<T>> {
  const page = await resolveCursorConnection(
    {
      args,
      toCursor: (item) => Buffer.from(listing.toCursor(item as T), 'utf8').toString('base64url'),
      defaultSize: DEFAULT_PAGE_SIZE,
      maxSize: MAX_PAGE_SIZE,
    },
    ({ before, after, limit, inverted }) => listing.fetch({ after: decode(after), before: decode(before), limit, inverted }),
  );
  // Only null when the fetch returns null, which ours never do.
  if (!page) throw new Error('keyset listing returned no page');
  let total: Promise<number> | undefined;
  return {
    edges: page.edges.filter((edge) => edge !== null) as KeysetConnection<T>['edges'],
    pageInfo: page.pageInfo,
    totalCount: () => (total ??= listing.count()),
  };
}
