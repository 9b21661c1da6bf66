// Live device events end to end: deviceEvents and deviceStatusChanged over graphql-ws and SSE, on two instances
// sharing one database. Each guarantee of the issue has its test: only committed changes, every instance, resumable,
// in order, sessions end cleanly, authorization, shutdown; and the pending phone waiting on its watch token.
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { recordEvent } from '../src/events/events.js';
import { hashToken } from '../src/sessions/tokens.js';
import { graphql } from './gql/index.js';
import { ApproveDevice, BlockDevice, ForgetDevice, Logout, RegisterDevice, RenameDevice } from './operations.js';
import { databaseId, errorCode, type GraphQLClient, type GraphQLErrorShape } from './helpers/client.js';
import { approvedPhone, pendingPhone } from './helpers/devices.js';
import {
  cursorPosition,
  FeedProbe,
  feedListeners,
  sleep,
  SseSubscription,
  until,
  within,
  WsClient,
  type LiveSubscription,
} from './helpers/live.js';
import {
  createUser,
  newDevice,
  PASSWORD,
  signIn,
  startInstance,
  startServer,
  type Instance,
  type TestServer,
} from './helpers/server.js';
import type { App } from '../src/app.js';
import type { TypedDocumentString } from './gql/graphql.js';

const RealtimeLogin = graphql(`
  mutation RealtimeLogin($input: LoginInput!) {
    login(input: $input) {
      __typename
      ... on Session { token sessionDevice: device { id status } }
      ... on DevicePendingApproval { watchToken device { id status } }
      ... on Error { code message }
    }
  }
`);

const RealtimeEvents = graphql(`
  subscription RealtimeEvents($filter: EventFilter, $after: String) {
    deviceEvents(filter: $filter, after: $after) { id cursor kind deviceId detail }
  }
`);

/** As RealtimeEvents, with related rows each event loads (a replay that takes a while, as a dashboard's would). */
const RealtimeEventLog = graphql(`
  subscription RealtimeEventLog($after: String) {
    deviceEvents(after: $after) { id cursor kind deviceId detail device { id status } }
  }
`);

const RealtimeStatus = graphql(`
  subscription RealtimeStatus($deviceId: ID!) {
    deviceStatusChanged(deviceId: $deviceId) { id status statusChangedAt blockedReason }
  }
`);

const RealtimeDevices = graphql(`
  query RealtimeDevices {
    devices(first: 5) { totalCount }
  }
`);

const RealtimeWhoAmI = graphql(`
  query RealtimeWhoAmI {
    me { id }
  }
`);

type LiveEvent = { id: string; cursor: string; kind: string; deviceId?: string | null; detail?: string | null };

let server: TestServer;
/** A second instance on the same database. */
let other: Instance;
const probes = new Map<App, FeedProbe>();
/** Each instance's feed listeners with no subscription open (LiveSessions' own). */
const idle = new Map<App, number>();

const wsClients: WsClient[] = [];
const streams: LiveSubscription<unknown>[] = [];

beforeAll(async () => {
  server = await startServer();
  other = await startInstance(server);
  for (const app of [server.app, other.app]) {
    probes.set(app, new FeedProbe(app));
    idle.set(app, feedListeners(app));
  }
});

afterEach(async () => {
  for (const stream of streams.splice(0)) stream.unsubscribe();
  await Promise.all(wsClients.splice(0).map((c) => c.dispose()));
  // Every subscription a test opened has let go of its instance's feed once its client went away.
  for (const [app, count] of idle) await until(() => feedListeners(app) === count, `feed listeners back to ${count} (now ${feedListeners(app)})`);
});

afterAll(async () => {
  await other?.stop();
  await server?.stop();
});

function ws(url: string, token: string | null): WsClient {
  const client = new WsClient(url, token);
  wsClients.push(client);
  return client;
}

function sse<TResult, TVariables>(
  url: string,
  token: string | null,
  document: TypedDocumentString<TResult, TVariables>,
  ...variables: TVariables extends Record<string, never> ? [] : [TVariables]
): SseSubscription<TResult> {
  const stream = SseSubscription.open(url, token, document, ...variables);
  streams.push(stream);
  return stream;
}

/**
 * Call before subscribing: waits until the instance has read every event committed so far (so none of those can
 * still reach a new live subscriber), then `await ready(n)` waits until n more subscriptions follow its feed.
 */
