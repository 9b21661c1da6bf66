// Device attributes through the API: who may change them, their limits, the DEVICE_UPDATED event, concurrent
// changes, and finding devices by one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './gql/index.js';
import { ApproveDevice, RegisterDevice } from './operations.js';
import { databaseId, errorCode, type GraphQLClient } from './helpers/client.js';
import { approvedPhone } from './helpers/devices.js';
import { WsClient } from './helpers/live.js';
import { createUser, newDevice, PASSWORD, signIn, startServer, type TestServer } from './helpers/server.js';

const UpdateAttributes = graphql(`
  mutation UpdateAttributes($id: ID!, $set: JSONObject, $unset: [String!]) {
    updateDeviceAttributes(id: $id, set: $set, unset: $unset) {
      __typename
      ... on Device { id attributes }
      ... on InvalidAttributes { code message problem key }
      ... on Error { code message }
    }
  }
`);

const AttributesApiKey = graphql(`
  mutation AttributesApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) { __typename ... on ApiKeyCreated { secret } }
  }
`);

const AttributeEventsLive = graphql(`
  subscription AttributeEventsLive($filter: EventFilter, $after: String) {
    deviceEvents(filter: $filter, after: $after) { kind detail device { id attributes } }
  }
`);

const DeviceAttributes = graphql(`
  query DeviceAttributes($id: ID!) {
    device(id: $id) { id attributes }
  }
`);

const DevicesByAttribute = graphql(`
  query DevicesByAttribute($key: String!, $value: JSON!) {
    devices(filter: { attribute: { key: $key, value: $value } }, first: 50) {
      totalCount
      edges { node { id attributes } }
    }
  }
`);

let server: TestServer;
let admin: GraphQLClient;
beforeAll(async () => {
  server = await startServer();
  admin = await server.admin();
});
afterAll(async () => {
  await server.stop();
});

const updatedEvents = (deviceId: string) => server.count(`select 1 from events where kind = 'DEVICE_UPDATED' and device_id = ?`, [databaseId(deviceId)]);
const storedAttributes = async (deviceId: string) => {
  const rows = await server.orm.em.getConnection().execute<{ attributes: unknown }[]>('select attributes from devices where id = ?', [databaseId(deviceId)]);
  return rows[0]?.attributes;
};

