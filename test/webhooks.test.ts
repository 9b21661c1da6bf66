// Signed webhooks against a real HTTP receiver that verifies them with the standardwebhooks package: in log order per
// endpoint, retried with the same webhook-id, never sent twice by two instances, nothing lost to a killed process,
// and never to a private address unless that is allowed.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { bootstrap } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';
import { createScratchDatabase, dropDatabase } from '../src/db/databases.js';
import { openDatabase } from '../src/db/orm.js';
import { addressRefusal, webhookUrlRefusal } from '../src/webhooks/address.js';
import { graphql } from './gql/gql.js';
import { RenameDevice } from './operations.js';
import { GraphQLClient } from './helpers/client.js';
import { approvedPhone, pendingPhone } from './helpers/devices.js';
import { until } from './helpers/live.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, signIn, startInstance, startServer, type TestServer } from './helpers/server.js';

const CreateEndpoint = graphql(`
  mutation WebhooksCreate($input: WebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) {
      __typename
      ... on WebhookEndpointCreated { secret endpoint { id url kinds enabled } }
      ... on Error { code message }
    }
  }
`);

const TestSend = graphql(`
  mutation WebhooksTest($id: ID!) {
    sendTestWebhook(id: $id) { __typename ... on WebhookTest { ok responseStatus durationMs error } ... on Error { code } }
  }
`);

const Redeliver = graphql(`
  mutation WebhooksRedeliver($id: ID!) {
    redeliverWebhook(deliveryId: $id) { __typename ... on WebhookDelivery { id status } ... on Error { code } }
  }
`);

const Replay = graphql(`
  mutation WebhooksReplay($id: ID!, $after: String!) {
    replayWebhooks(endpointId: $id, after: $after) { __typename ... on WebhookEndpoint { id } ... on Error { code } }
  }
`);

const Rotate = graphql(`
  mutation WebhooksRotate($id: ID!) {
    rotateWebhookSecret(id: $id) { __typename ... on WebhookEndpointCreated { secret } ... on Error { code } }
  }
`);

const Disabled = graphql(`
  query WebhooksDisabled($id: ID!) {
    webhookEndpoint(id: $id) { enabled failingSince }
    events(first: 5, filter: { kinds: [WEBHOOK_DISABLED] }) { edges { node { kind detail actor { id } } } }
  }
`);

const Deliveries = graphql(`
  query WebhooksDeliveries($id: ID!) {
    webhookEndpoint(id: $id) {
      id
      failingSince
      deliveries(first: 50) { id eventCursor status attempts responseStatus lastError nextAttemptAt }
    }
  }
`);

interface Received {
  id: string;
  timestamp: string;
  signature: string;
  body: string;
  at: number;
}