async function readiness(app: App, probe = probes.get(app)!) {
  const position = await lastPosition();
  await until(() => app.feed.current >= position, 'the instance to read every committed event');
  return probe.readiness();
}

async function sql<T>(query: string, params: unknown[] = []): Promise<T[]> {
  return server.orm.em.getConnection().execute<T[]>(query, params);
}

/** The position of the last event committed so far, once every one of them is in the log (has its position). */
async function lastPosition(): Promise<bigint> {
  await until(async () => (await sql('select 1 from events where position is null')).length === 0, 'every committed event to have its position');
  const [row] = await sql<{ p: string }>('select coalesce(max(position), 0)::text as p from events');
  return BigInt(row?.p ?? 0);
}

const cursorOf = (position: bigint) => Buffer.from(position.toString(), 'utf8').toString('base64url');

/** The events of the log after `position`, in its order, as [event id, position] pairs. */
async function committedAfter(position: bigint, deviceIds?: string[]): Promise<[string, bigint][]> {
  const rows = await sql<{ event_id: string; event_position: string; device_id: string | null }>(
    `select id::text as event_id, position::text as event_position, device_id::text as device_id
       from events where position > ? order by position`,
    [position.toString()],
  );
  return rows.filter((r) => !deviceIds || (r.device_id && deviceIds.includes(r.device_id))).map((r) => [r.event_id, BigInt(r.event_position)]);
}

/** What a subscriber received, as [event id, position] pairs. */
const received = (events: LiveEvent[]): [string, bigint][] => events.map((e) => [databaseId(e.id), cursorPosition(e.cursor)]);

function expectStrictlyIncreasing(positions: bigint[]) {
  for (let i = 1; i < positions.length; i++) expect(positions[i]! > positions[i - 1]!, `position ${positions[i]} after ${positions[i - 1]}`).toBe(true);
}

/** Event values until one at or past `position`. */
async function eventsThrough(subscription: LiveSubscription<{ deviceEvents: LiveEvent }>, position: bigint): Promise<LiveEvent[]> {
  const values = await subscription.valuesUntil((v) => cursorPosition(v.deviceEvents.cursor) >= position);
  return values.map((v) => v.deviceEvents);
}

/** Drains whatever the subscription still pushes and returns how it ended. */
async function endOf(subscription: LiveSubscription<unknown>) {
  for (;;) {
    const item = await subscription.take(5_000, 'the subscription to end');
    if (item.kind !== 'next') return item;
  }
}

async function rename(client: GraphQLClient, id: string, name: string) {
  const { renameDevice } = await client.data(RenameDevice, { id, name });
  if (renameDevice.__typename !== 'Device') throw new Error(JSON.stringify(renameDevice));
}

/** A user signs in from a new device and is told to wait: the device and the watch token. */
async function waitingPhone(email?: string) {
  const user = email ? { email } : await createUser(server);
  const device = newDevice();
  const { login } = await server.client.data(RealtimeLogin, { input: { email: user.email, password: PASSWORD, device } });
  if (login.__typename !== 'DevicePendingApproval') throw new Error(`expected pending: ${JSON.stringify(login)}`);
  return { email: user.email, device, deviceId: login.device!.id, watchToken: login.watchToken };
}

/** One more approved device for the same user, with its own session. */
async function anotherApprovedDevice(email: string) {
  const phone = await waitingPhone(email);
  await (await server.admin()).data(ApproveDevice, { id: phone.deviceId });
  return { deviceId: phone.deviceId, token: await signIn(server.client, email, PASSWORD, phone.device) };
}

const missingDeviceId = () => Buffer.from(`Device:${randomUUID()}`, 'utf8').toString('base64');
const refusalOf = (errors: GraphQLErrorShape[]) => ({ message: errors[0]?.message, code: errors[0]?.extensions?.code });

describe('graphql-ws connections', () => {
  it('closes with 4403 at connect for a bad, a revoked or an expired token', async () => {
    const revoked = await signIn(server.client, 'admin@gatehouse.test', 'admin-password-123');
    await server.client.as(revoked).data(Logout);
    const expired = await approvedPhone(server);
    await sql("update sessions set expires_at = now() - interval '1 second' where token_hash = ?", [hashToken(expired.token)]);

    for (const token of ['not-a-token', revoked, expired.token]) {
      const client = ws(server.url, token);
      const subscription = client.subscribe(RealtimeEvents, { filter: null });
      expect(await client.closedWith()).toBe(4403);
      expect((await subscription.ended()).kind).toBe('error');
      expect(subscription.results).toEqual([]);
    }
  });
});

