// Device set-ups the tests share: a phone waiting for approval, and an approved phone with a session.
import { ApproveDevice, Login } from '../operations.js';
import type { DeviceInput } from '../gql/graphql.js';
import { GatehouseClient } from '../../src/client/client.js';
import { DeviceKey, type KeyAlgorithm } from '../../src/client/device-key.js';
import { createUser, newDevice, PASSWORD, signIn, type TestServer } from './server.js';

/** A new user signs in from a new device: returns the user, the device input and the PENDING device's id. */
export async function pendingPhone(server: TestServer, device: DeviceInput = newDevice()) {
  const user = await createUser(server);
  const { login } = await server.client.data(Login, { input: { email: user.email, password: PASSWORD, device } });
  if (login.__typename !== 'DevicePendingApproval') throw new Error(`expected pending: ${JSON.stringify(login)}`);
  return { user, device, deviceId: login.pendingDevice!.id };
}

/** As pendingPhone, then an admin approves it and the user signs in: returns the session token too. */
export async function approvedPhone(server: TestServer, device: DeviceInput = newDevice()) {
  const phone = await pendingPhone(server, device);
  const admin = await server.admin();
  const { approveDevice } = await admin.data(ApproveDevice, { id: phone.deviceId });
  if (approveDevice.__typename !== 'Device') throw new Error(JSON.stringify(approveDevice));
  const token = await signIn(server.client, phone.user.email, PASSWORD, device);
  return { ...phone, token, client: server.client.as(token) };
}

/**
 * A user whose new device registers with a key (through the reference client), optionally approved by an admin.
 * Returns the key, the device id and a client signed in as nobody yet.
 */
export async function keyedPhone(server: TestServer, options: { algorithm?: KeyAlgorithm; approve?: boolean } = {}) {
  const user = await createUser(server);
  const key = await DeviceKey.generate(options.algorithm ?? 'ES256');
  const phone = new GatehouseClient(server.url);
  const device = newDevice();
  const first = await phone.login(user.email, PASSWORD, device, key);
  if (first.__typename !== 'DevicePendingApproval') throw new Error(`expected pending: ${JSON.stringify(first)}`);
  const deviceId = first.pendingDevice!.id;
  if (options.approve ?? true) {
    const admin = await server.admin();
    await admin.data(ApproveDevice, { id: deviceId });
  }
  return { user, key, device, deviceId, phone, watchToken: first.watchToken };
}