describe('changing attributes', () => {
  it('an admin sets and unsets keys; the event names the keys, never the values', async () => {
    const phone = await approvedPhone(server);
    const first = await admin.data(UpdateAttributes, { id: phone.deviceId, set: { department: 'Sales', floor: 3, loaner: true } });
    expect(first.updateDeviceAttributes).toEqual({ __typename: 'Device', id: phone.deviceId, attributes: { department: 'Sales', floor: 3, loaner: true } });
    const second = await admin.data(UpdateAttributes, { id: phone.deviceId, set: { floor: 4, department: 'Sales' }, unset: ['loaner', 'missing'] });
    expect(second.updateDeviceAttributes).toMatchObject({ attributes: { department: 'Sales', floor: 4 } });

    const { events } = await admin.data(
      graphql(`query AttributeEvents($deviceId: ID!) { events(filter: { deviceId: $deviceId, kinds: [DEVICE_UPDATED] }) { edges { node { kind detail actor { email } } } } }`),
      { deviceId: phone.deviceId },
    );
    // Newest first; unchanged keys (department the second time) and absent keys (missing) are not named.
    expect(events.edges.map((e) => e.node.detail)).toEqual(['set: floor; unset: loaner', 'set: department, floor, loaner']);
    for (const e of events.edges) expect(e.node.detail).not.toMatch(/Sales|3|4|true/);
  });

  it('a change that changes nothing writes no event', async () => {
    const phone = await approvedPhone(server);
    await admin.data(UpdateAttributes, { id: phone.deviceId, set: { a: 'x' } });
    expect(await updatedEvents(phone.deviceId)).toBe(1);
    const again = await admin.data(UpdateAttributes, { id: phone.deviceId, set: { a: 'x' }, unset: ['b'] });
    expect(again.updateDeviceAttributes).toMatchObject({ __typename: 'Device', attributes: { a: 'x' } });
    expect(await updatedEvents(phone.deviceId)).toBe(1);
  });

  it('the owner may change them from a session on that very device', async () => {
    const phone = await approvedPhone(server);
    const res = await phone.client.data(UpdateAttributes, { id: phone.deviceId, set: { assetTag: 'A-1001' } });
    expect(res.updateDeviceAttributes).toMatchObject({ __typename: 'Device', attributes: { assetTag: 'A-1001' } });
    expect(await server.count(`select 1 from events where kind = 'DEVICE_UPDATED' and device_id = ? and actor_id = ?`, [databaseId(phone.deviceId), databaseId(phone.user.id)])).toBe(1);
  });

  it('the owner from another of their devices is refused, and nothing changes', async () => {
    const phone = await approvedPhone(server);
    const other = newDevice();
    const { registerDevice } = await phone.client.data(RegisterDevice, { input: other });
    if (registerDevice.__typename !== 'Device') throw new Error(JSON.stringify(registerDevice));
    await admin.data(ApproveDevice, { id: registerDevice.id });
    const fromOther = server.client.as(await signIn(server.client, phone.user.email, PASSWORD, other));
    const res = await fromOther.request(UpdateAttributes, { id: phone.deviceId, set: { x: 1 } });
    expect(errorCode(res)).toBe('FORBIDDEN');
    expect(await storedAttributes(phone.deviceId)).toEqual({});
    expect(await updatedEvents(phone.deviceId)).toBe(0);
  });

  it("a co-user of the device is refused; to another user it is not there", async () => {
    const phone = await approvedPhone(server);
    const coUser = await createUser(server);
    const coClient = server.client.as(await signIn(server.client, coUser.email, PASSWORD, phone.device));
    expect(errorCode(await coClient.request(UpdateAttributes, { id: phone.deviceId, set: { x: 1 } }))).toBe('FORBIDDEN');
    const stranger = await approvedPhone(server);
    const hidden = await stranger.client.data(UpdateAttributes, { id: phone.deviceId, set: { x: 1 } });
    expect(hidden.updateDeviceAttributes).toMatchObject({ __typename: 'NotFound', code: 'NOT_FOUND' });
    expect(errorCode(await server.client.request(UpdateAttributes, { id: phone.deviceId, set: { x: 1 } }))).toBe('UNAUTHENTICATED');
    expect(await storedAttributes(phone.deviceId)).toEqual({});
    expect(await updatedEvents(phone.deviceId)).toBe(0);
  });

  it('an API key with DEVICES_WRITE may, one with only DEVICES_READ may not', async () => {
    const phone = await approvedPhone(server);
    const key = async (scopes: ('DEVICES_READ' | 'DEVICES_WRITE')[]) => {
      const { createApiKey } = await admin.data(AttributesApiKey, { input: { name: `attrs ${scopes.join('+')}`, scopes } });
      if (createApiKey.__typename !== 'ApiKeyCreated') throw new Error(JSON.stringify(createApiKey));
      return server.client.as(createApiKey.secret);
    };
    expect(errorCode(await (await key(['DEVICES_READ'])).request(UpdateAttributes, { id: phone.deviceId, set: { x: 1 } }))).toBe('FORBIDDEN');
    const res = await (await key(['DEVICES_WRITE'])).data(UpdateAttributes, { id: phone.deviceId, set: { x: 1 } });
    expect(res.updateDeviceAttributes).toMatchObject({ __typename: 'Device', attributes: { x: 1 } });
  });

  it('concurrent changes of different keys all survive', async () => {
    const phone = await approvedPhone(server);
    const keys = Array.from({ length: 12 }, (_, i) => `k${i}`);
    const results = await Promise.all(keys.map((k, i) => admin.data(UpdateAttributes, { id: phone.deviceId, set: { [k]: i } })));
    for (const r of results) expect(r.updateDeviceAttributes.__typename).toBe('Device');
    expect(await storedAttributes(phone.deviceId)).toEqual(Object.fromEntries(keys.map((k, i) => [k, i])));
    expect(await updatedEvents(phone.deviceId)).toBe(keys.length);
  });
});

describe('bad input changes nothing and writes no event', () => {
  const fiftyKeys = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`key${i}`, i]));
  const cases: [string, Record<string, unknown> | undefined, string[] | undefined, string, string | null][] = [
    ['an attribute of 5 KB', { big: 'x'.repeat(5 * 1024) }, undefined, 'TOO_LARGE', null],
    ['51 keys', { ...fiftyKeys, one: 'more' }, undefined, 'TOO_MANY_KEYS', null],
    ['a key with a space', { 'bad key': 1 }, undefined, 'BAD_KEY', 'bad key'],
    ['a key of 65 characters', { ['k'.repeat(65)]: 1 }, undefined, 'BAD_KEY', 'k'.repeat(65)],
    ['an empty key', { '': 1 }, undefined, 'BAD_KEY', ''],
    ['a bad key to unset', undefined, ['no/slash'], 'BAD_KEY', 'no/slash'],
    ['a nested object', { nested: { a: 1 } }, undefined, 'BAD_VALUE', 'nested'],
    ['an array', { list: [1, 2] }, undefined, 'BAD_VALUE', 'list'],
    ['null (unset removes a key)', { gone: null }, undefined, 'BAD_VALUE', 'gone'],
    ['a key both set and unset', { both: 1 }, ['both'], 'SET_AND_UNSET', 'both'],
  ];
  it.each(cases)('%s', async (_label, set, unset, problem, key) => {
    const phone = await approvedPhone(server);
    await admin.data(UpdateAttributes, { id: phone.deviceId, set: { kept: 'yes', both: 0 } });
    const before = await updatedEvents(phone.deviceId);
    const res = await admin.data(UpdateAttributes, { id: phone.deviceId, set, unset });
    expect(res.updateDeviceAttributes).toMatchObject({ __typename: 'InvalidAttributes', code: 'INVALID_ATTRIBUTES', problem, key });
    expect(await storedAttributes(phone.deviceId)).toEqual({ kept: 'yes', both: 0 });
    expect(await updatedEvents(phone.deviceId)).toBe(before);
  });

  it('exactly 50 keys and just under 4 KB are accepted', async () => {
    const phone = await approvedPhone(server);
    expect((await admin.data(UpdateAttributes, { id: phone.deviceId, set: fiftyKeys })).updateDeviceAttributes.__typename).toBe('Device');
    const other = await approvedPhone(server);
    // {"v":"…"} is 8 bytes of JSON around the value.
    expect((await admin.data(UpdateAttributes, { id: other.deviceId, set: { v: 'x'.repeat(4096 - 8) } })).updateDeviceAttributes.__typename).toBe('Device');
    const res = await admin.data(UpdateAttributes, { id: other.deviceId, set: { v: 'é'.repeat(2045) } });
    expect(res.updateDeviceAttributes).toMatchObject({ problem: 'TOO_LARGE' });
  });

  it('set must be an object', async () => {
    const phone = await approvedPhone(server);
    expect(errorCode(await admin.request(UpdateAttributes, { id: phone.deviceId, set: [1] as unknown as Record<string, unknown> }))).toBe('BAD_USER_INPUT');
  });
});

