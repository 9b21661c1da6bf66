// `tsx bench/ab.ts A/src/main.ts B/src/main.ts [--scenario phoneRead|deviceSignIn] [--rounds N] [--seconds S]` (or each
// checkout's dist/src/main.js after `npm run build` in it: what `npm start` runs):
// two builds of Gatehouse (two checkouts, e.g. `git worktree add ../main-wt main`, each with node_modules) on one
// database, loaded in alternating slices like the bench's Gatehouse/baseline pairs, so that the VM's changes of speed
// fall on both. Prints each slice's CPU per request and the medians: a change of a few percent shows up here where
// it is lost in the noise of two separate bench runs. AB_FLAGS_A / AB_FLAGS_B give a side other runtime flags than
// `npm start`'s, to compare V8 settings on one build; AB_ENV_A / AB_ENV_B add environment variables (JSON).
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createScratchDatabase } from '../src/db/databases.js';
import { startEmbeddedPostgres } from '../src/db/embedded.js';
import { openDatabase } from '../src/db/orm.js';
import type { LoadResult } from './load.js';
import { npmStartEnv, npmStartFlags, runLoad, startServer } from './processes.js';
import { seedKeyedDevices, seedPhoneReaders } from './seed.js';
import { percentile } from './stats.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => (args.includes(name) ? args[args.indexOf(name) + 1]! : fallback);
const [scriptA, scriptB] = args.filter((arg, i) => !arg.startsWith('--') && !args[i - 1]?.startsWith('--'));
if (!scriptA || !scriptB) {
  console.error('usage: tsx bench/ab.ts A/src/main.ts B/src/main.ts [--scenario phoneRead|deviceSignIn] [--rounds N] [--seconds S]');
  process.exit(2);
}
const scenario = option('--scenario', 'phoneRead') as 'phoneRead' | 'deviceSignIn';
const rounds = Number(option('--rounds', '8'));
const seconds = Number(option('--seconds', '5'));

const pgDir = await mkdtemp(path.join(tmpdir(), 'gatehouse-ab-pg-'));
const pg = await startEmbeddedPostgres({ dataDir: pgDir, persistent: false });
try {
  const url = await createScratchDatabase(pg.url, 'gatehouse_ab');
  await (await openDatabase(url)).orm.close();
  const devices = await seedKeyedDevices(url, 200);
  const tokens = Array.from({ length: 50 }, () => randomBytes(32).toString('base64url'));
  await seedPhoneReaders(url, tokens);
  const env = { ...npmStartEnv(), DATABASE_URL: url, PORT: '0', HOST: '127.0.0.1', NODE_ENV: 'production', LOG_LEVEL: 'error', THROTTLE_SCALE: '0' };
  const flags = npmStartFlags();
  const keys = devices.map((d) => ({ keyId: d.keyId, privateKeyPem: d.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString() }));
  const spec = { scenario, connections: 50, devices: keys, tokens };
  const slices: Record<'A' | 'B', LoadResult[]> = { A: [], B: [] };
  for (let round = 0; round < rounds; round++) {
    // Fresh processes every round: two processes of the very same code differ by about 5% in CPU per request
    // (measured; how V8 happened to optimise each), so one pair of processes cannot tell a few percent apart.
    // AB_FLAGS_A / AB_FLAGS_B replace a side's runtime flags: the same build under two V8 settings.
    const flagsOf = (side: 'A' | 'B') => process.env[`AB_FLAGS_${side}`]?.split(' ').filter(Boolean) ?? flags;
    // AB_ENV_A / AB_ENV_B (JSON objects) add environment variables to a side, e.g. malloc's.
    const envOf = (side: 'A' | 'B') => ({ ...env, ...(JSON.parse(process.env[`AB_ENV_${side}`] ?? '{}') as Record<string, string>) });
    const servers = { A: await startServer(scriptA, envOf('A'), undefined, flagsOf('A')), B: await startServer(scriptB, envOf('B'), undefined, flagsOf('B')) };
    for (const server of Object.values(servers)) await runLoad({ ...spec, url: server.url, seconds: 3, warmupSeconds: 0 });
    // Alternate which goes first, so neither always follows the other's leftovers.
    for (const side of round % 2 ? (['B', 'A'] as const) : (['A', 'B'] as const)) {
      const server = servers[side];
      slices[side].push(await runLoad({ ...spec, url: server.url, seconds, warmupSeconds: 0, serverPid: server.child.pid }));
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    for (const server of Object.values(servers)) await server.stop();
  }
  const median = (values: number[]) => percentile([...values].sort((a, b) => a - b), 50);
  for (const side of ['A', 'B'] as const) {
    const cpu = slices[side].map((s) => s.cpuMsPerRequest ?? NaN);
    const rps = slices[side].map((s) => s.requestsPerSec);
    console.log(`${side} ${side === 'A' ? scriptA : scriptB}`);
    console.log(`  CPU ms/request per slice: ${cpu.join(' ')}  median ${median(cpu)}`);
    console.log(`  req/s per slice: ${rps.join(' ')}  median ${median(rps)}`);
  }
  const [a, b] = (['A', 'B'] as const).map((side) => median(slices[side].map((s) => s.cpuMsPerRequest ?? NaN)));
  console.log(`B/A CPU per request: ${(b! / a!).toFixed(3)}`);
} finally {
  await pg.stop();
  await rm(pgDir, { recursive: true, force: true });
}
process.exit(0);
