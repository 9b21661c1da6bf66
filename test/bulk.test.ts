// Bulk device actions: one result per id in order, each device in its own transaction with its own event, bad ids
// answered in place, duplicates changed once, at most 100 ids, the same callers as the single mutations, live events.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './gql/index.js';
import { ApproveDevices, BlockDevices, ForgetDevices, Me, UnblockDevices } from './operations.js';
import { databaseId, errorCode, type GraphQLClient } from './helpers/client.js';
import { approvedPhone, pendingPhone } from './helpers/devices.js';
import { WsClient } from './helpers/live.js';
import { createUser, PASSWORD, signIn, startServer, type TestServer } from './helpers/server.js';

const BulkCreateKey = graphql(`
  mutation BulkCreateKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) { __typename ... on ApiKeyCreated { secret } }
  }
`);

const BulkEvents = graphql(`
  subscription BulkEvents($filter: EventFilter) {
    deviceEvents(filter: $filter) { kind deviceId }
  }
`);

let server: TestServer;
let admin: GraphQLClient;
let support: GraphQLClient;

const events = () => server.count('select 1 from events');
const eventsOf = (kind: string, deviceId: string) =>
  server.count('select 1 from events where kind = ? and device_id = ?', [kind, databaseId(deviceId)]);
const statusOf = async (deviceId: string) => {
  const rows = await server.orm.em.getConnection().execute<{ status: string }[]>('select status from devices where id = ?', [databaseId(deviceId)]);
  return rows[0]?.status ?? null;
};
const pendingIds = (n: number) => Promise.all(Array.from({ length: n }, async () => (await pendingPhone(server)).deviceId));
const missingId = () => Buffer.from(`Device:${randomUUID()}`).toString('base64');

beforeAll(async () => {
  server = await startServer();
  admin = await server.admin();
  const account = await createUser(server, 'SUPPORT');
  support = server.client.as(await signIn(server.client, account.email, PASSWORD));
});

afterAll(async () => {
  await server?.stop();
});

// The first three tests send the same ApproveDevices document, so the third runs compiled (src/graphql/jit.ts).
describe('approveDevices', () => {
  it('approves each device, answering one result per id in the order given, with one DEVICE_APPROVED event each', async () => {
    const ids = await pendingIds(5);
    const { approveDevices } = await admin.data(ApproveDevices, { ids });
    expect(approveDevices).toEqual(ids.map((id) => ({ __typename: 'Device', id, status: 'APPROVED' })));
    for (const id of ids) expect(await eventsOf('DEVICE_APPROVED', id)).toBe(1);
  });

  it('answers a bad id in its place and never undoes the others: unknown, not a device id, already approved', async () => {
    const [first, second] = await pendingIds(2);
    const approved = (await approvedPhone(server)).deviceId;
    const user = await createUser(server);
    const before = await events();
    const { approveDevices } = await admin.data(ApproveDevices, { ids: [first!, missingId(), user.id, approved, second!] });
    expect(approveDevices).toEqual([
      { __typename: 'Device', id: first, status: 'APPROVED' },
      { __typename: 'NotFound', code: 'NOT_FOUND', message: 'Device not found' },
      { __typename: 'NotFound', code: 'NOT_FOUND', message: 'Device not found' },
      { __typename: 'InvalidTransition', action: 'approve', currentStatus: 'APPROVED', code: 'INVALID_TRANSITION', message: 'Cannot approve a device that is APPROVED' },
      { __typename: 'Device', id: second, status: 'APPROVED' },
    ]);
    // Two approvals, two events: nothing for the failures.
    expect(await events()).toBe(before + 2);
  });

  it('changes a device named twice once: both places answer the device, one event', async () => {
    const [id] = await pendingIds(1);
    const { approveDevices } = await admin.data(ApproveDevices, { ids: [id!, id!] });
    expect(approveDevices).toEqual([
      { __typename: 'Device', id, status: 'APPROVED' },
      { __typename: 'Device', id, status: 'APPROVED' },
    ]);
    expect(await eventsOf('DEVICE_APPROVED', id!)).toBe(1);
  });

  it('refuses 101 ids, and none, as bad input, changing nothing', async () => {
    const [id] = await pendingIds(1);
    const before = await events();
    const tooMany = await admin.request(ApproveDevices, { ids: [id!, ...Array.from({ length: 100 }, missingId)] });
    expect(errorCode(tooMany)).toBe('BAD_USER_INPUT');
    expect(tooMany.errors?.[0]?.message).toMatch(/at most 100/);
    expect(errorCode(await admin.request(ApproveDevices, { ids: [] }))).toBe('BAD_USER_INPUT');
    expect(await events()).toBe(before);
    expect(await statusOf(id!)).toBe('PENDING');
    // Exactly 100 is allowed.
    const { approveDevices } = await admin.data(ApproveDevices, { ids: [id!, ...Array.from({ length: 99 }, missingId)] });
    expect(approveDevices).toHaveLength(100);
    expect(await statusOf(id!)).toBe('APPROVED');
  });
});

