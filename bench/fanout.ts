// Scenarios 4 and 5: one event delivered to many graphql-ws subscribers (against a raw ws broadcast of the same
// message to as many sockets), and the memory each idle subscribed connection costs.
import { spawn } from 'node:child_process';
import { root, startServer, type Server } from './processes.js';
import { percentile } from './stats.js';

type Latency = {
  p50: number;
  p95: number;
  p99: number;
  missing: number;
};

function percentiles(values: number[], missing: number): Latency {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), missing };
}

async function swarm(args: string[], onSubscribed: () => Promise<void>): Promise<Latency> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/swarm.ts', ...args], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  let started = false;
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('subscribed\n') && !started) {
        started = true;
        onSubscribed().then(
          () => child.stdin.write('go\n'),
          (e: unknown) => reject(e as Error),
        );
      }
    });
    child.once('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (code !== 0 || !line) return reject(new Error(`swarm failed (${code}): ${err.slice(-2000)}`));
      const { latencies, missing } = JSON.parse(line) as { latencies: number[]; missing: number };
      resolve(percentiles(latencies, missing));
    });
  });
}

type Memory = { memory: { rss: number; heapUsed: number; external: number }; webSockets: number };

export async function runFanout(options: {
  gatehouse: Server;
  token: string;
  deviceId: string;
  connections: number;
  rounds: number;
  metrics: () => Promise<Memory>;
}) {
  // What the process holds after a full GC: the live JS heap plus memory outside it (sockets' buffers). RSS itself
  // moves by tens of MiB as V8 sizes its heap (a 64 MiB young generation, old space shrinking after a GC), more than
  // 1,000 connections hold, so it is reported too but is not what is compared with the target.
  const held = (m: Memory) => m.memory.heapUsed + m.memory.external;
  const perConnection = (bytes: number, connections: number) => Math.round((bytes / connections / 1024) * 10) / 10;
  const before = await options.metrics();
  let kibPerConnection = NaN;
  let rssKibPerConnection = NaN;
  const gatehouse = await swarm(
    ['graphql', options.gatehouse.url, options.token, options.deviceId, String(options.connections), String(options.rounds)],
    async () => {
      await new Promise((resolve) => setTimeout(resolve, 2000));
      const after = await options.metrics();
      kibPerConnection = perConnection(held(after) - held(before), after.webSockets);
      rssKibPerConnection = perConnection(after.memory.rss - before.memory.rss, after.webSockets);
    },
  );
  const broadcast = await startServer('bench/ws-broadcast.ts', {});
  const baseline = await swarm(['raw', broadcast.url, '-', '-', String(options.connections), String(options.rounds)], async () => undefined);
  await broadcast.stop();
  return { gatehouse, baseline, kibPerConnection, rssKibPerConnection };
}
