// API keys for workflows (issue 22): made by admins in person, shown once and stored hashed, scoped, named by the
// events they cause, refused at once when revoked or expired (over HTTP and on open WebSockets and SSE streams, on
// every instance), and their last use recorded without a write per request.
import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/app.js';
import { graphql } from './gql/index.js';
import type { ApiKeyScope, TypedDocumentString } from './gql/graphql.js';
import { ApproveDevice, CreateUser, Devices, Events, Me, SetDevicePolicy, Users } from './operations.js';
import { databaseId, errorCode, type GraphQLClient } from './helpers/client.js';
import { approvedPhone, pendingPhone } from './helpers/devices.js';
import { FeedProbe, SseSubscription, until, WsClient, type LiveSubscription } from './helpers/live.js';
import { PASSWORD, startInstance, startServer, type Instance, type TestServer } from './helpers/server.js';

const CreateApiKey = graphql(`
  mutation CreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      __typename
      ... on ApiKeyCreated { secret apiKey { id name scopes expiresAt lastUsedAt revokedAt createdBy { email } } }
    }
  }
`);

const ApiKeys = graphql(`
  query ApiKeys {
    apiKeys { id name scopes createdBy { email } createdAt expiresAt lastUsedAt revokedAt }
  }
`);

const RevokeApiKey = graphql(`
  mutation RevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) {
      __typename
      ... on ApiKey { id revokedAt }
      ... on Error { code message }
    }
  }
`);

const KeyEvents = graphql(`
  query KeyEvents($filter: EventFilter) {
    events(filter: $filter, first: 20) {
      edges { node { kind detail deviceId actor { email } actorKey { id name } } }
    }
  }
`);

const KeyLiveEvents = graphql(`
  subscription KeyLiveEvents {
    deviceEvents { kind deviceId }
  }
`);

let server: TestServer;
let other: Instance;
let admin: GraphQLClient;
const probes = new Map<App, FeedProbe>();
const sockets: WsClient[] = [];
const streams: LiveSubscription<unknown>[] = [];

beforeAll(async () => {
  server = await startServer();
  other = await startInstance(server);
  for (const app of [server.app, other.app]) probes.set(app, new FeedProbe(app));
  admin = await server.admin();
});

afterEach(async () => {
  for (const stream of streams.splice(0)) stream.unsubscribe();
  await Promise.all(sockets.splice(0).map((s) => s.dispose()));
});

afterAll(async () => {
  await other?.stop();
  await server?.stop();
});