describe('a phone waiting for approval', () => {
  it('watches its device with the watch token over graphql-ws, is pushed APPROVED, then signs in', async () => {
    const phone = await waitingPhone();
    const ready = await readiness(server.app);
    const watcher = ws(server.url, phone.watchToken);
    const status = watcher.subscribe(RealtimeStatus, { deviceId: phone.deviceId });
    await ready();

    await (await server.admin()).data(ApproveDevice, { id: phone.deviceId });
    expect((await status.nextValue()).deviceStatusChanged).toMatchObject({ id: phone.deviceId, status: 'APPROVED' });

    const { login } = await server.client.data(RealtimeLogin, { input: { email: phone.email, password: PASSWORD, device: phone.device } });
    expect(login).toMatchObject({ __typename: 'Session', sessionDevice: { id: phone.deviceId, status: 'APPROVED' } });
    expect(watcher.closes).toEqual([]);
  });

  it('is told at once when the device was approved before it subscribed', async () => {
    const phone = await waitingPhone();
    await (await server.admin()).data(ApproveDevice, { id: phone.deviceId });
    const status = ws(server.url, phone.watchToken).subscribe(RealtimeStatus, { deviceId: phone.deviceId });
    expect((await status.nextValue()).deviceStatusChanged).toMatchObject({ id: phone.deviceId, status: 'APPROVED' });
  });

  it('over SSE with the watch token in the Authorization header: pushed BLOCKED, then the subscription completes', async () => {
    const phone = await waitingPhone();
    const ready = await readiness(server.app);
    const status = sse(server.url, phone.watchToken, RealtimeStatus, { deviceId: phone.deviceId });
    await ready();

    await (await server.admin()).data(BlockDevice, { id: phone.deviceId, reason: 'Not ours' });
    expect((await status.nextValue()).deviceStatusChanged).toMatchObject({ id: phone.deviceId, status: 'BLOCKED', blockedReason: 'Not ours' });
    expect(await status.ended()).toEqual({ kind: 'complete' });
  });

  it('when the device is forgotten, its watchers are pushed it a last time and their subscriptions complete', async () => {
    const phone = await waitingPhone();
    const admin = await server.admin();
    const [readyA, readyB] = await Promise.all([readiness(server.app), readiness(other.app)]);
    const byWatchToken = ws(server.url, phone.watchToken).subscribe(RealtimeStatus, { deviceId: phone.deviceId });
    const byAdmin = ws(other.url, await server.adminToken()).subscribe(RealtimeStatus, { deviceId: phone.deviceId });
    await readyA();
    await readyB();

    await admin.data(ForgetDevice, { id: phone.deviceId });
    for (const subscription of [byWatchToken, byAdmin]) {
      expect((await subscription.nextValue()).deviceStatusChanged).toMatchObject({ id: phone.deviceId, status: 'PENDING' });
      expect(await subscription.ended()).toEqual({ kind: 'complete' });
    }
  });
});

describe('(1) only committed changes are pushed', () => {
  it('never pushes the event of a rolled-back transaction, live or on replay', async () => {
    const phone = await approvedPhone(server, newDevice({ name: 'Before' }));
    const admin = await server.admin();
    const start = await lastPosition();
    const ready = await readiness(server.app);
    const liveEvents = ws(server.url, await server.adminToken()).subscribe(RealtimeEvents, { filter: null });
    await ready();

    const rolledBack = server.orm.em.fork().transactional(async (tx) => {
      recordEvent(
        tx,
        { actor: null, meta: { ip: null, userAgent: null } },
        { kind: 'DEVICE_RENAMED', device: { id: databaseId(phone.deviceId) }, detail: 'rolled back' },
      );
      await tx.flush();
      // Written and flushed, held open a moment: a feed that pushed before commit would push it now.
      await sleep(200);
      throw new Error('rollback');
    });
    await expect(rolledBack).rejects.toThrow('rollback');
    await rename(admin, phone.deviceId, 'After');

    const first = (await liveEvents.nextValue()).deviceEvents;
    expect(first).toMatchObject({ kind: 'DEVICE_RENAMED', deviceId: phone.deviceId, detail: 'was "Before"' });
    const replayed = ws(other.url, await server.adminToken()).subscribe(RealtimeEvents, { after: cursorOf(start) });
    expect((await replayed.nextValue()).deviceEvents).toEqual(first);
    expect(await server.count("select 1 from events where detail = 'rolled back'")).toBe(0);
    await liveEvents.expectQuiet(200);
  });
});

