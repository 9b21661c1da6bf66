// Scenario 8, approval rules: what trying 50 rules (none matching, every condition checked, the user's devices
// counted) adds to a registering sign-in, against the same sign-in with no rules; and the evaluation alone, in process.
import { evaluateRules, rulesInOrder, type RegistrationFacts, type RuleView } from '../src/approval/rules.js';
import { openDatabase } from '../src/db/orm.js';
import { sqlOf } from '../src/db/sql.js';
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
  /**
   * What registration adds with 50 rules, measured in process on the bench database (p50 / p95, ms): the rules'
   * read with the user's device counts (one statement) and the evaluation, inside a transaction as createDevice runs
   * them, less an empty transaction's time. The sign-in's
   * own p50 (an argon2 verify) varies by more than this from one slice to the next on a shared machine.
   */
  ruleStep: { p50: number; p95: number };
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

  // The step itself, as createDevice runs it (rules still in place from the last round).
  const { orm } = await openDatabase(options.databaseUrl);
  const sql = sqlOf(orm);
  const steps: number[] = [];
  try {
    const [owner] = await orm.em.fork().getConnection().execute<{ id: string }[]>('select id from users limit 1');
    for (let i = 0; i < (options.quick ? 50 : 500); i++) {
      const started = performance.now();
      await orm.em.fork().transactional(async (tx) => {
        const loaded = await rulesInOrder(tx, sql, owner!.id);
        if (loaded.rules.length !== RULES) throw new Error(`approval bench: ${loaded.rules.length} rules in place`);
        evaluateRules(loaded.rules, { ...facts, approvedDevices: loaded.approvedDevices, ownedDevices: loaded.ownedDevices });
      });
      // The transaction's own begin/commit are there with or without rules: only the step counts, so they are timed too
      // and taken off below.
      steps.push(performance.now() - started);
    }
    const empty: number[] = [];
    for (let i = 0; i < (options.quick ? 50 : 500); i++) {
      const started = performance.now();
      await orm.em.fork().transactional(async () => undefined);
      empty.push(performance.now() - started);
    }
    const base = stats(empty).p50;
    steps.splice(0, steps.length, ...steps.map((ms) => Math.max(0, ms - base)));
  } finally {
    await orm.close();
  }

  const noRules = stats(without);
  const fiftyRules = stats(withRules);
  return {
    signIns: without.length + withRules.length,
    noRules,
    fiftyRules,
    addedP50Ms: Math.round((fiftyRules.p50 - noRules.p50) * 100) / 100,
    evaluateMicros,
    ruleStep: stats(steps),
  };
}
