// The feed hands over the events of one sequencer pass in the log's order. A pass gives positions in (xid, id) order,
// which differs from the order the events were inserted in when a transaction that got its id first inserts later;
// one instance alone here, so its own pass's events reach its subscribers straight from the pass.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './gql/index.js';
import { cursorPosition, FeedProbe, WsClient } from './helpers/live.js';
import { startServer, type TestServer } from './helpers/server.js';

const FeedOrder = graphql(`
  subscription FeedOrder {
    deviceEvents { cursor kind detail }
  }
`);

let server: TestServer;
const clients: WsClient[] = [];
const connections: pg.Client[] = [];

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await Promise.all(connections.map((c) => c.end()));
  await server.stop();
});

async function transaction(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: server.databaseUrl });
  connections.push(client);
  await client.connect();
  await client.query('begin');
  // Its transaction id now, before it writes.
  await client.query('select pg_current_xact_id()');
  return client;
}

/** Events each transaction inserts in a row: enough for the pass's statement to be planned as a hash join. */
const MANY = 150;

const insert = (client: pg.Client, detail: string) => client.query(`insert into events (kind, at, detail) values ('POLICY_CHANGED', now(), $1)`, [detail]);

describe('one pass of the sequencer', () => {
  it("reaches a subscriber in the log's order, not in the order its events were inserted", async () => {
    const probe = new FeedProbe(server.app);
    const ready = probe.readiness();
    const client = new WsClient(server.url, await server.adminToken());
    clients.push(client);
    const live = client.subscribe(FeedOrder);
    await ready();

    // Statistics taken while many events waited for their positions (as under a burst of writes behind a long
    // transaction): the pass's statement is then planned as a hash join, which returns its rows in the table's order.
    const early = await transaction();
    const burst = await transaction();
    await burst.query(`insert into events (kind, at, detail) select 'POLICY_CHANGED', now(), 'burst ' || g from generate_series(1, 3000) g`);
    await burst.query('commit');
    await burst.query('analyze events');
    await early.query('commit');
    await live.valuesUntil((v) => v.deviceEvents.detail === 'burst 3000', 30_000);

    for (let round = 0; round < 3; round++) {
      // The first transaction has the smaller id but inserts on both sides of the second one's insert.
      const first = await transaction();
      const second = await transaction();
      const many = (tag: string) => Array.from({ length: MANY }, (_, i) => `${round}-${tag}${i}`);
      await insert(first, `${round}-a`);
      for (const detail of many('b')) await insert(second, detail);
      for (const detail of many('c')) await insert(first, detail);
      // The second commits first; its events wait for the first, so one pass gives them all their positions.
      await second.query('commit');
      await first.query('commit');

      const got = (await live.valuesUntil((v) => v.deviceEvents.detail === `${round}-b${MANY - 1}` || v.deviceEvents.detail === `${round}-c${MANY - 1}`)).map((v) => v.deviceEvents);
      while (got.length < 1 + 2 * MANY) got.push((await live.nextValue()).deviceEvents);
      expect(got.map((e) => e.detail)).toEqual([`${round}-a`, ...many('c'), ...many('b')]);
      const positions = got.map((e) => cursorPosition(e.cursor));
      expect(positions).toEqual(positions.map((_, i) => positions[0]! + BigInt(i)));
    }
  });
});
