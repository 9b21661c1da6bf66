// Hot operations run compiled (graphql-jit) once a document has run RUNS_BEFORE_JIT times, with the same answers and
// the same errors as the standard executor; a document with several operations, a document run once or twice, and
// subscriptions never run compiled. The counts are read from /metrics (METRICS on), as an operator would.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RUNS_BEFORE_JIT } from '../src/graphql/jit.js';
import { ApproveDevice, Devices, ForgetDevice, MyDevices, RenameDevice, Users } from './operations.js';
import { approvedPhone } from './helpers/devices.js';
import { databaseId, type GraphQLClient } from './helpers/client.js';
import { scrape, startServer, type TestServer } from './helpers/server.js';
import { sampleValue } from './helpers/prometheus.js';

let server: TestServer;

beforeAll(async () => {
  server = await startServer({}, { metrics: true });
});

afterAll(async () => {
  await server?.stop();
});

async function counts() {
  const metrics = await scrape(server);
  return { compiled: sampleValue(metrics, 'gatehouse_jit_operations_compiled_total'), executed: sampleValue(metrics, 'gatehouse_jit_executions_total') };
}

/** Runs the same request `times` times, one after the other, and returns every response. */
async function repeat<T>(times: number, send: (run: number) => Promise<T>): Promise<T[]> {
  const responses: T[] = [];
  for (let run = 0; run < times; run++) responses.push(await send(run));
  return responses;
}

const RUNS = RUNS_BEFORE_JIT + 2;

describe('compiled operations', () => {
  it('answers a hot query compiled exactly as it did uncompiled, compiling it once', async () => {
    const phone = await approvedPhone(server);
    const before = await counts();
    const responses = await repeat(RUNS, () => phone.client.request(MyDevices, { first: 5 }));
    expect(responses[0]?.data?.me?.devices.edges).toHaveLength(1);
    for (const response of responses) expect(response).toEqual(responses[0]);
    const after = await counts();
    expect(after.compiled - before.compiled).toBe(1);
    expect(after.executed - before.executed).toBe(RUNS - RUNS_BEFORE_JIT);
  });

  it('runs a hot mutation compiled: each run changes the device and is answered with the change', async () => {
    const phone = await approvedPhone(server);
    const admin = await server.admin();
    const before = await counts();
    const names = await repeat(RUNS, async (run) => {
      const { renameDevice } = await admin.data(RenameDevice, { id: phone.deviceId, name: `Phone ${run}` });
      if (renameDevice.__typename !== 'Device') throw new Error(JSON.stringify(renameDevice));
      return renameDevice.name;
    });
    expect(names).toEqual(Array.from({ length: RUNS }, (_, run) => `Phone ${run}`));
    expect(await server.count(`select 1 from events where kind = 'DEVICE_RENAMED' and device_id = ?`, [databaseId(phone.deviceId)])).toBe(RUNS);
    expect((await counts()).executed - before.executed).toBe(RUNS - RUNS_BEFORE_JIT);
  });

  it('gives the same errors compiled: bad variables, a forbidden field, an invalid input and a domain error', async () => {
    const phone = await approvedPhone(server);
    const admin = await server.admin();
    const same = async (send: () => Promise<unknown>) => {
      const responses = await repeat(RUNS, send);
      for (const response of responses) expect(response).toEqual(responses[0]);
      return responses[0];
    };
    const badVariable = (await same(() => admin.raw(Devices.toString(), { first: 'ten' }))) as { errors?: unknown[] };
    expect(badVariable.errors).toHaveLength(1);
    const forbidden = (await same(() => phone.client.request(Users, { first: 1 }))) as { errors?: { extensions?: { code?: string } }[] };
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const tooLong = (await same(() => admin.request(RenameDevice, { id: phone.deviceId, name: 'x'.repeat(500) }))) as { data?: unknown; errors?: unknown[] };
    expect(tooLong.errors?.length ?? 0).toBeGreaterThan(0);
    const forgotten = await approvedPhone(server);
    expect((await admin.data(ForgetDevice, { id: forgotten.deviceId })).forgetDevice.__typename).toBe('ForgottenDevice');
    const unknown = (await same(() => admin.request(ApproveDevice, { id: forgotten.deviceId }))) as {
      data?: { approveDevice?: { __typename: string } };
    };
    expect(unknown.data?.approveDevice?.__typename).toBe('NotFound');
    expect(await server.count('select 1 from devices where id = ? and name = ?', [databaseId(phone.deviceId), 'x'.repeat(500)])).toBe(0);
  });

  it('never compiles a document with two operations: each request runs the operation it names', async () => {
    const phone = await approvedPhone(server);
    const before = await counts();
    const query = 'query Email { me { email } } query Id { me { id } }';
    const send = (client: GraphQLClient, operationName: string) =>
      fetch(client.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${phone.token}` },
        body: JSON.stringify({ query, operationName }),
      }).then((res) => res.json() as Promise<{ data?: { me?: Record<string, unknown> } }>);
    const answers = await repeat(RUNS * 2, (run) => send(phone.client, run % 2 ? 'Id' : 'Email'));
    answers.forEach((answer, run) => expect(Object.keys(answer.data?.me ?? {})).toEqual([run % 2 ? 'id' : 'email']));
    expect(await counts()).toEqual(before);
  });

  it('does not compile a document run only RUNS_BEFORE_JIT times', async () => {
    const admin = await server.admin();
    const before = await counts();
    await repeat(RUNS_BEFORE_JIT, () => admin.raw('query OnlyTwice { devices(first: 2) { totalCount } }'));
    expect(await counts()).toEqual(before);
  });
});