describe('blockDevices and unblockDevices', () => {
  it("block each device with the reason, ending its sessions; unblock returns each to the status it had", async () => {
    const phone = await approvedPhone(server);
    const [pending] = await pendingIds(1);
    const { blockDevices } = await admin.data(BlockDevices, { ids: [phone.deviceId, pending!], reason: ' Lost in transit ' });
    expect(blockDevices).toEqual([
      { __typename: 'Device', id: phone.deviceId, status: 'BLOCKED', blockedReason: 'Lost in transit' },
      { __typename: 'Device', id: pending, status: 'BLOCKED', blockedReason: 'Lost in transit' },
    ]);
    expect((await phone.client.request(Me)).data?.me).toBeNull();
    const { unblockDevices } = await admin.data(UnblockDevices, { ids: [phone.deviceId, pending!, phone.deviceId] });
    expect(unblockDevices.map((r) => (r.__typename === 'Device' ? r.status : r.__typename))).toEqual(['APPROVED', 'PENDING', 'APPROVED']);
    expect(await eventsOf('DEVICE_UNBLOCKED', phone.deviceId)).toBe(1);
    // Unblocking again: each answers InvalidTransition, and nothing is written.
    const before = await events();
    const again = await admin.data(UnblockDevices, { ids: [phone.deviceId] });
    expect(again.unblockDevices).toMatchObject([{ __typename: 'InvalidTransition', currentStatus: 'APPROVED' }]);
    expect(await events()).toBe(before);
  });
});

describe('who may act in bulk', () => {
  it('SUPPORT forgets in bulk, but may not approve, block or unblock in bulk (FORBIDDEN, nothing written)', async () => {
    const ids = await pendingIds(2);
    const before = await events();
    const refused = await Promise.all([
      support.request(ApproveDevices, { ids }),
      support.request(BlockDevices, { ids }),
      support.request(UnblockDevices, { ids }),
    ]);
    expect(refused.map(errorCode)).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
    expect(await events()).toBe(before);
    const { forgetDevices } = await support.data(ForgetDevices, { ids: [...ids, missingId()] });
    expect(forgetDevices.map((r) => r.__typename)).toEqual(['ForgottenDevice', 'ForgottenDevice', 'NotFound']);
    expect(await server.count('select 1 from devices where id in (?, ?)', ids.map(databaseId))).toBe(0);
    for (const id of ids) expect(await eventsOf('DEVICE_FORGOTTEN', id)).toBe(1);
  });

  it('a user may not forget in bulk, not even their own device (FORBIDDEN)', async () => {
    const phone = await approvedPhone(server);
    const res = await phone.client.request(ForgetDevices, { ids: [phone.deviceId] });
    expect(errorCode(res)).toBe('FORBIDDEN');
    expect(await statusOf(phone.deviceId)).toBe('APPROVED');
  });

  it('an API key with DEVICES_WRITE approves in bulk; one with DEVICES_READ alone may not', async () => {
    const make = async (scopes: ('DEVICES_READ' | 'DEVICES_WRITE')[]) => {
      const { createApiKey } = await admin.data(BulkCreateKey, { input: { name: 'bulk', scopes } });
      if (createApiKey.__typename !== 'ApiKeyCreated') throw new Error(JSON.stringify(createApiKey));
      return server.client.as(createApiKey.secret);
    };
    const ids = await pendingIds(2);
    expect(errorCode(await (await make(['DEVICES_READ'])).request(ApproveDevices, { ids }))).toBe('FORBIDDEN');
    const { approveDevices } = await (await make(['DEVICES_WRITE'])).data(ApproveDevices, { ids });
    expect(approveDevices.map((r) => r.__typename)).toEqual(['Device', 'Device']);
  });
});

describe('live', () => {
  it("pushes each device's event to subscribers, as the single mutations do", async () => {
    const ids = await pendingIds(3);
    const ws = new WsClient(server.url, await server.adminToken());
    try {
      const live = ws.subscribe(BulkEvents, { filter: { kinds: ['DEVICE_APPROVED'] } });
      await ws.execute(Me);
      await admin.data(ApproveDevices, { ids });
      const seen = [];
      for (let i = 0; i < ids.length; i++) seen.push((await live.nextValue()).deviceEvents);
      // A few devices change at once, so their events may commit in any order.
      expect(seen.map((e) => e.kind)).toEqual(ids.map(() => 'DEVICE_APPROVED'));
      expect(seen.map((e) => e.deviceId).sort()).toEqual([...ids].sort());
    } finally {
      await ws.dispose();
    }
  });
});
