// The device lifecycle through the API: registration at sign-in, approve, block, unblock, rename, forget.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ApproveDevice,
  BlockDevice,
  DeviceById,
  DeviceEvents,
  Events,
  ForgetDevice,
  Login,
  Me,
  RenameDevice,
  UnblockDevice,
} from './operations.js';
import { databaseId, errorCode } from './helpers/client.js';
import { approvedPhone, pendingPhone } from './helpers/devices.js';
import { createUser, newDevice, PASSWORD, signIn, startServer, type TestServer } from './helpers/server.js';

const PENDING_MESSAGE = 'This device has yet to be approved by a system administrator';
const BLOCKED_MESSAGE = 'This device has been blocked by a system administrator';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.stop();
});

describe('signing in from a new device while approval is required', () => {
  it('records the device as PENDING, owned by the user, and refuses with the exact message', async () => {
    const user = await createUser(server);
    const device = newDevice({ name: '  Work phone  ' });
    const { login } = await server.client.data(Login, { input: { email: user.email, password: PASSWORD, device } });
    expect(login.__typename).toBe('DevicePendingApproval');
    if (login.__typename !== 'DevicePendingApproval') return;
    expect(login.message).toBe(PENDING_MESSAGE);
    expect(login.code).toBe('DEVICE_PENDING_APPROVAL');
    expect(login.pendingDevice).toMatchObject({
      installationId: device.installationId,
      status: 'PENDING',
      platform: 'IOS',
      model: 'iPhone 16',
      name: 'Work phone',
      mobileAuth: 'NOT_ACTIVATED',
      owner: { email: user.email },
      lastUser: null,
      lastUsedAt: null,
    });
    const events = await (await server.admin()).data(Events, { filter: { deviceId: login.pendingDevice!.id } });
    expect(events.events.edges.map((e) => e.node.kind)).toEqual(['LOGIN_DENIED', 'DEVICE_REGISTERED']);
  });

  it('keeps refusing on the next attempts without creating another device', async () => {
    const phone = await pendingPhone(server);
    const again = await server.client.data(Login, { input: { email: phone.user.email, password: PASSWORD, device: phone.device } });
    expect(again.login).toMatchObject({ __typename: 'DevicePendingApproval', pendingDevice: { id: phone.deviceId } });
    expect(await server.count('select 1 from devices where installation_id = ?', [phone.device.installationId])).toBe(1);
  });
});

