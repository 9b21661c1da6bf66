// Scenario 11: two Gatehouse instances on one PostgreSQL, 1,000 graphql-ws subscribers on each, and a steady stream
// of registrations and approvals written through both. Measures the events written per second (counted in the
// database), the time from an event's recording to its arrival on the other instance, and checks that every
// subscriber received every event of the window exactly once, in one order agreed by all.
//
// Processes: the two instances, one subscriber process per instance (bench/two-instances-subscribers.ts) and one
// writer (bench/two-instances-writer.ts), each reporting its own CPU so that a result says whether the load
// generation kept up. The driver (this file) only sends the markers and reads the database.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { hashPassword } from '../src/sessions/passwords.js';
import { clusterCpuMs, cpuMs, cpuSince, machineMs } from './proc.js';
import { graphqlRequest, root, runJsonChild, type Server } from './processes.js';
import { BENCH_PASSWORD, seedKeyedDevices, withClient } from './seed.js';
import type { WriterResult, WriterSpec } from './two-instances-writer.js';

type Sparse = { buckets: [number, number][]; max: number };
interface SubscriberReport {
  clients: number;
  full: number;
  notEnded: number;
  sequences: Record<string, number>;
  reference: string[];
  cross: Sparse;
  same: Sparse;
  lastArrival: number;
  cpuMs: number;
}

export interface StepResult {
  /** Offered operations (= events) a second, over both instances. */
  offered: number;
  /** Events committed between the step's markers (counted in the events table), a second of the writer's run. */
  eventsPerSec: number;
  events: number;
  /** Recording (`at`) to arrival, ms, on the instance the event was not written through; and on the one it was. */
  cross: { deliveries: number; p50: number; p99: number; max: number };
  same: { deliveries: number; p50: number; p99: number };
  /** Subscriber sequences that differ from the database's set in the agreed order (lost, doubled or reordered). */
  disagreeing: number;
  /** Events of the window missing from the reference subscriber, and deliveries beyond one each. */
  lost: number;
  doubled: number;
  /** Subscribers (of either kind) that never saw the end marker. */
  notEnded: number;
  writer: Pick<WriterResult, 'ok' | 'failed' | 'p50' | 'p99' | 'lateP99' | 'cpuShare' | 'elapsed'>;
  /** CPU of each process over the writer's run, as a share of one core; `machine` and `steal` of all cores. */
  cpu: { instanceA: number; instanceB: number; postgres: number; subscribersA: number; subscribersB: number; writer: number; machine: number; steal: number };
  /**
   * The same as CPU ms per event written, and what it implies: the events a second two cores could write and deliver
   * if they did nothing else (2,000 ms over the ms per event of all the processes), a figure less moved by the other
   * work on a shared machine than the rates themselves.
   */
  cpuMsPerEvent: { instances: number; postgres: number; subscribers: number; writer: number; twoCoreCeiling: number };
  /**
   * The load generators were not the bottleneck: the writer sent every request within 10 ms of its schedule (p99)
   * and neither it nor a subscriber process used more than 80% of a core.
   */
  loadKeptUp: boolean;
  /** Written at (nearly) the offered rate, delivered everywhere, and delivered within a second (p99). */
  sustained: boolean;
  failures?: string[];
}

export interface PhaseResult {
  /** Three events in four from key sign-ins, the rest registrations and approvals; else only those two. */
  signIns: boolean;
  subscribersPerInstance: number;
  /** Of those, how many receive every event (the rest receive only the markers). */
  fullPerInstance: number;
  steps: StepResult[];
}

export interface Phase {
  subscribers: number;
  full: number;
  rates: number[];
  signIns?: boolean;
}

interface Options {
  databaseUrl: string;
  startGatehouse: (databaseUrl: string) => Promise<Server>;
  adminToken: (server: Server) => Promise<string>;
  quick: boolean;
  log: (text: string) => void;
  /**
   * Phases to run: subscribers per instance, how many of them get every event, the offered rates to step through, and
   * whether three events in four are key sign-ins (see bench/two-instances-writer.ts).
   */
  phases: Phase[];
  seconds: number;
}

const USERS = 500;

