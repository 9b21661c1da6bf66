// Scenario 11's subscribers on one instance: N graphql-ws clients in one process, each subscribed to deviceEvents.
// The first `full` get every event; the rest only DEVICE_RENAMED (the markers). Markers are renames of one device:
// `ti-warm-*` until every client has one ("subscribed"), then per step `ti-start-S` … `ti-end-S`. Between the two
// markers each full client hashes the ids it receives in order (SHA-1 over the sequence) and counts them; client 0
// keeps the ids themselves. Every delivery's time from the event's `at` goes into a histogram, split by whether
// the event was written through this instance or through the other (the writer's User-Agent names the instance).
// stdin: "report S" (print step S's result as one JSON line), "done". stdout: "connected" (every client acknowledged),
// "subscribed", "started S", and the results.
import { createHash, type Hash } from 'node:crypto';
import { createInterface } from 'node:readline';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const [url, token, countText, fullText, self] = process.argv.slice(2) as [string, string, string, string, string];
const count = Number(countText);
const full = Number(fullText);

interface Delivered {
  id: string;
  at: string;
  deviceName: string | null;
  userAgent: string | null;
}

/** Delivery times in ms, in buckets of 0.1 ms up to 60 s (later ones land in the last bucket). */
class Histogram {
  readonly buckets = new Uint32Array(600_001);
  total = 0;
  max = 0;
  add(ms: number) {
    const v = Math.max(0, ms);
    this.buckets[Math.min(this.buckets.length - 1, Math.round(v * 10))]!++;
    this.total++;
    if (v > this.max) this.max = v;
  }
  /** The non-empty buckets as [bucket, count] pairs, for the driver to merge. */
  sparse(): { buckets: [number, number][]; max: number } {
    const buckets: [number, number][] = [];
    for (let i = 0; i < this.buckets.length; i++) if (this.buckets[i]) buckets.push([i, this.buckets[i]!]);
    return { buckets, max: Math.round(this.max * 10) / 10 };
  }
}

interface Client {
  warm: boolean;
  step: number | null;
  inWindow: boolean;
  ended: boolean;
  hash: Hash | null;
  received: number;
}

interface Step {
  started: number;
  ended: number;
  reference: string[];
  cross: Histogram;
  same: Histogram;
  /** Deliveries after the end marker was seen by the first client (how far behind the slowest ran). */
  lastArrival: number;
  endSeenAt: number;
}

const clients: Client[] = [];
const steps = new Map<number, Step>();
let warm = 0;
let announced = false;

const step = (n: number): Step => {
  let s = steps.get(n);
  if (!s) {
    s = { started: 0, ended: 0, reference: [], cross: new Histogram(), same: new Histogram(), lastArrival: 0, endSeenAt: 0 };
    steps.set(n, s);
  }
  return s;
};

function received(index: number, event: Delivered) {
  const arrival = Date.now();
  const client = clients[index]!;
  const name = event.deviceName ?? '';
  if (name.startsWith('ti-warm-')) {
    if (!client.warm) {
      client.warm = true;
      if (++warm === count && !announced) {
        announced = true;
        console.log('subscribed');
      }
    }
    return;
  }
  const marker = /^ti-(start|end)-(\d+)$/.exec(name);
  if (marker) {
    const n = Number(marker[2]);
    const s = step(n);
    if (marker[1] === 'start') {
      Object.assign(client, { step: n, inWindow: true, ended: false, hash: index < full ? createHash('sha1') : null, received: 0 });
      if (++s.started === count) console.log(`started ${n}`);
    } else if (client.step === n) {
      client.inWindow = false;
      client.ended = true;
      s.endSeenAt ||= arrival;
      s.ended++;
    }
    return;
  }
  if (!client.inWindow || client.step === null) return;
  const s = step(client.step);
  client.hash?.update(`${event.id}\n`);
  client.received++;
  if (index === 0) s.reference.push(event.id);
  (event.userAgent === `gatehouse-bench-${self}` ? s.same : s.cross).add(arrival - Date.parse(event.at));
  s.lastArrival = arrival;
}

const FIELDS = 'id at deviceName userAgent';
// Connected 50 at a time: what is measured is the stream, not a storm of connections (each one's bearer lookup
// takes a connection of the instance's pool).
const BATCH = 50;
let batch: Promise<unknown>[] = [];
for (let i = 0; i < count; i++) {
  clients.push({ warm: false, step: null, inWindow: false, ended: false, hash: null, received: 0 });
  let connected!: () => void;
  batch.push(new Promise<void>((resolve) => (connected = resolve)));
  const client = createClient({
    url: url.replace(/^http/, 'ws'),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
    lazy: true,
    on: { connected: () => connected() },
  });
  const query = i < full ? `subscription { deviceEvents { ${FIELDS} } }` : `subscription { deviceEvents(filter: { kinds: [DEVICE_RENAMED] }) { ${FIELDS} } }`;
  client.subscribe<{ deviceEvents: Delivered }>(
    { query },
    {
      next: (r) => r.data && received(i, r.data.deviceEvents),
      error: (e) => console.error('subscription error', e),
      complete: () => console.error(`subscription ${i} completed`),
    },
  );
  if (batch.length === BATCH || i === count - 1) {
    await Promise.all(batch);
    batch = [];
  }
}
console.log('connected');

const cpuStart = process.cpuUsage();
for await (const line of createInterface({ input: process.stdin })) {
  if (line === 'done') break;
  const n = Number(line.replace(/^report /, ''));
  const s = step(n);
  // Every full client's sequence, as (hash, count): equal hashes mean the same ids in the same order.
  const sequences = new Map<string, number>();
  let notEnded = 0;
  for (const [i, client] of clients.entries()) {
    if (client.step !== n || !client.ended) notEnded++;
    if (i >= full) continue;
    const key = client.step === n && client.hash ? `${client.hash.copy().digest('hex')}:${client.received}` : 'none';
    sequences.set(key, (sequences.get(key) ?? 0) + 1);
  }
  const cpu = process.cpuUsage(cpuStart);
  process.stdout.write(
    `${JSON.stringify({
      clients: count,
      full,
      notEnded,
      sequences: Object.fromEntries(sequences),
      reference: s.reference,
      cross: s.cross.sparse(),
      same: s.same.sparse(),
      lastArrival: s.lastArrival,
      cpuMs: Math.round((cpu.user + cpu.system) / 1000),
    })}\n`,
  );
}
process.exit(0);
