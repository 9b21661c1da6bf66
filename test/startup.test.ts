// `npm start` as a new user runs it: configuration checks, embedded PostgreSQL kept across restarts, the first admin.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { ConfigError, loadConfig } from '../src/config.js';
import { until } from './helpers/live.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, signIn, startServer } from './helpers/server.js';

const root = path.resolve(import.meta.dirname, '..');

interface Started {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
  url: string;
}

/** Runs src/main.ts as `npm start` does, until it prints where it listens (or exits). */
function start(env: Record<string, string>): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', PORT: '0', ...env },
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start-up within 60 s:\n${out}`)), 60_000);
    const check = () => {
      const match = out.match(/listening on (http:\/\/localhost:\d+\/graphql)/);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ child, output: () => out, url: match[1] });
      }
    };
    child.stdout.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(Object.assign(new Error(`exited with ${code}:\n${out}`), { code, out }));
    });
  });
}

/** Each thread of a process and its nice value (field 19 of /proc/<pid>/task/<tid>/stat). */
async function threadNiceValues(pid: number): Promise<Map<number, number>> {
  const tasks = await readdir(`/proc/${pid}/task`);
  const values = await Promise.all(
    tasks.map(async (tid) => {
      const stat = await readFile(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return [Number(tid), Number(fields[16])] as const;
    }),
  );
  return new Map(values);
}

function stop(started: Started): Promise<number | null> {
  return new Promise((resolve) => {
    started.child.removeAllListeners('exit');
    started.child.on('exit', (code) => resolve(code));
    started.child.kill('SIGTERM');
  });
}

describe('configuration', () => {
  it('names every bad variable', () => {
    try {
      loadConfig({ PORT: 'eighty', DEVICE_APPROVAL: 'sometimes', DATABASE_URL: 'mysql://x', ALLOW_SIGNUP: 'maybe', TRUST_PROXY: '10.0.0.0/8,proxy.example.com' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const message = (e as Error).message;
      for (const name of ['PORT', 'DEVICE_APPROVAL', 'DATABASE_URL', 'ALLOW_SIGNUP', 'TRUST_PROXY']) expect(message).toContain(name);
    }
  });

  it('has the documented defaults', () => {
    expect(loadConfig({})).toMatchObject({
      PORT: 4000,
      DATA_DIR: './.data',
      DEVICE_APPROVAL: 'required',
      ALLOW_SIGNUP: true,
      NODE_ENV: 'development',
      SESSION_TTL_DAYS: 30,
      HASH_THREAD_NICE: 10,
      DATABASE_PREPARED_STATEMENTS: true,
      TRUST_PROXY: [],
    });
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).TRUST_PROXY).toEqual(['loopback', '10.0.0.0/8']);
    expect(loadConfig({ DATABASE_PREPARED_STATEMENTS: 'false' }).DATABASE_PREPARED_STATEMENTS).toBe(false);
  });

  it('stops start-up with a message naming the variable', async () => {
    const error = (await start({ DEVICE_APPROVAL: 'sometimes' }).catch((e: unknown) => e)) as { code: number; out: string };
    expect(error.code).toBe(1);
    expect(error.out).toContain('DEVICE_APPROVAL');
    expect(error.out).toContain('must be "required" or "automatic"');
  });
});

describe('npm start with the embedded PostgreSQL', () => {
  let dataDir: string;
  afterAll(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('starts from nothing, prints how the first admin signs in, serves GraphiQL, and keeps its data across restarts', async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'gatehouse-start-'));
    const first = await start({ DATA_DIR: dataDir });
    const password = first.output().match(/password: (\S+)/)?.[1];
    expect(first.output()).toContain('First administrator created: admin@localhost');
    expect(password).toBeTruthy();

    const graphiql = await fetch(first.url, { headers: { accept: 'text/html' } });
    expect(graphiql.status).toBe(200);
    expect(await graphiql.text()).toContain('GraphiQL');
    expect((await fetch(first.url.replace('/graphql', '/health'))).status).toBe(200);
    expect((await fetch(first.url.replace('/graphql', '/ready'))).status).toBe(200);

    const login = await fetch(first.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `mutation { login(input: { email: "admin@localhost", password: "${password}" }) { __typename } }`,
      }),
    });
    expect(await login.json()).toEqual({ data: { login: { __typename: 'Session' } } });
    expect(await stop(first), first.output()).toBe(0);

    // Same data directory: the admin exists already, so no new one (and no password) is printed.
    const second = await start({ DATA_DIR: dataDir });
    expect(second.output()).not.toContain('First administrator created');
    if (process.platform === 'linux') {
      // The event loop keeps its priority; every other thread (libuv's pool, where argon2 hashes) runs at nice 10.
      const nice = await threadNiceValues(second.child.pid!);
      expect(nice.get(second.child.pid!)).toBe(0);
      expect([...nice].filter(([tid]) => tid !== second.child.pid).map(([, value]) => value)).toEqual(
        Array.from({ length: nice.size - 1 }, () => 10),
      );
      expect(nice.size).toBeGreaterThan(4);
    }
    expect(await stop(second), second.output()).toBe(0);
  }, 120_000);
});

describe('the access log', () => {
  /** A server whose log lines (pino JSON) are kept, at `level`. */
  async function logged(level: string) {
    const lines: Record<string, unknown>[] = [];
    const logger = pino({ level }, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
    return { server: await startServer({}, { logger }), lines };
  }

  it('writes one line per request at level info, without the password or the token', async () => {
    const { server, lines } = await logged('info');
    try {
      const token = await signIn(server.client, ADMIN_EMAIL, ADMIN_PASSWORD);
      await until(() => lines.some((l) => l.msg === 'request'), 'the access log line');
      const requests = lines.filter((l) => l.msg === 'request');
      expect(requests).toHaveLength(1);
      expect(requests[0]).toMatchObject({ method: 'POST', path: '/graphql', status: 200 });
      expect(typeof requests[0]!.ms).toBe('number');
      const all = JSON.stringify(lines);
      expect(all).not.toContain(ADMIN_PASSWORD);
      expect(all).not.toContain(token);
    } finally {
      await server.stop();
    }
  });

  it('writes none above level info', async () => {
    const { server, lines } = await logged('warn');
    try {
      await signIn(server.client, ADMIN_EMAIL, ADMIN_PASSWORD);
      expect(lines.filter((l) => l.msg === 'request')).toEqual([]);
    } finally {
      await server.stop();
    }
  });
});
