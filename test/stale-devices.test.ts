// Stale devices: the device policy's staleAfterDays / staleAction, applied by the maintenance job (every second
// here), through the real API and PostgreSQL. Devices are made old by moving their times back in SQL.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './gql/index.js';
import { sqlOf } from '../src/db/sql.js';
import { sweepStaleDevices } from '../src/devices/stale.js';
import { BlockDevice, DevicePolicy, Login } from './operations.js';
import { errorCode } from './helpers/client.js';
import { approvedPhone, pendingPhone } from './helpers/devices.js';
import { until, WsClient } from './helpers/live.js';
import { lockHolder } from './helpers/locks.js';
import { createUser, newDevice, PASSWORD, signIn, startInstance, startServer, type Instance, type TestServer } from './helpers/server.js';

const StalePolicy = graphql(`
  mutation StalePolicy($input: DevicePolicyInput!) {
    setDevicePolicy(input: $input) {
      __typename
      ... on DevicePolicy { staleAfterDays staleAction }
    }
  }
`);

const StaleDevices = graphql(`
  query StaleDevices($filter: DeviceFilter) {
    devices(filter: $filter, first: 100) { totalCount edges { node { id installationId stale status } } }
  }
`);

const StaleEvents = graphql(`
  query StaleEvents($deviceId: ID!) {
    events(filter: { deviceId: $deviceId }, first: 20) { edges { node { kind actor { id } bySystem fromStatus toStatus detail } } }
  }
`);

const StaleLive = graphql(`
  subscription StaleLive($filter: EventFilter) {
    deviceEvents(filter: $filter) { kind bySystem deviceId detail actor { id } }
  }
`);

const StaleApiKey = graphql(`
  mutation StaleApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) { __typename ... on ApiKeyCreated { secret } }
  }
`);

const INTERVAL_S = 1;
/** Devices ahead of the one changed during a sweep (a few milliseconds of locking). */
const AHEAD = 5_000;
let server: TestServer;
const instances: Instance[] = [];

beforeAll(async () => {
  server = await startServer({ MAINTENANCE_INTERVAL_S: String(INTERVAL_S) });
});
afterAll(async () => {
  await Promise.all(instances.map((i) => i.stop()));
  await server.stop();
});

async function sql(query: string, params: unknown[] = []) {
  return server.orm.em.getConnection().execute<Record<string, unknown>[]>(query, params);
}

/** Moves a device's registration and last use `days` back (null last use: never used). */
async function age(installationId: string, days: number, used = true) {
  await sql(
    `update devices set created_at = now() - ? * interval '1 day' - interval '1 hour',
       last_used_at = case when ? then now() - ? * interval '1 day' else null end where installation_id = ?`,
    [days + 1, used, days, installationId],
  );
}

/** The local id of a device by its installation id. */
async function idOf(installationId: string): Promise<string> {
  const [row] = await sql('select id from devices where installation_id = ?', [installationId]);
  return row!.id as string;
}

/**
 * Waits until a sweep has started and finished after this call: each run schedules the next, INTERVAL_S after it
 * ends, so a waiting run due later than (now + INTERVAL_S) was scheduled by a run that ended after now; the run
 * after that one started after now.
 */
async function sweepsDone() {
  for (let round = 0; round < 2; round++) {
    const [row] = await sql('select now() as t');
    await until(
      async () => (await server.count("select 1 from graphile_worker.jobs where key = 'maintenance' and run_at > ?::timestamptz + ? * interval '1 second'", [row!.t, INTERVAL_S])) > 0,
      'a maintenance run',
      15_000,
    );
  }
}

async function setPolicy(input: { staleAfterDays?: number | null; staleAction?: 'MARK' | 'BLOCK' | 'FORGET' }) {
  const admin = await server.admin();
  const { setDevicePolicy } = await admin.data(StalePolicy, { input });
  expect(setDevicePolicy.__typename).toBe('DevicePolicy');
}

const eventsOf = (id: string, kind: string) => server.count('select 1 from events where device_id = ? and kind = ?', [id, kind]);

