// Scenario 7, webhooks: how many deliveries a second Gatehouse sends to a local receiver (a backlog of events, one
// endpoint and several), and the time from an event's commit to its receipt at a steady 100 events a second.
// Events are written straight into the log (as a change would write them); the receiver answers 204 at once.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { percentile } from './stats.js';

export interface WebhookBenchResult {
  /** Deliveries a second while a backlog drains: to one endpoint, and spread over `endpoints` endpoints. */
  backlog: { events: number; oneEndpointPerSec: number; endpoints: number; manyEndpointsPerSec: number };
  /** Commit to receipt at `rate` events a second, milliseconds. */
  steady: { rate: number; events: number; p50: number; p99: number; max: number };
}

interface Options {
  databaseUrl: string;
  /** Registers an endpoint for `url` (through the API, as an admin) for DEVICE_RENAMED events. */
  createEndpoint: (url: string) => Promise<void>;
  quick: boolean;
}

/** Writes `count` DEVICE_RENAMED events in one transaction; they commit (and get positions) together. */
async function writeEvents(client: pg.Client, count: number, tag: string): Promise<void> {
  await client.query(
    `insert into events (kind, at, device_name, detail)
     select 'DEVICE_RENAMED', now(), 'bench', $2 || '-' || g from generate_series(1, $1) g`,
    [count, tag],
  );
}

async function receiver() {
  const received = new Map<string, number>();
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received.set(String(req.headers['webhook-id']), performance.now());
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`webhook bench: ${what} did not happen within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export async function runWebhookBench(options: Options): Promise<WebhookBenchResult> {
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  const sinks: Awaited<ReturnType<typeof receiver>>[] = [];
  try {
    const backlogEvents = options.quick ? 300 : 3_000;
    const endpoints = 8;

    // One endpoint drains a backlog: one event at a time, in order.
    const one = await receiver();
    sinks.push(one);
    await options.createEndpoint(one.url);
    let started = performance.now();
    await writeEvents(client, backlogEvents, 'one');
    await waitFor(() => one.received.size >= backlogEvents, 120_000, 'the one-endpoint backlog');
    const oneEndpointPerSec = Math.round(backlogEvents / ((performance.now() - started) / 1000));
    await one.close();
    sinks.pop();
    await client.query(`update webhook_endpoints set enabled = false`);

    // Several endpoints drain theirs side by side (the job queue runs four drains at once on each instance).
    const many = await Promise.all(Array.from({ length: endpoints }, () => receiver()));
    sinks.push(...many);
    for (const sink of many) await options.createEndpoint(sink.url);
    const perEndpoint = Math.round(backlogEvents / endpoints);
    started = performance.now();
    await writeEvents(client, perEndpoint, 'many');
    await waitFor(() => many.every((sink) => sink.received.size >= perEndpoint), 120_000, 'the many-endpoint backlog');
    const manyEndpointsPerSec = Math.round((perEndpoint * endpoints) / ((performance.now() - started) / 1000));
    for (const sink of many) await sink.close();
    sinks.length = 0;
    await client.query(`update webhook_endpoints set enabled = false`);

    // A steady rate: each event its own transaction; its commit time is taken when the insert returns.
    const steadySink = await receiver();
    sinks.push(steadySink);
    await options.createEndpoint(steadySink.url);
    const rate = 100;
    const count = options.quick ? 200 : 1_000;
    const committed = new Map<string, number>();
    const begin = performance.now();
    for (let i = 0; i < count; i++) {
      const due = begin + (i * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const { rows } = await client.query<{ id: string }>(
        `insert into events (kind, at, device_name, detail) values ('DEVICE_RENAMED', now(), 'bench', 'steady') returning id`,
      );
      committed.set(rows[0]!.id, performance.now());
    }
    await waitFor(() => steadySink.received.size >= count, 60_000, 'the steady events');
    const endpointId = (await client.query<{ id: string }>(`select id from webhook_endpoints where enabled`)).rows[0]!.id.replace(/-/g, '');
    const latencies = [...committed].map(([eventId, at]) => steadySink.received.get(`msg_${eventId}_${endpointId}`)! - at).sort((a, b) => a - b);
    const round = (ms: number) => Math.round(ms * 10) / 10;
    return {
      backlog: { events: backlogEvents, oneEndpointPerSec, endpoints, manyEndpointsPerSec },
      steady: { rate, events: count, p50: round(percentile(latencies, 50)), p99: round(percentile(latencies, 99)), max: round(latencies.at(-1)!) },
    };
  } finally {
    for (const sink of sinks) await sink.close();
    await client.end();
  }
}
