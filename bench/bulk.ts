// Scenario 8, bulk approval: 100 PENDING devices approved with one approveDevices call, against the same 100 approved
// one approveDevice call after another (as the console did), in milliseconds per device; the median of a few rounds.
// Each round seeds its own PENDING devices straight into the database.
import { randomUUID } from 'node:crypto';
import { graphqlRequest } from './processes.js';
import { withClient } from './seed.js';
import { percentile } from './stats.js';

export interface BulkBenchResult {
  devices: number;
  rounds: number;
  /** Median over the rounds of (wall time / devices), milliseconds. */
  bulkMsPerDevice: number;
  singleMsPerDevice: number;
  /** singleMsPerDevice / bulkMsPerDevice. */
  speedup: number;
}

interface Options {
  databaseUrl: string;
  url: string;
  token: string;
  devices?: number;
  rounds?: number;
}

const APPROVE_MANY = 'mutation($ids: [ID!]!) { approveDevices(ids: $ids) { __typename ... on Device { id status } } }';
const APPROVE_ONE = 'mutation($id: ID!) { approveDevice(id: $id) { __typename ... on Device { id status } } }';

/** `count` PENDING devices of one new user; their global ids. */
async function seedPending(databaseUrl: string, count: number): Promise<string[]> {
  const ids = Array.from({ length: count }, () => randomUUID());
  await withClient(databaseUrl, async (c) => {
    const { rows } = await c.query<{ id: string }>(
      `insert into users (id, email, role, password_hash, created_at) values (gen_random_uuid(), $1, 'USER', 'x', now()) returning id`,
      [`bulk-${randomUUID()}@example.com`],
    );
    const owner = rows[0]!.id;
    await c.query(
      `insert into devices (id, installation_id, status, platform, owner_id, created_at, status_changed_at, version, has_push_token, name)
       select id, 'bulk-' || id, 'PENDING', 'IOS', $2, now(), now(), 1, false, 'Bulk phone'
       from unnest($1::uuid[]) as id`,
      [ids, owner],
    );
    await c.query(`insert into device_users (device_id, user_id, first_seen_at, last_seen_at)
      select id, owner_id, created_at, created_at from devices where id = any($1::uuid[])`, [ids]);
  });
  return ids.map((id) => Buffer.from(`Device:${id}`, 'utf8').toString('base64'));
}

function expectApproved(results: { __typename: string; status?: string }[], count: number) {
  if (results.length !== count || results.some((r) => r.__typename !== 'Device' || r.status !== 'APPROVED')) {
    throw new Error(`bulk bench: not every device was approved: ${JSON.stringify(results.slice(0, 3))}`);
  }
}

export async function runBulkBench(options: Options): Promise<BulkBenchResult> {
  const count = options.devices ?? 100;
  const rounds = options.rounds ?? 5;
  const bulk: number[] = [];
  const single: number[] = [];
  // One round of each first, unmeasured: both documents compiled (graphql-jit) and the statements prepared.
  for (let round = -1; round < rounds; round++) {
    const forBulk = await seedPending(options.databaseUrl, count);
    const forSingle = await seedPending(options.databaseUrl, count);

    let started = performance.now();
    const data = await graphqlRequest<{ approveDevices: { __typename: string; status?: string }[] }>(options.url, APPROVE_MANY, { ids: forBulk }, options.token);
    const bulkMs = performance.now() - started;
    expectApproved(data.approveDevices, count);

    started = performance.now();
    const answers: { __typename: string; status?: string }[] = [];
    for (const id of forSingle) {
      answers.push((await graphqlRequest<{ approveDevice: { __typename: string; status?: string } }>(options.url, APPROVE_ONE, { id }, options.token)).approveDevice);
    }
    const singleMs = performance.now() - started;
    expectApproved(answers, count);

    if (round >= 0) {
      bulk.push(bulkMs / count);
      single.push(singleMs / count);
    }
  }
  const bulkMsPerDevice = percentile(bulk.sort((a, b) => a - b), 50);
  const singleMsPerDevice = percentile(single.sort((a, b) => a - b), 50);
  return { devices: count, rounds, bulkMsPerDevice, singleMsPerDevice, speedup: Math.round((singleMsPerDevice / bulkMsPerDevice) * 100) / 100 };
}
