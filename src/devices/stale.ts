// Stale devices: the sweep that applies the device policy's staleAfterDays / staleAction, in short batches.
//
// A device is stale when coalesce(last_used_at, created_at) is older than staleAfterDays: a device never signed in
// from counts from its registration, so a PENDING device nobody approved is stale as soon as a used one would be.
// Every action sets `stale` (so a device is handled once, and the partial index holds only candidates); BLOCK also
// blocks a device that is not blocked yet, FORGET forgets one that is not blocked (a blocked device is only marked:
// forgetting it would undo an administrator's block, and its next sign-in would be a new device). Each batch is one
// statement: it reads the first BATCH_SIZE candidates, locks them (SKIP LOCKED: a device being signed in from is left
// to a later batch or sweep; one changed since the statement began is read afresh by the next batch), changes them and
// writes their events (actor: the system), and commits.
import type { Sql } from '../db/sql.js';
import { eventInsert } from '../events/events.js';
import type { StaleAction } from '../policy/policy.entity.js';

export const BATCH_SIZE = 500;

const SYSTEM = { actor: null, meta: { ip: null, userAgent: null } };

export interface StalePolicy {
  staleAfterDays: number | null;
  staleAction: StaleAction;
}

export interface SweepResult {
  /** Devices marked, blocked or forgotten. */
  devices: number;
  batches: number;
  /** The longest batch statement (its transaction, and so the longest any device row stayed locked by the sweep). */
  longestBatchMs: number;
}

export interface SweepOptions {
  batchSize?: number;
  /** Asked between batches: true ends the sweep there (the next one goes on). */
  shouldStop?: () => boolean;
}

export async function stalePolicy(sql: Sql): Promise<StalePolicy> {
  const [row] = await sql.query<{ stale_after_days: number | null; stale_action: StaleAction }>(
    'select stale_after_days, stale_action from device_policy where id = 1',
  );
  return { staleAfterDays: row?.stale_after_days ?? null, staleAction: row?.stale_action ?? 'MARK' };
}

/** What a batch's statement returns: the devices it changed, and how many candidates it read. */
type BatchRow = {
  n: number;
  read: number;
};

