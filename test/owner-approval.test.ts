// Approval from the owner's trusted device, end to end through the real API, WebSocket and PostgreSQL, with real
// WebCrypto (ES256) keys: the policy switch, requests listed and pushed live, approveOwnDevice, and each refusal.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { GatehouseClient, type ApprovalRequest } from '../src/client/client.js';
import { DeviceKey } from '../src/client/device-key.js';
import { graphql } from './gql/index.js';
import { ApproveDevice, BlockDevice, UnblockDevice } from './operations.js';
import { keyedPhone } from './helpers/devices.js';
import { FeedProbe, until, WsClient } from './helpers/live.js';
import { lockHolder, lockWaiters } from './helpers/locks.js';
import { newDevice, PASSWORD, startServer, type TestServer } from './helpers/server.js';
import type { GraphQLClient } from './helpers/client.js';

const OwnerPolicy = graphql(`
  mutation OwnerPolicy($on: Boolean!) {
    setDevicePolicy(input: { ownerApproval: $on }) { __typename ... on DevicePolicy { ownerApproval } }
  }
`);

const OwnerReadPolicy = graphql(`
  query OwnerReadPolicy {
    devicePolicy { ownerApproval }
  }
`);

const OwnerWatchRequests = graphql(`
  subscription OwnerWatchRequests {
    deviceApprovalRequests { id challengeId message model platform osVersion appName ip device { id status } }
  }
`);

const OwnerWatchStatus = graphql(`
  subscription OwnerWatchStatus($deviceId: ID!) {
    deviceStatusChanged(deviceId: $deviceId) { id status }
  }
`);

const OwnerDecision = graphql(`
  query OwnerDecision($id: ID!) {
    device(id: $id) { id status decision { by reason } }
  }
`);

let server: TestServer;
let admin: GraphQLClient;
const sockets: WsClient[] = [];

beforeAll(async () => {
  // Generous throttling: many refusals here come from one address, and the throttle is tested elsewhere.
  server = await startServer({ DEVICE_APPROVAL: 'required', THROTTLE_SCALE: '1000' });
  admin = await server.admin();
});
afterEach(async () => {
  await Promise.all(sockets.splice(0).map((s) => s.dispose()));
});
afterAll(async () => {
  await server.stop();
});

async function setOwnerApproval(on: boolean) {
  const { setDevicePolicy } = await admin.data(OwnerPolicy, { on });
  expect(setDevicePolicy).toEqual({ __typename: 'DevicePolicy', ownerApproval: on });
}

/** A user with an APPROVED ES256 key-bound device, signed in on it with the key alone. */
async function trustedOwner() {
  const owner = await keyedPhone(server);
  const session = await owner.phone.loginWithDevice(owner.key);
  if (session.__typename !== 'Session') throw new Error(JSON.stringify(session));
  return { ...owner, token: session.token };
}

type Owner = Awaited<ReturnType<typeof trustedOwner>>;

/** The owner signs in from a new device (optionally key-bound): PENDING. */
async function newPendingDevice(owner: Owner, key?: DeviceKey) {
  const client = new GatehouseClient(server.url);
  const device = newDevice({ model: 'Pixel 9', platform: 'ANDROID', osVersion: '15', appName: 'Field app' });
  const login = await client.login(owner.user.email, PASSWORD, device, key);
  if (login.__typename !== 'DevicePendingApproval') throw new Error(JSON.stringify(login));
  return { deviceId: login.pendingDevice!.id, watchToken: login.watchToken, device };
}

async function openRequest(owner: Owner, deviceId: string): Promise<ApprovalRequest> {
  const requests = await owner.phone.approvalRequests();
  const request = requests.find((r) => r.device.id === deviceId);
  if (!request) throw new Error(`no request for ${deviceId}: ${JSON.stringify(requests)}`);
  return request;
}

/** approveOwnDevice with a proof made by hand, in the owner's session. */
function approveWith(owner: Owner, requestId: string, proof: { keyId: string; challengeId: string; signature: string }) {
  return server.client.as(owner.token).data(ApproveOwn, { requestId, proof }).then((d) => d.approveOwnDevice);
}

/** The database id inside a global id. */
const local = (id: string) => Buffer.from(id, 'base64').toString('utf8').split(':')[1]!;

const eventCount = () => server.count('select 1 from events');
const failures = () => server.count(`select 1 from events where kind = 'OWNER_APPROVAL_FAILED'`);