describe('the stale policy', () => {
  it('is off by default and readable with the rest of the policy', async () => {
    const res = await server.client.request(
      graphql(`
        query StalePolicyRead { devicePolicy { staleAfterDays staleAction } }
      `),
    );
    expect(res.data?.devicePolicy).toEqual({ staleAfterDays: null, staleAction: 'MARK' });
  });

  it('off (null): an old device is left as it is', async () => {
    const phone = await approvedPhone(server);
    await age(phone.device.installationId, 400);
    await sweepsDone();
    const id = await idOf(phone.device.installationId);
    expect(await server.count('select 1 from devices where id = ? and not stale and status = ?', [id, 'APPROVED'])).toBe(1);
    expect(await server.count("select 1 from events where kind = 'DEVICE_MARKED_STALE'")).toBe(0);
    // Not left for later: turned on, the policy would mark it; forgotten here so that it is no other test's device.
    await sql('delete from devices where id = ?', [id]);
  });

  it.each([
    ['0 days', 0],
    ['a negative number', -5],
    ['more than ten years', 3651],
  ])('refuses %s with BAD_USER_INPUT, changing nothing and writing no event', async (_label, staleAfterDays) => {
    const admin = await server.admin();
    const events = await server.count('select 1 from events');
    const res = await admin.request(StalePolicy, { input: { staleAfterDays, staleAction: 'FORGET' } });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(res.errors)).toMatch(/staleAfterDays/);
    expect((await server.client.data(DevicePolicy)).devicePolicy).toBeTruthy();
    expect(await server.count('select 1 from device_policy where stale_after_days is null and stale_action = ?', ['MARK'])).toBe(1);
    expect(await server.count('select 1 from events')).toBe(events);
  });

  it('a USER and an API key cannot change it', async () => {
    const { client: userClient } = await approvedPhone(server);
    expect(errorCode(await userClient.request(StalePolicy, { input: { staleAfterDays: 30 } }))).toBe('FORBIDDEN');
    const admin = await server.admin();
    const { createApiKey } = await admin.data(StaleApiKey, { input: { name: 'stale', scopes: ['DEVICES_WRITE', 'DEVICES_READ'] } });
    if (createApiKey.__typename !== 'ApiKeyCreated') throw new Error(JSON.stringify(createApiKey));
    expect(errorCode(await server.client.as(createApiKey.secret).request(StalePolicy, { input: { staleAfterDays: 30 } }))).toBe('FORBIDDEN');
    expect(await server.count('select 1 from device_policy where stale_after_days is null')).toBe(1);
  });

  it('a change is a POLICY_CHANGED event naming the fields', async () => {
    const admin = await server.admin();
    const { setDevicePolicy } = await admin.data(StalePolicy, { input: { staleAfterDays: 3650, staleAction: 'BLOCK' } });
    expect(setDevicePolicy).toEqual({ __typename: 'DevicePolicy', staleAfterDays: 3650, staleAction: 'BLOCK' });
    expect(await server.count("select 1 from events where kind = 'POLICY_CHANGED' and detail = 'staleAfterDays: null -> 3650; staleAction: MARK -> BLOCK'")).toBe(1);
    await setPolicy({ staleAfterDays: null, staleAction: 'MARK' });
  });
});