/** One batch's statement for the action (see BatchRow). */
function batchStatement(action: StaleAction, days: number, cutoff: Date, limit: number): { text: string; values: unknown[] } {
  const values: unknown[] = [];
  const param = (value: unknown) => `$${values.push(value)}`;
  const now = new Date();
  const reason = `Not used for ${days} days`;
  const before = `${param(cutoff)}::timestamptz`;
  // The first candidates, least recently used first (from devices_stale_candidates_index), then locked one by one in
  // that order, each by its primary key. A row another transaction holds is skipped. So is one changed since this
  // statement began, as one signed in from meanwhile must be, and as the event log needs: every change of a device
  // bumps its version, and PostgreSQL re-checks a locked row's newest version, which then fails
  // `version = seen.version`. The log orders a device's events by their transactions' ids, and this statement's
  // transaction gets its id at its first lock, after its snapshot; a change that committed after the snapshot may
  // have the later id, and its event would then follow this one although its change came first
  // (docs/event-log.md). The next batch reads a changed device afresh; one held by another is read again by each
  // batch until it is free.
  const candidates = `seen as (
      select id, version from devices
      where not stale and coalesce(last_used_at, created_at) < ${before}
      order by coalesce(last_used_at, created_at) limit ${param(limit)}
    ), c as (
      select d.id, d.status from seen cross join lateral (
        select id, status from devices
        where id = seen.id and version = seen.version and not stale and coalesce(last_used_at, created_at) < ${before}
        for update skip locked
      ) d
    )`;
  const progress = '(select count(*) from seen)::int as read';
  const event = eventInsert(SYSTEM, { kind: 'DEVICE_MARKED_STALE', bySystem: true, detail: reason }, now, param, {
    kind: 'x.kind',
    deviceId: 'x.id',
    deviceName: 'x.name',
    userId: 'x.owner_id',
    fromStatus: 'x.from_status',
    toStatus: 'x.to_status',
  });
  // The batch's rows by primary key: a join alone is planned as a scan of every device (hash join), once per batch.
  const inBatch = 'devices.id = any(array(select id from c))';
  const insertEvents = (rows: string) => `e as (insert into events (${event.columns}) select ${event.values} from (${rows}) x)`;
  if (action === 'MARK') {
    return {
      values,
      text: `with ${candidates}, d as (
          update devices set stale = true, version = devices.version + 1 from c where ${inBatch} and devices.id = c.id
          returning devices.id, devices.name, devices.owner_id
        ), ${insertEvents(`select 'DEVICE_MARKED_STALE' as kind, id, name, owner_id, null::text as from_status, null::text as to_status from d`)}
        select (select count(*) from d)::int as n, ${progress}`,
    };
  }
  if (action === 'BLOCK') {
    const at = `${param(now)}::timestamptz`;
    // As blockDevice: the status it had is kept for unblock, the reason stored, its sessions ended.
    return {
      values,
      text: `with ${candidates}, d as (
          update devices set stale = true, version = devices.version + 1, status = 'BLOCKED',
            status_before_block = case when c.status = 'BLOCKED' then devices.status_before_block else c.status end,
            blocked_reason = case when c.status = 'BLOCKED' then devices.blocked_reason else ${param(reason)}::text end,
            status_changed_at = case when c.status = 'BLOCKED' then devices.status_changed_at else ${at} end,
            status_changed_by_id = case when c.status = 'BLOCKED' then devices.status_changed_by_id end
          from c where ${inBatch} and devices.id = c.id
          returning devices.id, devices.name, devices.owner_id, c.status as from_status
        ), s as (
          update sessions set revoked_at = ${at}
          where sessions.device_id = any(array(select id from d where from_status <> 'BLOCKED')) and sessions.revoked_at is null
        ), ${insertEvents(`
          select case when from_status = 'BLOCKED' then 'DEVICE_MARKED_STALE' else 'DEVICE_BLOCKED' end as kind, id, name, owner_id,
            case when from_status = 'BLOCKED' then null else from_status end as from_status,
            case when from_status = 'BLOCKED' then null else 'BLOCKED' end as to_status
          from d`)}
        select (select count(*) from d)::int as n, ${progress}`,
    };
  }
  // FORGET: as forgetDevice (sessions and user links go through ON DELETE CASCADE); a blocked device is marked.
  return {
    values,
    text: `with ${candidates}, m as (
        update devices set stale = true, version = devices.version + 1 from c where ${inBatch} and devices.id = c.id and c.status = 'BLOCKED'
        returning devices.id, devices.name, devices.owner_id
      ), f as (
        delete from devices using c where ${inBatch} and devices.id = c.id and c.status <> 'BLOCKED'
        returning devices.id, devices.name, devices.owner_id, devices.status
      ), ${insertEvents(`
        select 'DEVICE_FORGOTTEN' as kind, id, name, owner_id, status::text as from_status, null::text as to_status from f
        union all select 'DEVICE_MARKED_STALE', id, name, owner_id, null, null from m`)}
      select (select count(*) from f)::int + (select count(*) from m)::int as n, ${progress}`,
  };
}

/**
 * Applies the policy to every device stale when the sweep starts, batch by batch, until none is left (or
 * `shouldStop`). Safe to run on several instances at once (each device is handled once), though the maintenance
 * job runs one at a time.
 */
export async function sweepStaleDevices(sql: Sql, policy: StalePolicy, options: SweepOptions = {}): Promise<SweepResult> {
  const result: SweepResult = { devices: 0, batches: 0, longestBatchMs: 0 };
  const days = policy.staleAfterDays;
  if (days === null) return result;
  const limit = options.batchSize ?? BATCH_SIZE;
  const [row] = await sql.query<{ cutoff: Date }>(`select now() - $1::int * interval '1 day' as cutoff`, [days]);
  const cutoff = row!.cutoff;
  for (;;) {
    if (options.shouldStop?.()) break;
    const { text, values } = batchStatement(policy.staleAction, days, cutoff, limit);
    const started = performance.now();
    const [done] = await sql.query<BatchRow>(text, values);
    result.longestBatchMs = Math.max(result.longestBatchMs, performance.now() - started);
    result.batches++;
    result.devices += done?.n ?? 0;
    // Fewer candidates than a batch: none left but those skipped. A full batch that changed nothing: the first
    // candidates are all held by others (or changed under it). Either way the rest is the next sweep's.
    if (!done || done.read < limit || done.n === 0) break;
  }
  return result;
}
