// Hand-written SQL for the hot paths (every bearer lookup, a phone's device list, the event feed, sign-in from an
// approved device): plain `pg` on clients borrowed from the ORM's own pool, so the same limits, timeouts and outage
// handling apply, without the ORM's query building, identity map and hydration, which cost more than the queries
// themselves. One statement at a time (a change that needs several writes makes them one statement, or uses the ORM).
import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import pg from 'pg';
import type { Orm } from './orm.js';

export type Row = Record<string, unknown>;

/** A uuid in its canonical text form: anything else must not reach PostgreSQL as one (it would be an error there). */
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface QueryOptions {
  /**
   * false: plan this statement afresh each time, with its values (unnamed), even where statements are prepared. For
   * a statement whose best plan depends on a value, which a prepared statement's generic plan cannot see.
   */
  prepared?: boolean;
}

export interface Sql {
  /** One statement with `$1`-style parameters; returns its rows (timestamps as Date, as pg parses them). */
  query<R extends Row = Row>(text: string, values?: readonly unknown[], options?: QueryOptions): Promise<R[]>;
  /**
   * A long read in batches of `batchSize` rows (an export): a server-side cursor in a read-only REPEATABLE READ
   * transaction (one snapshot throughout) on a connection of the pool held until the read ends. Stopping early (a
   * `break`, a `return()` of the iterator, an error) closes the cursor, ends the transaction and gives the connection
   * back.
   */
  cursor<R extends Row = Row>(text: string, values: readonly unknown[], batchSize: number): AsyncGenerator<R[], void, undefined>;
  /**
   * One statement inside an ORM transaction, on its connection, prepared like `query`'s (the ORM sends its statements
   * unnamed, so PostgreSQL plans them on every call). For a read on a hot write path. A statement whose plan went
   * stale fails the transaction (it cannot be sent again inside it); it is renamed, so the caller's next try prepares
   * it afresh.
   */
  queryIn<R extends Row = Row>(tx: EntityManager, text: string, values?: readonly unknown[]): Promise<R[]>;
  /**
   * The pool as a `pg.Pool`'s `query(config)`, for a library written against pg (rate-limiter-flexible's store): one
   * statement on a pooled connection, prepared like `query`'s (under its text's name, whatever name the library
   * gives), answered with pg's whole result (`rows`, `rowCount`).
   */
  poolQuery(config: { text: string; values?: unknown[] }): Promise<pg.QueryResult>;
}

/** What a background loop that runs one statement at a time needs (the event log's sequencer). */
export type OwnConnection = Pick<Sql, 'query'> & { close(): Promise<void> };

/**
 * A connection of its own, outside the pool, for a background loop that runs one statement at a time (the event
 * log's sequencer, a pass every 25 ms under writes): it never waits behind requests for a pooled connection, nor
 * takes one from them when the pool is busiest, and it is not opened afresh under load. Connected on first use, with
 * the pool's timeouts; a connection that fails is dropped, and the next statement connects again.
 */
export function ownConnection(connectionString: string): OwnConnection {
  let client: pg.Client | null = null;
  let connecting: Promise<pg.Client> | null = null;
  let closed = false;
  const drop = (c: pg.Client) => {
    if (client === c) client = null;
    void c.end().catch(() => undefined);
  };
  const connect = () =>
    (connecting ??= (async () => {
      const c = new pg.Client({ connectionString, connectionTimeoutMillis: 3_000, statement_timeout: 15_000 });
      c.on('error', () => drop(c));
      try {
        await c.connect();
      } catch (error) {
        drop(c);
        throw error;
      }
      client = c;
      return c;
    })().finally(() => (connecting = null)));
  return {
    query: async <R extends Row>(text: string, values?: readonly unknown[]) => {
      if (closed) throw new Error('the connection is closed');
      const c = client ?? (await connect());
      try {
        return (await c.query<R>({ text, values: values as unknown[] | undefined })).rows;
      } catch (error) {
        // An error PostgreSQL sent leaves the connection usable; any other (it broke, timed out) does not.
        if (!(error instanceof pg.DatabaseError)) drop(c);
        throw error;
      }
    },
    close: async () => {
      closed = true;
      const c = client ?? (await connecting?.catch(() => null));
      if (c) await c.end().catch(() => undefined);
      client = null;
    },
  };
}

