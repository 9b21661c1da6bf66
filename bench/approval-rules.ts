// Scenario 8, approval rules: what trying 50 rules (none matching, every condition checked, the user's devices
// counted) adds to a registering sign-in, against the same sign-in with no rules; and the evaluation alone, in process.
import { evaluateRules, type RegistrationFacts, type RuleView } from '../src/approval/rules.js';
import { hashPassword } from '../src/sessions/passwords.js';
import { graphqlRequest } from './processes.js';
import { BENCH_PASSWORD, withClient } from './seed.js';
import { percentile } from './stats.js';

export interface ApprovalRulesBenchResult {
  signIns: number;
  /** Per side: p50 and p95 of a registering sign-in (ms), sent one at a time, the two sides interleaved in rounds. */
  noRules: { p50: number; p95: number };
  fiftyRules: { p50: number; p95: number };
  /** fiftyRules.p50 - noRules.p50. */
  addedP50Ms: number;
  /** evaluateRules over the 50 rules, in process (microseconds per registration). */
  evaluateMicros: number;
}

const RULES = 50;

function ruleInput(n: number) {
  return {
    name: `bench rule ${n}`,
    action: 'APPROVE',
    conditions: {
      emailDomains: [`corp-${n}.example`],
      platforms: ['IOS', 'ANDROID'],
      minOsVersions: [{ platform: 'IOS', version: '99.0' }],
      appNames: ['Bench App'],
      hasApprovedDevice: true,
      maxDevices: 5,
    },
  };
}

const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { __typename } }`;

export async function runApprovalRulesBench(options: { url: string; databaseUrl: string; adminToken: string; quick: boolean }): Promise<ApprovalRulesBenchResult> {
  const perRound = options.quick ? 20 : 50;
  const rounds = options.quick ? 2 : 4;
  // 20 for the warm-up.
  const users = perRound * rounds * 2 + 20;
  const hash = await hashPassword(BENCH_PASSWORD);
  await withClient(options.databaseUrl, (c) =>
    c.query(`insert into users (id, email, role, password_hash, created_at)
      select gen_random_uuid(), 'rules-' || g || '@example.com', 'USER', '${hash}', now() from generate_series(1, ${users}) g`),
  );
  let next = 0;
  const signIn = async () => {
    const n = ++next;
    const started = performance.now();
    const data = await graphqlRequest<{ login: { __typename: string } }>(options.url, LOGIN, {
      input: { email: `rules-${n}@example.com`, password: BENCH_PASSWORD, device: { installationId: `rules-${n}`, platform: 'IOS', osVersion: '18.1', appName: 'Field App' } },
    });
    if (data.login.__typename !== 'DevicePendingApproval') throw new Error(`approval bench: expected PENDING, got ${data.login.__typename}`);
    return performance.now() - started;
  };
  // Warm-up: statements prepared, JIT warm, on both paths.
  for (let i = 0; i < 10; i++) await signIn();
  const setRules = async (on: boolean) => {
    if (!on) {
      await withClient(options.databaseUrl, (c) => c.query('delete from approval_rules'));
      return;
    }
    for (let n = 1; n <= RULES; n++) {
      await graphqlRequest(options.url, 'mutation($input: ApprovalRuleInput!) { createApprovalRule(input: $input) { __typename } }', { input: ruleInput(n) }, options.adminToken);
    }
  };
  for (let i = 0; i < 10; i++) await signIn();
  const without: number[] = [];
  const withRules: number[] = [];
  for (let round = 0; round < rounds; round++) {
    await setRules(false);
    for (let i = 0; i < perRound; i++) without.push(await signIn());
    await setRules(true);
    for (let i = 0; i < perRound; i++) withRules.push(await signIn());
  }
  const stats = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return { p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
  };

  // The evaluation alone: 50 rules, every one tried and missed.
  const rules: RuleView[] = Array.from({ length: RULES }, (_, i) => ({ id: String(i), ...(ruleInput(i + 1) as Omit<RuleView, 'id'>) }));
  const facts: RegistrationFacts = {
    email: 'someone@example.com',
    role: 'USER',
    platform: 'IOS',
    osVersion: '18.1',
    appName: 'Field App',
    keyBound: false,
    approvedDevices: 0,
    ownedDevices: 0,
  };
  const iterations = options.quick ? 2_000 : 20_000;
  for (let i = 0; i < 1_000; i++) evaluateRules(rules, facts);
  const started = performance.now();
  for (let i = 0; i < iterations; i++) evaluateRules(rules, facts);
  const evaluateMicros = Math.round(((performance.now() - started) * 1000) / iterations);

  const noRules = stats(without);
  const fiftyRules = stats(withRules);
  return {
    signIns: without.length + withRules.length,
    noRules,
    fiftyRules,
    addedP50Ms: Math.round((fiftyRules.p50 - noRules.p50) * 100) / 100,
    evaluateMicros,
  };
}
