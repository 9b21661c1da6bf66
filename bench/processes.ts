// Starting the bench's servers and load generators as child processes, and talking to them.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LoadResult, LoadSpec } from './load.js';
import { percentile } from './stats.js';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The Node flags `npm start` runs Gatehouse with (package.json's start script), so that the bench runs what production
 * runs, and the baselines with it: the ratios then compare code, not tuning.
 */
export function npmStartFlags(): string[] {
  return npmStartWords().filter((word) => word.startsWith('--'));
}

/** The environment `npm start` sets before the command (its leading NAME=value words, e.g. the malloc threshold). */
export function npmStartEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const word of npmStartWords()) {
    const match = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(word);
    if (!match) break;
    env[match[1]!] = match[2]!;
  }
  return env;
}

function npmStartWords(): string[] {
  const scripts = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts;
  return scripts.start.split(/\s+/);
}

/** The server as `npm start` runs it: its build in dist/ (`npm run build`, done by `prestart`). */
export const BUILT_SERVER = 'dist/src/main.js';

/** Builds dist/ from the sources, as `npm start` does first. */
export function buildServer(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/build-server.ts'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`npm run build exited with ${code}`))));
  });
}

export interface Server {
  url: string;
  port: number;
  child: ChildProcess;
  stop(): Promise<void>;
}

const children = new Set<ChildProcess>();
// A failed run must not leave servers behind.
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

/**
 * Starts `node <script>` (with `--import tsx` for a .ts script) and waits for its "listening on … <port>" line.
 */
export function startServer(
  script: string,
  env: Record<string, string>,
  pattern = /listening on (?:\S*:)?(\d+)/,
  nodeOptions: string[] = [],
): Promise<Server> {
  const child = spawn(process.execPath, [...nodeOptions, ...(script.endsWith('.ts') ? ['--import', 'tsx'] : []), script], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(pattern);
      if (match?.[1]) {
        clearTimeout(timer);
        const port = Number(match[1]);
        resolve({
          url: `http://127.0.0.1:${port}/graphql`,
          port,
          child,
          stop: () =>
            new Promise((done) => {
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited with ${code}:\n${output}`));
    });
  });
}

const specDir = mkdtempSync(path.join(tmpdir(), 'gatehouse-bench-'));
process.on('exit', () => rmSync(specDir, { recursive: true, force: true }));
let specs = 0;

/**
 * Runs `node --import tsx <script> <spec file>`, a bench process that reads its spec (JSON) from the file and prints
 * its result as the last line of its output (JSON); returns that result.
 */
export function runJsonChild<T>(script: string, spec: unknown, what: string): Promise<T> {
  const file = path.join(specDir, `spec-${++specs}.json`);
  writeFileSync(file, JSON.stringify(spec));
  const child = spawn(process.execPath, ['--import', 'tsx', script, file], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => {
      rmSync(file, { force: true });
      const line = out.trim().split('\n').at(-1);
      if (code === 0 && line) resolve(JSON.parse(line) as T);
      else reject(new Error(`${what} failed (${code}):\n${err.slice(-2000)}`));
    });
  });
}

/** Runs one load generator process and returns its result. */
export function runLoad(spec: LoadSpec): Promise<LoadResult> {
  return runJsonChild<LoadResult>('bench/load.ts', spec, 'load generator');
}

export async function graphqlRequest<T>(url: string, query: string, variables?: Record<string, unknown>, token?: string): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: unknown[] };
  if (body.errors?.length || !body.data) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/**
 * The slices of an interleaved run (each `seconds` long, with every response time kept) as one result: throughput
 * over all of them, percentiles over every response, CPU per request weighted by each slice's requests.
 */
export function combine(slices: LoadResult[], seconds: number): LoadResult {
  const total = slices.reduce((sum, s) => sum + s.total, 0);
  const times = slices.flatMap((s) => s.times ?? []).sort((a, b) => a - b);
  const perRequest = (key: 'cpuMsPerRequest' | 'dbCpuMsPerRequest' | 'loadCpuMsPerRequest' | 'machineCpuMsPerRequest' | 'stealMsPerRequest' | 'gcMsPerRequest') =>
    slices.every((s) => s[key] !== undefined) && total
      ? { [key]: Math.round((slices.reduce((sum, s) => sum + s[key]! * s.total, 0) / total) * 1000) / 1000 }
      : {};
  return {
    requestsPerSec: Math.round((total / (seconds * slices.length)) * 10) / 10,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    errors: slices.reduce((sum, s) => sum + s.errors, 0),
    non2xx: slices.reduce((sum, s) => sum + s.non2xx, 0),
    total,
    ...perRequest('cpuMsPerRequest'),
    ...perRequest('dbCpuMsPerRequest'),
    ...perRequest('loadCpuMsPerRequest'),
    ...perRequest('machineCpuMsPerRequest'),
    ...perRequest('stealMsPerRequest'),
    ...perRequest('gcMsPerRequest'),
  };
}
