// The admin console's files as Gatehouse serves them: the app for every route under /admin, hashed assets cached for
// good, a strict CSP, nothing outside the build folder, and a clear answer when the console is not built.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminConsole, CONSOLE_CSP } from '../src/http/console.js';

let dir: string;
const servers: Server[] = [];

/** The console handler over its own HTTP server, on a build folder of the test's making. */
async function serve(dist: string): Promise<string> {
  const handler = adminConsole(dist);
  const server = createServer((req, res) => void handler(req, res));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A raw request line, as a client that does not normalise its path would send it. */
async function rawGet(base: string, requestPath: string): Promise<number> {
  const { request } = await import('node:http');
  return new Promise((resolve, reject) => {
    const req = request(`${base}/`, { path: requestPath }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'gatehouse-console-'));
  await mkdir(path.join(dir, 'dist', 'assets'), { recursive: true });
  await writeFile(path.join(dir, 'dist', 'index.html'), '<!doctype html><title>console</title>');
  await writeFile(path.join(dir, 'dist', 'assets', 'app.1234.js'), 'console.log(1)');
  await writeFile(path.join(dir, 'secret.txt'), 'outside the build');
});

afterAll(async () => {
  for (const server of servers) server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('/admin', () => {
  it('answers the app for its own routes, under a CSP with no inline script and no other origin', async () => {
    const base = await serve(path.join(dir, 'dist'));
    for (const route of ['/admin', '/admin/', '/admin/pending', '/admin/users/abc?x=1']) {
      const res = await fetch(`${base}${route}`);
      expect(res.status, route).toBe(200);
      expect(await res.text()).toContain('<title>console</title>');
      expect(res.headers.get('content-security-policy')).toBe(CONSOLE_CSP);
      expect(res.headers.get('cache-control')).toBe('no-cache');
    }
    expect(CONSOLE_CSP).toContain("script-src 'self'");
    expect(CONSOLE_CSP).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
  });

  it('serves hashed assets for good, gzipped when asked', async () => {
    const base = await serve(path.join(dir, 'dist'));
    const res = await fetch(`${base}/admin/assets/app.1234.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/javascript');
    expect(res.headers.get('cache-control')).toContain('immutable');
    expect(await res.text()).toBe('console.log(1)');
    expect((await fetch(`${base}/admin/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${base}/admin/`, { method: 'POST' })).status).toBe(405);
  });

  it('never serves a file outside the build folder', async () => {
    const base = await serve(path.join(dir, 'dist'));
    for (const attempt of ['/admin/../secret.txt', '/admin/..%2fsecret.txt', '/admin/%2e%2e/secret.txt', '/admin/assets/..%2f..%2fsecret.txt']) {
      const status = await rawGet(base, attempt);
      expect(status, attempt).not.toBe(500);
      const res = await fetch(`${base}${attempt}`);
      expect(await res.text(), attempt).not.toContain('outside the build');
    }
    expect(await rawGet(base, '/admin/%E0%A4%A')).toBe(400);
  });

  it('says how to build it when it is not built', async () => {
    const base = await serve(path.join(dir, 'nothing-here'));
    const res = await fetch(`${base}/admin`);
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('npm install');
  });
});
