// Subscribers share the execution of an event by audience: every admin gets the one execution of an event for an
// operation and its variables, SUPPORT users another, each other user their own, and nothing of one audience's result reaches another's.
// The count of executions is read from /metrics (METRICS on), as an operator would.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './gql/index.js';
import { RegisterDevice, RenameDevice } from './operations.js';
import type { SharedEventViewSubscription } from './gql/graphql.js';
import type { GraphQLErrorShape } from './helpers/client.js';
import { approvedPhone } from './helpers/devices.js';
import { FeedProbe, feedCaughtUp, SseSubscription, WsClient, type LiveSubscription } from './helpers/live.js';
import { sampleValue } from './helpers/prometheus.js';
import { ADMIN_EMAIL, createUser, scrape, newDevice, PASSWORD, signIn, startServer, type TestServer } from './helpers/server.js';

const SharedEventView = graphql(`
  subscription SharedEventView($first: Int) {
    deviceEvents(filter: { kinds: [DEVICE_RENAMED] }) {
      id
      deviceName
      user { email devices(first: $first) { totalCount edges { node { id } } } }
      actor { email devices(first: 5) { totalCount } }
    }
  }
`);

let server: TestServer;
let probe: FeedProbe;
const clients: WsClient[] = [];
const streams: LiveSubscription<unknown>[] = [];

beforeAll(async () => {
  server = await startServer({}, { metrics: true });
  probe = new FeedProbe(server.app);
});

afterEach(async () => {
  for (const stream of streams.splice(0)) stream.unsubscribe();
  await Promise.all(clients.splice(0).map((c) => c.dispose()));
});

afterAll(async () => {
  await server?.stop();
});

async function executions() {
  const metrics = await scrape(server);
  const mode = (name: string) => sampleValue(metrics, 'gatehouse_subscription_event_executions_total', { mode: name });
  return { executed: mode('executed'), shared: mode('shared') };
}

/** Waits until the instance has read every committed event, so none of those reaches the new subscribers. */
const caughtUp = () => feedCaughtUp(server);

function subscribe(token: string, first: number): LiveSubscription<SharedEventViewSubscription> {
  const client = new WsClient(server.url, token);
  clients.push(client);
  return client.subscribe(SharedEventView, { first });
}

const codes = (errors: GraphQLErrorShape[] | undefined) => (errors ?? []).map((e) => ({ path: e.path, code: e.extensions?.code }));

describe('one execution of an event per audience', () => {
  it('admins share one result per operation and variables; each user gets their own, and only their own events', async () => {
    const adminToken = await server.adminToken();
    const secondAdmin = await createUser(server, 'ADMIN');
    const secondAdminToken = await signIn(server.client, secondAdmin.email, PASSWORD);
    const alice = await approvedPhone(server);
    const bob = await approvedPhone(server);
    // Alice has two devices, so `first` changes what her user's devices look like.
    const { registerDevice } = await alice.client.data(RegisterDevice, { input: newDevice() });
    if (registerDevice.__typename !== 'Device') throw new Error(JSON.stringify(registerDevice));
    await caughtUp();

    const ready = probe.readiness();
    const admins = [subscribe(adminToken, 2), subscribe(secondAdminToken, 2)];
    const adminOverSse = SseSubscription.open(server.url, adminToken, SharedEventView, { first: 2 });
    streams.push(adminOverSse);
    const adminFirstOne = subscribe(secondAdminToken, 1);
    const alices = [subscribe(alice.token, 2), subscribe(alice.token, 2)];
    const bobs = subscribe(bob.token, 2);
    await ready(7);
    const before = await executions();

    const admin = await server.admin();
    await admin.data(RenameDevice, { id: alice.deviceId, name: 'Alice renamed' });
    await admin.data(RenameDevice, { id: bob.deviceId, name: 'Bob renamed' });

    // What an admin sees: both events in full, the acting admin's devices included.
    for (const subscription of [...admins, adminOverSse]) {
      const [first, second] = [await subscription.nextValue(), await subscription.nextValue()];
      expect(first.deviceEvents).toMatchObject({
        deviceName: 'Alice renamed',
        user: { email: alice.user.email, devices: { totalCount: 2 } },
        actor: { email: ADMIN_EMAIL, devices: { totalCount: 0 } },
      });
      expect(first.deviceEvents.user?.devices.edges).toHaveLength(2);
      expect(second.deviceEvents).toMatchObject({ deviceName: 'Bob renamed', user: { email: bob.user.email, devices: { totalCount: 1 } } });
    }
    // Other variables, another execution: the same event with one device listed.
    const firstOne = await adminFirstOne.nextValue();
    expect(firstOne.deviceEvents).toMatchObject({ deviceName: 'Alice renamed', user: { devices: { totalCount: 2 } } });
    expect(firstOne.deviceEvents.user?.devices.edges).toHaveLength(1);
    await adminFirstOne.nextValue();

    // What a user sees: only their own device's event, and not the acting admin's devices (FORBIDDEN there), as
    // for each of them alone.
    for (const [subscription, owner, name] of [
      [alices[0]!, alice, 'Alice renamed'],
      [alices[1]!, alice, 'Alice renamed'],
      [bobs, bob, 'Bob renamed'],
    ] as const) {
      const result = await subscription.nextResult();
      expect(result.data?.deviceEvents).toMatchObject({
        deviceName: name,
        user: { email: owner.user.email, devices: { totalCount: owner === alice ? 2 : 1 } },
        actor: null,
      });
      expect(codes(result.errors)).toEqual([{ path: ['deviceEvents', 'actor', 'devices'], code: 'FORBIDDEN' }]);
    }
    for (const subscription of [...alices, bobs]) await subscription.expectQuiet(100);

    // Alice's event: the three admins with first: 2 (one execution, two answered from it), the admin with first: 1,
    // and Alice's two subscriptions (one, and one answered from it): 3 executions, 3 shared. Bob's: the same
    // admins, and Bob: 3 executions, 2 shared.
    const after = await executions();
    expect({ executed: after.executed - before.executed, shared: after.shared - before.shared }).toEqual({ executed: 6, shared: 5 });
  });
});