/** knex's client and its pool (tarn), whose connections the ORM shares with the statements here. */
interface KnexClient {
  pool?: { acquire(): { promise: Promise<pg.ClientBase> }; release(connection: pg.ClientBase): boolean };
}

/**
 * A connection from the ORM's pool, as knex's `acquireConnection` hands one out but without its per-call wrapping
 * (an async function, a debug call, and the password hidden again on every acquire: 1.5-2% of a phone's read,
 * profiled). The password is hidden once per connection; a wait past the pool's acquire timeout fails with the message
 * knex gives it, which marks the database unavailable (src/graphql/errors.ts).
 */
const hidden = new WeakSet<object>();
async function acquire(client: KnexClient): Promise<pg.ClientBase> {
  if (!client.pool) throw new Error('Unable to acquire a connection');
  let connection: pg.ClientBase;
  try {
    connection = await client.pool.acquire().promise;
  } catch (error) {
    // tarn's TimeoutError (not exported by knex): the pool stayed full for acquireTimeoutMillis.
    if (error instanceof Error && error.constructor.name === 'TimeoutError') {
      throw new Error('Knex: Timeout acquiring a connection. The pool is probably full.', { cause: error });
    }
    throw error;
  }
  // What knex does on every acquire, once: a driver whose connection keeps its settings as `config` (pg's client
  // keeps its password hidden itself) gets the password made non-enumerable, so logging one never prints it.
  const config = (connection as { config?: { password?: unknown } }).config;
  if (config && !hidden.has(connection)) {
    hidden.add(connection);
    Object.defineProperty(config, 'password', { enumerable: false, value: config.password });
  }
  return connection;
}

/** The ORM's connections parse timestamps to strings for its own hydration; these rows get pg's standard parsers. */
const types = { getTypeParser: pg.types.getTypeParser };

type Logger = ReturnType<Orm['config']['getLogger']>;

/**
 * Named (prepared) statements: PostgreSQL parses and plans each text once per connection instead of on every call
 * (measured: 2.1 -> 1.3 ms of PostgreSQL CPU per password sign-in). Texts are built from code, values are always
 * parameters, so there are a few dozen of them; past MAX_NAMED a text runs unnamed, should that ever change.
 */
const MAX_NAMED = 500;
const names = new Map<string, string>();
function nameOf(text: string): string | undefined {
  let name = names.get(text);
  if (!name && names.size < MAX_NAMED) names.set(text, (name = `gh_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`));
  return name;
}

/**
 * PostgreSQL refuses to run a prepared statement again once a schema change alters the type of a column it returns
 * ("cached plan must not change result type"): a migration of a rolling deploy, run while this instance still holds
 * statements prepared before it. It refuses before executing anything, so the statement is sent again under a new
 * name (prepared afresh, on this connection and on every other); the old one stays on the server, unused, until
 * its connection closes. The code and routine are checked, not the message, which PostgreSQL translates.
 */
function isStalePlan(error: unknown): boolean {
  return error instanceof pg.DatabaseError && error.code === '0A000' && error.routine === 'RevalidateCachedQuery';
}

let renamed = 0;
function renameStatement(text: string, stale: string): void {
  // Several connections can fail on the same statement at once: the first renames it, the others use that name.
  if (names.get(text) === stale) names.set(text, `${stale.replace(/_r\d+$/, '')}_r${++renamed}`);
}

export interface SqlOptions {
  /** Prepare statements (the default); off behind a pooler that cannot keep them (PgBouncer in transaction mode before 1.21). */
  prepared?: boolean;
  /** Called after a statement that inserts events has committed (the event log's sequencer then gives them positions). */
  eventsWritten?: () => void;
}

