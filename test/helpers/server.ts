// A real Gatehouse per test file: its own database (migrated), the app on an ephemeral port, and helpers to sign in.
import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { inject } from 'vitest';
import { alertOptionsOf } from '../../src/alerts/dispatch.js';
import { buildApp, type App, type AppOptions } from '../../src/app.js';
import { bootstrap } from '../../src/bootstrap.js';
import { loadConfig } from '../../src/config.js';
import { createScratchDatabase, dropDatabase } from '../../src/db/databases.js';
import { openDatabase, type Orm } from '../../src/db/orm.js';
import { CreateUser, Login } from '../operations.js';
import type { DeviceInput, Platform } from '../gql/graphql.js';
import { GraphQLClient } from './client.js';
import { parsePrometheus, sampleValue, type Exposition } from './prometheus.js';

export const ADMIN_EMAIL = 'admin@gatehouse.test';
export const ADMIN_PASSWORD = 'admin-password-123';
export const PASSWORD = 'correct-horse-battery';

export interface TestServer {
  url: string;
  databaseUrl: string;
  orm: Orm;
  app: App;
  /** An anonymous client. */
  client: GraphQLClient;
  adminToken(): Promise<string>;
  admin(): Promise<GraphQLClient>;
  /** Counts rows with plain SQL, to check what a call did or did not write. */
  count(sql: string, params?: unknown[]): Promise<number>;
  stop(): Promise<void>;
}

/** The server's /metrics (it must run with `metrics: true`), parsed as a Prometheus scraper reads it. */
export async function scrape(server: { url: string }): Promise<Exposition> {
  const res = await fetch(server.url.replace('/graphql', '/metrics'));
  if (res.status !== 200) throw new Error(`/metrics answered ${res.status}`);
  return parsePrometheus(await res.text());
}

/** One metric's value (summed over the samples whose labels include `labels`). */
export async function metricValue(server: { url: string }, name: string, labels: Record<string, string> = {}): Promise<number> {
  return sampleValue(await scrape(server), name, labels);
}

/** `appOptions` override buildApp's options (e.g. introspection, corsOrigins); by default none. */
export async function startServer(env: Record<string, string> = {}, appOptions: Partial<AppOptions> = {}): Promise<TestServer> {
  const config = loadConfig({ ADMIN_EMAIL, ADMIN_PASSWORD, LOG_LEVEL: 'silent', NODE_ENV: 'test', ...env });
  const databaseUrl = await createScratchDatabase(inject('pgServerUrl'), 'gatehouse_test');
  const { orm } = await openDatabase(databaseUrl);
  await bootstrap(orm, config);
  const app = buildApp({
    orm,
    logger: pino({ level: 'silent' }),
    settings: { sessionTtlDays: config.SESSION_TTL_DAYS, throttleScale: config.THROTTLE_SCALE },
    graphiql: false,
    alerts: alertOptionsOf(config),
    webhooks: { retryScheduleMs: config.WEBHOOK_RETRY_SCHEDULE, allowPrivate: config.WEBHOOKS_ALLOW_PRIVATE, disableAfterMs: config.WEBHOOK_DISABLE_AFTER },
    maintenanceIntervalS: config.MAINTENANCE_INTERVAL_S,
    trustProxy: config.TRUST_PROXY,
    ...appOptions,
  });
  const { port } = await app.start(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}/graphql`;
  const client = new GraphQLClient(url);
  let adminToken: Promise<string> | undefined;
  const server: TestServer = {
    url,
    databaseUrl,
    orm,
    app,
    client,
    adminToken: () => (adminToken ??= signIn(client, ADMIN_EMAIL, ADMIN_PASSWORD)),
    admin: async () => client.as(await server.adminToken()),
    async count(sql, params = []) {
      const rows = await orm.em.getConnection().execute<{ n: string }[]>(`select count(*)::int as n from (${sql}) q`, params);
      return Number(rows[0]?.n ?? 0);
    },
    async stop() {
      await app.stop();
      await dropDatabase(databaseUrl);
    },
  };
  return server;
}

/** Signs in without a device (admins) or with one that must already be approved; returns the token. */
export async function signIn(client: GraphQLClient, email: string, password: string, device?: DeviceInput): Promise<string> {
  const { login } = await client.data(Login, { input: { email, password, device } });
  if (login.__typename !== 'Session') throw new Error(`login failed: ${JSON.stringify(login)}`);
  return login.token;
}

export function newDevice(overrides: Partial<DeviceInput> = {}, platform: Platform = 'IOS'): DeviceInput {
  return {
    installationId: `inst-${randomUUID()}`,
    platform,
    osVersion: '18.1',
    model: 'iPhone 16',
    appName: 'Field App',
    appVersion: '2.3.0',
    ...overrides,
  };
}

let userCounter = 0;

/** Creates a user (a USER unless told) through the admin API; returns its id and email. */
export async function createUser(server: TestServer, role: 'USER' | 'SUPPORT' | 'ADMIN' = 'USER') {
  const email = `user${++userCounter}-${randomUUID().slice(0, 8)}@example.com`;
  const admin = await server.admin();
  const { createUser } = await admin.data(CreateUser, { input: { email, password: PASSWORD, role } });
  if (createUser.__typename !== 'User') throw new Error(JSON.stringify(createUser));
  return { id: createUser.id, email };
}

/** Another Gatehouse instance on the same database as `server`: its own ORM, pool, event listener and port. */
export interface Instance {
  url: string;
  orm: Orm;
  app: App;
  /** An anonymous client of this instance. */
  client: GraphQLClient;
  /** Stops the instance (once; later calls wait for the same stop). */
  stop(): Promise<void>;
}

/** `appOptions` override buildApp's options, as for startServer. */
export async function startInstance(server: TestServer, env: Record<string, string> = {}, appOptions: Partial<AppOptions> = {}): Promise<Instance> {
  const config = loadConfig({ ADMIN_EMAIL, ADMIN_PASSWORD, LOG_LEVEL: 'silent', NODE_ENV: 'test', ...env });
  const { orm } = await openDatabase(server.databaseUrl);
  const app = buildApp({
    orm,
    logger: pino({ level: 'silent' }),
    settings: { sessionTtlDays: config.SESSION_TTL_DAYS, throttleScale: config.THROTTLE_SCALE },
    graphiql: false,
    alerts: alertOptionsOf(config),
    webhooks: { retryScheduleMs: config.WEBHOOK_RETRY_SCHEDULE, allowPrivate: config.WEBHOOKS_ALLOW_PRIVATE, disableAfterMs: config.WEBHOOK_DISABLE_AFTER },
    maintenanceIntervalS: config.MAINTENANCE_INTERVAL_S,
    ...appOptions,
  });
  const { port } = await app.start(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}/graphql`;
  let stopped: Promise<void> | undefined;
  return { url, orm, app, client: new GraphQLClient(url), stop: () => (stopped ??= app.stop()) };
}