describe('(2) every instance sees every event', () => {
  it('a subscriber on one instance is pushed changes made through the other, both ways', async () => {
    const adminToken = await server.adminToken();
    const waiting = await pendingPhone(server);
    const [readyA, readyB] = await Promise.all([readiness(server.app), readiness(other.app)]);
    const arrivalsOnB = ws(other.url, adminToken).subscribe(RealtimeEvents, { filter: { kinds: ['DEVICE_REGISTERED'] } });
    const statusOnB = ws(other.url, adminToken).subscribe(RealtimeStatus, { deviceId: waiting.deviceId });
    const arrivalsOnA = ws(server.url, adminToken).subscribe(RealtimeEvents, { filter: { kinds: ['DEVICE_REGISTERED'] } });
    await readyB(2);
    await readyA(1);

    // Through instance A: a new device arrives, and the waiting one is approved.
    const arrivedViaA = await pendingPhone(server);
    await (await server.admin()).data(ApproveDevice, { id: waiting.deviceId });
    expect((await arrivalsOnB.nextValue()).deviceEvents).toMatchObject({ kind: 'DEVICE_REGISTERED', deviceId: arrivedViaA.deviceId });
    expect((await statusOnB.nextValue()).deviceStatusChanged).toMatchObject({ id: waiting.deviceId, status: 'APPROVED' });
    expect((await arrivalsOnA.nextValue()).deviceEvents).toMatchObject({ deviceId: arrivedViaA.deviceId });

    // Through instance B: a device registers with a session held on B.
    const phone = await approvedPhone(server);
    const { registerDevice } = await other.client.as(phone.token).data(RegisterDevice, { input: newDevice() });
    if (registerDevice.__typename !== 'Device') throw new Error(JSON.stringify(registerDevice));
    expect((await arrivalsOnA.nextValue()).deviceEvents).toMatchObject({ kind: 'DEVICE_REGISTERED', deviceId: phone.deviceId });
    expect((await arrivalsOnA.nextValue()).deviceEvents).toMatchObject({ kind: 'DEVICE_REGISTERED', deviceId: registerDevice.id });
  });

  it('a session ended through one instance closes its WebSockets on the other', async () => {
    const blocked = await approvedPhone(server);
    const loggedOut = await approvedPhone(server);
    const [readyA, readyB] = await Promise.all([readiness(server.app), readiness(other.app)]);
    const onB = ws(other.url, blocked.token);
    onB.subscribe(RealtimeEvents, { filter: null });
    const onA = ws(server.url, loggedOut.token);
    onA.subscribe(RealtimeEvents, { filter: null });
    await readyB();
    await readyA();

    await (await server.admin()).data(BlockDevice, { id: blocked.deviceId });
    expect(await onB.closedWith()).toBe(4403);
    await other.client.as(loggedOut.token).data(Logout);
    expect(await onA.closedWith()).toBe(4403);
  });
});

