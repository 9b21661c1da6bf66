// Scenario 8: the stale-device sweep (src/devices/stale.ts) over a large fleet: rows per second, the longest batch
// (the longest any device row stays locked by it), what pg_stat_activity sees of its transactions, and how long a
// concurrent single-device write (as a sign-in's) waits meanwhile.
import pg from 'pg';
import { createScratchDatabase, dropDatabase } from '../src/db/databases.js';
import { openDatabase } from '../src/db/orm.js';
import { sqlOf } from '../src/db/sql.js';
import { sweepStaleDevices, type SweepResult } from '../src/devices/stale.js';
import type { StaleAction } from '../src/policy/policy.entity.js';
import { withClient } from './seed.js';

export interface StaleBenchResult {
  devices: number;
  sweeps: Array<
    SweepResult & {
      action: StaleAction;
      staleAfterDays: number;
      seconds: number;
      rowsPerSec: number;
      /** The longest transaction of the sweep's statements pg_stat_activity showed (sampled every 20 ms). */
      longestSeenXactMs: number;
      /** A concurrent writer updating random devices (stale ones among them) one at a time. */
      writer: { writes: number; p50Ms: number; p99Ms: number; maxMs: number };
    }
  >;
}

/** `devices` devices over 10,000 users, last used 0-399 days ago (never used: a tenth, registered that long ago). */
async function seed(url: string, devices: number): Promise<void> {
  await withClient(url, async (c) => {
    await c.query(`insert into users (id, email, role, password_hash, created_at)
      select gen_random_uuid(), 'stale-' || g || '@example.com', 'USER', 'x', now() from generate_series(1, 10000) g`);
    await c.query('create temporary table owners as select row_number() over () as n, id from users');
    // In slices, so that no single statement holds a million rows' worth of index maintenance.
    for (let start = 0; start < devices; start += 100_000) {
      await c.query(
        `insert into devices (id, installation_id, name, status, platform, model, app_name, owner_id, created_at, last_used_at,
           status_changed_at, version, has_push_token)
         select gen_random_uuid(), 'stale-install-' || g, 'Phone ' || g, case when g % 10 = 0 then 'PENDING' else 'APPROVED' end,
           'IOS', 'iPhone 16', 'Field App', o.id, now() - ((g % 400) + 1) * interval '1 day',
           case when g % 10 = 0 then null else now() - (g % 400) * interval '1 day' end, now(), 1, false
         from generate_series($1::int, $2::int) g join owners o on o.n = 1 + g % 10000`,
        [start + 1, Math.min(start + 100_000, devices)],
      );
    }
    await c.query('analyze users, devices');
  });
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export async function runStaleBench(options: { serverUrl: string; devices: number; log: (text: string) => void }): Promise<StaleBenchResult> {
  const url = await createScratchDatabase(options.serverUrl, 'gatehouse_stale');
  try {
    const { orm } = await openDatabase(url);
    try {
      options.log(`   seeding ${options.devices} devices`);
      await seed(url, options.devices);
      const sql = sqlOf(orm);
      const result: StaleBenchResult = { devices: options.devices, sweeps: [] };
      // MARK the oldest, then BLOCK the next band (the marked ones are no candidates any more).
      for (const [action, staleAfterDays] of [['MARK', 180], ['BLOCK', 90]] as const) {
        const sampler = new pg.Client({ connectionString: url });
        const writer = new pg.Client({ connectionString: url });
        await sampler.connect();
        await writer.connect();
        const { rows: sample } = await writer.query<{ id: string }>('select id from devices where not stale order by random() limit 5000');
        let running = true;
        let longestSeenXactMs = 0;
        const sampling = (async () => {
          while (running) {
            const { rows } = await sampler.query<{ ms: number | null }>(
              `select max(extract(epoch from clock_timestamp() - xact_start) * 1000)::float8 as ms from pg_stat_activity
               where state = 'active' and query like '%for update skip locked%' and pid <> pg_backend_pid()`,
            );
            longestSeenXactMs = Math.max(longestSeenXactMs, rows[0]?.ms ?? 0);
            await new Promise((resolve) => setTimeout(resolve, 20));
          }
        })();
        const waits: number[] = [];
        const writing = (async () => {
          while (running) {
            const id = sample[Math.floor(Math.random() * sample.length)]!.id;
            const started = performance.now();
            await writer.query('update devices set version = version + 1 where id = $1', [id]);
            waits.push(performance.now() - started);
            await new Promise((resolve) => setTimeout(resolve, 5));
          }
        })();
        const started = performance.now();
        const swept = await sweepStaleDevices(sql, { staleAfterDays, staleAction: action });
        const seconds = (performance.now() - started) / 1000;
        running = false;
        await Promise.all([sampling, writing]);
        await sampler.end();
        await writer.end();
        waits.sort((a, b) => a - b);
        const round = (v: number) => Math.round(v * 10) / 10;
        const entry = {
          action,
          staleAfterDays,
          ...swept,
          longestBatchMs: round(swept.longestBatchMs),
          seconds: round(seconds),
          rowsPerSec: Math.round(swept.devices / seconds),
          longestSeenXactMs: round(longestSeenXactMs),
          writer: { writes: waits.length, p50Ms: round(percentile(waits, 50)), p99Ms: round(percentile(waits, 99)), maxMs: round(waits.at(-1) ?? 0) },
        };
        options.log(
          `   ${action} after ${staleAfterDays} days: ${entry.devices} devices in ${entry.seconds}s (${entry.rowsPerSec}/s), ${entry.batches} batches, ` +
            `longest batch ${entry.longestBatchMs} ms (seen: ${entry.longestSeenXactMs} ms); a concurrent write: p50 ${entry.writer.p50Ms} ms, p99 ${entry.writer.p99Ms} ms, max ${entry.writer.maxMs} ms`,
        );
        result.sweeps.push(entry);
      }
      return result;
    } finally {
      await orm.close();
    }
  } finally {
    await dropDatabase(url);
  }
}