describe('MARK', () => {
  it('marks only devices unused for staleAfterDays (never-used ones from their registration), each with a system event, pushed live', async () => {
    const admin = await server.admin();
    const live = new WsClient(server.url, await server.adminToken());
    const pushed = live.subscribe(StaleLive, { filter: { kinds: ['DEVICE_MARKED_STALE'] } });
    try {
      const old = await approvedPhone(server);
      const recent = await approvedPhone(server);
      const neverUsed = await pendingPhone(server);
      const youngPending = await pendingPhone(server);
      await age(old.device.installationId, 40);
      await age(recent.device.installationId, 10);
      await age(neverUsed.device.installationId, 31, false);
      await age(youngPending.device.installationId, 5, false);
      await setPolicy({ staleAfterDays: 30, staleAction: 'MARK' });

      const staleIds = [await idOf(old.device.installationId), await idOf(neverUsed.device.installationId)];
      await until(async () => (await server.count('select 1 from devices where stale')) === 2, 'two stale devices', 15_000);
      expect(await server.count('select 1 from devices where stale and id in (?, ?)', staleIds)).toBe(2);
      // Still there, status unchanged: MARK only marks.
      expect(await server.count("select 1 from devices where id = ? and status = 'APPROVED'", [staleIds[0]])).toBe(1);
      expect(await server.count("select 1 from devices where id = ? and status = 'PENDING'", [staleIds[1]])).toBe(1);

      const { events } = await admin.data(StaleEvents, { deviceId: old.deviceId });
      expect(events.edges.map((e) => e.node).filter((e) => e.kind === 'DEVICE_MARKED_STALE')).toEqual([
        { kind: 'DEVICE_MARKED_STALE', actor: null, bySystem: true, fromStatus: null, toStatus: null, detail: 'Not used for 30 days' },
      ]);
      for (const id of staleIds) expect(await eventsOf(id, 'DEVICE_MARKED_STALE')).toBe(1);

      const first = await pushed.take(10_000);
      const second = await pushed.take(10_000);
      const received = [first, second].map((item) => (item.kind === 'next' ? item.result.data?.deviceEvents : null));
      expect(received.map((e) => e?.deviceId).sort()).toEqual([old.deviceId, neverUsed.deviceId].sort());
      expect(received.every((e) => e?.bySystem === true && e.actor === null)).toBe(true);

      // The filter, both ways.
      const stale = await admin.data(StaleDevices, { filter: { stale: true } });
      expect(stale.devices.edges.map((e) => e.node.id).sort()).toEqual([old.deviceId, neverUsed.deviceId].sort());
      const fresh = await admin.data(StaleDevices, { filter: { stale: false } });
      expect(fresh.devices.edges.map((e) => e.node.id)).toEqual(expect.arrayContaining([recent.deviceId, youngPending.deviceId]));
      expect(fresh.devices.edges.some((e) => e.node.stale)).toBe(false);

      // A later sweep does not mark them again.
      await sweepsDone();
      for (const id of staleIds) expect(await eventsOf(id, 'DEVICE_MARKED_STALE')).toBe(1);
    } finally {
      await live.dispose();
    }
  });

  it('a stale device signed in from again is no longer stale, without an event of its own', async () => {
    const phone = await approvedPhone(server);
    await age(phone.device.installationId, 60);
    await until(async () => (await server.count('select 1 from devices where stale and installation_id = ?', [phone.device.installationId])) === 1, 'marked', 15_000);
    const events = await server.count('select 1 from events');
    await signIn(server.client, phone.user.email, PASSWORD, phone.device);
    expect(await server.count('select 1 from devices where not stale and installation_id = ?', [phone.device.installationId])).toBe(1);
    // One event: the sign-in.
    expect(await server.count('select 1 from events')).toBe(events + 1);
    await sweepsDone();
    expect(await server.count('select 1 from devices where not stale and installation_id = ?', [phone.device.installationId])).toBe(1);
  });

  it('two instances sweeping the same database: each stale device gets exactly one event', async () => {
    instances.push(await startInstance(server, { MAINTENANCE_INTERVAL_S: String(INTERVAL_S) }));
    instances.push(await startInstance(server, { MAINTENANCE_INTERVAL_S: String(INTERVAL_S) }));
    const owner = await createUser(server);
    // More than two batches' worth, so that a sweep takes a while.
    await sql(
      `insert into devices (id, installation_id, status, platform, owner_id, created_at, status_changed_at, version, has_push_token)
       select gen_random_uuid(), 'bulk-' || g, 'APPROVED', 'IOS', ?, now() - interval '90 days', now() - interval '90 days', 1, false
       from generate_series(1, 1200) g`,
      [(await sql('select id from users where email = ?', [owner.email]))[0]!.id],
    );
    await until(async () => (await server.count("select 1 from devices where installation_id like 'bulk-%' and not stale")) === 0, 'all marked', 30_000);
    await sweepsDone();
    expect(
      await server.count(
        `select d.id from devices d left join events e on e.device_id = d.id and e.kind = 'DEVICE_MARKED_STALE'
         where d.installation_id like 'bulk-%' group by d.id having count(e.id) <> 1`,
      ),
    ).toBe(0);
    expect(await server.count("select 1 from events e join devices d on d.id = e.device_id where d.installation_id like 'bulk-%'")).toBe(1200);
    await Promise.all(instances.splice(0).map((i) => i.stop()));
  });
});