describe('(3) resumable', () => {
  it('after a disconnect, `after` replays every missed event in the log order, then goes on live: no gap, no duplicate', async () => {
    const adminToken = await server.adminToken();
    const adminA = await server.admin();
    const adminB = other.client.as(adminToken);
    const phoneA = await approvedPhone(server);
    const phoneB = await approvedPhone(server);
    const start = await lastPosition();

    // Connected: three events, then the subscriber goes away.
    const first = ws(server.url, adminToken);
    const before = first.subscribe(RealtimeEvents, { after: cursorOf(start) });
    for (let i = 0; i < 3; i++) await rename(adminA, phoneA.deviceId, `seen ${i}`);
    const seen: LiveEvent[] = [];
    for (let i = 0; i < 3; i++) seen.push((await before.nextValue()).deviceEvents);
    expect(received(seen)).toEqual(await committedAfter(start));
    await first.dispose();
    await first.closedWith();
    const resumeAt = seen.at(-1)!.cursor;

    // Missed while away: two replay batches (of 500), committed in one transaction, and one through the API.
    const system = { actor: null, meta: { ip: null, userAgent: null } };
    await server.orm.em.fork().transactional(async (tx) => {
      for (let i = 0; i < 990; i++) {
        recordEvent(tx, system, { kind: 'DEVICE_RENAMED', device: { id: databaseId(phoneA.deviceId) }, detail: `missed ${i}` });
      }
    });
    await rename(adminB, phoneB.deviceId, 'missed via B');

    // Both instances (and a direct writer) keep committing while the subscriber resumes on instance B, replays and
    // switches to live; they stop only once it is well past the switch.
    let writing = true;
    let writes = 0;
    const writer = async (write: (i: number) => Promise<unknown>) => {
      for (let i = 0; writing; i++) {
        await write(i);
        writes++;
      }
    };
    const writers = Promise.all([
      writer((i) => rename(adminA, phoneA.deviceId, `during ${i}`)),
      writer((i) => rename(adminB, phoneB.deviceId, `during ${i}`)),
      writer((i) =>
        server.orm.em.fork().transactional(async (tx) => {
          recordEvent(tx, system, { kind: 'DEVICE_RENAMED', device: { id: databaseId(phoneB.deviceId) }, detail: `direct ${i}` });
        }),
      ),
    ]);
    const ready = await readiness(other.app);
    await until(() => writes >= 3, 'the writers to be under way');
    const resumed = ws(other.url, adminToken).subscribe(RealtimeEventLog, { after: resumeAt });
    try {
      await ready();
      const switchedAt = other.app.feed.current;
      const pastSwitch = () => resumed.results.filter((r) => r.data && cursorPosition(r.data.deviceEvents.cursor) > switchedAt).length;
      await until(() => pastSwitch() >= 20, 'the resumed subscriber to go on live', 20_000);
    } finally {
      writing = false;
      await writers;
    }
    const end = await lastPosition();
    const events = await eventsThrough(resumed, end);
    const expected = await committedAfter(cursorPosition(resumeAt));
    expect(expected.length).toBeGreaterThan(990 + 1 + 20);
    expect(received(events)).toEqual(expected);
    await resumed.expectQuiet(100);
  });

  it('refuses a cursor that is not one as BAD_USER_INPUT', async () => {
    const subscription = ws(server.url, await server.adminToken()).subscribe(RealtimeEvents, { after: 'not a cursor' });
    expect(errorCode({ status: 200, errors: await subscription.refusal() })).toBe('BAD_USER_INPUT');
  });
});

describe('(4) in order', () => {
  it('events committed concurrently reach every subscriber in the one order of the log, an older transaction\'s first even when it commits last', async () => {
    const adminToken = await server.adminToken();
    const adminA = await server.admin();
    const adminB = other.client.as(adminToken);
    const phones = await Promise.all([approvedPhone(server), approvedPhone(server), approvedPhone(server)]);
    const start = await lastPosition();
    const [readyA, readyB] = await Promise.all([readiness(server.app), readiness(other.app)]);
    const onA = ws(server.url, adminToken).subscribe(RealtimeEvents, { filter: null });
    const onB = ws(other.url, adminToken).subscribe(RealtimeEvents, { filter: null });
    await readyA();
    await readyB();

    // A slow transaction inserts its event first and commits last.
    let inserted!: () => void;
    const insertedFirst = new Promise<void>((resolve) => (inserted = resolve));
    const slow = server.orm.em.fork().transactional(async (tx) => {
      recordEvent(tx, { actor: null, meta: { ip: null, userAgent: null } }, { kind: 'DEVICE_RENAMED', device: { id: databaseId(phones[0].deviceId) }, detail: 'slow' });
      await tx.flush();
      inserted();
      await sleep(400);
    });
    await insertedFirst;
    await Promise.all(
      phones.flatMap((phone, i) => [
        rename(adminA, phone.deviceId, `a${i}`).then(() => rename(adminA, phone.deviceId, `a${i}'`)),
        rename(adminB, phone.deviceId, `b${i}`),
      ]),
    );
    // Committed, and none of them in the log yet: they come after the slow transaction's event, still open.
    expect(await committedAfter(start)).toEqual([]);
    await slow;

    await until(async () => (await committedAfter(start)).length === 10, 'the ten events to be in the log');
    const expected = await committedAfter(start);
    // The slow event has the smallest id and the smallest position: its transaction is the oldest, though it
    // committed last, and the nine committed before it waited for it.
    const ids = expected.map(([id]) => BigInt(id));
    expect(ids[0]).toBe(ids.reduce((a, b) => (b < a ? b : a)));
    for (const subscription of [onA, onB]) {
      const events = await eventsThrough(subscription, expected.at(-1)![1]);
      expect(received(events)).toEqual(expected);
      expectStrictlyIncreasing(events.map((e) => cursorPosition(e.cursor)));
    }
  });
});