/** Users with sessions (the writers' registrations) and one device whose renames are the markers. */
async function seed(databaseUrl: string): Promise<{ tokens: string[]; markerDeviceId: string }> {
  const hash = await hashPassword(BENCH_PASSWORD);
  const tokens = Array.from({ length: USERS }, () => randomBytes(32).toString('base64url'));
  const markerDeviceId = await withClient(databaseUrl, async (c) => {
    await c.query(
      `with u as (
         insert into users (id, email, role, password_hash, created_at)
         select gen_random_uuid(), 'ti-' || g || '@example.com', 'USER', $2, now() from generate_series(1, $1::int) g returning id, email
       )
       insert into sessions (id, token_hash, kind, user_id, created_at, expires_at)
       select gen_random_uuid(), t.hash, 'SESSION', u.id, now(), now() + interval '1 day'
       from u join unnest($3::text[]) with ordinality as t(hash, n) on u.email = 'ti-' || t.n || '@example.com'`,
      [USERS, hash, tokens.map((t) => createHash('sha256').update(t).digest('hex'))],
    );
    const { rows } = await c.query<{ id: string }>(
      `insert into devices (id, installation_id, status, platform, owner_id, created_at, status_changed_at, version, has_push_token, name)
       select gen_random_uuid(), 'ti-marker', 'APPROVED', 'IOS', id, now(), now(), 1, false, 'ti-marker' from users where email = 'ti-1@example.com'
       returning id`,
    );
    await c.query('analyze users, sessions, devices');
    return rows[0]!.id;
  });
  return { tokens, markerDeviceId: Buffer.from(`Device:${markerDeviceId}`).toString('base64') };
}

interface Subscribers {
  child: ChildProcess;
  /** Every client connected (acknowledged); then every client has received a warm-up marker. */
  connected: Promise<void>;
  subscribed: Promise<void>;
  started(step: number): Promise<void>;
  report(step: number): Promise<SubscriberReport>;
  close(): Promise<void>;
}

function startSubscribers(server: Server, token: string, count: number, full: number, self: 'A' | 'B'): Subscribers {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/two-instances-subscribers.ts', server.url, token, String(count), String(full), self], {
    cwd: root,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-4000)));
  const waiting = new Map<string, (line: string) => void>();
  const lines: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  createInterface({ input: child.stdout }).on('line', (line) => {
    const key = line.startsWith('{') ? 'report' : line;
    const resolve = waiting.get(key);
    if (resolve) {
      waiting.delete(key);
      resolve(line);
    } else lines.push(line);
  });
  const expect = (key: string, timeoutMs: number) =>
    new Promise<string>((resolve, reject) => {
      const early = lines.findIndex((l) => (l.startsWith('{') ? 'report' : l) === key);
      if (early >= 0) return resolve(lines.splice(early, 1)[0]!);
      const timer = setTimeout(() => reject(new Error(`subscribers on ${self}: no "${key}" in ${timeoutMs / 1000} s: ${err}`)), timeoutMs);
      waiting.set(key, (line) => {
        clearTimeout(timer);
        resolve(line);
      });
      void exited.then((code) => reject(new Error(`subscribers on ${self} exited (${code}): ${err}`)));
    });
  return {
    child,
    connected: expect('connected', 300_000).then(() => undefined),
    subscribed: expect('subscribed', 300_000).then(() => undefined),
    started: (step) => expect(`started ${step}`, 60_000).then(() => undefined),
    async report(step) {
      const line = expect('report', 60_000);
      child.stdin.write(`report ${step}\n`);
      return JSON.parse(await line) as SubscriberReport;
    },
    async close() {
      child.stdin.write('done\n');
      await exited;
    },
  };
}

function runWriter(spec: WriterSpec): Promise<WriterResult> {
  return runJsonChild<WriterResult>('bench/two-instances-writer.ts', spec, 'writer');
}

function merged(...histograms: Sparse[]) {
  const counts = new Map<number, number>();
  for (const h of histograms) for (const [bucket, n] of h.buckets) counts.set(bucket, (counts.get(bucket) ?? 0) + n);
  const sorted = [...counts].sort((a, b) => a[0] - b[0]);
  const total = sorted.reduce((sum, [, n]) => sum + n, 0);
  const at = (p: number) => {
    const rank = Math.ceil((p / 100) * total);
    let seen = 0;
    for (const [bucket, n] of sorted) if ((seen += n) >= rank) return bucket / 10;
    return NaN;
  };
  return { deliveries: total, p50: at(50), p99: at(99), max: Math.max(0, ...histograms.map((h) => h.max)) };
}

