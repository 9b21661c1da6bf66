// `tsx bench/memory.ts [--devices N] [--seconds S] [--script dist/src/main.js|src/main.ts]`: where Gatehouse's resident
// memory goes. Starts the server as `npm start` does (its build, flags and environment; MEMORY_FLAGS and MEMORY_ENV, a
// JSON object, replace them to compare settings) on a fleet of N devices (200,000 by default), then prints its RSS
// (VmRSS), V8's heap spaces (from /metrics) and the process's mappings by kind (/proc/<pid>/smaps) at each stage:
// started, after one sign-in, after each of scenario 6's listings (10 connections, S seconds), during and after an
// export of the fleet. BENCH_DATABASE_URL: an external PostgreSQL instead of an embedded one. Linux only.
import { readFileSync } from 'node:fs';
import { createScratchDatabase, dropDatabase, temporaryServer } from '../src/db/databases.js';
import { openDatabase } from '../src/db/orm.js';
import { residentMb, runExportBench } from './export.js';
import { buildServer, BUILT_SERVER, graphqlRequest, npmStartEnv, npmStartFlags, runLoad, startServer } from './processes.js';
import { seedGrowth } from './seed.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => (args.includes(name) ? args[args.indexOf(name) + 1]! : fallback);
const devices = Number(option('--devices', '200000'));
const seconds = Number(option('--seconds', '5'));
const script = option('--script', BUILT_SERVER);
const flags = process.env.MEMORY_FLAGS?.split(' ').filter(Boolean) ?? npmStartFlags();
const startEnv = process.env.MEMORY_ENV ? (JSON.parse(process.env.MEMORY_ENV) as Record<string, string>) : npmStartEnv();
const ADMIN = { email: 'memory-admin@example.com', password: 'memory-admin-password' };

const LISTINGS: Record<string, string> = {
  'devices(status: PENDING)': '{ devices(filter: { status: PENDING }, first: 50) { edges { node { id name status createdAt } } } }',
  'users(filter: { email })': '{ users(filter: { email: "growth-777@example.com" }) { edges { node { id email } } } }',
  'events(first: 50)': '{ events(first: 50) { edges { node { id kind at } } } }',
  'devices(search)': '{ devices(filter: { search: "install-4242" }, first: 50) { edges { node { id name } } } }',
  'users(search)': '{ users(filter: { search: "growth-4242@" }, first: 50) { edges { node { id email } } } }',
};

/** Resident memory by kind of mapping, MB: the node binary, V8's heap (anonymous mappings in 256 KiB multiples), malloc's arenas and heap, the rest. */
function mappings(pid: number): Record<string, number> {
  const kinds: Record<string, number> = {};
  for (const region of readFileSync(`/proc/${pid}/smaps`, 'utf8').split(/\n(?=[0-9a-f]+-[0-9a-f]+ )/)) {
    const fields = region.slice(0, region.indexOf('\n')).split(/\s+/);
    const [from, to] = fields[0]!.split('-').map((hex) => parseInt(hex, 16));
    const name = fields.slice(5).join(' ');
    const kib = (to! - from!) / 1024;
    const kind = name === process.execPath || name.endsWith('/node')
      ? 'node binary'
      : name === '[heap]'
        ? 'malloc'
        : name
          ? name.startsWith('[') ? 'other' : 'files'
          : kib % 256 === 0 && kib < 60 * 1024
            ? 'V8 heap (256 KiB pages)'
            : 'malloc';
    kinds[kind] = (kinds[kind] ?? 0) + Number(/^Rss:\s+(\d+)/m.exec(region)?.[1] ?? 0);
  }
  return Object.fromEntries(Object.entries(kinds).map(([kind, kib]) => [kind, Math.round(kib / 1024)]));
}

const postgres = await temporaryServer(process.env.BENCH_DATABASE_URL);
const url = await createScratchDatabase(postgres.url, 'gatehouse_memory');
try {
  await (await openDatabase(url)).orm.close();
  console.log(`seeding ${devices} devices`);
  await seedGrowth(url, { users: Math.ceil(devices / 10), devices, events: devices * 5 });
  if (script === BUILT_SERVER) await buildServer();
  const env = {
    ...startEnv,
    DATABASE_URL: url,
    PORT: '0',
    HOST: '127.0.0.1',
    NODE_ENV: 'production',
    LOG_LEVEL: 'error',
    METRICS: 'true',
    THROTTLE_SCALE: '1000000',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
  };
  console.log(`${script} with ${[...Object.entries(startEnv).map(([k, v]) => `${k}=${v}`), ...flags].join(' ')}`);
  const server = await startServer(script, env, undefined, flags);
  const pid = server.child.pid!;
  const report = async (stage: string) => {
    const text = await (await fetch(server.url.replace('/graphql', '/metrics'))).text();
    const space = (name: string, kind: 'total' | 'used') =>
      Math.round(Number(new RegExp(`nodejs_heap_space_size_${kind}_bytes\\{space="${name}"\\} (\\d+)`).exec(text)?.[1] ?? 0) / 1048576);
    console.log(
      `${stage.padEnd(34)} RSS ${String(residentMb(pid)).padStart(4)} MB | new ${space('new', 'total')}, old ${space('old', 'total')} (live or not yet collected ${space('old', 'used')}), code ${space('code', 'total')} | ${JSON.stringify(mappings(pid))}`,
    );
  };
  await report('started');
  const token = (
    await graphqlRequest<{ login: { token: string } }>(
      server.url,
      'mutation($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { ... on Session { token } } }',
      { e: ADMIN.email, p: ADMIN.password },
    )
  ).login.token;
  await report('after one sign-in');
  for (const [name, query] of Object.entries(LISTINGS)) {
    await runLoad({ url: server.url, scenario: 'query', connections: 10, seconds, warmupSeconds: 1, tokens: [token], query: { query } });
    await report(`after ${name}`);
  }
  const exported = await runExportBench({ origin: new URL(server.url).origin, token, pid });
  await report(`after the export (peak ${exported.peakRssMb} MB)`);
  await server.stop();
} finally {
  await dropDatabase(url);
  await postgres.stop();
}
process.exit(0);
