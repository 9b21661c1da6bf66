// Roles: what a SUPPORT user may read and change, setUserRole (its event, the last admin), and a role change taking
// effect on the user's very next request and live connection. The full who-may-call-what is test/authorization.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './gql/index.js';
import {
  ApproveDevice,
  BlockDevice,
  DeviceEvents,
  Devices,
  Events,
  ForgetDevice,
  Me,
  RenameDevice,
  SetDevicePolicy,
  UnblockDevice,
  Users,
  UserView,
} from './operations.js';
import { databaseId, errorCode, type GraphQLClient } from './helpers/client.js';
import { approvedPhone, pendingPhone } from './helpers/devices.js';
import { WsClient } from './helpers/live.js';
import { ADMIN_EMAIL, createUser, newDevice, PASSWORD, signIn, startServer, type TestServer } from './helpers/server.js';

const SetUserRole = graphql(`
  mutation SetUserRole($userId: ID!, $role: Role!) {
    setUserRole(userId: $userId, role: $role) {
      __typename
      ... on User { id role }
      ... on Error { code message }
    }
  }
`);

const RolesEvents = graphql(`
  subscription RolesEvents($filter: EventFilter) {
    deviceEvents(filter: $filter) { kind deviceId user { id } }
  }
`);

const RolesCreateKey = graphql(`
  mutation RolesCreateKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) { __typename ... on ApiKeyCreated { secret } }
  }
`);

let server: TestServer;
let admin: GraphQLClient;
let support: { id: string; email: string; client: GraphQLClient; token: string };

const events = () => server.count('select 1 from events');
const roleEvents = (userId: string) =>
  server.count("select 1 from events where kind = 'USER_ROLE_CHANGED' and user_id = ?", [databaseId(userId)]);

beforeAll(async () => {
  server = await startServer();
  admin = await server.admin();
  const account = await createUser(server, 'SUPPORT');
  const token = await signIn(server.client, account.email, PASSWORD);
  support = { ...account, token, client: server.client.as(token) };
});

afterAll(async () => {
  await server?.stop();
});

