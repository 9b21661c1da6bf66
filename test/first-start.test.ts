// The first ten minutes: a fresh copy of the project in a private home directory (mode 700, as /root is) installs and
// starts with the embedded PostgreSQL and answers /graphql; a failing embedded database ends in one line.
import { spawn, execFileSync } from 'node:child_process';
import { cp, lstat, mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stateClusterDirectory } from '../src/db/embedded.js';

const root = path.resolve(import.meta.dirname, '..');
const scratch: string[] = [];

afterAll(async () => {
  for (const dir of scratch) await rm(dir, { recursive: true, force: true });
});

interface Run {
  output: () => string;
  exited: Promise<number | null>;
  /** SIGTERM to the whole process group (npm, tsx, node). */
  stop: () => void;
}

function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}): Run {
  const child = spawn(command, args, {
    cwd,
    detached: true,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', npm_config_cache: path.join(process.env.HOME ?? '/root', '.npm'), ...env },
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  return {
    output: () => out,
    exited: new Promise((resolve) => child.on('exit', (code) => resolve(code))),
    stop: () => process.kill(-child.pid!, 'SIGTERM'),
  };
}

/** The project as a new user gets it: every file git tracks (and new ones it does not ignore), as they are now. */
async function copyProject(target: string): Promise<void> {
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' })
    .split('\0')
    .filter(Boolean);
  for (const file of files) {
    // Never another checkout's installed packages (a worktree may link its node_modules to this one's: npm ci in
    // the copy would then empty the original).
    if (file.split('/').includes('node_modules')) continue;
    const from = path.join(root, file);
    const info = await lstat(from).catch(() => null);
    if (!info || info.isSymbolicLink()) continue; // deleted in the working tree, or a link out of it
    await mkdir(path.dirname(path.join(target, file)), { recursive: true });
    await cp(from, path.join(target, file));
  }
}

describe('a first start in a private home directory', () => {
  it('installs, starts with the embedded PostgreSQL and answers /graphql', async () => {
    const home = await mkdtemp(path.join(tmpdir(), 'gatehouse-home-'));
    scratch.push(home);
    expect((await stat(home)).mode & 0o777).toBe(0o700);
    const checkout = path.join(home, 'gatehouse');
    await copyProject(checkout);
    if (process.getuid?.() === 0) scratch.push(path.dirname(stateClusterDirectory(path.join(checkout, '.data'))));

    const install = run('npm', ['ci', '--no-audit', '--no-fund', '--prefer-offline'], checkout);
    expect(await install.exited, install.output()).toBe(0);

    const started = run('npm', ['start'], checkout, { PORT: '0', LOG_LEVEL: 'warn' });
    try {
      const deadline = Date.now() + 90_000;
      let url: string | undefined;
      while (!url && Date.now() < deadline) {
        url = started.output().match(/listening on (http:\/\/localhost:\d+\/graphql)/)?.[1];
        if (!url) await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(url, started.output()).toBeTruthy();
      const res = await fetch(url!, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
      expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
      // `npm start` runs the build (dist/, made by prestart) on plain Node: the migrations it applied and the console
      // it serves are found from there too.
      expect(started.output()).toMatch(/built \d+ modules into dist\//);
      const admin = await fetch(url!.replace('/graphql', '/admin/'));
      expect(admin.status).toBe(200);
      expect(await admin.text()).toContain('<div id="root">');
      expect(started.output()).not.toMatch(/EACCES|Unhandled 'error' event/);
    } finally {
      started.stop();
      await started.exited;
    }
  }, 240_000);
});

describe('an embedded database that cannot start', () => {
  it('ends start-up with one line that says what to do', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'gatehouse-badstart-'));
    scratch.push(dir);
    // DATA_DIR is a file: no cluster can be made in it.
    const dataDir = path.join(dir, 'not-a-directory');
    await writeFile(dataDir, 'x');
    const start = run(process.execPath, ['--import', 'tsx', 'src/main.ts'], root, { PORT: '0', LOG_LEVEL: 'warn', DATA_DIR: dataDir });
    expect(await start.exited).toBe(1);
    const lines = start.output().trim().split('\n');
    expect(lines, start.output()).toHaveLength(1);
    expect(lines[0]).toContain('DATABASE_URL');
    expect(lines[0]).toContain(dataDir);
    expect(start.output()).not.toMatch(/\n\s+at /);
  }, 60_000);
});