async function expectUnchanged(deviceId: string) {
  const { device } = await admin.data(OwnerDecision, { id: deviceId });
  expect(device).toMatchObject({ status: 'PENDING', decision: null });
}

describe('ownerApproval off (the default)', () => {
  it('opens no request for a new PENDING device', async () => {
    expect((await admin.data(OwnerReadPolicy)).devicePolicy.ownerApproval).toBe(false);
    const owner = await trustedOwner();
    await newPendingDevice(owner);
    expect(await owner.phone.approvalRequests()).toEqual([]);
    expect(await server.count('select 1 from owner_approval_requests where user_id = ?', [local(owner.user.id)])).toBe(0);
  });
});

describe('ownerApproval on', () => {
  beforeAll(async () => {
    await setOwnerApproval(true);
  });

  it('records the change in POLICY_CHANGED', async () => {
    expect(await server.count(`select 1 from events where kind = 'POLICY_CHANGED' and detail like '%ownerApproval: false -> true%'`)).toBe(1);
  });

  it('pushes the request live, lists it, and the right key approves the device (OWNER_DEVICE), which its watcher sees', async () => {
    const owner = await trustedOwner();
    const probe = new FeedProbe(server.app);
    const ready = probe.readiness();
    const socket = new WsClient(server.url, owner.token);
    sockets.push(socket);
    const live = socket.subscribe(OwnerWatchRequests);
    await ready();

    const pending = await newPendingDevice(owner);
    const pushed = (await live.nextValue()).deviceApprovalRequests;
    expect(pushed).toMatchObject({
      model: 'Pixel 9',
      platform: 'ANDROID',
      osVersion: '15',
      appName: 'Field app',
      device: { id: pending.deviceId, status: 'PENDING' },
    });
    expect(pushed.ip).toMatch(/127\.0\.0\.1/);
    expect(pushed.message).toBe(`gatehouse-owner-approval:${pushed.challengeId}:${pushed.message.split(':')[2]}`);
    const listed = await openRequest(owner, pending.deviceId);
    expect(listed).toMatchObject({ id: pushed.id, challengeId: pushed.challengeId, message: pushed.message });

    const statusReady = probe.readiness();
    const watcher = new WsClient(server.url, pending.watchToken);
    sockets.push(watcher);
    const status = watcher.subscribe(OwnerWatchStatus, { deviceId: pending.deviceId });
    await statusReady();

    const approved = await owner.phone.approveOwnDevice(listed, owner.key);
    expect(approved).toMatchObject({ __typename: 'Device', id: pending.deviceId, status: 'APPROVED', decision: { by: 'OWNER_DEVICE' } });
    expect((await status.nextValue()).deviceStatusChanged).toEqual({ id: pending.deviceId, status: 'APPROVED' });

    const { device } = await admin.data(OwnerDecision, { id: pending.deviceId });
    expect(device).toMatchObject({ status: 'APPROVED', decision: { by: 'OWNER_DEVICE' } });
    expect(device?.decision?.reason).toContain(`approved by its owner from device (${local(owner.deviceId)})`);
    expect(await server.count(`select 1 from events where kind = 'DEVICE_APPROVED' and decision_by = 'OWNER_DEVICE' and device_id = ?`, [local(pending.deviceId)])).toBe(1);
    expect(await server.count('select 1 from owner_approval_requests where device_id = ? and resolved_at is not null', [local(pending.deviceId)])).toBe(1);
    expect(await owner.phone.approvalRequests()).toEqual([]);

    // The new device signs in now.
    const again = await new GatehouseClient(server.url).login(owner.user.email, PASSWORD, pending.device);
    expect(again.__typename).toBe('Session');
  });

  it('a replay of the same proof is refused and recorded', async () => {
    const owner = await trustedOwner();
    const pending = await newPendingDevice(owner);
    const request = await openRequest(owner, pending.deviceId);
    const proof = { keyId: owner.key.keyId, challengeId: request.challengeId, signature: await owner.key.sign(request.message) };
    const send = () => approveWith(owner, request.id, proof);
    expect((await send()).__typename).toBe('Device');
    const [before, failed] = [await eventCount(), await failures()];
    expect(await send()).toMatchObject({ __typename: 'ApprovalRequestClosed', code: 'APPROVAL_REQUEST_CLOSED', reason: 'already resolved' });
    expect(await eventCount()).toBe(before + 1);
    expect(await failures()).toBe(failed + 1);
  });

  /** Each refusal: the typed error, one OWNER_APPROVAL_FAILED naming why, and nothing else changed. */
  async function expectRefused(
    owner: Owner,
    deviceId: string,
    attempt: () => Promise<{ __typename: string }>,
    typename: string,
    detail: string,
  ) {
    const recorded = () =>
      server.count(`select 1 from events where kind = 'OWNER_APPROVAL_FAILED' and device_id = ? and user_id = ? and detail like ?`, [
        local(deviceId),
        local(owner.user.id),
        `%${detail}%`,
      ]);
    const [before, failed, named] = [await eventCount(), await failures(), await recorded()];
    const outcome = await attempt();
    expect(outcome.__typename, JSON.stringify(outcome)).toBe(typename);
    expect(await eventCount()).toBe(before + 1);
    expect(await failures()).toBe(failed + 1);
    expect(await recorded()).toBe(named + 1);
  }

  it('refuses a signature by another key than the one named', async () => {
    const owner = await trustedOwner();
    const pending = await newPendingDevice(owner);
    const request = await openRequest(owner, pending.deviceId);
    const other = await DeviceKey.generate('ES256');
    const proof = { keyId: owner.key.keyId, challengeId: request.challengeId, signature: await other.sign(request.message) };
    await expectRefused(owner, pending.deviceId, () => approveWith(owner, request.id, proof), 'InvalidSignature', 'bad signature');
    await expectUnchanged(pending.deviceId);
    // Signing something else than the request's message (the bare nonce) is no better.
    const bare = { keyId: owner.key.keyId, challengeId: request.challengeId, signature: await owner.key.sign(request.message.split(':')[2]!) };
    await expectRefused(owner, pending.deviceId, () => approveWith(owner, request.id, bare), 'InvalidSignature', 'bad signature');
    await expectUnchanged(pending.deviceId);
    expect(await openRequest(owner, pending.deviceId)).toMatchObject({ id: request.id });
  });

  it("refuses another user's APPROVED device", async () => {
    const owner = await trustedOwner();
    const stranger = await keyedPhone(server);
    const pending = await newPendingDevice(owner);
    const request = await openRequest(owner, pending.deviceId);
    await expectRefused(owner, pending.deviceId, () => owner.phone.approveOwnDevice(request, stranger.key), 'InvalidSignature', "another user's device");
    await expectUnchanged(pending.deviceId);
  });

  it('refuses a PENDING approver (the asking device signing for itself)', async () => {
    const owner = await trustedOwner();
    const key = await DeviceKey.generate('ES256');
    const pending = await newPendingDevice(owner, key);
    const request = await openRequest(owner, pending.deviceId);
    await expectRefused(owner, pending.deviceId, () => owner.phone.approveOwnDevice(request, key), 'ApproverNotApproved', 'is PENDING');
    await expectUnchanged(pending.deviceId);
  });

  it('refuses a BLOCKED approver', async () => {
    const owner = await trustedOwner();
    const blockedKey = await DeviceKey.generate('ES256');
    const second = await newPendingDevice(owner, blockedKey);
    await admin.data(BlockDevice, { id: second.deviceId, reason: 'lost' });
    const pending = await newPendingDevice(owner);
    const request = await openRequest(owner, pending.deviceId);
    await expectRefused(owner, pending.deviceId, () => owner.phone.approveOwnDevice(request, blockedKey), 'ApproverNotApproved', 'is BLOCKED');
    await expectUnchanged(pending.deviceId);
  });

  it('an admin deciding the device first closes the request: approving it afterwards is refused', async () => {
    const owner = await trustedOwner();
    const pending = await newPendingDevice(owner);
    const request = await openRequest(owner, pending.deviceId);
    await admin.data(ApproveDevice, { id: pending.deviceId });
    expect(await owner.phone.approvalRequests()).toEqual([]);
    const [before, failed] = [await eventCount(), await failures()];
    const late = await owner.phone.approveOwnDevice(request, owner.key);
    expect(late.__typename).toBe('ApprovalRequestClosed');
    if (late.__typename === 'ApprovalRequestClosed') expect(late.message).toContain('already resolved');
    expect([await eventCount(), await failures()]).toEqual([before + 1, failed + 1]);
    const { device } = await admin.data(OwnerDecision, { id: pending.deviceId });
    expect(device).toMatchObject({ status: 'APPROVED', decision: { by: 'ADMIN' } });
  });

  it("locks the device before anything of its own: it waits for a change of the device under way holding no transaction id, and leaves the request to it (no deadlock)", async () => {
    const owner = await trustedOwner();
    const pending = await newPendingDevice(owner);
    const request = await openRequest(owner, pending.deviceId);
    // An administrator's decision under way: it has locked the device, and goes on to lock its requests.
    const decision = await lockHolder(server);
    try {
      await decision.query('select id from devices where id = $1 for update', [local(pending.deviceId)]);
      const approving = owner.phone.approveOwnDevice(request, owner.key);
      await until(async () => (await lockWaiters(server, decision)).length > 0, 'approveOwnDevice waiting for the device');
      // Waiting with no transaction id: whatever it writes comes after the decision in the event log.
      expect(await lockWaiters(server, decision)).toEqual([{ xid: null, query: expect.stringContaining('for update') as unknown }]);
      // The decision takes the request next (NOWAIT: held by the approval, this would be a deadlock).
      await decision.query('select id from owner_approval_requests where id = $1 for update nowait', [request.challengeId]);
      await decision.query('rollback');
      expect(await approving).toMatchObject({ __typename: 'Device', id: pending.deviceId, status: 'APPROVED', decision: { by: 'OWNER_DEVICE' } });
    } finally {
      await decision.end();
    }
  });

  it('an approving device being blocked meanwhile is waited for, then refused (ApproverNotApproved)', async () => {
    const owner = await trustedOwner();
    const pending = await newPendingDevice(owner);
    const request = await openRequest(owner, pending.deviceId);
    const block = await lockHolder(server);
    try {
      await block.query("update devices set status = 'BLOCKED', status_before_block = status, version = version + 1 where id = $1", [local(owner.deviceId)]);
      const approving = owner.phone.approveOwnDevice(request, owner.key);
      await until(async () => (await lockWaiters(server, block)).length > 0, 'approveOwnDevice waiting for the approving device');
      await block.query('commit');
      expect(await approving).toMatchObject({ __typename: 'ApproverNotApproved' });
      await expectUnchanged(pending.deviceId);
    } finally {
      await block.end();
    }
  });

  it('an expired request is no longer listed, and approving it is refused and recorded', async () => {
    const owner = await trustedOwner();
    const pending = await newPendingDevice(owner);
    const request = await openRequest(owner, pending.deviceId);
    await server.orm.em
      .getConnection()
      .execute(`update owner_approval_requests set expires_at = now() - interval '1 second' where device_id = ?`, [local(pending.deviceId)]);
    expect(await owner.phone.approvalRequests()).toEqual([]);
    await expectRefused(owner, pending.deviceId, () => owner.phone.approveOwnDevice(request, owner.key), 'ApprovalRequestClosed', 'request expired');
    await expectUnchanged(pending.deviceId);
  });

  it('an admin blocking the device closes the request, and unblocking it back to PENDING does not reopen it', async () => {
    const owner = await trustedOwner();
    const pending = await newPendingDevice(owner);
    const request = await openRequest(owner, pending.deviceId);
    await admin.data(BlockDevice, { id: pending.deviceId, reason: 'not yours' });
    await admin.data(UnblockDevice, { id: pending.deviceId });
    expect(await owner.phone.approvalRequests()).toEqual([]);
    await expectRefused(owner, pending.deviceId, () => owner.phone.approveOwnDevice(request, owner.key), 'ApprovalRequestClosed', 'already resolved');
    await expectUnchanged(pending.deviceId);
  });

  it("another user cannot see or use the owner's request (NotFound, unrecorded)", async () => {
    const owner = await trustedOwner();
    const stranger = await trustedOwner();
    const pending = await newPendingDevice(owner);
    const request = await openRequest(owner, pending.deviceId);
    expect(await stranger.phone.approvalRequests()).toEqual([]);
    const before = await eventCount();
    expect(await stranger.phone.approveOwnDevice(request, stranger.key)).toMatchObject({ __typename: 'NotFound' });
    expect(await eventCount()).toBe(before);
    await expectUnchanged(pending.deviceId);
  });

  it('refuses the subscription without a session', async () => {
    const socket = new WsClient(server.url, null);
    sockets.push(socket);
    const errors = await socket.subscribe(OwnerWatchRequests).refusal();
    expect(errors[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

const ApproveOwn = graphql(`
  mutation OwnerApproveOwn($requestId: ID!, $proof: DeviceProof!) {
    approveOwnDevice(requestId: $requestId, proof: $proof) {
      __typename
      ... on Device { id status }
      ... on ApprovalRequestClosed { reason }
      ... on Error { code message }
    }
  }
`);