describe('a SUPPORT user', () => {
  it('signs in without a device and reads every user, device and event, a user page and a device history', async () => {
    const phone = await approvedPhone(server);
    const { users } = await support.client.data(Users, { filter: { email: phone.user.email } });
    expect(users.edges.map((e) => e.node.id)).toEqual([phone.user.id]);
    const { devices } = await support.client.data(Devices, { first: 100 });
    expect(devices.totalCount).toBe(await server.count('select 1 from devices'));
    const { events: log } = await support.client.data(Events, { first: 1 });
    expect(log.totalCount).toBe(await events());
    const { user } = await support.client.data(UserView, { id: phone.user.id, first: 10 });
    expect(user).toMatchObject({ id: phone.user.id, devices: { totalCount: 1 } });
    expect(user!.events.totalCount).toBeGreaterThan(0);
    const { device } = await support.client.data(DeviceEvents, { id: phone.deviceId });
    expect(device!.events.edges.map((e) => e.node.kind)).toContain('DEVICE_APPROVED');
  });

  it("subscribes to every device's events, as an admin does", async () => {
    const ws = new WsClient(server.url, support.token);
    try {
      const live = ws.subscribe(RolesEvents, { filter: { kinds: ['DEVICE_REGISTERED'] } });
      // The subscription is listening once a query over the same socket has answered.
      await ws.execute(Me);
      const phone = await pendingPhone(server);
      expect((await live.nextValue()).deviceEvents).toMatchObject({ kind: 'DEVICE_REGISTERED', deviceId: phone.deviceId, user: { id: phone.user.id } });
    } finally {
      await ws.dispose();
    }
  });

  it("renames and forgets another user's device, each with its event naming support as the actor", async () => {
    const phone = await approvedPhone(server);
    const { renameDevice } = await support.client.data(RenameDevice, { id: phone.deviceId, name: 'Lost iPhone' });
    expect(renameDevice).toMatchObject({ __typename: 'Device', name: 'Lost iPhone' });
    const { forgetDevice } = await support.client.data(ForgetDevice, { id: phone.deviceId });
    expect(forgetDevice).toMatchObject({ __typename: 'ForgottenDevice', id: phone.deviceId });
    expect(await server.count('select 1 from devices where id = ?', [databaseId(phone.deviceId)])).toBe(0);
    expect(
      await server.count("select 1 from events where kind in ('DEVICE_RENAMED', 'DEVICE_FORGOTTEN') and device_id = ? and actor_id = ?", [
        databaseId(phone.deviceId),
        databaseId(support.id),
      ]),
    ).toBe(2);
    // The device's sessions went with it.
    expect((await phone.client.request(Me)).data?.me).toBeNull();
  });

  it('is FORBIDDEN to approve, block, unblock, set the policy or roles, and writes nothing', async () => {
    const pending = await pendingPhone(server);
    const blocked = await pendingPhone(server);
    await admin.data(BlockDevice, { id: blocked.deviceId });
    const before = await events();
    const refused = await Promise.all([
      support.client.request(ApproveDevice, { id: pending.deviceId }),
      support.client.request(BlockDevice, { id: pending.deviceId }),
      support.client.request(UnblockDevice, { id: blocked.deviceId }),
      support.client.request(SetDevicePolicy, { input: { approvalMode: 'AUTOMATIC' } }),
      support.client.request(SetUserRole, { userId: support.id, role: 'ADMIN' }),
      support.client.request(RolesCreateKey, { input: { name: 'mine', scopes: ['DEVICES_WRITE'] } }),
    ]);
    expect(refused.map(errorCode)).toEqual(refused.map(() => 'FORBIDDEN'));
    expect(await events()).toBe(before);
    expect(await server.count("select 1 from devices where id = ? and status = 'PENDING'", [databaseId(pending.deviceId)])).toBe(1);
    expect(await server.count("select 1 from users where id = ? and role = 'SUPPORT'", [databaseId(support.id)])).toBe(1);
  });
});

describe('a SUPPORT user signing in', () => {
  it('gets a dashboard session without a device, as an admin does; a USER does not', async () => {
    expect(await signIn(server.client, support.email, PASSWORD)).toBeTruthy();
    const user = await createUser(server);
    await expect(signIn(server.client, user.email, PASSWORD)).rejects.toThrow(/DEVICE_REQUIRED|DeviceRequired/);
    await expect(signIn(server.client, user.email, PASSWORD, newDevice())).rejects.toThrow(/DevicePendingApproval/);
  });
});

