// Starting the bench's servers and load generators as child processes, and talking to them.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LoadResult, LoadSpec } from './load.js';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

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

/** Starts `node --import tsx <script>` and waits for its "listening on … <port>" line. */
export function startServer(
  script: string,
  env: Record<string, string>,
  pattern = /listening on (?:\S*:)?(\d+)/,
  nodeOptions: string[] = [],
): Promise<Server> {
  const child = spawn(process.execPath, [...nodeOptions, '--import', 'tsx', script], {
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
let specs = 0;

/** Runs one load generator process and returns its result. */
export function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const file = path.join(specDir, `spec-${++specs}.json`);
  writeFileSync(file, JSON.stringify(spec));
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/load.ts', file], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => {
      const line = out.trim().split('\n').at(-1);
      if (code === 0 && line) resolve(JSON.parse(line) as LoadResult);
      else reject(new Error(`load generator failed (${code}):\n${err.slice(-2000)}`));
    });
  });
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