describe('approve', () => {
  it('lets the device sign in, binding the session to it and recording last user and last use', async () => {
    const phone = await pendingPhone(server);
    const admin = await server.admin();
    const { approveDevice } = await admin.data(ApproveDevice, { id: phone.deviceId });
    expect(approveDevice).toMatchObject({ __typename: 'Device', status: 'APPROVED', statusChangedBy: { email: 'admin@gatehouse.test' } });

    const { login } = await server.client.data(Login, { input: { email: phone.user.email, password: PASSWORD, device: phone.device } });
    expect(login.__typename).toBe('Session');
    if (login.__typename !== 'Session') return;
    expect(login.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(login.device).toMatchObject({ id: phone.deviceId, lastUser: { email: phone.user.email }, mobileAuth: 'ACTIVATED' });
    expect(login.device?.lastUsedAt).not.toBeNull();
    const me = await server.client.as(login.token).data(Me);
    expect(me.me).toMatchObject({ email: phone.user.email, deviceCount: 1 });
    expect(me.me?.lastLoginAt).not.toBeNull();
  });

  it("refreshes an approved device's details at each sign-in, links a new user of it, and records the sign-in", async () => {
    const phone = await approvedPhone(server, newDevice({ name: 'Shared tablet' }));
    const updated = { ...phone.device, osVersion: '19.1', model: 'iPhone 17', appVersion: '3.0.0', pushToken: 'push-token-1' };
    const { login } = await server.client.data(Login, { input: { email: phone.user.email, password: PASSWORD, device: updated } });
    expect(login).toMatchObject({
      __typename: 'Session',
      user: { email: phone.user.email },
      device: { id: phone.deviceId, osVersion: '19.1', model: 'iPhone 17', appVersion: '3.0.0', mobileAuth: 'PUSH_ENABLED' },
    });
    // Without a push token the device keeps the one it gave.
    const again = await server.client.data(Login, { input: { email: phone.user.email, password: PASSWORD, device: phone.device } });
    expect(again.login).toMatchObject({ device: { mobileAuth: 'PUSH_ENABLED', model: 'iPhone 16' } });

    const colleague = await createUser(server);
    const shared = await server.client.data(Login, { input: { email: colleague.email, password: PASSWORD, device: phone.device } });
    expect(shared.login).toMatchObject({ __typename: 'Session', user: { email: colleague.email }, device: { lastUser: { email: colleague.email } } });
    expect(await server.count('select 1 from device_users where device_id = ?', [databaseId(phone.deviceId)])).toBe(2);

    const admin = await server.admin();
    const events = await admin.data(Events, { filter: { deviceId: phone.deviceId, kinds: ['LOGIN_SUCCEEDED'] } });
    expect(events.events.edges.map((e) => [e.node.user?.email, e.node.deviceName])).toEqual([
      [colleague.email, 'Shared tablet'],
      [phone.user.email, 'Shared tablet'],
      [phone.user.email, 'Shared tablet'],
      [phone.user.email, 'Shared tablet'],
    ]);
  });

  it('is an InvalidTransition for a device that is not PENDING, and writes no event', async () => {
    const phone = await approvedPhone(server);
    const admin = await server.admin();
    const eventsBefore = await server.count('select 1 from events');
    const { approveDevice } = await admin.data(ApproveDevice, { id: phone.deviceId });
    expect(approveDevice).toMatchObject({
      __typename: 'InvalidTransition',
      code: 'INVALID_TRANSITION',
      action: 'approve',
      currentStatus: 'APPROVED',
    });
    expect(await server.count('select 1 from events')).toBe(eventsBefore);
  });
});

describe('block and unblock', () => {
  it('blocks an approved device, ends its sessions at once, and refuses its sign-ins with the exact message', async () => {
    const phone = await approvedPhone(server);
    expect((await phone.client.request(Me)).data?.me?.email).toBe(phone.user.email);

    const admin = await server.admin();
    const { blockDevice } = await admin.data(BlockDevice, { id: phone.deviceId, reason: ' Lost on the train ' });
    expect(blockDevice).toMatchObject({ __typename: 'Device', status: 'BLOCKED', blockedReason: 'Lost on the train' });

    // The session bound to the device is gone: the same token is now anonymous.
    expect((await phone.client.request(Me)).data?.me).toBeNull();
    const { login } = await server.client.data(Login, { input: { email: phone.user.email, password: PASSWORD, device: phone.device } });
    expect(login).toEqual({ __typename: 'DeviceBlocked', code: 'DEVICE_BLOCKED', message: BLOCKED_MESSAGE });
  });

  it('unblock returns a device to the status it had before the block', async () => {
    const admin = await server.admin();
    const approved = await approvedPhone(server);
    await admin.data(BlockDevice, { id: approved.deviceId });
    expect((await admin.data(UnblockDevice, { id: approved.deviceId })).unblockDevice).toMatchObject({
      status: 'APPROVED',
      blockedReason: null,
    });

    const pending = await pendingPhone(server);
    await admin.data(BlockDevice, { id: pending.deviceId });
    expect((await admin.data(UnblockDevice, { id: pending.deviceId })).unblockDevice).toMatchObject({ status: 'PENDING' });

    const events = await admin.data(DeviceEvents, { id: pending.deviceId });
    expect(events.device?.events.edges.map((e) => [e.node.kind, e.node.fromStatus, e.node.toStatus]).slice(0, 2)).toEqual([
      ['DEVICE_UNBLOCKED', 'BLOCKED', 'PENDING'],
      ['DEVICE_BLOCKED', 'PENDING', 'BLOCKED'],
    ]);
  });

  it('refuses to block a blocked device or unblock one that is not blocked', async () => {
    const admin = await server.admin();
    const phone = await pendingPhone(server);
    expect((await admin.data(UnblockDevice, { id: phone.deviceId })).unblockDevice).toMatchObject({
      __typename: 'InvalidTransition',
      message: 'Cannot unblock a device that is PENDING',
    });
    await admin.data(BlockDevice, { id: phone.deviceId });
    expect((await admin.data(BlockDevice, { id: phone.deviceId })).blockDevice).toMatchObject({ __typename: 'InvalidTransition' });
    expect((await admin.data(ApproveDevice, { id: phone.deviceId })).approveDevice).toMatchObject({ __typename: 'InvalidTransition' });
  });

  it('rejects a block reason that is too long, changing nothing', async () => {
    const admin = await server.admin();
    const phone = await pendingPhone(server);
    const res = await admin.request(BlockDevice, { id: phone.deviceId, reason: 'x'.repeat(501) });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect((await admin.data(DeviceById, { id: phone.deviceId })).device?.status).toBe('PENDING');
  });
});

describe('rename', () => {
  it('lets the owner name the device, trimmed, and records the old name', async () => {
    const phone = await approvedPhone(server);
    const { renameDevice } = await phone.client.data(RenameDevice, { id: phone.deviceId, name: '  Anna’s iPhone 📱 ' });
    expect(renameDevice).toMatchObject({ __typename: 'Device', name: 'Anna’s iPhone 📱' });
    const events = await (await server.admin()).data(DeviceEvents, { id: phone.deviceId });
    expect(events.device?.events.edges[0]?.node.kind).toBe('DEVICE_RENAMED');
    const renamed = (detail: string, name: string) =>
      server.count(
        "select 1 from events e join devices d on d.id = e.device_id where e.kind = 'DEVICE_RENAMED' and d.id = ? and e.detail = ? and e.device_name = ? and e.user_id = d.owner_id and e.actor_id = d.owner_id",
        [databaseId(phone.deviceId), detail, name],
      );
    expect(await renamed('was unnamed', 'Anna’s iPhone 📱')).toBe(1);
    // Renamed again (by an admin), then changed through the ORM: the version the rename moved on is the one it expects.
    const admin = await server.admin();
    const versionOf = async () => (await server.orm.em.getConnection().execute<{ version: number }[]>('select version from devices where id = ?', [databaseId(phone.deviceId)]))[0]!.version;
    const before = await versionOf();
    expect((await admin.data(RenameDevice, { id: phone.deviceId, name: 'Work phone' })).renameDevice).toMatchObject({ name: 'Work phone' });
    expect(await versionOf()).toBe(before + 1);
    expect(await server.count("select 1 from events where kind = 'DEVICE_RENAMED' and device_id = ? and detail = ? and actor_id <> user_id", [databaseId(phone.deviceId), 'was "Anna’s iPhone 📱"'])).toBe(1);
    expect((await admin.data(BlockDevice, { id: phone.deviceId })).blockDevice).toMatchObject({ status: 'BLOCKED' });
  });

  it.each([
    ['empty', '   '],
    ['too long', 'x'.repeat(65)],
    ['control characters', 'bad\u0007name'],
  ])('rejects a %s name with BAD_USER_INPUT and changes nothing', async (_label, name) => {
    const phone = await approvedPhone(server, newDevice({ name: 'Original' }));
    const res = await phone.client.request(RenameDevice, { id: phone.deviceId, name });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toContain('1 to 64 printable characters');
    const device = await (await server.admin()).data(DeviceById, { id: phone.deviceId });
    expect(device.device?.name).toBe('Original');
    expect(await server.count("select 1 from events where kind = 'DEVICE_RENAMED' and device_id = ?", [databaseId(phone.deviceId)])).toBe(0);
  });
});

describe('forget', () => {
  it('removes the device and its sessions, keeps its events, and the next sign-in is a new PENDING device', async () => {
    const phone = await approvedPhone(server, newDevice({ name: 'Old phone' }));
    const { forgetDevice } = await phone.client.data(ForgetDevice, { id: phone.deviceId });
    expect(forgetDevice).toEqual({ __typename: 'ForgottenDevice', id: phone.deviceId, name: 'Old phone' });

    expect((await phone.client.request(Me)).data?.me).toBeNull();
    const admin = await server.admin();
    expect((await admin.data(DeviceById, { id: phone.deviceId })).device).toBeNull();
    const events = await admin.data(Events, { filter: { deviceId: phone.deviceId } });
    expect(events.events.edges[0]?.node).toMatchObject({ kind: 'DEVICE_FORGOTTEN', device: null, deviceId: phone.deviceId, deviceName: 'Old phone' });
    expect(events.events.totalCount).toBeGreaterThanOrEqual(4);

    const { login } = await server.client.data(Login, { input: { email: phone.user.email, password: PASSWORD, device: phone.device } });
    expect(login.__typename).toBe('DevicePendingApproval');
    if (login.__typename === 'DevicePendingApproval') expect(login.pendingDevice!.id).not.toBe(phone.deviceId);
  });

  it('answers NotFound for a device that is already forgotten', async () => {
    const phone = await pendingPhone(server);
    const admin = await server.admin();
    await admin.data(ForgetDevice, { id: phone.deviceId });
    expect((await admin.data(ForgetDevice, { id: phone.deviceId })).forgetDevice).toMatchObject({ __typename: 'NotFound', code: 'NOT_FOUND' });
    expect((await admin.data(ApproveDevice, { id: phone.deviceId })).approveDevice).toMatchObject({ __typename: 'NotFound' });
  });
});

describe('shared devices', () => {
  it('lets another user sign in from an approved device, which becomes its last user and lists both users', async () => {
    const phone = await approvedPhone(server);
    const colleague = await createUser(server);
    const token = await signIn(server.client, colleague.email, PASSWORD, phone.device);
    const device = await server.client.as(token).data(DeviceById, { id: phone.deviceId });
    expect(device.device).toMatchObject({ owner: { email: phone.user.email }, lastUser: { email: colleague.email } });
    expect(device.device?.users.totalCount).toBe(2);
    expect(device.device?.users.edges.map((e) => e.node.email)).toEqual([colleague.email, phone.user.email]);
  });
});
