// Row locks held from outside the app, to catch it waiting: which of its transactions wait for a lock, and whether
// each has a transaction id yet (PostgreSQL gives one at a transaction's first write or row lock; the event log
// orders events by it, docs/event-log.md).
import pg from 'pg';
import type { TestServer } from './server.js';

/** A transaction of its own on the test database (begun), to hold row locks; `end()` closes it (rolling back). */
export async function lockHolder(server: TestServer): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: server.databaseUrl });
  await client.connect();
  await client.query('begin');
  return client;
}

export interface LockWaiter {
  /** The transaction id it holds while waiting; null: it has written and locked nothing yet. */
  xid: string | null;
  query: string;
}

/** The statements waiting for a lock that `holder` holds. */
export async function lockWaiters(server: TestServer, holder: pg.Client): Promise<LockWaiter[]> {
  const [pid] = (await holder.query<{ pid: number }>('select pg_backend_pid() as pid')).rows;
  return server.orm.em
    .getConnection()
    .execute<LockWaiter[]>('select backend_xid::text as xid, query from pg_stat_activity where ? = any(pg_blocking_pids(pid))', [pid!.pid]);
}