/** Skips whatever the subscription still pushes (events committed before the revocation) to how it ended. */
async function endOf(subscription: LiveSubscription<unknown>) {
  for (;;) {
    const item = await subscription.take(5_000, 'the subscription to end');
    if (item.kind !== 'next') return item;
  }
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

async function newKey(scopes: ApiKeyScope[], name = `workflow ${scopes.join('+')}`, expiresInDays?: number) {
  const { createApiKey } = await admin.data(CreateApiKey, { input: { name, scopes, expiresInDays } });
  if (createApiKey.__typename !== 'ApiKeyCreated') throw new Error(JSON.stringify(createApiKey));
  return { ...createApiKey.apiKey, secret: createApiKey.secret, client: server.client.as(createApiKey.secret) };
}

function ws(url: string, token: string): WsClient {
  const socket = new WsClient(url, token);
  sockets.push(socket);
  return socket;
}

function sse<TResult>(url: string, token: string, document: TypedDocumentString<TResult, Record<string, never>>) {
  const stream = SseSubscription.open(url, token, document);
  streams.push(stream);
  return stream;
}

/** Events of a kind about a device, as the admin reads them. */
async function eventsOf(kind: 'DEVICE_APPROVED' | 'API_KEY_CREATED' | 'API_KEY_REVOKED', deviceId?: string) {
  const { events } = await admin.data(KeyEvents, { filter: { kinds: [kind], deviceId } });
  return events.edges.map((e) => e.node);
}

describe('creating and listing keys', () => {
  it('an admin creates a key: a ghk_ secret shown once, only its SHA-256 stored, an API_KEY_CREATED event', async () => {
    const key = await newKey(['DEVICES_READ', 'DEVICES_WRITE'], 'HR onboarding', 30);
    expect(key.secret).toMatch(/^ghk_[A-Za-z0-9_-]{43}$/);
    expect(key).toMatchObject({ name: 'HR onboarding', scopes: ['DEVICES_READ', 'DEVICES_WRITE'], lastUsedAt: null, revokedAt: null });
    expect(key.createdBy.email).toBe((await admin.data(Me)).me!.email);
    expect(new Date(key.expiresAt!).getTime() - Date.now()).toBeGreaterThan(29.9 * 86_400_000);

    // apiKeys lists it, with no secret anywhere in the answer.
    const { apiKeys } = await admin.data(ApiKeys);
    const listed = apiKeys.find((k) => k.id === key.id);
    expect(listed).toMatchObject({ name: 'HR onboarding', scopes: ['DEVICES_READ', 'DEVICES_WRITE'], revokedAt: null });
    expect(JSON.stringify(apiKeys)).not.toContain(key.secret);
    expect(JSON.stringify(apiKeys)).not.toContain(key.secret.slice(4));

    // The database holds its hash, and the plaintext nowhere.
    const id = databaseId(key.id);
    expect(await server.count(`select 1 from api_keys where id = ? and secret_hash = ?`, [id, sha256(key.secret)])).toBe(1);
    expect(await server.count(`select 1 from api_keys k where position(? in k::text) > 0`, [key.secret.slice(4)])).toBe(0);
    expect(await server.count(`select 1 from events e where position(? in e::text) > 0`, [key.secret.slice(4)])).toBe(0);

    const created = (await eventsOf('API_KEY_CREATED')).find((e) => e.detail?.includes(id));
    expect(created?.detail).toContain('HR onboarding');
    expect(created?.actor?.email).toBe(key.createdBy.email);
  });

  it.each([
    ['an empty name', { name: '', scopes: ['DEVICES_READ'] }],
    ['a blank name', { name: '   ', scopes: ['DEVICES_READ'] }],
    ['a name over 64 characters', { name: 'x'.repeat(65), scopes: ['DEVICES_READ'] }],
    ['no scopes', { name: 'nothing', scopes: [] }],
    ['expiresInDays 0', { name: 'zero', scopes: ['DEVICES_READ'], expiresInDays: 0 }],
    ['expiresInDays over 3650', { name: 'forever', scopes: ['DEVICES_READ'], expiresInDays: 3651 }],
    ['a negative expiresInDays', { name: 'past', scopes: ['DEVICES_READ'], expiresInDays: -1 }],
  ] as const)('%s is BAD_USER_INPUT, and nothing is written', async (_label, input) => {
    const keys = await server.count(`select 1 from api_keys`);
    const events = await server.count(`select 1 from events where kind = 'API_KEY_CREATED'`);
    const res = await admin.request(CreateApiKey, { input: { ...input, scopes: [...input.scopes] } });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
    expect(res.data?.createApiKey ?? null).toBeNull();
    expect(await server.count(`select 1 from api_keys`)).toBe(keys);
    expect(await server.count(`select 1 from events where kind = 'API_KEY_CREATED'`)).toBe(events);
  });

  it('a USER may not create, list or revoke keys (FORBIDDEN); anonymous callers are UNAUTHENTICATED', async () => {
    const asUser = (await approvedPhone(server)).client;
    const keys = await server.count(`select 1 from api_keys`);
    expect(errorCode(await asUser.request(CreateApiKey, { input: { name: 'mine', scopes: ['DEVICES_READ'] } }))).toBe('FORBIDDEN');
    expect(errorCode(await asUser.request(ApiKeys))).toBe('FORBIDDEN');
    expect(errorCode(await server.client.request(CreateApiKey, { input: { name: 'anon', scopes: ['DEVICES_READ'] } }))).toBe('UNAUTHENTICATED');
    expect(await server.count(`select 1 from api_keys`)).toBe(keys);
  });
});

describe('scopes', () => {
  it('a DEVICES_WRITE key approves a device; the event names the admin as actor and the key as actorKey', async () => {
    const key = await newKey(['DEVICES_WRITE'], 'HR onboarding');
    const phone = await pendingPhone(server);
    const { approveDevice } = await key.client.data(ApproveDevice, { id: phone.deviceId });
    expect(approveDevice).toMatchObject({ __typename: 'Device', status: 'APPROVED' });

    const [approved] = await eventsOf('DEVICE_APPROVED', phone.deviceId);
    expect(approved?.actorKey).toEqual({ id: key.id, name: 'HR onboarding' });
    expect(approved?.actor?.email).toBe(key.createdBy.email);
    expect(await server.count(`select 1 from devices where id = ? and status_changed_by_id = ?`, [databaseId(phone.deviceId), databaseId((await admin.data(Me)).me!.id)])).toBe(1);

    // An admin's own approval names no key.
    const another = await pendingPhone(server);
    await admin.data(ApproveDevice, { id: another.deviceId });
    expect((await eventsOf('DEVICE_APPROVED', another.deviceId))[0]?.actorKey).toBeNull();
  });

  it('a DEVICES_READ key lists devices, users and events, but approving is FORBIDDEN and writes no event', async () => {
    const key = await newKey(['DEVICES_READ']);
    const phone = await pendingPhone(server);
    const { devices } = await key.client.data(Devices, { first: 50 });
    expect(devices.edges.map((e) => e.node.id)).toContain(phone.deviceId);
    const { users } = await key.client.data(Users, { filter: { email: phone.user.email } });
    expect(users.edges.map((e) => e.node.email)).toEqual([phone.user.email]);
    const { events } = await key.client.data(Events, { filter: { deviceId: phone.deviceId } });
    expect(events.edges.map((e) => e.node.kind)).toContain('DEVICE_REGISTERED');

    const res = await key.client.request(ApproveDevice, { id: phone.deviceId });
    expect(errorCode(res)).toBe('FORBIDDEN');
    expect(await server.count(`select 1 from events where kind = 'DEVICE_APPROVED' and device_id = ?`, [databaseId(phone.deviceId)])).toBe(0);
    expect(await server.count(`select 1 from devices where id = ? and status = 'PENDING'`, [databaseId(phone.deviceId)])).toBe(1);
  });

  it('a DEVICES_WRITE key without DEVICES_READ may not list devices or subscribe (FORBIDDEN)', async () => {
    const key = await newKey(['DEVICES_WRITE']);
    expect(errorCode(await key.client.request(Devices, { first: 1 }))).toBe('FORBIDDEN');
    expect(errorCode(await key.client.request(Events, { first: 1 }))).toBe('FORBIDDEN');
    const socket = ws(server.url, key.secret);
    const refusal = await socket.subscribe(KeyLiveEvents).refusal();
    expect(refusal[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('a key with every scope may not manage keys, users or the policy (FORBIDDEN, nothing written), and is no user', async () => {
    const key = await newKey(['DEVICES_READ', 'DEVICES_WRITE', 'WEBHOOKS_MANAGE']);
    const keys = await server.count(`select 1 from api_keys`);
    const users = await server.count(`select 1 from users`);
    const policyEvents = await server.count(`select 1 from events where kind = 'POLICY_CHANGED'`);
    expect(errorCode(await key.client.request(CreateApiKey, { input: { name: 'child', scopes: ['DEVICES_READ'] } }))).toBe('FORBIDDEN');
    expect(errorCode(await key.client.request(ApiKeys))).toBe('FORBIDDEN');
    expect(errorCode(await key.client.request(RevokeApiKey, { id: key.id }))).toBe('FORBIDDEN');
    expect(errorCode(await key.client.request(CreateUser, { input: { email: 'by-key@example.com', password: PASSWORD } }))).toBe('FORBIDDEN');
    expect(errorCode(await key.client.request(SetDevicePolicy, { input: { allowSignUp: true } }))).toBe('FORBIDDEN');
    expect(await server.count(`select 1 from api_keys`)).toBe(keys);
    expect(await server.count(`select 1 from users`)).toBe(users);
    expect(await server.count(`select 1 from events where kind = 'POLICY_CHANGED'`)).toBe(policyEvents);
    expect(await server.count(`select 1 from api_keys where id = ? and revoked_at is null`, [databaseId(key.id)])).toBe(1);
    // A key is not the admin who made it.
    expect((await key.client.data(Me)).me).toBeNull();
  });
});

describe('revocation and expiry', () => {
  it('a revoked key is refused at once over HTTP (UNAUTHENTICATED); its WebSocket closes 4403 and its SSE stream ends', async () => {
    const key = await newKey(['DEVICES_READ']);
    expect((await key.client.data(Devices, { first: 1 })).devices).toBeTruthy();
    const ready = probes.get(server.app)!.readiness();
    const socket = ws(server.url, key.secret);
    const overWs = socket.subscribe(KeyLiveEvents);
    const overSse = sse(server.url, key.secret, KeyLiveEvents);
    await ready(2);
    // It is live: a registration arrives on both.
    const phone = await pendingPhone(server);
    const registered = (v: { deviceEvents: { kind: string } }) => v.deviceEvents.kind === 'DEVICE_REGISTERED';
    expect((await overWs.valuesUntil(registered)).at(-1)?.deviceEvents.deviceId).toBe(phone.deviceId);
    expect((await overSse.valuesUntil(registered)).at(-1)?.deviceEvents.deviceId).toBe(phone.deviceId);

    const { revokeApiKey } = await admin.data(RevokeApiKey, { id: key.id });
    expect(revokeApiKey).toMatchObject({ __typename: 'ApiKey', id: key.id });
    expect(errorCode(await key.client.request(Devices, { first: 1 }))).toBe('UNAUTHENTICATED');
    expect(await socket.closedWith()).toBe(4403);
    expect(await endOf(overSse)).toEqual({ kind: 'complete' });
    // A new connection with it is refused too.
    const again = ws(server.url, key.secret);
    again.subscribe(KeyLiveEvents);
    expect(await again.closedWith()).toBe(4403);

    const revoked = (await eventsOf('API_KEY_REVOKED')).find((e) => e.detail?.includes(databaseId(key.id)));
    expect(revoked?.actor?.email).toBe(key.createdBy.email);
    expect((await admin.data(ApiKeys)).apiKeys.find((k) => k.id === key.id)?.revokedAt).not.toBeNull();
  });

  it('a key revoked through another instance closes its WebSocket there and is refused there at once', async () => {
    const key = await newKey(['DEVICES_READ']);
    const ready = probes.get(other.app)!.readiness();
    const onOther = ws(other.url, key.secret);
    onOther.subscribe(KeyLiveEvents);
    await ready();
    await admin.data(RevokeApiKey, { id: key.id });
    expect(errorCode(await other.client.as(key.secret).request(Devices, { first: 1 }))).toBe('UNAUTHENTICATED');
    expect(await onOther.closedWith()).toBe(4403);
  });

  it("revoking one key leaves other keys' and the admin's live connections open", async () => {
    const [revoked, kept] = [await newKey(['DEVICES_READ']), await newKey(['DEVICES_READ'])];
    const ready = probes.get(server.app)!.readiness();
    const adminSocket = ws(server.url, await server.adminToken());
    const adminLive = adminSocket.subscribe(KeyLiveEvents);
    const keptSocket = ws(server.url, kept.secret);
    const keptLive = keptSocket.subscribe(KeyLiveEvents);
    const revokedSocket = ws(server.url, revoked.secret);
    revokedSocket.subscribe(KeyLiveEvents);
    await ready(3);
    await admin.data(RevokeApiKey, { id: revoked.id });
    expect(await revokedSocket.closedWith()).toBe(4403);
    await pendingPhone(server);
    expect((await keptLive.valuesUntil((v) => v.deviceEvents.kind === 'DEVICE_REGISTERED')).length).toBeGreaterThan(0);
    expect((await adminLive.valuesUntil((v) => v.deviceEvents.kind === 'DEVICE_REGISTERED')).length).toBeGreaterThan(0);
    expect(keptSocket.closes).toEqual([]);
    expect(adminSocket.closes).toEqual([]);
  });

  it('revoking is idempotent (no second event), and an unknown id is NotFound', async () => {
    const key = await newKey(['DEVICES_READ']);
    await admin.data(RevokeApiKey, { id: key.id });
    const count = await server.count(`select 1 from events where kind = 'API_KEY_REVOKED'`);
    expect((await admin.data(RevokeApiKey, { id: key.id })).revokeApiKey).toMatchObject({ __typename: 'ApiKey' });
    expect(await server.count(`select 1 from events where kind = 'API_KEY_REVOKED'`)).toBe(count);
    expect((await admin.data(RevokeApiKey, { id: 'nope' })).revokeApiKey).toMatchObject({ __typename: 'NotFound' });
  });

  it('an expired key is refused (UNAUTHENTICATED over HTTP, 4403 on a WebSocket)', async () => {
    const key = await newKey(['DEVICES_READ'], 'short-lived', 1);
    expect(errorCode(await key.client.request(Devices, { first: 1 }))).toBeUndefined();
    await server.orm.em.getConnection().execute(`update api_keys set expires_at = now() - interval '1 second' where id = ?`, [databaseId(key.id)]);
    expect(errorCode(await key.client.request(Devices, { first: 1 }))).toBe('UNAUTHENTICATED');
    const socket = ws(server.url, key.secret);
    socket.subscribe(KeyLiveEvents);
    expect(await socket.closedWith()).toBe(4403);
  });

  it('an unknown ghk_ secret is UNAUTHENTICATED, as a bad session token is', async () => {
    const res = await server.client.as(`ghk_${'A'.repeat(43)}`).request(Devices, { first: 1 });
    expect(errorCode(res)).toBe('UNAUTHENTICATED');
  });
});

describe('last used', () => {
  it('lastUsedAt is set by a use, and written again only once the stored value is over a minute old', async () => {
    const key = await newKey(['DEVICES_READ']);
    const id = databaseId(key.id);
    const lastUsed = async () => {
      const rows = await server.orm.em.getConnection().execute<{ last_used_at: string | Date | null }[]>(`select last_used_at from api_keys where id = ?`, [id]);
      const value = rows[0]?.last_used_at;
      return value ? new Date(value) : null;
    };
    expect(await lastUsed()).toBeNull();
    await key.client.data(Devices, { first: 1 });
    const first = await lastUsed();
    expect(first).not.toBeNull();
    expect((await admin.data(ApiKeys)).apiKeys.find((k) => k.id === key.id)?.lastUsedAt).not.toBeNull();

    // Within the minute: no write (the value stays exactly as it was).
    await key.client.data(Devices, { first: 1 });
    expect((await lastUsed())?.getTime()).toBe(first?.getTime());

    // Older than a minute: the next use moves it on.
    await server.orm.em.getConnection().execute(`update api_keys set last_used_at = now() - interval '2 minutes' where id = ?`, [id]);
    const stale = await lastUsed();
    await key.client.data(Devices, { first: 1 });
    await until(async () => ((await lastUsed())?.getTime() ?? 0) > (stale?.getTime() ?? 0), 'lastUsedAt to move on');
  });
});
