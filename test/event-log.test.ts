// The event log under concurrent writers, as a property: many transactions (quick, long, rolled back, with a savepoint
// rolled back) write events straight to PostgreSQL and through both instances' APIs, while subscribers on two
// instances follow the feed. Every subscriber must get every committed event exactly once, none of a rolled-back
// transaction, all in one order (the log's), and `after: cursor` from any point must give exactly the rest.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './gql/index.js';
import { RenameDevice } from './operations.js';
import { databaseId, type GraphQLClient } from './helpers/client.js';
import { approvedPhone } from './helpers/devices.js';
import { cursorPosition, FeedProbe, sleep, until, WsClient, type LiveSubscription } from './helpers/live.js';
import { startInstance, startServer, type Instance, type TestServer } from './helpers/server.js';

const EventLogFeed = graphql(`
  subscription EventLogFeed($after: String) {
    deviceEvents(after: $after) { id cursor kind detail }
  }
`);

type Delivered = { deviceEvents: { id: string; cursor: string; kind: string; detail: string | null } };

let server: TestServer;
let other: Instance;
const clients: WsClient[] = [];

beforeAll(async () => {
  server = await startServer();
  other = await startInstance(server);
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await other?.stop();
  await server?.stop();
});

/** A small deterministic generator (mulberry32), so a failure can be run again as it was. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function subscribe(url: string, token: string, after: bigint): LiveSubscription<Delivered> {
  const client = new WsClient(url, token);
  clients.push(client);
  return client.subscribe(EventLogFeed, { after: Buffer.from(after.toString(), 'utf8').toString('base64url') });
}

/** What a subscriber following after `from` got up to and including `end`, as [event id, position] pairs, in order. */
async function through(subscription: LiveSubscription<Delivered>, from: bigint, end: bigint): Promise<[string, bigint][]> {
  if (from >= end) return [];
  const values = await subscription.valuesUntil((v) => cursorPosition(v.deviceEvents.cursor) >= end, 20_000);
  return values.map((v) => [databaseId(v.deviceEvents.id), cursorPosition(v.deviceEvents.cursor)]);
}