/** Whether a statement's text inserts events; remembered per text (there are a few dozen). */
const insertsEvents = new Map<string, boolean>();
function writesEvents(text: string): boolean {
  let writes = insertsEvents.get(text);
  if (writes === undefined && insertsEvents.size < MAX_NAMED) insertsEvents.set(text, (writes = text.includes('insert into events')));
  return writes ?? text.includes('insert into events');
}

export function sqlOf(orm: Orm, { prepared = true, eventsWritten }: SqlOptions = {}): Sql {
  const logger: Logger = orm.config.getLogger();
  const client = orm.em.getConnection().getKnex().client as KnexClient;
  const log = (text: string, values: readonly unknown[] | undefined, started: number, rows: unknown[]) =>
    logger.logQuery({ query: text, params: values as unknown[] | undefined, took: Math.round(performance.now() - started), results: rows.length });
  /** One statement on a pooled connection (named when `named`), sent again under a new name if its plan went stale. */
  const run = async <R extends Row>(text: string, values: readonly unknown[] | undefined, named: boolean): Promise<pg.QueryResult<R>> => {
    const connection = await acquire(client);
    try {
      // The ORM's query log (`debug: ['query']`) shows these statements too.
      const started = logger.isEnabled('query') ? performance.now() : undefined;
      const name = named ? nameOf(text) : undefined;
      let result: pg.QueryResult<R>;
      try {
        result = await connection.query<R>({ name, text, values: values as unknown[] | undefined, types });
      } catch (error) {
        if (!name || !isStalePlan(error)) throw error;
        renameStatement(text, name);
        result = await connection.query<R>({ name: nameOf(text), text, values: values as unknown[] | undefined, types });
      }
      if (started !== undefined) log(text, values, started, result.rows);
      if (eventsWritten && writesEvents(text)) eventsWritten();
      return result;
    } finally {
      client.pool?.release(connection);
    }
  };
  return {
    cursor: async function* <R extends Row>(text: string, values: readonly unknown[], batchSize: number) {
      const connection = await acquire(client);
      let open = false;
      try {
        await connection.query('begin isolation level repeatable read read only');
        open = true;
        await connection.query({ text: `declare export_cursor no scroll cursor for ${text}`, values: values as unknown[] });
        for (;;) {
          const { rows } = await connection.query<R>({ text: `fetch forward ${Math.max(1, Math.floor(batchSize))} from export_cursor`, types });
          if (!rows.length) return;
          yield rows;
        }
      } finally {
        // Rolling back closes the cursor too. A connection that failed is given back all the same: the pool checks it.
        if (open) await connection.query('rollback').catch(() => undefined);
        client.pool?.release(connection);
      }
    },
    queryIn: async <R extends Row>(tx: EntityManager, text: string, values?: readonly unknown[]) => {
      const trx = tx.getTransactionContext<{ client?: { acquireConnection(): Promise<pg.ClientBase> } }>();
      // knex's transaction client hands out the one connection the transaction runs on.
      if (!trx?.client) throw new Error('sql.queryIn needs an ORM transaction');
      const connection = await trx.client.acquireConnection();
      const started = logger.isEnabled('query') ? performance.now() : undefined;
      const name = prepared ? nameOf(text) : undefined;
      try {
        const result = await connection.query<R>({ name, text, values: values as unknown[] | undefined, types });
        if (started !== undefined) log(text, values, started, result.rows);
        return result.rows;
      } catch (error) {
        if (name && isStalePlan(error)) renameStatement(text, name);
        throw error;
      }
    },
    query: async <R extends Row>(text: string, values?: readonly unknown[], options?: QueryOptions) =>
      (await run<R>(text, values, prepared && options?.prepared !== false)).rows,
    poolQuery: ({ text, values }) => run(text, values, prepared),
  };
}