describe('BLOCK', () => {
  it('blocks stale devices as blockDevice does: the usual error at sign-in, a system DEVICE_BLOCKED, sessions ended', async () => {
    const admin = await server.admin();
    const phone = await approvedPhone(server);
    const pending = await pendingPhone(server);
    const young = await approvedPhone(server);
    await age(phone.device.installationId, 100);
    await age(pending.device.installationId, 100, false);
    await setPolicy({ staleAfterDays: 90, staleAction: 'BLOCK' });
    await until(async () => (await server.count("select 1 from devices where status = 'BLOCKED' and id = ?", [await idOf(pending.device.installationId)])) === 1 &&
      (await server.count("select 1 from devices where status = 'BLOCKED' and id = ?", [await idOf(phone.device.installationId)])) === 1, 'both blocked', 15_000);

    const { events } = await admin.data(StaleEvents, { deviceId: phone.deviceId });
    expect(events.edges.map((e) => e.node).filter((e) => e.kind === 'DEVICE_BLOCKED')).toEqual([
      { kind: 'DEVICE_BLOCKED', actor: null, bySystem: true, fromStatus: 'APPROVED', toStatus: 'BLOCKED', detail: 'Not used for 90 days' },
    ]);
    const pendingId = await idOf(pending.device.installationId);
    expect(await server.count("select 1 from events where device_id = ? and kind = 'DEVICE_BLOCKED' and from_status = 'PENDING' and by_system", [pendingId])).toBe(1);
    expect(await server.count("select 1 from devices where id = ? and status_before_block = 'PENDING' and blocked_reason = 'Not used for 90 days' and stale", [pendingId])).toBe(1);
    // Its session is over, and it cannot sign in again.
    expect(errorCode(await phone.client.request(StaleDevices, { filter: null }))).toBe('UNAUTHENTICATED');
    const { login } = await server.client.data(Login, { input: { email: phone.user.email, password: PASSWORD, device: phone.device } });
    expect(login).toMatchObject({ __typename: 'DeviceBlocked', code: 'DEVICE_BLOCKED', message: 'This device has been blocked by a system administrator' });
    expect(await server.count("select 1 from devices where status = 'APPROVED' and installation_id = ?", [young.device.installationId])).toBe(1);
  });
});

describe('FORGET', () => {
  it('forgets stale devices with a system DEVICE_FORGOTTEN; a blocked one is only marked, so its block stays', async () => {
    const old = await approvedPhone(server);
    const blocked = await approvedPhone(server);
    const young = await approvedPhone(server, newDevice());
    const oldId = await idOf(old.device.installationId);
    const blockedId = await idOf(blocked.device.installationId);
    const admin = await server.admin();
    await admin.data(
      graphql(`
        mutation StaleBlock($id: ID!) { blockDevice(id: $id, reason: "lost") { __typename } }
      `),
      { id: blocked.deviceId },
    );
    await age(old.device.installationId, 200);
    await age(blocked.device.installationId, 200);
    await setPolicy({ staleAfterDays: 180, staleAction: 'FORGET' });
    await until(async () => (await server.count('select 1 from devices where id = ?', [oldId])) === 0, 'forgotten', 15_000);
    await until(async () => (await server.count('select 1 from devices where id = ? and stale', [blockedId])) === 1, 'marked', 15_000);

    expect(await server.count("select 1 from events where device_id = ? and kind = 'DEVICE_FORGOTTEN' and by_system and actor_id is null and from_status = 'APPROVED'", [oldId])).toBe(1);
    expect(await server.count('select 1 from sessions where device_id = ?', [oldId])).toBe(0);
    expect(await server.count("select 1 from devices where id = ? and status = 'BLOCKED' and blocked_reason = 'lost'", [blockedId])).toBe(1);
    expect(await eventsOf(blockedId, 'DEVICE_MARKED_STALE')).toBe(1);
    expect(await server.count('select 1 from devices where installation_id = ?', [young.device.installationId])).toBe(1);
    // The next sign-in from a forgotten device is a new device, waiting for approval.
    const { login } = await server.client.data(Login, { input: { email: old.user.email, password: PASSWORD, device: old.device } });
    expect(login.__typename).toBe('DevicePendingApproval');
  });
});

