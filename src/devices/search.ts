// Device search (`filter: { search }`, a case-insensitive substring of name, model, installation id or app name)
// that stays fast as the fleet grows: the trigram index is asked only for the term's rare trigrams.
//
// Why: a GIN trigram scan intersects the posting list of every trigram of the term, and the list of a trigram that
// most devices share (every installation id of one app starting "com.example.app-", every model "iPhone") holds a
// million entries at a million devices. Measured at 1M devices, `installation_id ilike '%install-4242%'` read 1,317
// index pages (26 ms warm, 140 cold) where `'%-4242%'` read 63 (1 ms) for the same 112 rows. So the index gets a
// weaker pattern with the frequent parts of the term replaced by `%` (every value containing the term matches it),
// and the exact term is checked on the few rows it returns. Which trigrams are frequent PostgreSQL's statistics say:
// an expression statistics object over the trigrams of the four columns (the migration creates it; ANALYZE, and so
// autovacuum, keeps its most common elements and their frequencies).
import type { Sql } from '../db/sql.js';
import { escapeLike } from '../users/users.js';

/** A trigram in more than this share of devices is left out of the index pattern. */
export const FREQUENT_TRIGRAM = 0.02;
/** How long the frequencies read from the statistics are used before they are read again. */
const REFRESH_MS = 10 * 60_000;

interface Frequencies {
  frequent: Set<string>;
  readAt: number;
}

const cache = new WeakMap<Sql, Frequencies>();
const loading = new WeakMap<Sql, Promise<Frequencies>>();

async function readFrequencies(sql: Sql): Promise<Frequencies> {
  const [row] = await sql.query<{ elems: string[] | null; freqs: number[] | null }>(
    `select most_common_elems::text::text[] as elems, most_common_elem_freqs as freqs
     from pg_stats_ext_exprs where statistics_name = 'devices_search_trgm_stats' and tablename = 'devices'`,
  );
  const frequent = new Set<string>();
  row?.elems?.forEach((trigram, i) => {
    if ((row.freqs?.[i] ?? 0) > FREQUENT_TRIGRAM) frequent.add(trigram);
  });
  return { frequent, readAt: Date.now() };
}

/** The frequent trigrams, read at most every REFRESH_MS; a stale set is used while a fresh one is read. */
async function frequentTrigrams(sql: Sql): Promise<Set<string>> {
  const cached = cache.get(sql);
  if (cached && Date.now() - cached.readAt < REFRESH_MS) return cached.frequent;
  let pending = loading.get(sql);
  if (!pending) {
    pending = readFrequencies(sql)
      .then((read) => (cache.set(sql, read), read))
      .finally(() => loading.delete(sql));
    loading.set(sql, pending);
  }
  if (cached) {
    // Statistics that cannot be read leave the search as it was (the whole term), never fail it.
    pending.catch(() => undefined);
    return cached.frequent;
  }
  return pending.then((read) => read.frequent, () => new Set());
}

const WORD = /[\p{L}\p{N}]/u;

/**
 * The LIKE pattern for the index: the term with every character that only frequent trigrams cover replaced by `%`.
 * Trigrams as pg_trgm takes them from a LIKE pattern: lower case, words of letters and digits, a word padded with two
 * spaces before and one after where the term shows its boundary (a separator next to it). Null when nothing is left
 * out (or nothing would be left in): the term itself then goes to the index.
 */
export function indexPattern(term: string, frequent: ReadonlySet<string>): string | null {
  const original = [...term];
  // Character by character, so positions stay those of the term.
  const chars = original.map((c) => c.toLowerCase());
  const kept = new Array<boolean>(chars.length).fill(false);
  for (let i = 0; i < chars.length; ) {
    if (!WORD.test(chars[i]!)) {
      i++;
      continue;
    }
    let end = i;
    while (end < chars.length && WORD.test(chars[end]!)) end++;
    // The padded word, each character with the position in the term it stands for (-1: none).
    const padded: [string, number][] = [];
    if (i > 0) padded.push([' ', -1], [' ', i - 1]);
    for (let j = i; j < end; j++) padded.push([chars[j]!, j]);
    if (end < chars.length) padded.push([' ', end]);
    for (let k = 0; k + 3 <= padded.length; k++) {
      const trigram = padded.slice(k, k + 3);
      if (frequent.has(trigram.map(([c]) => c).join(''))) continue;
      for (const [, p] of trigram) if (p >= 0) kept[p] = true;
    }
    i = end;
  }
  if (kept.every(Boolean) || !kept.some(Boolean)) return null;
  let pattern = '%';
  original.forEach((c, i) => {
    if (kept[i]) pattern += escapeLike(c);
    else if (!pattern.endsWith('%')) pattern += '%';
  });
  return pattern.endsWith('%') ? pattern : `${pattern}%`;
}

/** The pattern the trigram index gets for a search term (trimmed), or null for the term itself. */
export async function searchIndexPattern(sql: Sql, term: string): Promise<string | null> {
  return indexPattern(term, await frequentTrigrams(sql));
}