describe('(5) sessions end cleanly', () => {
  it("logout closes that session's WebSockets (4403) and completes its SSE subscriptions; the user's other session goes on", async () => {
    const phone = await approvedPhone(server);
    const second = await anotherApprovedDevice(phone.user.email);
    const ready = await readiness(server.app);
    const socket = ws(server.url, phone.token);
    const overWs = socket.subscribe(RealtimeEvents, { filter: null });
    const overSse = sse(server.url, phone.token, RealtimeEvents, { filter: null });
    const otherSession = ws(server.url, second.token);
    const stillLive = otherSession.subscribe(RealtimeEvents, { filter: null });
    await ready(3);

    await phone.client.data(Logout);
    expect(await socket.closedWith()).toBe(4403);
    expect((await endOf(overWs)).kind).toBe('error');
    expect(await endOf(overSse)).toEqual({ kind: 'complete' });

    await rename(await server.admin(), second.deviceId, 'still here');
    const events = await stillLive.valuesUntil((v) => v.deviceEvents.kind === 'DEVICE_RENAMED');
    expect(events.at(-1)?.deviceEvents).toMatchObject({ deviceId: second.deviceId });
    expect(otherSession.closes).toEqual([]);
  });

  it('a session that expires ends its subscriptions when it expires (WebSocket 4403, SSE complete)', async () => {
    const phone = await approvedPhone(server);
    await sql("update sessions set expires_at = now() + interval '2 seconds' where token_hash = ?", [hashToken(phone.token)]);
    const ready = await readiness(server.app);
    const socket = ws(server.url, phone.token);
    const overWs = socket.subscribe(RealtimeStatus, { deviceId: phone.deviceId });
    const overSse = sse(server.url, phone.token, RealtimeEvents, { filter: null });
    await ready(2);
    expect(socket.closes).toEqual([]);

    expect(await socket.closedWith(4_000)).toBe(4403);
    // Ended either way: completed (its own expiry timer fired first) or cut off with its socket.
    await endOf(overWs);
    expect(await endOf(overSse)).toEqual({ kind: 'complete' });
  });

  it('blocking the device a session is bound to ends its subscriptions at once', async () => {
    const phone = await approvedPhone(server);
    const ready = await readiness(server.app);
    const socket = ws(server.url, phone.token);
    const overWs = socket.subscribe(RealtimeEvents, { filter: null });
    const overSse = sse(server.url, phone.token, RealtimeEvents, { filter: null });
    await ready(2);

    await (await server.admin()).data(BlockDevice, { id: phone.deviceId });
    expect(await socket.closedWith()).toBe(4403);
    expect((await endOf(overWs)).kind).toBe('error');
    expect(await endOf(overSse)).toEqual({ kind: 'complete' });
  });

  it('forgetting the device a session is bound to ends its subscriptions at once', async () => {
    const phone = await approvedPhone(server);
    const ready = await readiness(server.app);
    const socket = ws(server.url, phone.token);
    const overWs = socket.subscribe(RealtimeEvents, { filter: null });
    const overSse = sse(server.url, phone.token, RealtimeEvents, { filter: null });
    await ready(2);

    await phone.client.data(ForgetDevice, { id: phone.deviceId });
    expect(await socket.closedWith()).toBe(4403);
    await endOf(overWs);
    expect(await endOf(overSse)).toEqual({ kind: 'complete' });
  });
});

describe('closing a subscription', () => {
  // A closing client's return() must not wait for the next matching event (src/events/subscriptions.ts stoppable).
  it('lets go of the event feed at once, without waiting for an event it would push', async () => {
    const phone = await pendingPhone(server);
    const ready = await readiness(server.app);
    const client = ws(server.url, await server.adminToken());
    client.subscribe(RealtimeStatus, { deviceId: phone.deviceId });
    await ready();
    const listening = feedListeners(server.app);

    await client.dispose();
    await client.closedWith();
    // Another event (not one this subscription would push) is committed and read meanwhile.
    await rename(await server.admin(), phone.deviceId, 'Irrelevant');
    await until(() => feedListeners(server.app) < listening, 'the closed subscription to let go', 2_000);
  });

  it("lets go at once over SSE too, for a user's filtered deviceEvents", async () => {
    const phone = await approvedPhone(server);
    const ready = await readiness(server.app);
    const stream = sse(server.url, phone.token, RealtimeEvents, { filter: { kinds: ['DEVICE_BLOCKED'] } });
    await ready();
    const listening = feedListeners(server.app);

    stream.unsubscribe();
    await rename(await server.admin(), phone.deviceId, 'Irrelevant');
    await until(() => feedListeners(server.app) < listening, 'the closed subscription to let go', 2_000);
  });
});