describe('setUserRole', () => {
  it('promotes a USER to SUPPORT: one USER_ROLE_CHANGED event, and their phone session reads the fleet at once', async () => {
    const phone = await approvedPhone(server);
    expect(errorCode(await phone.client.request(Users, { first: 1 }))).toBe('FORBIDDEN');
    const { setUserRole } = await admin.data(SetUserRole, { userId: phone.user.id, role: 'SUPPORT' });
    expect(setUserRole).toEqual({ __typename: 'User', id: phone.user.id, role: 'SUPPORT' });
    const { events: log } = await admin.data(Events, { filter: { userId: phone.user.id, kinds: ['USER_ROLE_CHANGED'] } });
    expect(log.edges.map((e) => [e.node.kind, e.node.detail, e.node.actor?.email])).toEqual([['USER_ROLE_CHANGED', 'USER -> SUPPORT', ADMIN_EMAIL]]);
    // The same session, no new sign-in.
    const { users } = await phone.client.data(Users, { first: 1 });
    expect(users.totalCount).toBeGreaterThan(1);
  });

  it('changes nothing and writes no event for the same role, an unknown user, or the last admin', async () => {
    const user = await createUser(server);
    const before = await events();
    expect((await admin.data(SetUserRole, { userId: user.id, role: 'USER' })).setUserRole).toMatchObject({ role: 'USER' });
    const missing = Buffer.from('User:00000000-0000-4000-8000-000000000000').toString('base64');
    expect((await admin.data(SetUserRole, { userId: missing, role: 'ADMIN' })).setUserRole).toMatchObject({ __typename: 'NotFound' });
    const me = (await admin.data(Me)).me!;
    const { setUserRole } = await admin.data(SetUserRole, { userId: me.id, role: 'SUPPORT' });
    expect(setUserRole).toMatchObject({ __typename: 'LastAdmin', code: 'LAST_ADMIN' });
    expect(await events()).toBe(before);
    expect(await server.count("select 1 from users where role = 'ADMIN'")).toBe(1);
  });

  it("ends a demoted admin's powers at once: their next request is refused, their live connection closes, their API keys stop", async () => {
    const other = await createUser(server, 'ADMIN');
    const token = await signIn(server.client, other.email, PASSWORD);
    const client = server.client.as(token);
    const { createApiKey } = await client.data(RolesCreateKey, { input: { name: 'theirs', scopes: ['DEVICES_READ'] } });
    if (createApiKey.__typename !== 'ApiKeyCreated') throw new Error(JSON.stringify(createApiKey));
    const keyClient = server.client.as(createApiKey.secret);
    expect((await keyClient.request(Users, { first: 1 })).errors).toBeUndefined();
    const ws = new WsClient(server.url, token);
    try {
      ws.subscribe(RolesEvents, { filter: null });
      await ws.execute(Me);
      const { setUserRole } = await admin.data(SetUserRole, { userId: other.id, role: 'SUPPORT' });
      expect(setUserRole).toMatchObject({ role: 'SUPPORT' });
      expect(await roleEvents(other.id)).toBe(1);
      expect(await ws.closedWith()).toBe(4403);
    } finally {
      await ws.dispose();
    }
    const pending = await pendingPhone(server);
    expect(errorCode(await client.request(ApproveDevice, { id: pending.deviceId }))).toBe('FORBIDDEN');
    // Still SUPPORT: reads as before.
    expect((await client.request(Users, { first: 1 })).errors).toBeUndefined();
    expect(errorCode(await keyClient.request(Users, { first: 1 }))).toBe('UNAUTHENTICATED');
  });

  it('made a USER, a SUPPORT account loses its console session (bound to no device); its phone sessions go on', async () => {
    const phone = await approvedPhone(server);
    await admin.data(SetUserRole, { userId: phone.user.id, role: 'SUPPORT' });
    const dashboard = server.client.as(await signIn(server.client, phone.user.email, PASSWORD));
    expect((await dashboard.data(Me)).me?.id).toBe(phone.user.id);
    const { setUserRole } = await admin.data(SetUserRole, { userId: phone.user.id, role: 'USER' });
    expect(setUserRole).toMatchObject({ role: 'USER' });
    expect((await dashboard.request(Me)).data?.me).toBeNull();
    expect((await phone.client.data(Me)).me?.id).toBe(phone.user.id);
  });

  it('serialises demotions: of two admins demoted at once, exactly one is, and one admin remains', async () => {
    const other = await createUser(server, 'ADMIN');
    const me = (await admin.data(Me)).me!;
    expect(await server.count("select 1 from users where role = 'ADMIN'")).toBe(2);
    const results = await Promise.all([
      admin.data(SetUserRole, { userId: other.id, role: 'USER' }),
      admin.data(SetUserRole, { userId: me.id, role: 'SUPPORT' }),
    ]);
    const kinds = results.map((r) => r.setUserRole.__typename).sort();
    expect(kinds).toEqual(['LastAdmin', 'User']);
    expect(await server.count("select 1 from users where role = 'ADMIN'")).toBe(1);
    expect(await server.count("select 1 from events where kind = 'USER_ROLE_CHANGED' and user_id in (?, ?)", [databaseId(other.id), databaseId(me.id)])).toBe(1);
  });
});
