// A phone's read costs a fixed number of SQL statements, however many devices there are (no N+1); and the ORM's
// AsyncLocalStorages are left disabled between writes, so promises carry no async hooks (src/db/async-context.ts).
import { AsyncLocalStorage } from 'node:async_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { pino } from 'pino';
import { inject } from 'vitest';
import { buildApp, type App } from '../src/app.js';
import { createScratchDatabase, dropDatabase } from '../src/db/databases.js';
import { asyncContextGated, asyncContextState } from '../src/db/async-context.js';
import { openDatabase, type Orm } from '../src/db/orm.js';
import { bootstrap } from '../src/bootstrap.js';
import { EVENT_COLUMNS, EventRow } from '../src/events/event.entity.js';
import { loadConfig } from '../src/config.js';
import { graphql } from './gql/index.js';
import { ApproveDevice, Login } from './operations.js';
import { GraphQLClient } from './helpers/client.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, newDevice, PASSWORD, signIn } from './helpers/server.js';

const PhoneRead = graphql(`
  query StatementsPhoneRead {
    me {
      id
      email
      devices(first: 10) {
        totalCount
        edges { node { id name status platform model appName lastUsedAt owner { id email } lastUser { id email } } }
      }
    }
  }
`);

let app: App;
let orm: Orm;
let url: string;
let databaseUrl: string;
let statements = 0;
/** The statements' texts, while `logging` is set. */
let logged: string[] | null = null;

beforeAll(async () => {
  databaseUrl = await createScratchDatabase(inject('pgServerUrl'), 'gatehouse_statements');
  // Every SQL statement is counted: the ORM's and the hand-written ones (src/db/sql.ts logs through the same logger).
  ({ orm } = await openDatabase(databaseUrl, { debug: ["query"], logger: (m: string) => { statements++; logged?.push(m); if (process.env.SHOW_SQL) console.log(m); } }));
  await bootstrap(orm, loadConfig({ ADMIN_EMAIL, ADMIN_PASSWORD, LOG_LEVEL: 'silent' }));
  app = buildApp({ orm, logger: pino({ level: 'silent' }), settings: { sessionTtlDays: 30, throttleScale: 0 }, graphiql: false });
  const { port } = await app.start(0, '127.0.0.1');
  url = `http://127.0.0.1:${port}/graphql`;
});
afterAll(async () => {
  await app.stop();
  await dropDatabase(databaseUrl);
});

/** The ORM's connection pool, which the hand-written SQL borrows from too. */
const pool = (of: Orm = orm) =>
  of.em.getConnection().getKnex().client as {
    acquireConnection(): Promise<{ query(text: string): Promise<{ rows: { name: string; statement: string }[] }> }>;
    releaseConnection(connection: unknown): Promise<unknown>;
  };

async function statementsFor(client: GraphQLClient): Promise<number> {
  // Let the live event feed finish reading what the set-up committed: its reads are not the request's.
  await new Promise((resolve) => setTimeout(resolve, 300));
  const before = statements;
  const res = await client.request(PhoneRead);
  expect(res.errors).toBeUndefined();
  return statements - before;
}