/** The event's row id from its global id (`Event:<id>`, base64). */
const rowId = (globalId: string) => Buffer.from(globalId, 'base64').toString('utf8').replace(/^Event:/, '');

export async function runTwoInstances(options: Options): Promise<PhaseResult[]> {
  const { tokens, markerDeviceId } = await seed(options.databaseUrl);
  const keyed = options.phases.some((p) => p.signIns) ? await seedKeyedDevices(options.databaseUrl, 200) : [];
  const devices = keyed.map((d) => ({ keyId: d.keyId, privateKeyPem: d.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString() }));
  const a = await options.startGatehouse(options.databaseUrl);
  const b = await options.startGatehouse(options.databaseUrl);
  const instances = [a, b] as const;
  // What the instances log (errors only, at LOG_LEVEL=error), shown if the run fails.
  let serverLog = '';
  for (const [i, server] of instances.entries()) server.child.stdout!.on('data', (d: Buffer) => (serverLog = (serverLog + `${'AB'[i]}: ${d.toString()}`).slice(-4000)));
  const admin = await options.adminToken(a);
  const rename = (server: Server, name: string) =>
    graphqlRequest(server.url, 'mutation($id: ID!, $n: String!) { renameDevice(id: $id, name: $n) { __typename } }', { id: markerDeviceId, n: name }, admin);
  const phases: PhaseResult[] = [];
  let stepNumber = 0;
  try {
    for (const phase of options.phases) {
      options.log(`   ${phase.subscribers} subscribers on each instance, ${phase.full} of them receiving every event${phase.signIns ? '; three events in four from key sign-ins' : ''}`);
      const swarms = [startSubscribers(a, admin, phase.subscribers, phase.full, 'A'), startSubscribers(b, admin, phase.subscribers, phase.full, 'B')];
      try {
        // Markers until every client of both swarms has received one (they subscribe asynchronously).
        await Promise.all(swarms.map((s) => s.connected));
        let warming = true;
        const ready = Promise.all(swarms.map((s) => s.subscribed)).finally(() => (warming = false));
        for (let n = 0; warming; n++) {
          await rename(instances[n % 2]!, `ti-warm-${n}`);
          await Promise.race([ready, new Promise((resolve) => setTimeout(resolve, 250))]);
        }
        await ready;
        const steps: StepResult[] = [];
        for (const rate of phase.rates) {
          const step = ++stepNumber;
          await withClient(options.databaseUrl, (c) => c.query('vacuum (analyze) events, devices, device_users'));
          await rename(a, `ti-start-${step}`);
          await Promise.all(swarms.map((s) => s.started(step)));
          const pids = { instanceA: a.child.pid!, instanceB: b.child.pid!, subscribersA: swarms[0]!.child.pid!, subscribersB: swarms[1]!.child.pid! };
          const before = Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, cpuMs(pid)])) as Record<keyof typeof pids, number>;
          const pgPort = Number(new URL(options.databaseUrl).port);
          const pgBefore = clusterCpuMs(pgPort);
          const machineBefore = machineMs();
          const writer = await runWriter({ urls: [a.url, b.url], adminToken: admin, userTokens: tokens, rate, seconds: options.seconds, tag: `ti-${step}`, ...(phase.signIns ? { devices } : {}) });
          const share = (ms: number) => Math.round((ms / (writer.elapsed * 1000)) * 100) / 100;
          const machineAfter = machineMs();
          const cpu = {
            ...(Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, share(cpuMs(pid) - before[k as keyof typeof pids])])) as Record<keyof typeof pids, number>),
            postgres: share(cpuSince(clusterCpuMs(pgPort), pgBefore)),
            writer: writer.cpuShare,
            machine: share(machineAfter.busy - machineBefore.busy),
            steal: share(machineAfter.steal - machineBefore.steal),
          };
          await rename(b, `ti-end-${step}`);
          // Until every client has seen the end marker, or 30 s.
          let reports: SubscriberReport[] = [];
          for (const deadline = Date.now() + 30_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 250))) {
            reports = [];
            for (const s of swarms) reports.push(await s.report(step));
            if (reports.every((r) => r.notEnded === 0)) break;
          }
          const [ra, rb] = reports as [SubscriberReport, SubscriberReport];
          const ids = await withClient(options.databaseUrl, async (c) => {
            const { rows: markers } = await c.query<{ id: string; device_name: string }>(
              `select id, device_name from events where kind = 'DEVICE_RENAMED' and device_name = any($1::text[])`,
              [[`ti-start-${step}`, `ti-end-${step}`]],
            );
            const marker = (name: string) => markers.find((m) => m.device_name === name)!.id;
            const { rows } = await c.query<{ id: string }>('select id from events where id > $1 and id < $2 order by id', [marker(`ti-start-${step}`), marker(`ti-end-${step}`)]);
            return rows.map((r) => r.id);
          });
          // The database's events of the window against the reference client of each swarm (client 0), then every
          // full client's (hash, count) against the reference order.
          const inDatabase = new Set(ids);
          const reference = ra.reference.map(rowId);
          const seen = new Set(reference);
          const seenOnB = new Set(rb.reference.map(rowId));
          const lost = ids.filter((id) => !seen.has(id)).length + ids.filter((id) => !seenOnB.has(id)).length;
          const doubled = reference.length - seen.size + (rb.reference.length - new Set(rb.reference).size) + reference.filter((id) => !inDatabase.has(id)).length;
          const agreed = `${createHash('sha1').update(ra.reference.map((id) => `${id}\n`).join('')).digest('hex')}:${ra.reference.length}`;
          const disagreeing = [ra, rb].reduce((sum, r) => sum + Object.entries(r.sequences).reduce((n, [key, clients]) => n + (key === agreed ? 0 : clients), 0), 0);
          const cross = merged(ra.cross, rb.cross);
          const same = merged(ra.same, rb.same);
          const eventsPerSec = Math.round(ids.length / writer.elapsed);
          const perEvent = (coreShare: number) => Math.round(((coreShare * writer.elapsed * 1000) / Math.max(1, ids.length)) * 1000) / 1000;
          const cpuMsPerEvent = {
            instances: perEvent(cpu.instanceA + cpu.instanceB),
            postgres: perEvent(cpu.postgres),
            subscribers: perEvent(cpu.subscribersA + cpu.subscribersB),
            writer: perEvent(cpu.writer),
          };
          const result: StepResult = {
            offered: rate,
            eventsPerSec,
            events: ids.length,
            cross,
            same: { deliveries: same.deliveries, p50: same.p50, p99: same.p99 },
            disagreeing,
            lost,
            doubled,
            notEnded: ra.notEnded + rb.notEnded,
            writer: { ok: writer.ok, failed: writer.failed, p50: writer.p50, p99: writer.p99, lateP99: writer.lateP99, cpuShare: writer.cpuShare, elapsed: writer.elapsed },
            cpu,
            cpuMsPerEvent: { ...cpuMsPerEvent, twoCoreCeiling: Math.round(2000 / Object.values(cpuMsPerEvent).reduce((a, b) => a + b, 0)) },
            loadKeptUp: writer.lateP99 < 10 && Math.max(cpu.writer, cpu.subscribersA, cpu.subscribersB) < 0.8,
            sustained: eventsPerSec >= 0.95 * rate && writer.failed === 0 && disagreeing === 0 && lost === 0 && doubled === 0 && cross.p99 < 1000,
            ...(writer.failures.length ? { failures: writer.failures } : {}),
          };
          options.log(
            `   offered ${rate}/s: ${eventsPerSec} events/s written (${ids.length}); other instance p50 ${cross.p50} / p99 ${cross.p99} ms; ` +
              `disagreeing ${disagreeing}, lost ${lost}, doubled ${doubled}; CPU A ${cpu.instanceA} B ${cpu.instanceB} PG ${cpu.postgres} ` +
              `subs ${cpu.subscribersA}+${cpu.subscribersB} writer ${cpu.writer} (machine ${cpu.machine}, steal ${cpu.steal}); ` +
              `CPU ms per event: instances ${cpuMsPerEvent.instances}, PG ${cpuMsPerEvent.postgres}, subscribers ${cpuMsPerEvent.subscribers}; writer p99 ${writer.p99} ms, late p99 ${writer.lateP99} ms, ${writer.failed} failed`,
          );
          steps.push(result);
          if (!result.sustained) break;
        }
        phases.push({ signIns: phase.signIns ?? false, subscribersPerInstance: phase.subscribers, fullPerInstance: phase.full, steps });
      } finally {
        await Promise.all(swarms.map((s) => s.close()));
      }
    }
  } catch (error) {
    if (serverLog) options.log(`   the instances logged:\n${serverLog}`);
    throw error;
  } finally {
    await Promise.all(instances.map((s) => s.stop()));
  }
  return phases;
}
