// Scenario 4/5's load: N WebSocket subscribers in one process. Mode "graphql": graphql-ws clients subscribed to
// deviceEvents on Gatehouse, a rename per round as the trigger. Mode "raw": plain sockets on the raw broadcast
// server. Prints "subscribed", then runs a round for each "round N" line on stdin and prints its latencies as JSON.
import { createInterface } from 'node:readline';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const [mode, url, token, deviceId, countText] = process.argv.slice(2) as [string, string, string, string, string];
const count = Number(countText);
const now = () => performance.timeOrigin + performance.now();

/** For each round's marker, the time each subscriber saw it, and the time the event itself carries (its `at`). */
const seen = new Map<string, number[]>();
const eventAt = new Map<string, number>();
function received(event: { deviceName: string; at: string } | undefined) {
  if (!event) return;
  const at = now();
  const list = seen.get(event.deviceName) ?? [];
  list.push(at);
  seen.set(event.deviceName, list);
  eventAt.set(event.deviceName, Date.parse(event.at));
}

const SUBSCRIPTION = 'subscription { deviceEvents(filter: { kinds: [DEVICE_RENAMED] }) { cursor kind at deviceName detail user { email } } }';
const closers: (() => void)[] = [];

if (mode === 'graphql') {
  for (let i = 0; i < count; i++) {
    const client = createClient({
      url: url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      retryAttempts: 0,
      lazy: true,
    });
    client.subscribe<{ deviceEvents: { deviceName: string; at: string } }>(
      { query: SUBSCRIPTION },
      { next: (r) => received(r.data?.deviceEvents), error: (e) => console.error('subscription error', e), complete: () => undefined },
    );
    closers.push(() => void client.dispose());
  }
} else {
  for (let i = 0; i < count; i++) {
    const socket = new WebSocket(url.replace(/^http/, 'ws'));
    socket.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString('utf8')) as { payload: { data: { deviceEvents: { deviceName: string; at: string } } } };
      received(message.payload.data.deviceEvents);
    });
    closers.push(() => socket.close());
  }
}

async function trigger(name: string) {
  if (mode === 'graphql') {
    await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: 'mutation($id: ID!, $n: String!) { renameDevice(id: $id, name: $n) { __typename } }', variables: { id: deviceId, n: name } }),
    });
  } else {
    const payload = { type: 'next', id: '1', payload: { data: { deviceEvents: { cursor: 'MTIz', kind: 'DEVICE_RENAMED', at: new Date().toISOString(), deviceName: name, detail: 'was "x"', user: { email: 'bench-0@example.com' } } } } };
    await fetch(url.replace('/graphql', '/broadcast'), { method: 'POST', body: JSON.stringify(payload) });
  }
}

/**
 * Triggers one round and waits until every subscriber has it (or 5 s); returns the delivery latencies, counted from
 * the trigger's request and from the event's own time (Gatehouse stamps `at` as the mutation records the event, the
 * raw broadcast's trigger as it sends the message).
 */
async function round(n: number): Promise<{ latencies: number[]; fromEvent: number[] }> {
  const name = `fanout-${n}-${Math.round(now())}`;
  const started = now();
  await trigger(name);
  const deadline = Date.now() + 5000;
  while ((seen.get(name)?.length ?? 0) < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 2));
  const times = seen.get(name) ?? [];
  return { latencies: times.map((t) => t - started), fromEvent: times.map((t) => t - eventAt.get(name)!) };
}

// Warm up until every subscriber gets a round (they subscribe asynchronously).
for (let attempt = 0; attempt < 50; attempt++) {
  const got = await round(-1 - attempt);
  if (got.latencies.length === count) break;
}
console.log('subscribed');
// Rounds on request ("round N" on stdin), each answered with one JSON line of latencies, so that the driver can
// alternate these rounds with another swarm's; "done" closes every socket and exits.
for await (const line of createInterface({ input: process.stdin })) {
  if (line === 'done') break;
  const n = Number(line.replace(/^round /, ''));
  const got = await round(n);
  process.stdout.write(`${JSON.stringify({ ...got, missing: count - got.latencies.length })}\n`);
}
for (const close of closers) close();
process.exit(0);