describe('(6) authorization', () => {
  it('anonymous callers get nothing: UNAUTHENTICATED over graphql-ws and SSE', async () => {
    const phone = await pendingPhone(server);
    const anonymous = ws(server.url, null);
    for (const subscription of [
      anonymous.subscribe(RealtimeEvents, { filter: null }),
      anonymous.subscribe(RealtimeStatus, { deviceId: phone.deviceId }),
      sse(server.url, null, RealtimeEvents, { filter: { kinds: ['DEVICE_REGISTERED'] } }),
      sse(server.url, null, RealtimeStatus, { deviceId: phone.deviceId }),
    ]) {
      const errors = await subscription.refusal();
      expect(errors[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expect(await subscription.ended()).toEqual({ kind: 'complete' });
      expect(subscription.results.every((r) => !r.data)).toBe(true);
    }
  });

  it("a user may not watch another user's device, refused exactly as a device that does not exist; their own they may", async () => {
    const phone = await approvedPhone(server);
    const stranger = await pendingPhone(server);
    const socket = ws(server.url, phone.token);
    const refusals: ReturnType<typeof refusalOf>[] = [];
    for (const deviceId of [stranger.deviceId, missingDeviceId(), phone.user.id]) {
      refusals.push(refusalOf(await socket.subscribe(RealtimeStatus, { deviceId }).refusal()));
    }
    refusals.push(refusalOf(await sse(server.url, phone.token, RealtimeStatus, { deviceId: stranger.deviceId }).refusal()));
    expect(refusals[0]).toEqual({ message: 'You may not watch this device', code: 'FORBIDDEN' });
    for (const refusal of refusals) expect(refusal).toEqual(refusals[0]);

    const { registerDevice } = await phone.client.data(RegisterDevice, { input: newDevice() });
    if (registerDevice.__typename !== 'Device') throw new Error(JSON.stringify(registerDevice));
    const ready = await readiness(server.app);
    const own = socket.subscribe(RealtimeStatus, { deviceId: registerDevice.id });
    await ready();
    await (await server.admin()).data(ApproveDevice, { id: registerDevice.id });
    expect((await own.nextValue()).deviceStatusChanged).toMatchObject({ id: registerDevice.id, status: 'APPROVED' });
  });

  it("a user's deviceEvents carry only the events of devices they own, including one registered while subscribed", async () => {
    const admin = await server.admin();
    const phone = await approvedPhone(server);
    const start = await lastPosition();
    const ready = await readiness(other.app);
    const mine = ws(server.url, phone.token).subscribe(RealtimeEvents, { after: cursorOf(start) });
    const liveOnly = ws(other.url, phone.token).subscribe(RealtimeEvents, { filter: null });
    await ready();

    const stranger = await pendingPhone(server);
    await rename(admin, stranger.deviceId, 'Not yours');
    await rename(admin, phone.deviceId, 'Yours');
    const { registerDevice } = await phone.client.data(RegisterDevice, { input: newDevice() });
    if (registerDevice.__typename !== 'Device') throw new Error(JSON.stringify(registerDevice));
    await (await server.admin()).data(BlockDevice, { id: stranger.deviceId });
    await admin.data(ApproveDevice, { id: registerDevice.id });
    const end = await lastPosition();

    const owned = [databaseId(phone.deviceId), databaseId(registerDevice.id)];
    const expected = await committedAfter(start, owned);
    expect(expected.length).toBe(3);
    for (const subscription of [mine, liveOnly]) {
      const events = (await subscription.valuesUntil((v) => v.deviceEvents.kind === 'DEVICE_APPROVED')).map((v) => v.deviceEvents);
      expect(received(events)).toEqual(expected);
      expect(events.map((e) => e.kind)).toEqual(['DEVICE_RENAMED', 'DEVICE_REGISTERED', 'DEVICE_APPROVED']);
      expect(cursorPosition(events.at(-1)!.cursor)).toBeLessThanOrEqual(end);
    }
    // The stranger's events were there to be left out.
    expect((await committedAfter(start)).length).toBeGreaterThan(expected.length + 3);
  });

  it("a watch token opens its own device's status and nothing else", async () => {
    const phone = await waitingPhone();
    const otherPhone = await pendingPhone(server);
    const socket = ws(server.url, phone.watchToken);

    expect(errorCode({ status: 200, errors: await socket.subscribe(RealtimeEvents, { filter: null }).refusal() })).toBe('UNAUTHENTICATED');
    const refusedOther = refusalOf(await socket.subscribe(RealtimeStatus, { deviceId: otherPhone.deviceId }).refusal());
    const refusedMissing = refusalOf(await socket.subscribe(RealtimeStatus, { deviceId: missingDeviceId() }).refusal());
    expect(refusedOther).toEqual({ message: 'You may not watch this device', code: 'FORBIDDEN' });
    expect(refusedMissing).toEqual(refusedOther);
    expect(errorCode({ status: 200, ...(await socket.execute(RealtimeDevices)) })).toBe('UNAUTHENTICATED');
    expect(errorCode({ status: 200, errors: await sse(server.url, phone.watchToken, RealtimeEvents, { filter: null }).refusal() })).toBe('UNAUTHENTICATED');

    const overHttp = server.client.as(phone.watchToken);
    expect(errorCode(await overHttp.request(RealtimeDevices))).toBe('UNAUTHENTICATED');
    expect((await overHttp.request(RealtimeWhoAmI)).data?.me).toBeNull();
    expect(errorCode(await overHttp.request(RenameDevice, { id: phone.deviceId, name: 'Mine now' }))).toBe('UNAUTHENTICATED');

    // The same socket still watches its own device.
    const ready = await readiness(server.app);
    const own = socket.subscribe(RealtimeStatus, { deviceId: phone.deviceId });
    await ready();
    await (await server.admin()).data(ApproveDevice, { id: phone.deviceId });
    expect((await own.nextValue()).deviceStatusChanged).toMatchObject({ id: phone.deviceId, status: 'APPROVED' });
    expect(socket.closes).toEqual([]);
  });
});

describe('GraphQL over SSE', () => {
  it("an admin's deviceEvents over SSE is pushed new devices as they register", async () => {
    const adminToken = await server.adminToken();
    const ready = await readiness(server.app);
    const arrivals = sse(server.url, adminToken, RealtimeEvents, { filter: { kinds: ['DEVICE_REGISTERED'] } });
    await ready();
    const first = await pendingPhone(server);
    const second = await pendingPhone(server, newDevice({}, 'ANDROID'));
    expect(arrivals.status).toBe(200);
    expect((await arrivals.nextValue()).deviceEvents).toMatchObject({ kind: 'DEVICE_REGISTERED', deviceId: first.deviceId, detail: 'IOS iPhone 16' });
    expect((await arrivals.nextValue()).deviceEvents).toMatchObject({ kind: 'DEVICE_REGISTERED', deviceId: second.deviceId });
  });
});

describe('(7) shutdown', () => {
  it('stopping an instance closes its WebSockets with 1001 and completes its SSE subscriptions', async () => {
    const doomed = await startInstance(server);
    const probe = new FeedProbe(doomed.app);
    try {
      const adminToken = await server.adminToken();
      const phone = await waitingPhone();
      const ready = await readiness(doomed.app, probe);
      const admin = new WsClient(doomed.url, adminToken);
      const watcher = new WsClient(doomed.url, phone.watchToken);
      wsClients.push(admin, watcher);
      const events = admin.subscribe(RealtimeEvents, { filter: null });
      watcher.subscribe(RealtimeStatus, { deviceId: phone.deviceId });
      const overSse = SseSubscription.open(doomed.url, adminToken, RealtimeEvents, { filter: null });
      streams.push(overSse);
      await ready(3);

      await within(doomed.stop(), 5_000, 'the instance to stop');
      expect(await admin.closedWith()).toBe(1001);
      expect(await watcher.closedWith()).toBe(1001);
      expect((await endOf(events)).kind).toBe('error');
      expect(await endOf(overSse)).toEqual({ kind: 'complete' });
    } finally {
      await doomed.stop();
    }
  });
});
