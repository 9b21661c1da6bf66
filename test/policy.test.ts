// The device policy through the API: approval mode, device limit (also under concurrency), sign-up switch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DevicePolicy, Login, RegisterDevice, SetDevicePolicy, SignUp } from './operations.js';
import { errorCode } from './helpers/client.js';
import { approvedPhone } from './helpers/devices.js';
import { createUser, newDevice, PASSWORD, startServer, type TestServer } from './helpers/server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ DEVICE_APPROVAL: 'required', ALLOW_SIGNUP: 'true' });
});
afterAll(async () => {
  await server.stop();
});

describe('devicePolicy', () => {
  it('starts from the environment and is readable without a session', async () => {
    expect((await server.client.data(DevicePolicy)).devicePolicy).toEqual({
      approvalMode: 'REQUIRED',
      maxDevicesPerUser: null,
      allowSignUp: true,
    });
  });

  it('setDevicePolicy changes only the fields given, null clears the limit, and each change is an event', async () => {
    const admin = await server.admin();
    expect((await admin.data(SetDevicePolicy, { input: { maxDevicesPerUser: 3 } })).setDevicePolicy).toEqual({
      __typename: 'DevicePolicy',
      approvalMode: 'REQUIRED',
      maxDevicesPerUser: 3,
      allowSignUp: true,
    });
    expect((await admin.data(SetDevicePolicy, { input: { allowSignUp: false } })).setDevicePolicy).toMatchObject({
      maxDevicesPerUser: 3,
      allowSignUp: false,
    });
    expect((await admin.data(SetDevicePolicy, { input: { maxDevicesPerUser: null, allowSignUp: true } })).setDevicePolicy).toMatchObject({
      maxDevicesPerUser: null,
      allowSignUp: true,
    });
    expect(await server.count("select 1 from events where kind = 'POLICY_CHANGED'")).toBe(3);
    expect(await server.count("select 1 from events where kind = 'POLICY_CHANGED' and detail = 'maxDevicesPerUser: 3 -> null; allowSignUp: false -> true'")).toBe(1);
  });

  it.each([
    ['a null approval mode', { approvalMode: null }],
    ['a null sign-up switch', { allowSignUp: null }],
    ['a zero device limit', { maxDevicesPerUser: 0 }],
  ])('rejects %s with BAD_USER_INPUT, changing nothing and writing no event', async (_label, input) => {
    const admin = await server.admin();
    const before = (await server.client.data(DevicePolicy)).devicePolicy;
    const events = await server.count('select 1 from events');
    const res = await admin.request(SetDevicePolicy, { input });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect((await server.client.data(DevicePolicy)).devicePolicy).toEqual(before);
    expect(await server.count('select 1 from events')).toBe(events);
  });
});

describe('approval mode', () => {
  it('AUTOMATIC approves a new device at its first sign-in, which gets a session at once', async () => {
    const admin = await server.admin();
    await admin.data(SetDevicePolicy, { input: { approvalMode: 'AUTOMATIC' } });
    try {
      const user = await createUser(server);
      const { login } = await server.client.data(Login, { input: { email: user.email, password: PASSWORD, device: newDevice() } });
      expect(login).toMatchObject({ __typename: 'Session', device: { status: 'APPROVED', owner: { email: user.email } } });
    } finally {
      await admin.data(SetDevicePolicy, { input: { approvalMode: 'REQUIRED' } });
    }
  });
});

describe('sign-up switch', () => {
  it('SignUpDisabled while sign-up is off, creating nothing', async () => {
    const admin = await server.admin();
    await admin.data(SetDevicePolicy, { input: { allowSignUp: false } });
    try {
      const { signUp } = await server.client.data(SignUp, { input: { email: 'closed@example.com', password: PASSWORD } });
      expect(signUp).toMatchObject({ __typename: 'SignUpDisabled', code: 'SIGN_UP_DISABLED' });
      expect(await server.count("select 1 from users where email = 'closed@example.com'")).toBe(0);
    } finally {
      await admin.data(SetDevicePolicy, { input: { allowSignUp: true } });
    }
  });
});

describe('device limit', () => {
  it('refuses a sign-in or registration that would exceed the limit, creating nothing', async () => {
    const admin = await server.admin();
    const phone = await approvedPhone(server);
    await admin.data(SetDevicePolicy, { input: { maxDevicesPerUser: 2 } });
    try {
      const second = await phone.client.data(RegisterDevice, { input: newDevice({ name: 'Tablet' }, 'IPADOS') });
      expect(second.registerDevice).toMatchObject({ __typename: 'Device', status: 'PENDING', name: 'Tablet', platform: 'IPADOS' });

      const third = newDevice();
      const viaRegister = await phone.client.data(RegisterDevice, { input: third });
      expect(viaRegister.registerDevice).toMatchObject({ __typename: 'DeviceLimitReached', limit: 2, code: 'DEVICE_LIMIT_REACHED' });
      const viaLogin = await server.client.data(Login, { input: { email: phone.user.email, password: PASSWORD, device: third } });
      expect(viaLogin.login).toMatchObject({ __typename: 'DeviceLimitReached', limit: 2 });
      expect(await server.count('select 1 from devices where installation_id = ?', [third.installationId])).toBe(0);
      expect(await server.count("select 1 from events where kind = 'DEVICE_REGISTERED' and detail is not null and device_id is null")).toBe(0);
    } finally {
      await admin.data(SetDevicePolicy, { input: { maxDevicesPerUser: null } });
    }
  });

  it('holds when many new devices sign in at once', async () => {
    const admin = await server.admin();
    const user = await createUser(server);
    await admin.data(SetDevicePolicy, { input: { maxDevicesPerUser: 3 } });
    try {
      const results = await Promise.all(
        Array.from({ length: 10 }, () =>
          server.client.data(Login, { input: { email: user.email, password: PASSWORD, device: newDevice() } }),
        ),
      );
      const kinds = results.map((r) => r.login.__typename);
      expect(kinds.filter((k) => k === 'DevicePendingApproval')).toHaveLength(3);
      expect(kinds.filter((k) => k === 'DeviceLimitReached')).toHaveLength(7);
      expect(await server.count('select 1 from devices d join users u on u.id = d.owner_id where u.email = ?', [user.email])).toBe(3);
    } finally {
      await admin.data(SetDevicePolicy, { input: { maxDevicesPerUser: null } });
    }
  });

  it('registerDevice refuses an installation id that is already registered', async () => {
    const phone = await approvedPhone(server);
    const { registerDevice } = await phone.client.data(RegisterDevice, { input: phone.device });
    expect(registerDevice).toMatchObject({ __typename: 'DeviceAlreadyRegistered', code: 'DEVICE_ALREADY_REGISTERED' });
  });
});