describe("a phone's read", () => {
  it('sends the same number of statements for 1 device as for 10, with owners and last users', async () => {
    const anonymous = new GraphQLClient(url);
    const admin = anonymous.as(await signIn(anonymous, ADMIN_EMAIL, ADMIN_PASSWORD));
    const email = 'counted@example.com';
    await admin.raw(`mutation { createUser(input: { email: "${email}", password: "${PASSWORD}" }) { __typename } }`);
    const first = newDevice();
    const pending = await anonymous.data(Login, { input: { email, password: PASSWORD, device: first } });
    if (pending.login.__typename !== 'DevicePendingApproval') throw new Error(pending.login.__typename);
    await admin.data(ApproveDevice, { id: pending.login.pendingDevice!.id });
    const phone = anonymous.as(await signIn(anonymous, email, PASSWORD, first));

    const withOne = await statementsFor(phone);
    // Nine more devices, each owned by someone else and last used by our user: ten distinct owners to load.
    for (let i = 0; i < 9; i++) {
      const owner = `owner-${i}@example.com`;
      await admin.raw(`mutation { createUser(input: { email: "${owner}", password: "${PASSWORD}" }) { __typename } }`);
      const device = newDevice();
      const registered = await anonymous.data(Login, { input: { email: owner, password: PASSWORD, device } });
      if (registered.login.__typename !== 'DevicePendingApproval') throw new Error(registered.login.__typename);
      await admin.data(ApproveDevice, { id: registered.login.pendingDevice!.id });
      await signIn(anonymous, email, PASSWORD, device);
    }
    const withTen = await statementsFor(phone);
    expect((await phone.data(PhoneRead)).me?.devices.edges).toHaveLength(10);
    expect(withTen).toBe(withOne);
    // Session, devices page, owners and last users (one batched query), totalCount: the hand-written statements
    // are in the ORM's query log too, so a path that bypassed it would show here as fewer.
    expect(withTen).toBe(4);
  });

  it('sends them prepared: PostgreSQL holds each by name on the connections that ran it', async () => {
    const anonymous = new GraphQLClient(url);
    const admin = anonymous.as(await signIn(anonymous, ADMIN_EMAIL, ADMIN_PASSWORD));
    expect((await admin.request(PhoneRead)).errors).toBeUndefined();
    // Every connection of the pool at once (10 at most), so the ones that ran the read are among them.
    const connections = await Promise.all(Array.from({ length: 10 }, () => pool().acquireConnection()));
    const prepared = (await Promise.all(connections.map((c) => c.query('select name, statement from pg_prepared_statements')))).flatMap((r) => r.rows);
    await Promise.all(connections.map((c) => pool().releaseConnection(c)));
    const named = (fragment: string) => prepared.filter((p) => p.name.startsWith('gh_') && p.statement.includes(fragment));
    expect(named('from sessions s').length).toBeGreaterThan(0);
    expect(named('from devices d').length).toBeGreaterThan(0);
  });

  it('keeps answering when a migration changes the type of a column its prepared statements return', async () => {
    // A rolling deploy: the new build migrates while this instance still holds statements prepared before the change,
    // which PostgreSQL then refuses to run ("cached plan must not change result type").
    const anonymous = new GraphQLClient(url);
    const admin = anonymous.as(await signIn(anonymous, ADMIN_EMAIL, ADMIN_PASSWORD));
    const email = 'migrated@example.com';
    await admin.raw(`mutation { createUser(input: { email: "${email}", password: "${PASSWORD}" }) { __typename } }`);
    const device = newDevice({ model: 'Pixel 9' });
    const pending = await anonymous.data(Login, { input: { email, password: PASSWORD, device } });
    if (pending.login.__typename !== 'DevicePendingApproval') throw new Error(pending.login.__typename);
    await admin.data(ApproveDevice, { id: pending.login.pendingDevice!.id });
    const phone = anonymous.as(await signIn(anonymous, email, PASSWORD, device));
    // More reads at once than the pool has connections, so that every connection has the statements prepared.
    const reads = async () => {
      for (const res of await Promise.all(Array.from({ length: 12 }, () => phone.request(PhoneRead)))) {
        expect(res.errors).toBeUndefined();
        expect(res.data?.me?.devices.edges.map((e) => e.node.model)).toEqual(['Pixel 9']);
      }
    };
    await reads();
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      await db.query('alter table devices alter column model type text');
      await reads();
    } finally {
      // Back as the migrations made it (a second change of type, which the reads below must survive as well).
      await db.query('alter table devices alter column model type varchar(128)');
      await db.end();
    }
    await reads();
  });

  it('plans a device search with its term every time: never prepared', async () => {
    const anonymous = new GraphQLClient(url);
    const admin = anonymous.as(await signIn(anonymous, ADMIN_EMAIL, ADMIN_PASSWORD));
    // Enough runs that a prepared statement would have gone to a generic plan (PostgreSQL tries five custom ones).
    for (let i = 0; i < 7; i++) {
      const res = await admin.raw('{ devices(first: 5, filter: { search: "phone" }) { totalCount edges { node { id } } } }');
      expect(res.errors).toBeUndefined();
    }
    // The same listing without a search is prepared as usual.
    expect((await admin.raw('{ devices(first: 5, filter: { status: BLOCKED }) { totalCount } }')).errors).toBeUndefined();
    const connections = await Promise.all(Array.from({ length: 10 }, () => pool().acquireConnection()));
    const prepared = (await Promise.all(connections.map((c) => c.query('select statement from pg_prepared_statements')))).flatMap((r) => r.rows);
    await Promise.all(connections.map((c) => pool().releaseConnection(c)));
    expect(prepared.filter((p) => p.statement.includes('ilike'))).toEqual([]);
    expect(prepared.filter((p) => p.statement.includes('d.status =')).length).toBeGreaterThan(0);
  });

  it('sends them unprepared with DATABASE_PREPARED_STATEMENTS=false (for poolers that cannot keep them)', async () => {
    // An instance of its own (stopping an app closes its ORM), on the same database.
    const { orm: own } = await openDatabase(databaseUrl);
    // Throttling on: its store's statements (rate-limiter-flexible's) must follow the setting as well.
    const unprepared = buildApp({ orm: own, logger: pino({ level: 'silent' }), settings: { sessionTtlDays: 30, throttleScale: 1 }, graphiql: false, preparedStatements: false });
    const { port } = await unprepared.start(0, '127.0.0.1');
    try {
      const anonymous = new GraphQLClient(`http://127.0.0.1:${port}/graphql`);
      const admin = anonymous.as(await signIn(anonymous, ADMIN_EMAIL, ADMIN_PASSWORD));
      // A text only this test sends: the filter makes the devices statement differ from the other tests'.
      const res = await admin.raw('{ me { devices(first: 3, filter: { platform: ANDROID }) { totalCount } } }');
      expect(res.errors).toBeUndefined();
      // A failed sign-in: the throttle reads the keys' blocks, then counts the failure against each.
      const failed = await anonymous.request(Login, { input: { email: 'unprepared-nobody@example.com', password: 'wrong password' } });
      expect(failed.errors).toBeUndefined();
      expect(failed.data?.login.__typename).toBe('InvalidCredentials');
      const counted = await own.em.getConnection().execute<{ key: string }[]>("select key from rate_limits where key like 'fail:account:%unprepared-nobody@example.com'");
      expect(counted).toHaveLength(1);
      const connections = await Promise.all(Array.from({ length: 10 }, () => pool(own).acquireConnection()));
      const prepared = (await Promise.all(connections.map((c) => c.query('select statement from pg_prepared_statements')))).flatMap((r) => r.rows);
      await Promise.all(connections.map((c) => pool(own).releaseConnection(c)));
      expect(prepared.filter((p) => p.statement.includes('d.platform ='))).toEqual([]);
      expect(prepared.filter((p) => p.statement.includes('rate_limits'))).toEqual([]);
    } finally {
      await unprepared.stop();
    }
  });
});

