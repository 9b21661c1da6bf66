// Scenario 11's writer: an open-loop stream of registrations (registerDevice by signed-in users: DEVICE_REGISTERED,
// PENDING) and approvals (approveDevice by an admin: DEVICE_APPROVED), and optionally key sign-ins (LOGIN_SUCCEEDED),
// at a fixed offered rate of events, the operations alternating between the two instances. Each request is sent at its scheduled time whether or not earlier ones
// have been answered (up to MAX_IN_FLIGHT), so a slow server shows as latency and lateness, not as a lower rate.
// Input: a JSON spec file (argv[2]); output: one JSON line.
import { createPrivateKey, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { percentile } from './stats.js';

export interface WriterSpec {
  /** The two instances' /graphql URLs; their User-Agents are gatehouse-bench-A and gatehouse-bench-B. */
  urls: [string, string];
  adminToken: string;
  userTokens: string[];
  /** Operations (events) a second, over both instances. */
  rate: number;
  seconds: number;
  /** Prefix of the installation ids, unique per step. */
  tag: string;
  /**
   * Approved key-bound devices: when given, three operations in four are key sign-ins (deviceChallenge, then
   * loginWithDevice: one LOGIN_SUCCEEDED event, the cheapest event a client can cause), the fourth a registration
   * or an approval.
   */
  devices?: { keyId: string; privateKeyPem: string }[];
}

export interface WriterResult {
  offered: number;
  sent: number;
  ok: number;
  failed: number;
  failures: string[];
  registrations: number;
  approvals: number;
  signIns: number;
  /** Seconds from the first send to the last answer. */
  elapsed: number;
  /** Request latency, ms. */
  p50: number;
  p99: number;
  /** How late each request left against its schedule, ms (the writer's own delay). */
  lateP99: number;
  lateMax: number;
  /** The writer's own CPU over the run, as a share of one core. */
  cpuShare: number;
}

const MAX_IN_FLIGHT = 512;
const spec = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as WriterSpec;
const agents = spec.urls.map(() => new Agent({ keepAlive: true, maxSockets: 128 }));
const targets = spec.urls.map((u) => new URL(u));

const keys = (spec.devices ?? []).map((d) => ({ keyId: d.keyId, key: createPrivateKey(d.privateKeyPem) }));
const CHALLENGE = 'mutation($keyId: String!) { deviceChallenge(keyId: $keyId) { ... on DeviceChallenge { challengeId nonce } } }';
const KEY_LOGIN = 'mutation($proof: DeviceProof!) { loginWithDevice(proof: $proof) { __typename } }';
const REGISTER = 'mutation($input: DeviceInput!) { registerDevice(input: $input) { __typename ... on Device { id } } }';
const APPROVE = 'mutation($id: ID!) { approveDevice(id: $id) { __typename } }';

function post(instance: number, token: string, body: string): Promise<string> {
  const target = targets[instance]!;
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: 'POST',
        agent: agents[instance],
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          'user-agent': `gatehouse-bench-${instance === 0 ? 'A' : 'B'}`,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const pending: string[] = [];
const latencies: number[] = [];
const lateness: number[] = [];
const failures: string[] = [];
let sent = 0;
let ok = 0;
let registrations = 0;
let approvals = 0;
let signIns = 0;
let inFlight = 0;

async function keySignIn(instance: number, n: number) {
  const key = keys[n % keys.length]!;
  const anonymous = '';
  const body = await post(instance, anonymous, JSON.stringify({ query: CHALLENGE, variables: { keyId: key.keyId } }));
  const challenge = (JSON.parse(body) as { data?: { deviceChallenge?: { challengeId: string; nonce: string } } }).data?.deviceChallenge;
  if (!challenge?.nonce) throw new Error(`deviceChallenge: ${body.slice(0, 200)}`);
  const signature = sign('sha256', Buffer.from(challenge.nonce), { key: key.key, dsaEncoding: 'ieee-p1363' }).toString('base64url');
  const proof = { keyId: key.keyId, challengeId: challenge.challengeId, signature };
  const login = await post(instance, anonymous, JSON.stringify({ query: KEY_LOGIN, variables: { proof } }));
  if (!login.includes('"Session"')) throw new Error(`loginWithDevice: ${login.slice(0, 200)}`);
}

async function operation(i: number, scheduled: number) {
  const instance = i % 2;
  // With keys: sign-in, sign-in, sign-in, then a registration or an approval (every fourth pair of operations).
  const signIn = keys.length > 0 && (i >> 1) % 4 !== 3;
  // The registrations and approvals: reg A, reg B, approve A, approve B, …: every instance both registers and approves.
  const slot = keys.length > 0 ? i >> 3 : i >> 1;
  const approve = !signIn && slot % 2 === 1 && pending.length > 0;
  const deviceId = approve ? pending.shift()! : null;
  const started = performance.now();
  lateness.push(started - scheduled);
  sent++;
  inFlight++;
  try {
    if (signIn) {
      await keySignIn(instance, i);
      signIns++;
    } else if (deviceId) {
      const body = await post(instance, spec.adminToken, JSON.stringify({ query: APPROVE, variables: { id: deviceId } }));
      if (!body.includes('"__typename":"Device"')) throw new Error(`approveDevice: ${body.slice(0, 200)}`);
      approvals++;
    } else {
      const input = { installationId: `${spec.tag}-${i}`, platform: 'IOS', name: `${spec.tag}-${i}` };
      const body = await post(instance, spec.userTokens[i % spec.userTokens.length]!, JSON.stringify({ query: REGISTER, variables: { input } }));
      const id = (JSON.parse(body) as { data?: { registerDevice?: { id?: string } } }).data?.registerDevice?.id;
      if (!id) throw new Error(`registerDevice: ${body.slice(0, 200)}`);
      pending.push(id);
      registrations++;
    }
    ok++;
    latencies.push(performance.now() - started);
  } catch (error) {
    if (failures.length < 10) failures.push(String(error));
  } finally {
    inFlight--;
  }
}

const offered = Math.round(spec.rate * spec.seconds);
const cpuBefore = process.cpuUsage();
const begin = performance.now();
const running: Promise<void>[] = [];
let next = 0;
await new Promise<void>((resolve) => {
  const tick = () => {
    const now = performance.now();
    while (next < offered && begin + (next * 1000) / spec.rate <= now && inFlight < MAX_IN_FLIGHT) {
      running.push(operation(next, begin + (next * 1000) / spec.rate));
      next++;
    }
    if (next >= offered) resolve();
    else setTimeout(tick, 1);
  };
  tick();
});
await Promise.all(running);
const elapsed = (performance.now() - begin) / 1000;
const cpu = process.cpuUsage(cpuBefore);
const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const lat = sorted(latencies);
const late = sorted(lateness);
const result: WriterResult = {
  offered,
  sent,
  ok,
  failed: sent - ok,
  failures,
  registrations,
  approvals,
  signIns,
  elapsed: Math.round(elapsed * 100) / 100,
  p50: percentile(lat, 50),
  p99: percentile(lat, 99),
  lateP99: percentile(late, 99),
  lateMax: Math.round((late.at(-1) ?? 0) * 100) / 100,
  cpuShare: Math.round(((cpu.user + cpu.system) / 1000 / (elapsed * 1000)) * 100) / 100,
};
process.stdout.write(`${JSON.stringify(result)}\n`);
for (const agent of agents) agent.destroy();
process.exit(0);
