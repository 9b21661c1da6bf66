// Hand-written SQL for the hot paths (every bearer lookup, a phone's device list, sign-in with a key): plain `pg`
// on clients borrowed from the ORM's own pool, so the same limits, timeouts and outage handling apply, without
// the ORM's query building, identity map and hydration, which cost more than the queries themselves.
import pg from 'pg';
import type { Orm } from './orm.js';

export type Row = Record<string, unknown>;

export interface Sql {
  /** One statement with `$1`-style parameters; returns its rows (timestamps as Date, as pg parses them). */
  query<R extends Row = Row>(text: string, values?: readonly unknown[]): Promise<R[]>;
  /** Runs `work` in one transaction on one connection: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
}

interface KnexClient {
  acquireConnection(): Promise<pg.ClientBase>;
  releaseConnection(connection: pg.ClientBase): Promise<unknown>;
}

/** The ORM's connections parse timestamps to strings for its own hydration; these rows get pg's standard parsers. */
const types = { getTypeParser: pg.types.getTypeParser };

type Logger = ReturnType<Orm['config']['getLogger']>;

function onConnection(connection: pg.ClientBase, logger: Logger): Sql {
  return {
    query: async <R extends Row>(text: string, values?: readonly unknown[]) => {
      const started = performance.now();
      const { rows } = await connection.query<R>({ text, values: values as unknown[] | undefined, types });
      // The ORM's query log (`debug: ['query']`) shows these statements too.
      if (logger.isEnabled('query')) {
        logger.logQuery({ query: text, params: values as unknown[] | undefined, took: Math.round(performance.now() - started), results: rows.length });
      }
      return rows;
    },
    transaction: () => Promise.reject(new Error('Nested transactions are not supported')),
  };
}

export function sqlOf(orm: Orm): Sql {
  const logger = orm.config.getLogger();
  const client = orm.em.getConnection().getKnex().client as KnexClient;
  const withConnection = async <T>(work: (connection: pg.ClientBase) => Promise<T>): Promise<T> => {
    const connection = await client.acquireConnection();
    try {
      return await work(connection);
    } finally {
      await client.releaseConnection(connection);
    }
  };
  return {
    query: <R extends Row>(text: string, values?: readonly unknown[]) => withConnection((c) => onConnection(c, logger).query<R>(text, values)),
    transaction: <T>(work: (tx: Sql) => Promise<T>) =>
      withConnection(async (connection) => {
        const tx = onConnection(connection, logger);
        await tx.query('begin');
        try {
          const result = await work(tx);
          await tx.query('commit');
          return result;
        } catch (error) {
          // A dead connection cannot roll back; the server has already discarded the transaction.
          await tx.query('rollback').catch(() => undefined);
          throw error;
        }
      }),
  };
}
