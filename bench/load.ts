// A load generator, run as its own process: autocannon against one server with one scenario's requests.
// Input: a JSON file (argv[2]); output: one JSON line with throughput and latency percentiles.
import { createPrivateKey, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { parsePrometheus, sampleValue } from '../test/helpers/prometheus.js';
import { cpuMs, machineMs, postgresCpuMs, postgresCpuSince } from './proc.js';
import { percentile } from './stats.js';

export interface LoadSpec {
  url: string;
  scenario: 'deviceSignIn' | 'phoneRead' | 'passwordSignIn' | 'query';
  connections: number;
  seconds: number;
  warmupSeconds: number;
  /** deviceSignIn: one key per connection (round robin). */
  devices?: { keyId: string; privateKeyPem: string }[];
  /** phoneRead / query: bearer tokens, one per connection (round robin). */
  tokens?: string[];
  /** passwordSignIn: the account and an approved device to sign in from. */
  login?: { email: string; password: string; installationId: string };
  /** query: the GraphQL document and variables. */
  query?: { query: string; variables?: Record<string, unknown> };
  /** The server's process id: its CPU time over the measured run is reported per request (Linux /proc). */
  serverPid?: number;
  /** The server's /metrics (Gatehouse with METRICS on): its garbage-collection pause time is reported per request. */
  metricsUrl?: string;
  /** Report every response time too (to merge the slices of an interleaved run). */
  keepTimes?: boolean;
}

export type LoadResult = {
  requestsPerSec: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
  total: number;
  /** CPU time (all threads) of the server process per request, and of all PostgreSQL processes per request. */
  cpuMsPerRequest?: number;
  dbCpuMsPerRequest?: number;
  /** The load generator's own CPU, the whole machine's busy CPU, and the CPU time the hypervisor stole, per request. */
  loadCpuMsPerRequest?: number;
  machineCpuMsPerRequest?: number;
  stealMsPerRequest?: number;
  /** The server's main-thread garbage-collection pauses per request (all kinds; from its /metrics). */
  gcMsPerRequest?: number;
  times?: number[];
};

const spec = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as LoadSpec;
const keys = (spec.devices ?? []).map((d) => ({ keyId: d.keyId, key: createPrivateKey(d.privateKeyPem) }));
const json = (body: unknown) => JSON.stringify(body);
const headers = (token?: string) => ({
  'content-type': 'application/json',
  ...(token ? { authorization: `Bearer ${token}` } : {}),
});

const CHALLENGE = 'mutation Challenge($keyId: String!) { deviceChallenge(keyId: $keyId) { ... on DeviceChallenge { challengeId nonce } } }';
const LOGIN_WITH_DEVICE =
  'mutation KeyLogin($proof: DeviceProof!) { loginWithDevice(proof: $proof) { __typename ... on Session { token } } }';
const PHONE_READ =
  'query PhoneRead { me { id devices(first: 10) { totalCount edges { node { id name status platform model appName lastUsedAt owner { id email } lastUser { id email } } } } } }';
const PASSWORD_LOGIN =
  'mutation Login($input: LoginInput!) { login(input: $input) { __typename ... on Session { token } } }';

function requestsFor(): autocannon.Request[] {
  switch (spec.scenario) {
    case 'deviceSignIn':
      return [
        {
          method: 'POST',
          setupRequest: (req, ctx) => {
            const context = ctx as Record<string, unknown>;
            const n = ((context.n as number | undefined) ?? Math.floor(Math.random() * keys.length)) % keys.length;
            context.n = n + 1;
            context.key = keys[n];
            return { ...req, headers: headers(), body: json({ query: CHALLENGE, variables: { keyId: keys[n]!.keyId } }) };
          },
          onResponse: (status, body, ctx) => {
            const context = ctx as Record<string, unknown>;
            const challenge = (JSON.parse(body) as { data?: { deviceChallenge?: { challengeId: string; nonce: string } } }).data
              ?.deviceChallenge;
            if (!challenge?.nonce) throw new Error(`challenge failed (${status}): ${body.slice(0, 300)}`);
            context.challenge = challenge;
          },
        },
        {
          method: 'POST',
          setupRequest: (req, ctx) => {
            const context = ctx as Record<string, unknown>;
            const key = context.key as (typeof keys)[number];
            const challenge = context.challenge as { challengeId: string; nonce: string };
            const signature = sign('sha256', Buffer.from(challenge.nonce), { key: key.key, dsaEncoding: 'ieee-p1363' }).toString('base64url');
            const proof = { keyId: key.keyId, challengeId: challenge.challengeId, signature };
            return { ...req, headers: headers(), body: json({ query: LOGIN_WITH_DEVICE, variables: { proof } }) };
          },
          onResponse: (_status, body) => {
            if (!body.includes('"Session"')) throw new Error(`device sign-in failed: ${body.slice(0, 200)}`);
          },
        },
      ];
    case 'phoneRead':
      return [
        {
          method: 'POST',
          setupRequest: (req, ctx) => {
            const context = ctx as Record<string, unknown>;
            const n = ((context.n as number | undefined) ?? Math.floor(Math.random() * spec.tokens!.length)) % spec.tokens!.length;
            context.n = n + 1;
            return { ...req, headers: headers(spec.tokens![n]), body: json({ query: PHONE_READ }) };
          },
        },
      ];
    case 'passwordSignIn':
      return [
        {
          method: 'POST',
          headers: headers(),
          body: json({
            query: PASSWORD_LOGIN,
            variables: {
              input: {
                email: spec.login!.email,
                password: spec.login!.password,
                device: { installationId: spec.login!.installationId, platform: 'IOS' },
              },
            },
          }),
        },
      ];
    case 'query':
      return [{ method: 'POST', headers: headers(spec.tokens?.[0]), body: json(spec.query) }];
  }
}

/** Runs autocannon for `seconds`, keeping every response time (autocannon's summary has no p95). */
function run(seconds: number): Promise<{ result: autocannon.Result; times: number[] }> {
  const times: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { url: spec.url, connections: spec.connections, duration: seconds, requests: requestsFor() },
      (error, result) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve({ result, times })),
    );
    instance.on('response', (_client, _status, _bytes, responseTime: number) => times.push(responseTime));
  });
}