describe('the event log under concurrent writers', () => {
  it('gives every subscriber on both instances every committed event once, none rolled back, in one order; any cursor resumes with exactly the rest', { timeout: 120_000 }, async () => {
    const next = random(26);
    const db = (): Promise<pg.Client> => {
      const client = new pg.Client({ connectionString: server.databaseUrl });
      return client.connect().then(() => client);
    };
    const query = async <R extends pg.QueryResultRow>(text: string, values: unknown[] = []) => {
      const client = await db();
      try {
        return (await client.query<R>(text, values)).rows;
      } finally {
        await client.end();
      }
    };
    const settled = async () => {
      await until(async () => (await query('select 1 from events where position is null')).length === 0, 'every committed event to have its position', 20_000);
      const [row] = await query<{ p: string }>('select coalesce(max(position), 0)::text as p from events');
      return BigInt(row!.p);
    };

    const adminToken = await server.adminToken();
    const phones = await Promise.all([approvedPhone(server), approvedPhone(server)]);
    const admins: GraphQLClient[] = [server.client.as(adminToken), other.client.as(adminToken)];
    const start = await settled();

    // Two subscribers on each instance, following from `start` before anything is written.
    const probes = [new FeedProbe(server.app), new FeedProbe(other.app)];
    const ready = probes.map((p) => p.readiness());
    const subscribers = [server.url, server.url, other.url, other.url].map((url) => subscribe(url, adminToken, start));
    await ready[0]!(2);
    await ready[1]!(2);

    // Writers straight to PostgreSQL: each transaction commits or rolls back, quickly or after holding itself open.
    const committed = new Set<string>();
    const rolledBack = new Set<string>();
    const insert = (client: pg.Client, detail: string) => client.query(`insert into events (kind, at, detail) values ('POLICY_CHANGED', now(), $1)`, [detail]);
    const writer = async (w: number) => {
      const client = await db();
      try {
        for (let t = 0; t < 20; t++) {
          const roll = next();
          const tag = (e: number) => `w${w}-t${t}-e${e}`;
          const hold = Math.floor(next() * 300);
          await client.query('begin');
          if (roll < 0.45) {
            // Quick: one to three events.
            const count = 1 + Math.floor(next() * 3);
            for (let e = 0; e < count; e++) await insert(client, tag(e));
            await client.query('commit');
            for (let e = 0; e < count; e++) committed.add(tag(e));
          } else if (roll < 0.6) {
            await insert(client, tag(0));
            await client.query('rollback');
            rolledBack.add(tag(0));
          } else if (roll < 0.8) {
            // Long: an event, a wait while others commit, another event.
            await insert(client, tag(0));
            await sleep(hold);
            await insert(client, tag(1));
            await client.query('commit');
            committed.add(tag(0)).add(tag(1));
          } else if (roll < 0.9) {
            await insert(client, tag(0));
            await sleep(hold);
            await client.query('rollback');
            rolledBack.add(tag(0));
          } else {
            // A savepoint rolled back inside a transaction that commits.
            await insert(client, tag(0));
            await client.query('savepoint s');
            await insert(client, tag(1));
            await client.query('rollback to savepoint s');
            await insert(client, tag(2));
            await client.query('commit');
            committed.add(tag(0)).add(tag(2));
            rolledBack.add(tag(1));
          }
        }
      } finally {
        await client.end();
      }
    };
    // And changes through both instances' APIs (their events nudge the instance's sequencer).
    let renames = 0;
    const apiWriter = async (i: number) => {
      for (let t = 0; t < 15; t++) {
        const { renameDevice } = await admins[i % 2]!.data(RenameDevice, { id: phones[i % 2]!.deviceId, name: `api ${i} ${t}` });
        expect(renameDevice.__typename).toBe('Device');
        renames++;
      }
    };

    // Half-way, two more subscribers resume on the other instance from where a live one is at that moment.
    const resumedMidway = (async () => {
      await until(() => subscribers[0]!.results.length >= 40, 'the writers to be half-way', 30_000);
      const at = (s: LiveSubscription<Delivered>) => cursorPosition(s.results.at(-1)!.data!.deviceEvents.cursor);
      const fromA = at(subscribers[0]!);
      const fromB = at(subscribers[2]!);
      return [
        { from: fromA, subscription: subscribe(other.url, adminToken, fromA) },
        { from: fromB, subscription: subscribe(server.url, adminToken, fromB) },
      ];
    })();

    await Promise.all([...Array.from({ length: 8 }, (_, w) => writer(w)), apiWriter(0), apiWriter(1)]);
    const end = await settled();

    // The log: every committed event, and nothing else; positions consecutive, in (xid, id) order.
    const log = await query<{ id: string; position: string; detail: string | null; kind: string }>(
      'select e.id::text, e.position::text, e.detail, e.kind from events e where e.position > $1 order by e.position',
      [start.toString()],
    );
    const written = log.filter((e) => e.kind === 'POLICY_CHANGED').map((e) => e.detail!);
    expect(new Set(written).size).toBe(written.length);
    expect(new Set(written)).toEqual(committed);
    expect(written.filter((d) => rolledBack.has(d))).toEqual([]);
    expect(log.filter((e) => e.kind === 'DEVICE_RENAMED').length).toBe(renames);
    expect(log.map((e) => BigInt(e.position))).toEqual(log.map((_, i) => start + BigInt(i + 1)));
    const byTransaction = await query<{ id: string }>('select e.id::text from events e where e.position > $1 order by e.xid, e.id', [start.toString()]);
    expect(byTransaction.map((e) => e.id)).toEqual(log.map((e) => e.id));
    const expected: [string, bigint][] = log.map((e) => [e.id, BigInt(e.position)]);

    // Each subscriber, on either instance: exactly the log, in its order, and nothing more.
    for (const subscription of subscribers) {
      expect(await through(subscription, start, end)).toEqual(expected);
      await subscription.expectQuiet(100);
    }
    for (const { from, subscription } of await resumedMidway) {
      expect(await through(subscription, from, end)).toEqual(expected.filter(([, p]) => p > from));
    }

    // Resuming afterwards from any point (the first, the last, some between), on either instance: exactly the rest.
    const points = [start, end, ...Array.from({ length: 6 }, () => start + BigInt(Math.floor(next() * log.length)))];
    await Promise.all(
      points.map(async (from, i) => {
        const subscription = subscribe(i % 2 ? other.url : server.url, adminToken, from);
        expect(await through(subscription, from, end)).toEqual(expected.filter(([, p]) => p > from));
        await subscription.expectQuiet(100);
      }),
    );
  });
});
