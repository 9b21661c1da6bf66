// Approval as a recorded decision: who approved or blocked each device (an admin, an API key, AUTOMATIC mode), on the
// device and on its events.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './gql/index.js';
import { ApproveDevice, BlockDevice, Login, SetDevicePolicy, UnblockDevice } from './operations.js';
import { pendingPhone } from './helpers/devices.js';
import { ADMIN_EMAIL, createUser, newDevice, PASSWORD, startServer, type TestServer } from './helpers/server.js';
import type { GraphQLClient } from './helpers/client.js';

const ApprovalDecision = graphql(`
  query ApprovalDecision($id: ID!) {
    device(id: $id) {
      status
      decision { by at reason admin { email } apiKey { name } }
      events(first: 10) { edges { node { kind decisionBy detail } } }
    }
  }
`);

const ApprovalCreateKey = graphql(`
  mutation ApprovalCreateKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) { __typename ... on ApiKeyCreated { secret } }
  }
`);

let server: TestServer;
let admin: GraphQLClient;
beforeAll(async () => {
  server = await startServer({ DEVICE_APPROVAL: 'required' });
  admin = await server.admin();
});
afterAll(async () => {
  await server.stop();
});

async function decisionOf(deviceId: string) {
  const { device } = await admin.data(ApprovalDecision, { id: deviceId });
  if (!device) throw new Error('no device');
  return device;
}

describe('decisions', () => {
  it('a PENDING device has no decision; an admin approving it records ADMIN, the admin and the time, on the device and its event', async () => {
    const phone = await pendingPhone(server);
    expect((await decisionOf(phone.deviceId)).decision).toBeNull();
    const before = Date.now();
    await admin.data(ApproveDevice, { id: phone.deviceId });
    const device = await decisionOf(phone.deviceId);
    expect(device.decision).toMatchObject({ by: 'ADMIN', admin: { email: ADMIN_EMAIL }, apiKey: null, reason: null });
    expect(new Date(device.decision!.at).getTime()).toBeGreaterThanOrEqual(before - 1000);
    const kinds = device.events.edges.map((e) => [e.node.kind, e.node.decisionBy]);
    expect(kinds).toContainEqual(['DEVICE_APPROVED', 'ADMIN']);
    expect(kinds).toContainEqual(['DEVICE_REGISTERED', null]);
  });

  it('an API key approving is ADMIN with the key named', async () => {
    const { createApiKey } = await admin.data(ApprovalCreateKey, { input: { name: 'HR onboarding', scopes: ['DEVICES_WRITE'] } });
    if (createApiKey.__typename !== 'ApiKeyCreated') throw new Error(JSON.stringify(createApiKey));
    const phone = await pendingPhone(server);
    const { approveDevice } = await server.client.as(createApiKey.secret).data(ApproveDevice, { id: phone.deviceId });
    expect(approveDevice.__typename).toBe('Device');
    expect((await decisionOf(phone.deviceId)).decision).toMatchObject({
      by: 'ADMIN',
      admin: { email: ADMIN_EMAIL },
      apiKey: { name: 'HR onboarding' },
    });
  });

  it('a block is the latest decision, with its reason; an unblock back to APPROVED is one too, back to PENDING leaves none', async () => {
    const phone = await pendingPhone(server);
    await admin.data(ApproveDevice, { id: phone.deviceId });
    await admin.data(BlockDevice, { id: phone.deviceId, reason: 'lost on a train' });
    const blocked = await decisionOf(phone.deviceId);
    expect(blocked.decision).toMatchObject({ by: 'ADMIN', reason: 'lost on a train' });
    expect(blocked.events.edges.map((e) => [e.node.kind, e.node.decisionBy])).toContainEqual(['DEVICE_BLOCKED', 'ADMIN']);
    await admin.data(UnblockDevice, { id: phone.deviceId });
    expect((await decisionOf(phone.deviceId)).decision).toMatchObject({ by: 'ADMIN', reason: 'unblocked' });

    const waiting = await pendingPhone(server);
    await admin.data(BlockDevice, { id: waiting.deviceId });
    await admin.data(UnblockDevice, { id: waiting.deviceId });
    const back = await decisionOf(waiting.deviceId);
    expect(back).toMatchObject({ status: 'PENDING', decision: null });
  });

  it('AUTOMATIC mode approving at registration records AUTOMATIC_MODE, on the device and its DEVICE_REGISTERED event', async () => {
    await admin.data(SetDevicePolicy, { input: { approvalMode: 'AUTOMATIC' } });
    try {
      const user = await createUser(server);
      const { login } = await server.client.data(Login, { input: { email: user.email, password: PASSWORD, device: newDevice() } });
      if (login.__typename !== 'Session') throw new Error(JSON.stringify(login));
      const device = await decisionOf(login.device!.id);
      expect(device.decision).toMatchObject({ by: 'AUTOMATIC_MODE', admin: null, reason: 'approval mode is AUTOMATIC' });
      expect(device.events.edges.map((e) => [e.node.kind, e.node.decisionBy])).toContainEqual(['DEVICE_REGISTERED', 'AUTOMATIC_MODE']);
    } finally {
      await admin.data(SetDevicePolicy, { input: { approvalMode: 'REQUIRED' } });
    }
  });

  it('every APPROVED or BLOCKED device has a decision', async () => {
    expect(await server.count("select 1 from devices where status <> 'PENDING'")).toBeGreaterThan(0);
    expect(await server.count("select 1 from devices where status <> 'PENDING' and decision_by is null")).toBe(0);
  });
});