/** An administrator's unblock as one statement (the device and its event); `which` picks the row (warming up). */
const unblock = (id: string, which = "status = 'BLOCKED'") => `with u as (
    update devices set status = 'APPROVED', status_before_block = null, version = version + 1
    where id = '${id}' and ${which} returning id, owner_id
  ) insert into events (kind, at, device_id, user_id, from_status, to_status)
    select 'DEVICE_UNBLOCKED', now(), id, owner_id, 'BLOCKED', 'APPROVED' from u`;

/** `count` stale APPROVED copies of a device, used `daysAgo` days ago; their ids, least recently used first. */
async function staleCopies(id: string, count: number, daysAgo: number): Promise<string[]> {
  const rows = await sql(
    `with copies as (
       insert into devices select (jsonb_populate_record(null::devices, to_jsonb(d) || jsonb_build_object(
         'id', gen_random_uuid(), 'installation_id', 'copy-' || gen_random_uuid(), 'key_id', null, 'status', 'APPROVED',
         'stale', false, 'last_used_at', now() - ? * interval '1 day' - g * interval '1 second'))).*
       from devices d, generate_series(1, ?) g where d.id = ? returning id, last_used_at
     ) select id from copies order by last_used_at`,
    [daysAgo, count, id],
  );
  return rows.map((row) => row.id as string);
}