describe('finding devices by an attribute', () => {
  it('by a string, a number and a boolean, of the same type only', async () => {
    const tag = `t${Date.now()}`;
    const a = await approvedPhone(server);
    const b = await approvedPhone(server);
    await admin.data(UpdateAttributes, { id: a.deviceId, set: { tag, floor: 7, loaner: true } });
    await admin.data(UpdateAttributes, { id: b.deviceId, set: { tag, floor: 8, loaner: false } });
    const ids = async (key: string, value: unknown) => (await admin.data(DevicesByAttribute, { key, value })).devices.edges.map((e) => e.node.id).sort();
    expect(await ids('tag', tag)).toEqual([a.deviceId, b.deviceId].sort());
    expect(await ids('floor', 7)).toEqual([a.deviceId]);
    expect(await ids('floor', 7.0)).toEqual([a.deviceId]);
    expect(await ids('floor', '7')).toEqual([]);
    expect(await ids('loaner', false)).toEqual([b.deviceId]);
    expect((await admin.data(DevicesByAttribute, { key: 'loaner', value: true })).devices.totalCount).toBe(1);
  });

  it('a user finds only among their own devices', async () => {
    const a = await approvedPhone(server);
    const b = await approvedPhone(server);
    await admin.data(UpdateAttributes, { id: a.deviceId, set: { team: 'blue' } });
    await admin.data(UpdateAttributes, { id: b.deviceId, set: { team: 'blue' } });
    const { devices } = await a.client.data(DevicesByAttribute, { key: 'team', value: 'blue' });
    expect(devices.edges.map((e) => e.node.id)).toEqual([a.deviceId]);
  });

  it('a bad key or a value that is not a scalar is refused', async () => {
    expect(errorCode(await admin.request(DevicesByAttribute, { key: 'a b', value: 1 }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await admin.request(DevicesByAttribute, { key: 'a', value: { x: 1 } }))).toBe('BAD_USER_INPUT');
  });
});

it('attributes reach the device read back', async () => {
  const phone = await approvedPhone(server);
  await admin.data(UpdateAttributes, { id: phone.deviceId, set: { site: 'Lyon' } });
  expect((await phone.client.data(DeviceAttributes, { id: phone.deviceId })).device?.attributes).toEqual({ site: 'Lyon' });
});

it('the live event feed carries the device with its attributes', async () => {
  const phone = await approvedPhone(server);
  await admin.data(UpdateAttributes, { id: phone.deviceId, set: { site: 'Oslo', desk: 12 } });
  const client = new WsClient(server.url, await server.adminToken());
  try {
    // From the start of the log ("MA" is position 0): the event is replayed, then the subscription goes on live.
    const live = client.subscribe(AttributeEventsLive, { filter: { deviceId: phone.deviceId, kinds: ['DEVICE_UPDATED'] }, after: 'MA' });
    const [first] = await live.valuesUntil(() => true);
    expect(first?.deviceEvents).toEqual({ kind: 'DEVICE_UPDATED', detail: 'set: site, desk', device: { id: phone.deviceId, attributes: { site: 'Oslo', desk: 12 } } });
    await admin.data(UpdateAttributes, { id: phone.deviceId, unset: ['desk'] });
    const [second] = await live.valuesUntil(() => true);
    expect(second?.deviceEvents).toMatchObject({ detail: 'unset: desk', device: { attributes: { site: 'Oslo' } } });
  } finally {
    await client.dispose();
  }
});
