// GET /metrics (METRICS on) answers the Prometheus text format, read here as a scraper reads it: Node's process
// metrics, and operations, sign-ins, WebSockets, subscriptions and events as they happen; off, there is no /metrics.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './gql/gql.js';
import { Login, Me } from './operations.js';
import { parsePrometheus, sampleValue } from './helpers/prometheus.js';
import { pendingPhone } from './helpers/devices.js';
import { feedCaughtUp, SseSubscription, until, WsClient } from './helpers/live.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, metricValue, scrape, startServer, type TestServer } from './helpers/server.js';

const MetricsEvents = graphql(`
  subscription MetricsEvents {
    deviceEvents { id kind }
  }
`);

let server: TestServer;

beforeAll(async () => {
  server = await startServer({}, { metrics: true });
});

afterAll(async () => {
  await server?.stop();
});

const operations = (type: string, outcome: string) => metricValue(server, 'gatehouse_graphql_operations_total', { type, outcome });

describe('/metrics', () => {
  it('is the Prometheus text format, with help and type for every family, and Node’s process metrics', async () => {
    const res = await fetch(server.url.replace('/graphql', '/metrics'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const metrics = parsePrometheus(await res.text());
    for (const name of [
      'gatehouse_graphql_operations_total',
      'gatehouse_sign_ins_total',
      'gatehouse_websockets_open',
      'gatehouse_subscriptions_active',
      'gatehouse_events_total',
      'gatehouse_event_feed_lag_seconds',
      'gatehouse_subscription_event_executions_total',
      'gatehouse_jit_operations_compiled_total',
      'gatehouse_jit_executions_total',
      'process_cpu_seconds_total',
      'nodejs_eventloop_lag_p99_seconds',
      'nodejs_gc_duration_seconds',
    ]) {
      expect(metrics.types.get(name), name).toBeTruthy();
      expect(metrics.help.get(name), name).toBeTruthy();
    }
    expect(metrics.types.get('gatehouse_event_feed_lag_seconds')).toBe('histogram');
    expect(sampleValue(metrics, 'process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('counts operations by type and outcome: a typed error result is ok, GraphQL errors and invalid documents are errors', async () => {
    const admin = await server.admin();
    const before = { queryOk: await operations('query', 'ok'), queryError: await operations('query', 'error'), mutationOk: await operations('mutation', 'ok') };
    await admin.data(Me);
    // Anonymous: `me` answers null, which is no error.
    await server.client.data(Me);
    // Wrong password: a typed InvalidCredentials result, so the operation is ok.
    await server.client.data(Login, { input: { email: ADMIN_EMAIL, password: 'not-the-password' } });
    // A field only an admin may read, asked anonymously: a GraphQL error.
    const forbidden = await server.client.request(graphql(`query MetricsUsers { users(first: 1) { totalCount } }`));
    expect(forbidden.errors?.length).toBeGreaterThan(0);
    // A document that does not validate: refused before execution, counted as an error of its operation's type.
    const invalid = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ noSuchField }' }) });
    expect(((await invalid.json()) as { errors?: unknown[] }).errors?.length).toBe(1);

    expect((await operations('query', 'ok')) - before.queryOk).toBe(2);
    expect((await operations('query', 'error')) - before.queryError).toBe(2);
    expect((await operations('mutation', 'ok')) - before.mutationOk).toBe(1);
  });

  it('counts sign-ins by result', async () => {
    const result = (name: string) => metricValue(server, 'gatehouse_sign_ins_total', { result: name });
    const before = { session: await result('session'), invalid: await result('invalid_credentials'), pending: await result('device_pending_approval') };
    await server.client.data(Login, { input: { email: ADMIN_EMAIL, password: 'wrong-password-1' } });
    await server.client.data(Login, { input: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD } });
    await pendingPhone(server);
    expect((await result('invalid_credentials')) - before.invalid).toBe(1);
    // The pending phone's user was created by an admin, who signed in once for it (or had a session already).
    expect((await result('session')) - before.session).toBeGreaterThanOrEqual(1);
    expect((await result('device_pending_approval')) - before.pending).toBe(1);
  });

  it('tracks open WebSockets and live subscriptions by transport, and counts events with their feed lag', async () => {
    const token = await server.adminToken();
    const open = () => metricValue(server, 'gatehouse_websockets_open');
    const live = (transport: string) => metricValue(server, 'gatehouse_subscriptions_active', { transport });
    const registered = () => metricValue(server, 'gatehouse_events_total', { kind: 'DEVICE_REGISTERED' });
    const lagCount = () => metricValue(server, 'gatehouse_event_feed_lag_seconds_count');
    // Earlier tests' events delivered (and counted) first: the subscription's first event is then this test's.
    await feedCaughtUp(server);
    const before = { sockets: await open(), ws: await live('ws'), http: await live('http'), registered: await registered(), lag: await lagCount() };

    const ws = new WsClient(server.url, token);
    const overWs = ws.subscribe(MetricsEvents);
    const overSse = SseSubscription.open(server.url, token, MetricsEvents);
    try {
      await until(async () => (await open()) === before.sockets + 1 && (await live('ws')) === before.ws + 1, 'the WebSocket subscription to count');
      await until(async () => (await live('http')) === before.http + 1, 'the SSE subscription to count');

      await pendingPhone(server);
      await overWs.take(5_000, 'the registration over WebSocket');
      expect((await registered()) - before.registered).toBe(1);
      expect((await lagCount()) - before.lag).toBeGreaterThanOrEqual(1);
    } finally {
      overWs.unsubscribe();
      overSse.unsubscribe();
      await ws.dispose();
    }
    await until(async () => (await live('ws')) === before.ws && (await live('http')) === before.http, 'the subscriptions to end');
    await until(async () => (await open()) === before.sockets, 'the WebSocket to close');
  });

  it('reports garbage-collection pauses (Node’s own histogram)', async () => {
    const collections = async () => sampleValue(await scrape(server), 'nodejs_gc_duration_seconds_count');
    const before = await collections();
    // The server runs in this process: garbage made here is collected by the same heap.
    let sink: object[] = [];
    for (let i = 0; i < 2_000_000; i++) {
      sink.push({ i, text: String(i) });
      if (sink.length === 1_000) sink = [];
    }
    expect(sink.length).toBeLessThan(1_000);
    // PerformanceObserver delivers GC entries after the collection, asynchronously.
    await until(async () => (await collections()) > before, 'a collection to be reported');
  });
});

describe('with METRICS off', () => {
  it('has no /metrics', async () => {
    const plain = await startServer();
    try {
      expect((await fetch(plain.url.replace('/graphql', '/metrics'))).status).toBe(404);
    } finally {
      await plain.stop();
    }
  });
});