/** An HTTP receiver on loopback that keeps every request and answers what `answer` says. */
async function receiver(answer: (request: Received, count: number) => number = () => 204) {
  const received: Received[] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      const request = {
        id: String(req.headers['webhook-id']),
        timestamp: String(req.headers['webhook-timestamp']),
        signature: String(req.headers['webhook-signature']),
        body,
        at: Date.now(),
      };
      received.push(request);
      res.writeHead(answer(request, received.length)).end('thanks');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return { url, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const headersOf = (r: Received) => ({ 'webhook-id': r.id, 'webhook-timestamp': r.timestamp, 'webhook-signature': r.signature });
const bodyOf = (r: Received) => JSON.parse(r.body) as { type: string; data: { cursor: string; kind: string; device: { id: string } | null; user: { email: string } | null } };

async function createEndpoint(admin: GraphQLClient, url: string, kinds: string[] | null = ['DEVICE_REGISTERED']) {
  const { createWebhookEndpoint } = await admin.data(CreateEndpoint, { input: { url, kinds: kinds as never } });
  if (createWebhookEndpoint.__typename !== 'WebhookEndpointCreated') throw new Error(JSON.stringify(createWebhookEndpoint));
  return createWebhookEndpoint;
}

// Retries every 300 ms, four times, so a test sees the whole schedule.
const FAST = { WEBHOOKS_ALLOW_PRIVATE: 'true', WEBHOOK_RETRY_SCHEDULE: '300ms,300ms,300ms,300ms' };

let server: TestServer;

beforeAll(async () => {
  server = await startServer(FAST);
});

afterAll(async () => {
  await server?.stop();
});

describe('the address filter', () => {
  it('refuses private, loopback, link-local, metadata and other non-public addresses; takes public ones', () => {
    for (const address of ['10.0.0.1', '172.16.5.4', '192.168.1.1', '169.254.169.254', '127.0.0.1', '0.0.0.0', '100.64.0.1', '::1', 'fc00::1', 'fe80::1', '::ffff:10.0.0.1', '::']) {
      expect(addressRefusal(address), address).not.toBeNull();
    }
    for (const address of ['93.184.216.34', '1.1.1.1', '2606:4700:4700::1111']) expect(addressRefusal(address), address).toBeNull();
  });

  it('refuses URLs that are not http(s), carry credentials, or name a private address; allows them all with WEBHOOKS_ALLOW_PRIVATE but the scheme and credentials', async () => {
    expect(await webhookUrlRefusal('ftp://example.com/', false)).toMatch(/http/);
    expect(await webhookUrlRefusal('https://user:pw@example.com/', true)).toMatch(/credentials/);
    expect(await webhookUrlRefusal('http://10.1.2.3/hook', false)).toMatch(/private/);
    expect(await webhookUrlRefusal('http://[::1]:8080/hook', false)).toMatch(/loopback/);
    expect(await webhookUrlRefusal('http://localhost:8080/hook', false)).toMatch(/loopback/);
    expect(await webhookUrlRefusal('http://10.1.2.3/hook', true)).toBeNull();
  });

  it('answers WebhookUrlRefused through the API and stores nothing, unless private addresses are allowed', async () => {
    const strict = await startServer();
    try {
      const admin = await strict.admin();
      for (const url of ['http://127.0.0.1:9/hook', 'http://169.254.169.254/latest/meta-data', 'http://192.168.0.10/hook']) {
        const { createWebhookEndpoint } = await admin.data(CreateEndpoint, { input: { url } });
        expect(createWebhookEndpoint).toMatchObject({ __typename: 'WebhookUrlRefused', code: 'WEBHOOK_URL_REFUSED' });
      }
      expect(await strict.count('select 1 from webhook_endpoints')).toBe(0);
    } finally {
      await strict.stop();
    }
  });
});

describe('a webhook', () => {
  it('arrives signed within 2 s of the commit and verifies with the secret (and not with another)', async () => {
    const hook = await receiver();
    try {
      const admin = await server.admin();
      const { secret, endpoint } = await createEndpoint(admin, hook.url);
      expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
      expect(endpoint.kinds).toEqual(['DEVICE_REGISTERED']);
      const started = Date.now();
      const phone = await pendingPhone(server);
      await until(() => hook.received.length === 1, 'the webhook', 2_000);
      const [delivery] = hook.received;
      expect(delivery!.at - started).toBeLessThan(2_000);
      const payload = new Webhook(secret).verify(delivery!.body, headersOf(delivery!)) as ReturnType<typeof bodyOf>;
      expect(payload.type).toBe('device.registered');
      expect(payload.data.kind).toBe('DEVICE_REGISTERED');
      expect(payload.data.device?.id).toBe(phone.deviceId);
      expect(payload.data.user?.email).toBe(phone.user.email);
      expect(() => new Webhook(`whsec_${Buffer.alloc(32, 7).toString('base64')}`).verify(delivery!.body, headersOf(delivery!))).toThrow();
      expect(() => new Webhook(secret).verify(delivery!.body.replace('device.registered', 'device.approved'), headersOf(delivery!))).toThrow();
    } finally {
      await hook.close();
    }
  });

  it('is retried with the same webhook-id until it succeeds, and the events after it wait their turn', async () => {
    const hook = await receiver((_request, count) => (count <= 3 ? 500 : 200));
    try {
      const admin = await server.admin();
      const { endpoint } = await createEndpoint(admin, hook.url);
      const first = await pendingPhone(server);
      const second = await pendingPhone(server);
      await until(() => hook.received.length === 5, 'four attempts at the first event and one at the second', 10_000);
      const ids = hook.received.map((r) => r.id);
      expect(new Set(ids.slice(0, 4)).size).toBe(1);
      expect(ids[4]).not.toBe(ids[0]);
      expect(hook.received.map((r) => bodyOf(r).data.device?.id)).toEqual([first.deviceId, first.deviceId, first.deviceId, first.deviceId, second.deviceId]);
      // The retries kept to the schedule (300 ms, ±10%).
      for (let i = 1; i < 4; i++) expect(hook.received[i]!.at - hook.received[i - 1]!.at).toBeGreaterThanOrEqual(250);

      const { webhookEndpoint } = await admin.data(Deliveries, { id: endpoint.id });
      expect(webhookEndpoint?.failingSince).toBeNull();
      expect(webhookEndpoint?.deliveries.map((d) => [d.status, d.attempts, d.responseStatus])).toEqual([
        ['SUCCEEDED', 1, 200],
        ['SUCCEEDED', 4, 200],
      ]);
    } finally {
      await hook.close();
    }
  });

  it('is given up after the last retry, and the endpoint goes on with the next event', async () => {
    let failing = true;
    const hook = await receiver(() => (failing ? 503 : 200));
    try {
      const admin = await server.admin();
      const { endpoint } = await createEndpoint(admin, hook.url);
      await pendingPhone(server);
      await until(() => hook.received.length === 5, 'the first attempt and four retries', 10_000);
      failing = false;
      const next = await pendingPhone(server);
      await until(() => hook.received.length === 6, 'the next event', 5_000);
      expect(bodyOf(hook.received[5]!).data.device?.id).toBe(next.deviceId);
      const { webhookEndpoint } = await admin.data(Deliveries, { id: endpoint.id });
      expect(webhookEndpoint?.deliveries.map((d) => [d.status, d.attempts])).toEqual([
        ['SUCCEEDED', 1],
        ['FAILED', 5],
      ]);
      expect(webhookEndpoint?.deliveries[1]?.lastError).toBe('HTTP 503');
    } finally {
      await hook.close();
    }
  });

  it('drains a backlog longer than one drain’s share, every event once and in order', async () => {
    const hook = await receiver();
    try {
      const admin = await server.admin();
      const phone = await approvedPhone(server);
      await createEndpoint(admin, hook.url, ['DEVICE_RENAMED']);
      // More than a drain sends before it hands the endpoint back to the queue (200).
      const names = Array.from({ length: 230 }, (_, i) => `phone ${i}`);
      await Promise.all(names.map((name) => admin.data(RenameDevice, { id: phone.deviceId, name })));
      await until(() => hook.received.length >= names.length, 'every rename', 20_000);
      const cursors = hook.received.map((r) => Number(Buffer.from(bodyOf(r).data.cursor, 'base64url').toString()));
      expect(cursors).toEqual([...cursors].sort((a, b) => a - b));
      expect(new Set(hook.received.map((r) => r.id)).size).toBe(names.length);
    } finally {
      await hook.close();
    }
  });

  it('follows no redirect: a 3xx is a failed attempt, and the address it names gets nothing', async () => {
    const elsewhere = await receiver();
    const redirecting = createServer((_req, res) => res.writeHead(307, { location: elsewhere.url }).end());
    await new Promise<void>((resolve) => redirecting.listen(0, '127.0.0.1', resolve));
    try {
      const admin = await server.admin();
      const { endpoint } = await createEndpoint(admin, `http://127.0.0.1:${(redirecting.address() as AddressInfo).port}/hook`);
      await pendingPhone(server);
      await until(async () => (await admin.data(Deliveries, { id: endpoint.id })).webhookEndpoint?.deliveries[0]?.responseStatus === 307, 'the first attempt');
      const { webhookEndpoint } = await admin.data(Deliveries, { id: endpoint.id });
      expect(webhookEndpoint?.deliveries[0]).toMatchObject({ status: 'PENDING', lastError: 'HTTP 307' });
      expect(elsewhere.received).toEqual([]);
    } finally {
      await new Promise<void>((resolve) => redirecting.close(() => resolve()));
      await elsewhere.close();
    }
  });

  it('is sent once by two instances on one database', async () => {
    const hook = await receiver();
    const other = await startInstance(server, FAST);
    try {
      const admin = await server.admin();
      await createEndpoint(admin, hook.url);
      const phones = [];
      for (let i = 0; i < 6; i++) phones.push(await pendingPhone(server));
      await until(() => hook.received.length >= 6, 'six webhooks', 10_000);
      // Time for a duplicate to arrive, were one coming.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(hook.received.map((r) => bodyOf(r).data.device?.id)).toEqual(phones.map((p) => p.deviceId));
      expect(new Set(hook.received.map((r) => r.id)).size).toBe(6);
    } finally {
      await other.stop();
      await hook.close();
    }
  });
});

describe('operating an endpoint', () => {
  it('sends a signed test message and answers what the endpoint said', async () => {
    const hook = await receiver(() => 418);
    try {
      const admin = await server.admin();
      const { secret, endpoint } = await createEndpoint(admin, hook.url);
      const { sendTestWebhook } = await admin.data(TestSend, { id: endpoint.id });
      expect(sendTestWebhook).toMatchObject({ __typename: 'WebhookTest', ok: false, responseStatus: 418, error: 'HTTP 418' });
      expect(hook.received).toHaveLength(1);
      expect((new Webhook(secret).verify(hook.received[0]!.body, headersOf(hook.received[0]!)) as { type: string }).type).toBe('webhook.test');
      const { webhookEndpoint } = await admin.data(Deliveries, { id: endpoint.id });
      expect(webhookEndpoint?.deliveries).toEqual([]);
    } finally {
      await hook.close();
    }
  });

  it('signs with both secrets after a rotation, so a receiver still holding the old one verifies', async () => {
    const hook = await receiver();
    try {
      const admin = await server.admin();
      const { secret: old, endpoint } = await createEndpoint(admin, hook.url);
      const { rotateWebhookSecret } = await admin.data(Rotate, { id: endpoint.id });
      if (rotateWebhookSecret.__typename !== 'WebhookEndpointCreated') throw new Error(JSON.stringify(rotateWebhookSecret));
      await pendingPhone(server);
      await until(() => hook.received.length === 1, 'the webhook');
      const delivery = hook.received[0]!;
      expect(delivery.signature.split(' ')).toHaveLength(2);
      for (const secret of [old, rotateWebhookSecret.secret]) expect(() => new Webhook(secret).verify(delivery.body, headersOf(delivery))).not.toThrow();
    } finally {
      await hook.close();
    }
  });

  it('redelivers one delivery, and replays everything after a cursor in order, with the same webhook-ids', async () => {
    const hook = await receiver();
    try {
      const admin = await server.admin();
      const { endpoint } = await createEndpoint(admin, hook.url);
      for (let i = 0; i < 3; i++) await pendingPhone(server);
      await until(() => hook.received.length === 3, 'three webhooks');
      const first = hook.received.map((r) => r.id);
      const { webhookEndpoint } = await admin.data(Deliveries, { id: endpoint.id });
      const [newest, middle, oldest] = webhookEndpoint!.deliveries;

      const { redeliverWebhook } = await admin.data(Redeliver, { id: middle!.id });
      expect(redeliverWebhook).toMatchObject({ __typename: 'WebhookDelivery', status: 'PENDING' });
      await until(() => hook.received.length === 4, 'the redelivery');
      expect(hook.received[3]!.id).toBe(first[1]);

      const { replayWebhooks } = await admin.data(Replay, { id: endpoint.id, after: oldest!.eventCursor });
      expect(replayWebhooks.__typename).toBe('WebhookEndpoint');
      await until(() => hook.received.length === 6, 'the replay');
      expect(hook.received.slice(4).map((r) => r.id)).toEqual([first[1], first[2]]);
      expect(newest!.status).toBe('SUCCEEDED');

      const missing = await admin.data(Redeliver, { id: endpoint.id });
      expect(missing.redeliverWebhook).toMatchObject({ __typename: 'NotFound' });
    } finally {
      await hook.close();
    }
  });

  it('is disabled, with a WEBHOOK_DISABLED event by no one, once every attempt has failed for WEBHOOK_DISABLE_AFTER', async () => {
    const strict = await startServer({ ...FAST, WEBHOOK_RETRY_SCHEDULE: '300ms,300ms,300ms,300ms,300ms,300ms,300ms,300ms', WEBHOOK_DISABLE_AFTER: '1s' });
    const hook = await receiver(() => 500);
    try {
      const admin = await strict.admin();
      const { endpoint } = await createEndpoint(admin, hook.url);
      await pendingPhone(strict);
      await until(async () => (await admin.data(Disabled, { id: endpoint.id })).webhookEndpoint?.enabled === false, 'the endpoint to be disabled', 15_000);
      const { events, webhookEndpoint } = await admin.data(Disabled, { id: endpoint.id });
      expect(webhookEndpoint?.failingSince).not.toBeNull();
      expect(events.edges).toHaveLength(1);
      expect(events.edges[0]!.node).toMatchObject({ kind: 'WEBHOOK_DISABLED', actor: null });
      expect(events.edges[0]!.node.detail).toContain(hook.url);
      const attempts = hook.received.length;
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(hook.received.length).toBe(attempts);
    } finally {
      await hook.close();
      await strict.stop();
    }
  });

  it('is managed by admins only: anonymous callers and users are refused and nothing is stored', async () => {
    const phone = await approvedPhone(server);
    const anonymous = await server.client.request(CreateEndpoint, { input: { url: 'http://127.0.0.1:9/refused' } });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const asUser = await phone.client.request(CreateEndpoint, { input: { url: 'http://127.0.0.1:9/refused' } });
    expect(asUser.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await server.count('select 1 from webhook_endpoints where url = ?', ['http://127.0.0.1:9/refused'])).toBe(0);
  });
});

describe('a killed instance', () => {
  const root = path.resolve(import.meta.dirname, '..');
  let databaseUrl: string;

  beforeAll(async () => {
    databaseUrl = await createScratchDatabase(inject('pgServerUrl'), 'gatehouse_webhook_kill');
    const { orm } = await openDatabase(databaseUrl);
    await bootstrap(orm, loadConfig({ ADMIN_EMAIL, ADMIN_PASSWORD, LOG_LEVEL: 'silent' }));
    await orm.close();
  });

  afterAll(async () => {
    await dropDatabase(databaseUrl);
  });

  /** Gatehouse as its own process (src/main.ts), on the shared database. */
  function gatehouse(): Promise<{ child: ChildProcessWithoutNullStreams; url: string }> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: root,
      env: { PATH: process.env.PATH ?? '', DATABASE_URL: databaseUrl, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...FAST, WEBHOOK_RETRY_SCHEDULE: '1s,1s,1s,1s,1s,1s,1s,1s' },
    });
    let out = '';
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no start within 30 s:\n${out}`)), 30_000);
      const read = (d: Buffer) => {
        out += d.toString();
        const url = out.match(/listening on (http:\/\/\S+\/graphql)/)?.[1];
        if (url) {
          clearTimeout(timer);
          resolve({ child, url: url.replace('localhost', '127.0.0.1') });
        }
      };
      child.stdout.on('data', read);
      child.stderr.on('data', read);
      child.on('exit', (code) => reject(new Error(`exited with ${code}:\n${out}`)));
    });
  }

  it('loses no event: the next start delivers every one', async () => {
    let up = false;
    const hook = await receiver(() => (up ? 200 : 500));
    const first = await gatehouse();
    try {
      const client = new GraphQLClient(first.url);
      const admin = client.as(await signIn(client, ADMIN_EMAIL, ADMIN_PASSWORD));
      await createEndpoint(admin, hook.url, null);
      for (let i = 0; i < 3; i++) {
        const created = await admin.request(graphql(`mutation WebhooksUser($input: CreateUserInput!) { createUser(input: $input) { __typename } }`), {
          input: { email: `killed-${i}-${Date.now()}@example.com`, password: 'correct-horse-battery' },
        });
        expect(created.errors).toBeUndefined();
      }
      // The first event is being retried (the receiver is down); the rest wait behind it. Then the process dies.
      await until(() => hook.received.length >= 2, 'a retry under way', 10_000);
    } finally {
      first.child.kill('SIGKILL');
      await new Promise((resolve) => first.child.once('exit', resolve));
    }
    up = true;
    const seenBefore = new Set(hook.received.map((r) => r.id)).size;
    expect(seenBefore).toBe(1);
    const second = await gatehouse();
    try {
      // Every event since the endpoint was made: three USER_CREATED and whatever else the sign-in wrote.
      const createdEvents = () => new Set(hook.received.filter((r) => bodyOf(r).data.kind === 'USER_CREATED').map((r) => r.id)).size;
      await until(() => createdEvents() === 3, 'the events after the restart (once the dead lease has run out)', 30_000);
      const kinds = [...new Map(hook.received.map((r) => [r.id, bodyOf(r).data.kind])).values()];
      expect(kinds.filter((k) => k === 'USER_CREATED')).toHaveLength(3);
      const cursors = [...new Map(hook.received.map((r) => [r.id, bodyOf(r).data.cursor])).values()];
      expect(cursors).toEqual([...cursors].sort((a, b) => Number(Buffer.from(a, 'base64url').toString()) - Number(Buffer.from(b, 'base64url').toString())));
    } finally {
      second.child.kill('SIGTERM');
      await new Promise((resolve) => second.child.once('exit', resolve));
      await hook.close();
    }
  }, 60_000);
});
