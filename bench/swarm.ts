// Scenario 4/5's load: N WebSocket subscribers in one process. Mode "graphql": graphql-ws clients subscribed to
// deviceEvents on Gatehouse, a rename per round as the trigger. Mode "raw": plain sockets on the raw broadcast
// server. Prints "subscribed", waits for "go" on stdin, runs the rounds, prints the latencies as JSON.
import { createInterface } from 'node:readline';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const [mode, url, token, deviceId, countText, roundsText] = process.argv.slice(2) as [string, string, string, string, string, string];
const count = Number(countText);
const rounds = Number(roundsText);
const now = () => performance.timeOrigin + performance.now();

/** For each round's marker, the time each subscriber saw it. */
const seen = new Map<string, number[]>();
function received(name: string | undefined) {
  if (!name) return;
  const at = now();
  const list = seen.get(name) ?? [];
  list.push(at);
  seen.set(name, list);
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
    client.subscribe<{ deviceEvents: { deviceName: string } }>(
      { query: SUBSCRIPTION },
      { next: (r) => received(r.data?.deviceEvents.deviceName), error: (e) => console.error('subscription error', e), complete: () => undefined },
    );
    closers.push(() => void client.dispose());
  }
} else {
  for (let i = 0; i < count; i++) {
    const socket = new WebSocket(url.replace(/^http/, 'ws'));
    socket.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString('utf8')) as { payload: { data: { deviceEvents: { deviceName: string } } } };
      received(message.payload.data.deviceEvents.deviceName);
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

/** Triggers one round and waits until every subscriber has it (or 5 s); returns the delivery latencies. */
async function round(n: number): Promise<number[]> {
  const name = `fanout-${n}-${Math.round(now())}`;
  const started = now();
  await trigger(name);
  const deadline = Date.now() + 5000;
  while ((seen.get(name)?.length ?? 0) < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 2));
  return (seen.get(name) ?? []).map((t) => t - started);
}

// Warm up until every subscriber gets a round (they subscribe asynchronously).
for (let attempt = 0; attempt < 50; attempt++) {
  const got = await round(-1 - attempt);
  if (got.length === count) break;
}
console.log('subscribed');
await new Promise<void>((resolve) => createInterface({ input: process.stdin }).once('line', () => resolve()));
const latencies: number[] = [];
let missing = 0;
for (let r = 0; r < rounds; r++) {
  const got = await round(r);
  missing += count - got.length;
  latencies.push(...got);
  await new Promise((resolve) => setTimeout(resolve, 50));
}
for (const close of closers) close();
// Exit only once the (long) line is written: a pipe flushes asynchronously.
process.stdout.write(`${JSON.stringify({ latencies, missing })}\n`, () => process.exit(0));