describe('SUPPORT users', () => {
  it('are one audience of their own: they share one execution, and read what admins read', async () => {
    const staff = await Promise.all([createUser(server, 'SUPPORT'), createUser(server, 'SUPPORT')]);
    const tokens = await Promise.all(staff.map((s) => signIn(server.client, s.email, PASSWORD)));
    const carol = await approvedPhone(server);
    await caughtUp();

    const ready = probe.readiness();
    const subscriptions = [subscribe(tokens[0]!, 2), subscribe(tokens[1]!, 2), subscribe(await server.adminToken(), 2)];
    await ready(3);
    const before = await executions();
    const admin = await server.admin();
    await admin.data(RenameDevice, { id: carol.deviceId, name: 'Carol renamed' });

    for (const subscription of subscriptions) {
      expect((await subscription.nextValue()).deviceEvents).toMatchObject({
        deviceName: 'Carol renamed',
        user: { email: carol.user.email, devices: { totalCount: 1 } },
        actor: { email: ADMIN_EMAIL, devices: { totalCount: 0 } },
      });
    }
    // One execution for the two SUPPORT users (one answered from it), one for the admin.
    const after = await executions();
    expect({ executed: after.executed - before.executed, shared: after.shared - before.shared }).toEqual({ executed: 2, shared: 1 });
  });
});

const MaskedEventView = graphql(`
  subscription MaskedEventView {
    deviceEvents(filter: { kinds: [USER_CREATED] }) { kind user { email displayName } }
  }
`);

const MaskedStatusView = graphql(`
  subscription MaskedStatusView($deviceId: ID!) {
    deviceStatusChanged(deviceId: $deviceId) { id status }
  }
`);

/** Runs `work` with a column renamed, so that reading it fails inside the server as an unexpected error would. */
async function withColumnRenamed(table: string, column: string, work: () => Promise<void>): Promise<void> {
  const execute = (sql: string) => server.orm.em.getConnection().execute(sql);
  await execute(`alter table ${table} rename column ${column} to ${column}_gone`);
  try {
    await work();
  } finally {
    await execute(`alter table ${table} rename column ${column}_gone to ${column}`);
  }
}

describe('errors in subscriptions', () => {
  it('are masked in a shared execution, once for all its subscribers, over graphql-ws and SSE', async () => {
    const adminToken = await server.adminToken();
    const someone = await createUser(server);
    await caughtUp();
    const ready = probe.readiness();
    const overWs = [new WsClient(server.url, adminToken), new WsClient(server.url, adminToken)].map((client) => {
      clients.push(client);
      return client.subscribe(MaskedEventView);
    });
    const overSse = SseSubscription.open(server.url, adminToken, MaskedEventView);
    streams.push(overSse);
    await ready(3);
    const before = await executions();
    // The event is committed as another instance would commit it: its user cannot be read now.
    await withColumnRenamed('users', 'display_name', async () => {
      await server.orm.em
        .getConnection()
        .execute(`insert into events (kind, at, user_id) select 'USER_CREATED', now(), id from users where email = '${someone.email}'`);
      for (const subscription of [...overWs, overSse]) {
        const result = await subscription.nextResult();
        expect(result.data?.deviceEvents).toEqual({ kind: 'USER_CREATED', user: null });
        expect(result.errors?.map((e) => e.message)).toEqual(['Unexpected error.']);
        expect(JSON.stringify(result)).not.toContain('display_name');
      }
    });
    const after = await executions();
    expect(after.executed - before.executed).toBe(1);
  });

  it('are masked when the stream itself fails', async () => {
    const adminToken = await server.adminToken();
    const phone = await approvedPhone(server);
    await withColumnRenamed('devices', 'model', async () => {
      const client = new WsClient(server.url, adminToken);
      clients.push(client);
      const errors = await client.subscribe(MaskedStatusView, { deviceId: phone.deviceId }).refusal();
      expect(errors.map((e) => e.message)).toEqual(['Unexpected error.']);
      expect(JSON.stringify(errors)).not.toContain('model');
    });
  });
});
