// Creating and dropping whole databases on a server: one per test file, and scratch ones for the migration check.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from './embedded.js';

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withAdminClient<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl(serverUrl, 'postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates a fresh, uniquely named database and returns its URL. */
export async function createScratchDatabase(serverUrl: string, prefix: string): Promise<string> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
  await withAdminClient(serverUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
  return databaseUrl(serverUrl, name);
}

export async function dropDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  await withAdminClient(url, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/** A PostgreSQL server for a one-off job: the given one, or a throwaway embedded cluster in a temp dir. */
export async function temporaryServer(externalUrl: string | undefined): Promise<{ url: string; stop(): Promise<void> }> {
  if (externalUrl) return { url: externalUrl, stop: async () => undefined };
  const dir = await mkdtemp(path.join(tmpdir(), 'gatehouse-pg-'));
  const embedded = await startEmbeddedPostgres({ dataDir: dir, persistent: false });
  return {
    url: embedded.url,
    stop: async () => {
      await embedded.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Creates the named database on the server unless it exists; returns its URL. */
export async function ensureDatabase(serverUrl: string, name: string): Promise<string> {
  await withAdminClient(serverUrl, async (c) => {
    const found = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!found.rowCount) await c.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  });
  return databaseUrl(serverUrl, name);
}