describe('a sweep and the devices it skips', () => {
  const policy = { staleAfterDays: 90, staleAction: 'BLOCK' as const };
  beforeAll(async () => {
    // The job's sweeps stay out of these: the sweeps here are called directly, with the policy given to them.
    await setPolicy({ staleAfterDays: null });
  });

  it('goes on past a device another transaction holds, and the next sweep takes it; one whose first candidates are all held stops', async () => {
    const phone = await approvedPhone(server);
    const copies = await staleCopies(await idOf(phone.device.installationId), 5, 400);
    const holder = await lockHolder(server);
    try {
      await holder.query('select id from devices where id = $1 for update', [copies[0]]);
      const swept = await sweepStaleDevices(sqlOf(server.orm), policy, { batchSize: 2 });
      expect(swept.batches).toBeGreaterThanOrEqual(3);
      expect(await server.count("select 1 from devices where id in (?) and stale and status = 'BLOCKED'", [copies.slice(1)])).toBe(4);
      expect(await server.count('select 1 from devices where id = ? and not stale', [copies[0]])).toBe(1);
    } finally {
      await holder.end();
    }
    await sweepStaleDevices(sqlOf(server.orm), policy, { batchSize: 2 });
    expect(await server.count("select 1 from devices where id = ? and stale and status = 'BLOCKED'", [copies[0]])).toBe(1);

    // The two first candidates held: the batch changes nothing, and the sweep ends there (no batch after batch
    // reading the same held devices).
    const more = await staleCopies(await idOf(phone.device.installationId), 3, 400);
    const both = await lockHolder(server);
    try {
      await both.query('select id from devices where id = any($1::uuid[]) for update', [more.slice(0, 2)]);
      expect(await sweepStaleDevices(sqlOf(server.orm), policy, { batchSize: 2 })).toMatchObject({ devices: 0, batches: 1 });
    } finally {
      await both.end();
    }
    expect(await sweepStaleDevices(sqlOf(server.orm), policy, { batchSize: 2 })).toMatchObject({ devices: 3 });
  });

  it('takes a device changed after its batch began only in a later batch: its events stay in the order of its changes', async () => {
    const admin = await server.admin();
    // The sweep must reach the device only after the change has taken it; should the sweep get there first on a
    // busy machine, the change (NOWAIT) does nothing and the scenario runs again with a new device.
    for (let attempt = 1; ; attempt++) {
      const phone = await approvedPhone(server);
      const id = await idOf(phone.device.installationId);
      await admin.data(BlockDevice, { id: phone.deviceId });
      // Stale copies ahead of it in the sweep's order (least recently used first), which the statement locks one by
      // one before it reaches the device: some milliseconds.
      await staleCopies(id, AHEAD, 200);
      await age(phone.device.installationId, 100);
      // The trigram indexes' pending entries merged now, not by the change below (which must be quick).
      await sql(`select gin_clean_pending_list(i.indexrelid::regclass) from pg_index i join pg_class c on c.oid = i.indexrelid
        join pg_am am on am.oid = c.relam where i.indrelid = 'devices'::regclass and am.amname = 'gin'`);

      // The change: the device unblocked (with its event) the moment the sweep's statement has its transaction id
      // (it has locked the first device ahead), by a statement already waiting for that on a connection of its own:
      // its transaction id is the later one, and it holds the device, then commits, before the sweep reaches it
      // (which the sweep took anyway before it re-checked versions, with an event logged before the unblock's).
      const change = new pg.Client({ connectionString: server.databaseUrl });
      await change.connect();
      let sweptFirst = false;
      try {
        // Its statement run once and rolled back: the tables' descriptions and the foreign keys' checks are loaded.
        await change.query('begin');
        await change.query(unblock(id, 'true'));
        await change.query('rollback');
        const changing = change
          .query(
            `do $$ declare started timestamptz := clock_timestamp(); begin
              loop
                perform pg_stat_clear_snapshot();
                exit when exists (select 1 from pg_stat_activity where datname = current_database()
                  and query like '%for update skip locked%' and backend_xid is not null and pid <> pg_backend_pid());
                if clock_timestamp() > started + interval '15 seconds' then raise exception 'no sweep seen'; end if;
              end loop;
              perform 1 from devices where id = '${id}' for update nowait;
              ${unblock(id)};
            end $$`,
          )
          .catch((error: unknown) => {
            if (error instanceof pg.DatabaseError && error.code === '55P03') sweptFirst = true;
            else throw error;
          });
        const sweeping = sweepStaleDevices(sqlOf(server.orm), policy, { batchSize: AHEAD + 1 });
        await changing;
        // The first batch left it; the next read it afresh and blocked it.
        if (!sweptFirst) expect(await sweeping).toMatchObject({ devices: AHEAD + 1, batches: 2 });
        else await sweeping;
      } finally {
        await change.end();
      }
      if (sweptFirst && attempt < 3) continue;
      expect(sweptFirst).toBe(false);
      expect(await server.count("select 1 from devices where id = ? and status = 'BLOCKED' and stale", [id])).toBe(1);

      // Blocked after its unblock, in the log as in fact.
      await until(async () => (await server.count('select 1 from events where device_id = ? and position is null', [id])) === 0, 'positions', 15_000);
      const changes = await sql('select from_status, to_status, by_system from events where device_id = ? and to_status is not null order by position', [id]);
      expect(changes.map((c) => `${String(c.from_status)}->${String(c.to_status)}${c.by_system ? ' (sweep)' : ''}`)).toEqual([
        'null->PENDING',
        'PENDING->APPROVED',
        'APPROVED->BLOCKED',
        'BLOCKED->APPROVED',
        'APPROVED->BLOCKED (sweep)',
      ]);
      return;
    }
  });
});