/** Milliseconds the server has spent in garbage-collection pauses since it started, from its /metrics. */
async function gcMs(): Promise<number> {
  const exposition = parsePrometheus(await (await fetch(spec.metricsUrl!)).text());
  return sampleValue(exposition, 'nodejs_gc_duration_seconds_sum') * 1000;
}

if (spec.warmupSeconds > 0) await run(spec.warmupSeconds);
const gcBefore = spec.metricsUrl ? await gcMs() : 0;
const machineBefore = machineMs();
const selfBefore = process.cpuUsage();
const cpuBefore = spec.serverPid ? cpuMs(spec.serverPid) : 0;
const dbBefore = spec.serverPid ? postgresCpuMs() : new Map<string, number>();
const { result, times } = await run(spec.seconds);
const cpuAfter = spec.serverPid ? cpuMs(spec.serverPid) : 0;
const dbCpu = spec.serverPid ? postgresCpuSince(dbBefore) : 0;
const selfCpu = process.cpuUsage(selfBefore);
const machineAfter = machineMs();
const gcAfter = spec.metricsUrl ? await gcMs() : 0;
times.sort((a, b) => a - b);
const out: LoadResult = {
  requestsPerSec: Math.round((result.requests.total / spec.seconds) * 10) / 10,
  p50: percentile(times, 50),
  p95: percentile(times, 95),
  p99: percentile(times, 99),
  errors: result.errors,
  non2xx: result.non2xx,
  total: result.requests.total,
  ...(spec.serverPid && result.requests.total
    ? {
        cpuMsPerRequest: Math.round(((cpuAfter - cpuBefore) / result.requests.total) * 1000) / 1000,
        dbCpuMsPerRequest: Math.round((dbCpu / result.requests.total) * 1000) / 1000,
        loadCpuMsPerRequest: Math.round(((selfCpu.user + selfCpu.system) / 1000 / result.requests.total) * 1000) / 1000,
        machineCpuMsPerRequest: Math.round(((machineAfter.busy - machineBefore.busy) / result.requests.total) * 1000) / 1000,
        stealMsPerRequest: Math.round(((machineAfter.steal - machineBefore.steal) / result.requests.total) * 1000) / 1000,
      }
    : {}),
  ...(spec.metricsUrl && result.requests.total ? { gcMsPerRequest: Math.round(((gcAfter - gcBefore) / result.requests.total) * 1000) / 1000 } : {}),
  ...(spec.keepTimes ? { times: times.map((t) => Math.round(t * 100) / 100) } : {}),
};
process.stdout.write(`${JSON.stringify(out)}\n`);
