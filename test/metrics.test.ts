// /metrics (METRICS on) reports the main thread's garbage-collection pauses, as an operator (and the bench) reads them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metricsSection, startServer, type TestServer } from './helpers/server.js';

let server: TestServer;

beforeAll(async () => {
  server = await startServer({}, { metrics: true });
});

afterAll(async () => {
  await server?.stop();
});

type GcMs = { minor: { count: number; ms: number }; major: { count: number; ms: number } };

describe('/metrics', () => {
  it('counts young-generation collections and their pause time', async () => {
    const before = await metricsSection<GcMs>(server, 'gcMs');
    // The server runs in this process: garbage made here is collected by the same heap's scavenger.
    let sink: object[] = [];
    let made = 0;
    for (let i = 0; i < 2_000_000; i++) {
      sink.push({ i, text: String(i) });
      if (sink.length === 1_000) {
        made += sink.length;
        sink = [];
      }
    }
    expect(made).toBe(2_000_000);
    // PerformanceObserver delivers GC entries after the collection, asynchronously.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const after = await metricsSection<GcMs>(server, 'gcMs');
    expect(after.minor.count).toBeGreaterThan(before.minor.count);
    expect(after.minor.ms).toBeGreaterThan(before.minor.ms);
    expect(after.major.count).toBeGreaterThanOrEqual(before.major.count);
  });
});
