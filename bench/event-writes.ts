// Scenario 12: event-writing transactions per second, with the log's ordering against the same transactions without
// it, interleaved in one run. Each transaction inserts one event as Gatehouse's writes do (BEGIN; INSERT; COMMIT),
// from several pg clients at once, into:
//   - `events`, as it is: the xid column and the sequencer's partial index; Gatehouse's sequencer
//     (src/events/sequencer.ts) runs meanwhile, nudged after every commit as an instance's writes nudge it;
//   - `events_unordered`, a copy with the same columns (but no xid and no position), defaults and constraints, and the
//     same listing indexes keyed on the id (insert order) instead of the position: the floor, the log unordered;
//   - `events_locked`, a copy with a commit-time ordering trigger (a global advisory lock, the next position, a NOTIFY
//     carrying the event), shown for reference: what ordering by commit costs.
import pg from 'pg';
import { pino } from 'pino';
import { createScratchDatabase, dropDatabase } from '../src/db/databases.js';
import { openDatabase } from '../src/db/orm.js';
import { sqlOf } from '../src/db/sql.js';
import { EventSequencer } from '../src/events/sequencer.js';
import { withClient } from './seed.js';

export interface EventWritesResult {
  clients: number;
  secondsPerSlice: number;
  rounds: number;
  /** Transactions per second, the median of the rounds' slices. */
  ordered: number;
  unordered: number;
  commitLock: number;
  /** ordered / unordered, and commitLock / unordered. */
  ratio: number;
  commitLockRatio: number;
  /** The sequencer during the ordered slices: passes, events given positions, and what it left behind at each end. */
  sequencer: { passes: number; events: number; eventsPerPass: number; leftAtSliceEnd: number[] };
}

const SETUP = [
  // Without ordering there is no position: the listing indexes are keyed on the id (insert order) instead.
  `create table events_unordered (like events including defaults including constraints)`,
  `alter table events_unordered drop column xid, drop column position, add primary key (id)`,
  `create index on events_unordered (user_id, id)`,
  `create index on events_unordered (device_id, id)`,
  `create index on events_unordered (kind, id)`,
  // Ordered at commit: the position given by the trigger, and the listing indexes on it.
  `create table events_locked (like events including defaults including constraints)`,
  `alter table events_locked drop column xid, add primary key (id), add unique (position)`,
  `create index on events_locked (user_id, position)`,
  `create index on events_locked (device_id, position)`,
  `create index on events_locked (kind, position)`,
  `create sequence events_locked_position_seq`,
  `create function events_locked_assign_position() returns trigger language plpgsql as $$
    declare
      assigned events_locked;
      payload text;
    begin
      perform pg_advisory_xact_lock(7316854);
      update events_locked set position = nextval('events_locked_position_seq') where id = new.id returning * into assigned;
      payload := (to_jsonb(assigned) || jsonb_build_object('id', assigned.id::text, 'position', assigned.position::text))::text;
      perform pg_notify('bench_events_locked', case when octet_length(payload) < 7900 then payload else '' end);
      return null;
    end
  $$`,
  `create constraint trigger events_locked_assign_position after insert on events_locked
    deferrable initially deferred for each row execute function events_locked_assign_position()`,
];

/** One transaction as a sign-in's event is written: one row, its columns given, the rest defaults. */
const transaction = (table: string) =>
  `begin; insert into ${table} (kind, at, user_id, device_id, device_name, ip, user_agent, detail)
   values ('LOGIN_SUCCEEDED', now(), gen_random_uuid(), gen_random_uuid(), 'Pixel 9', '127.0.0.1', 'bench/1.0', null); commit`;

async function slice(clients: pg.Client[], table: string, seconds: number, committed = () => {}): Promise<number> {
  const text = transaction(table);
  const until = Date.now() + seconds * 1000;
  let done = 0;
  await Promise.all(
    clients.map(async (c) => {
      while (Date.now() < until) {
        await c.query(text);
        committed();
        done++;
      }
    }),
  );
  return done / seconds;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function runEventWritesBench(options: { serverUrl: string; quick: boolean; log: (text: string) => void }): Promise<EventWritesResult> {
  const url = await createScratchDatabase(options.serverUrl, 'gatehouse_event_writes');
  const clientCount = 16;
  const seconds = options.quick ? 1 : 5;
  const rounds = options.quick ? 1 : 3;
  try {
    const { orm } = await openDatabase(url);
    await withClient(url, async (c) => {
      for (const statement of SETUP) await c.query(statement);
    });
    const clients = await Promise.all(
      Array.from({ length: clientCount }, async () => {
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        return c;
      }),
    );
    const sequencerClient = new pg.Client({ connectionString: url });
    await sequencerClient.connect();
    const sequencer = { passes: 0, events: 0, leftAtSliceEnd: [] as number[] };
    const running = new EventSequencer(
      sqlOf(orm),
      (events) => {
        sequencer.passes++;
        sequencer.events += events.length;
      },
      pino({ level: 'silent' }),
    );
    const vacuum = () => withClient(url, (c) => c.query('vacuum events, events_unordered, events_locked'));
    const results = { ordered: [] as number[], unordered: [] as number[], commitLock: [] as number[] };
    try {
      // Warm-up: every statement planned and every table's pages in memory.
      await slice(clients, 'events_unordered', 0.5);
      await slice(clients, 'events_locked', 0.5);
      await slice(clients, 'events', 0.5);
      await sequencerClient.query(`select count(*) from events_sequence(2147483647)`);
      for (let round = 0; round < rounds; round++) {
        await vacuum();
        results.unordered.push(await slice(clients, 'events_unordered', seconds));
        await vacuum();
        // The sequencer runs for the whole slice, nudged after every commit, as an instance's writes nudge it.
        running.start();
        results.ordered.push(await slice(clients, 'events', seconds, () => running.nudge()));
        await running.stop();
        const [left] = (await sequencerClient.query<{ n: number }>('select count(*)::int as n from events where position is null')).rows;
        sequencer.leftAtSliceEnd.push(left!.n);
        await sequencerClient.query(`select count(*) from events_sequence(2147483647)`);
        await vacuum();
        results.commitLock.push(await slice(clients, 'events_locked', seconds));
        options.log(
          `   round ${round + 1}: ${Math.round(results.ordered.at(-1)!)} tx/s ordered, ${Math.round(results.unordered.at(-1)!)} without ordering, ${Math.round(results.commitLock.at(-1)!)} with a commit-time lock`,
        );
      }
    } finally {
      await running.stop();
      await Promise.all([...clients, sequencerClient].map((c) => c.end()));
      await orm.close();
    }
    const ordered = median(results.ordered);
    const unordered = median(results.unordered);
    const commitLock = median(results.commitLock);
    return {
      clients: clientCount,
      secondsPerSlice: seconds,
      rounds,
      ordered: Math.round(ordered),
      unordered: Math.round(unordered),
      commitLock: Math.round(commitLock),
      ratio: Math.round((ordered / unordered) * 100) / 100,
      commitLockRatio: Math.round((commitLock / unordered) * 100) / 100,
      sequencer: {
        passes: sequencer.passes,
        events: sequencer.events,
        eventsPerPass: Math.round((sequencer.events / Math.max(1, sequencer.passes)) * 10) / 10,
        leftAtSliceEnd: sequencer.leftAtSliceEnd,
      },
    };
  } finally {
    await dropDatabase(url);
  }
}