const UsersWithCounts = graphql(`
  query StatementsUsersWithCounts($first: Int!) {
    users(first: $first) { edges { node { id email deviceCount } } }
  }
`);

describe("an admin's page of users", () => {
  it('counts every listed user\'s devices in one statement, however many users the page holds', async () => {
    const anonymous = new GraphQLClient(url);
    const admin = anonymous.as(await signIn(anonymous, ADMIN_EMAIL, ADMIN_PASSWORD));
    // Twelve users (with the admin, thirteen at least), owning 0, 1, 2, then 3 devices each.
    const owners: string[] = [];
    for (let i = 0; i < 12; i++) {
      const email = `counts-${i}@example.com`;
      await admin.raw(`mutation { createUser(input: { email: "${email}", password: "${PASSWORD}" }) { __typename } }`);
      for (let d = 0; d < Math.min(i, 3); d++) await anonymous.data(Login, { input: { email, password: PASSWORD, device: newDevice() } });
      owners.push(email);
    }
    const statementsFor = async (first: number) => {
      await sleep(300);
      const before = statements;
      const res = await admin.request(UsersWithCounts, { first });
      expect(res.errors).toBeUndefined();
      return { statements: statements - before, users: res.data!.users.edges.map((e) => e.node) };
    };
    const one = await statementsFor(1);
    const all = await statementsFor(50);
    expect(one.users).toHaveLength(1);
    expect(all.users.length).toBeGreaterThan(12);
    expect(all.statements).toBe(one.statements);
    const counts = Object.fromEntries(all.users.map((u) => [u.email, u.deviceCount]));
    expect(owners.map((email) => counts[email])).toEqual([0, 1, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3]);
  });
});

