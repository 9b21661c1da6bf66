// Scenarios 4 and 5: one event delivered to many graphql-ws subscribers (against a raw ws broadcast of the same
// message to as many sockets), and the memory each idle subscribed connection costs.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { cpuMs } from './proc.js';
import { root, startServer, type Server } from './processes.js';
import { percentile } from './stats.js';

type Round = { latencies: number[]; fromEvent: number[]; missing: number };

/** Latencies from the trigger's request; p50/p99 from the event's own time too (see bench/swarm.ts). */
function percentiles({ latencies, fromEvent, missing }: Round) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const fromEventSorted = [...fromEvent].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    fromEventP50: percentile(fromEventSorted, 50),
    fromEventP99: percentile(fromEventSorted, 99),
    missing,
  };
}

interface Swarm {
  /** Runs one round (one event to every subscriber); resolves with each subscriber's delivery time. */
  round(n: number): Promise<Round>;
  close(): Promise<void>;
}

/** Starts bench/swarm.ts and resolves once every one of its subscribers has received a warm-up round. */
function swarm(args: string[]): Promise<Swarm> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/swarm.ts', ...args], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async () => {
    const line = await lines.next();
    if (line.done) throw new Error(`swarm ended: ${err.slice(-2000)}`);
    return line.value;
  };
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return (async () => {
    while ((await next()) !== 'subscribed');
    return {
      async round(n) {
        child.stdin.write(`round ${n}\n`);
        return JSON.parse(await next()) as Round;
      },
      async close() {
        child.stdin.write('done\n');
        const code = await exited;
        if (code !== 0) throw new Error(`swarm failed (${code}): ${err.slice(-2000)}`);
      },
    };
  })();
}

const WARMUP_ROUNDS = 5;

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
  // moves by tens of MiB as V8 sizes its heap (the young generation growing to its limit, old space shrinking after a GC), more than
  // 1,000 connections hold, so it is reported too but is not what is compared with the target.
  const held = (m: Memory) => m.memory.heapUsed + m.memory.external;
  const perConnection = (bytes: number, connections: number) => Math.round((bytes / connections / 1024) * 10) / 10;
  const before = await options.metrics();
  const subscribers = await swarm(['graphql', options.gatehouse.url, options.token, options.deviceId, String(options.connections)]);
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const after = await options.metrics();
  const kibPerConnection = perConnection(held(after) - held(before), after.webSockets);
  const rssKibPerConnection = perConnection(after.memory.rss - before.memory.rss, after.webSockets);

  const broadcast = await startServer('bench/ws-broadcast.ts', {});
  const sockets = await swarm(['raw', broadcast.url, '-', '-', String(options.connections)]);
  // Gatehouse's rounds and the raw broadcast's alternate, so that the VM's changes of speed fall on both alike.
  const empty = (): Round => ({ latencies: [], fromEvent: [], missing: 0 });
  const sides = { gatehouse: empty(), baseline: empty() };
  // Five rounds each first, not counted: the first round after the swarms subscribe (and after the forced GC of the
  // memory reading) was the slowest of the run every time (66 ms against 26-47 for the others).
  // Each server's CPU over the counted rounds, per round: steadier than the latencies, which move with the VM.
  const pids = { gatehouse: options.gatehouse.child.pid!, baseline: broadcast.child.pid! };
  const cpuBefore = { gatehouse: 0, baseline: 0 };
  for (let n = -WARMUP_ROUNDS; n < options.rounds; n++) {
    if (n === 0) for (const side of ['gatehouse', 'baseline'] as const) cpuBefore[side] = cpuMs(pids[side]);
    for (const [side, of] of [['gatehouse', subscribers], ['baseline', sockets]] as const) {
      const { latencies, fromEvent, missing } = await of.round(n);
      if (n >= 0) {
        sides[side].latencies.push(...latencies);
        sides[side].fromEvent.push(...fromEvent);
        sides[side].missing += missing;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  const cpuMsPerRound = (side: 'gatehouse' | 'baseline') => Math.round(((cpuMs(pids[side]) - cpuBefore[side]) / options.rounds) * 100) / 100;
  const cpu = { gatehouse: cpuMsPerRound('gatehouse'), baseline: cpuMsPerRound('baseline') };
  await Promise.all([subscribers.close(), sockets.close()]);
  await broadcast.stop();
  return {
    gatehouse: { ...percentiles(sides.gatehouse), cpuMsPerRound: cpu.gatehouse },
    baseline: { ...percentiles(sides.baseline), cpuMsPerRound: cpu.baseline },
    kibPerConnection,
    rssKibPerConnection,
  };
}