describe('the live event feed', () => {
  const feedReads = () => (logged ?? []).filter((m) => /from events where position >/.test(m));

  it('hands over the events its own sequencer gave positions to, without reading them back, as a read would give them', async () => {
    const anonymous = new GraphQLClient(url);
    await signIn(anonymous, ADMIN_EMAIL, ADMIN_PASSWORD);
    // Whatever the set-up committed is handed over first.
    await sleep(300);
    const seen: EventRow[] = [];
    const listening = app.feed.listen((event) => seen.push(event));
    logged = [];
    try {
      for (let i = 0; i < 3; i++) await signIn(anonymous, ADMIN_EMAIL, ADMIN_PASSWORD);
      await expect.poll(() => seen.length).toBe(3);
      expect(feedReads()).toEqual([]);
    } finally {
      logged = null;
      listening.stop();
    }
    // The same rows as the feed's read gets them (plain pg, its standard parsers).
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    const { rows } = await db
      .query<Record<string, unknown>>(`select ${EVENT_COLUMNS.join(', ')} from events where position = any($1::bigint[]) order by position`, [seen.map((e) => e.position)])
      .finally(() => db.end());
    expect(seen).toEqual(rows.map((row) => new EventRow(row)));
    expect(seen.map((e) => e.kind)).toEqual(['LOGIN_SUCCEEDED', 'LOGIN_SUCCEEDED', 'LOGIN_SUCCEEDED']);
  });

  it('hands an event to every listener when one of them throws', async () => {
    const anonymous = new GraphQLClient(url);
    await sleep(300);
    const seen: EventRow[] = [];
    const failing = app.feed.listen(() => {
      throw new Error('a failing listener');
    });
    const listening = app.feed.listen((event) => seen.push(event));
    try {
      await signIn(anonymous, ADMIN_EMAIL, ADMIN_PASSWORD);
      await signIn(anonymous, ADMIN_EMAIL, ADMIN_PASSWORD);
      await expect.poll(() => seen.length).toBe(2);
    } finally {
      failing.stop();
      listening.stop();
    }
  });

  it('reads what another instance gave positions to on its NOTIFY, and what it missed before it', async () => {
    await sleep(300);
    const seen: EventRow[] = [];
    const listening = app.feed.listen((event) => seen.push(event));
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    // As another instance's sequencer would: the next positions, then a NOTIFY naming the last.
    const sequenced = (detail: string) =>
      db.query<{ position: string }>(
        `insert into events (kind, at, detail, position) select 'POLICY_CHANGED', now(), $1, coalesce(max(position), 0) + 1 from events returning position::text`,
        [detail],
      );
    try {
      // One whose NOTIFY never reached this instance (as while its listening connection reconnects), then one whose did.
      await sequenced('missed');
      const { rows } = await sequenced('notified');
      await db.query(`select pg_notify('gatehouse_events', $1)`, [rows[0]!.position]);
      await expect.poll(() => seen.length).toBe(2);
      expect(seen.map((e) => e.detail)).toEqual(['missed', 'notified']);
    } finally {
      listening.stop();
      await db.end();
    }
  });

  it('gives positions to events another process wrote (no nudge from this one), and hands them over', async () => {
    await sleep(300);
    const seen: EventRow[] = [];
    const listening = app.feed.listen((event) => seen.push(event));
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      await db.query("insert into events (kind, at, detail) values ('POLICY_CHANGED', now(), 'from psql')");
      await expect.poll(() => seen.length).toBe(1);
      expect(seen[0]).toMatchObject({ kind: 'POLICY_CHANGED', detail: 'from psql' });
      const { rows } = await db.query<{ position: string }>("select position::text from events where detail = 'from psql'");
      expect(seen[0]!.position).toBe(rows[0]!.position);
    } finally {
      listening.stop();
      await db.end();
    }
  });
});

describe('async context', () => {
  // MikroORM enters an AsyncLocalStorage on every flush and transaction; one left enabled would put async hooks on
  // every promise the process makes (src/db/async-context.ts).
  it.runIf(asyncContextGated)('is left disabled once the writes through the API have settled', async () => {
    const anonymous = new GraphQLClient(url);
    const admin = anonymous.as(await signIn(anonymous, ADMIN_EMAIL, ADMIN_PASSWORD));
    const email = 'async-context@example.com';
    await admin.raw(`mutation { createUser(input: { email: "${email}", password: "${PASSWORD}" }) { __typename } }`);
    const device = newDevice();
    const pending = await anonymous.data(Login, { input: { email, password: PASSWORD, device } });
    if (pending.login.__typename !== 'DevicePendingApproval') throw new Error(pending.login.__typename);
    // A transaction (the approval) and flushes (user, device, events) ran, each inside an AsyncLocalStorage.
    await admin.data(ApproveDevice, { id: pending.login.pendingDevice!.id });
    await signIn(anonymous, email, PASSWORD, device);
    const state = asyncContextState();
    expect(state.storagesRun).toBeGreaterThanOrEqual(2);
    expect(state).toMatchObject({ enabledStorages: 0, runsUnderWay: 0 });
  });

  it.runIf(asyncContextGated)('keeps each run\'s store across its awaits while another run on the storage settles', async () => {
    const storage = new AsyncLocalStorage<string>();
    const seen: (string | undefined)[] = [];
    const long = storage.run('long', async () => {
      await sleep(30);
      seen.push(storage.getStore());
    });
    await storage.run('short', async () => {
      await sleep(5);
      seen.push(storage.getStore());
    });
    await long;
    expect(seen).toEqual(['short', 'long']);
    expect(storage.getStore()).toBeUndefined();
    expect((storage as unknown as { enabled: boolean }).enabled).toBe(false);
  });
});
