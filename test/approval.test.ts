// Approval as a recorded decision (an admin, an API key, AUTOMATIC mode, a rule), on the device and its events; and
// approval rules: each condition matching and missing, their order, pendingReason, and the dry run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GatehouseClient } from '../src/client/client.js';
import { DeviceKey } from '../src/client/device-key.js';
import { graphql } from './gql/index.js';
import type { ApprovalRuleInput, DeviceInput } from './gql/graphql.js';
import { ApproveDevice, BlockDevice, Login, SetDevicePolicy, UnblockDevice } from './operations.js';
import { approvedPhone, pendingPhone } from './helpers/devices.js';
import { ADMIN_EMAIL, createUser, newDevice, PASSWORD, startServer, type TestServer } from './helpers/server.js';
import type { GraphQLClient } from './helpers/client.js';

const ApprovalDecision = graphql(`
  query ApprovalDecision($id: ID!) {
    device(id: $id) {
      id
      status
      decision { by at reason admin { email } apiKey { name } rule { id name } }
      pendingReason
      events(first: 10) { edges { node { kind decisionBy detail } } }
    }
  }
`);

const ApprovalCreateKey = graphql(`
  mutation ApprovalCreateKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) { __typename ... on ApiKeyCreated { secret } }
  }
`);

let server: TestServer;
let admin: GraphQLClient;
beforeAll(async () => {
  server = await startServer({ DEVICE_APPROVAL: 'required' });
  admin = await server.admin();
});
afterAll(async () => {
  await server.stop();
});

async function decisionOf(deviceId: string) {
  const { device } = await admin.data(ApprovalDecision, { id: deviceId });
  if (!device) throw new Error('no device');
  return device;
}

describe('decisions', () => {
  it('a PENDING device has no decision; an admin approving it records ADMIN, the admin and the time, on the device and its event', async () => {
    const phone = await pendingPhone(server);
    expect((await decisionOf(phone.deviceId)).decision).toBeNull();
    const before = Date.now();
    await admin.data(ApproveDevice, { id: phone.deviceId });
    const device = await decisionOf(phone.deviceId);
    expect(device.decision).toMatchObject({ by: 'ADMIN', admin: { email: ADMIN_EMAIL }, apiKey: null, reason: null });
    expect(new Date(device.decision!.at).getTime()).toBeGreaterThanOrEqual(before - 1000);
    const kinds = device.events.edges.map((e) => [e.node.kind, e.node.decisionBy]);
    expect(kinds).toContainEqual(['DEVICE_APPROVED', 'ADMIN']);
    expect(kinds).toContainEqual(['DEVICE_REGISTERED', null]);
  });

  it('an API key approving is ADMIN with the key named', async () => {
    const { createApiKey } = await admin.data(ApprovalCreateKey, { input: { name: 'HR onboarding', scopes: ['DEVICES_WRITE'] } });
    if (createApiKey.__typename !== 'ApiKeyCreated') throw new Error(JSON.stringify(createApiKey));
    const phone = await pendingPhone(server);
    const { approveDevice } = await server.client.as(createApiKey.secret).data(ApproveDevice, { id: phone.deviceId });
    expect(approveDevice.__typename).toBe('Device');
    expect((await decisionOf(phone.deviceId)).decision).toMatchObject({
      by: 'ADMIN',
      admin: { email: ADMIN_EMAIL },
      apiKey: { name: 'HR onboarding' },
    });
  });

  it('a block is the latest decision, with its reason; an unblock back to APPROVED is one too, back to PENDING leaves none', async () => {
    const phone = await pendingPhone(server);
    await admin.data(ApproveDevice, { id: phone.deviceId });
    await admin.data(BlockDevice, { id: phone.deviceId, reason: 'lost on a train' });
    const blocked = await decisionOf(phone.deviceId);
    expect(blocked.decision).toMatchObject({ by: 'ADMIN', reason: 'lost on a train' });
    expect(blocked.events.edges.map((e) => [e.node.kind, e.node.decisionBy])).toContainEqual(['DEVICE_BLOCKED', 'ADMIN']);
    await admin.data(UnblockDevice, { id: phone.deviceId });
    expect((await decisionOf(phone.deviceId)).decision).toMatchObject({ by: 'ADMIN', reason: 'unblocked' });

    const waiting = await pendingPhone(server);
    await admin.data(BlockDevice, { id: waiting.deviceId });
    await admin.data(UnblockDevice, { id: waiting.deviceId });
    const back = await decisionOf(waiting.deviceId);
    expect(back).toMatchObject({ status: 'PENDING', decision: null });
  });

  it('AUTOMATIC mode approving at registration records AUTOMATIC_MODE, on the device and its DEVICE_REGISTERED event', async () => {
    await admin.data(SetDevicePolicy, { input: { approvalMode: 'AUTOMATIC' } });
    try {
      const user = await createUser(server);
      const { login } = await server.client.data(Login, { input: { email: user.email, password: PASSWORD, device: newDevice() } });
      if (login.__typename !== 'Session') throw new Error(JSON.stringify(login));
      const device = await decisionOf(login.device!.id);
      expect(device.decision).toMatchObject({ by: 'AUTOMATIC_MODE', admin: null, reason: 'approval mode is AUTOMATIC' });
      expect(device.events.edges.map((e) => [e.node.kind, e.node.decisionBy])).toContainEqual(['DEVICE_REGISTERED', 'AUTOMATIC_MODE']);
    } finally {
      await admin.data(SetDevicePolicy, { input: { approvalMode: 'REQUIRED' } });
    }
  });

  it('every APPROVED or BLOCKED device has a decision', async () => {
    expect(await server.count("select 1 from devices where status <> 'PENDING'")).toBeGreaterThan(0);
    expect(await server.count("select 1 from devices where status <> 'PENDING' and decision_by is null")).toBe(0);
  });
});

const ApprovalRules = graphql(`
  query ApprovalRules {
    approvalRules { id name position action conditions { emailDomains roles platforms minOsVersions { platform version } appNames keyBound hasApprovedDevice maxDevices } }
  }
`);

const ApprovalCreateRule = graphql(`
  mutation ApprovalCreateRule($input: ApprovalRuleInput!) {
    createApprovalRule(input: $input) {
      __typename
      ... on ApprovalRule { id name position }
      ... on InvalidApprovalRule { code reason }
      ... on Error { message }
    }
  }
`);

const ApprovalUpdateRule = graphql(`
  mutation ApprovalUpdateRule($id: ID!, $input: ApprovalRuleInput!) {
    updateApprovalRule(id: $id, input: $input) {
      __typename
      ... on ApprovalRule { id name action }
      ... on InvalidApprovalRule { reason }
      ... on Error { code }
    }
  }
`);

const ApprovalDeleteRule = graphql(`
  mutation ApprovalDeleteRule($id: ID!) {
    deleteApprovalRule(id: $id) { __typename ... on ApprovalRule { id } ... on Error { code } }
  }
`);

const ApprovalReorderRules = graphql(`
  mutation ApprovalReorderRules($ids: [ID!]!) {
    reorderApprovalRules(ids: $ids) {
      __typename
      ... on ApprovalRuleList { rules { id position } }
      ... on InvalidApprovalRule { reason }
    }
  }
`);

const ApprovalPreviewRule = graphql(`
  query ApprovalPreviewRule($input: ApprovalRuleInput!) {
    previewApprovalRule(input: $input) {
      __typename
      ... on ApprovalRulePreview { action matching devices { id } }
      ... on InvalidApprovalRule { reason }
    }
  }
`);

const ApprovalLogin = graphql(`
  mutation ApprovalLogin($input: LoginInput!) {
    login(input: $input) {
      __typename
      ... on Session { device { id status } }
      ... on DevicePendingApproval { pendingReason device { id status pendingReason } }
      ... on Error { code message }
    }
  }
`);

async function newRule(input: ApprovalRuleInput) {
  const { createApprovalRule } = await admin.data(ApprovalCreateRule, { input });
  if (createApprovalRule.__typename !== 'ApprovalRule') throw new Error(JSON.stringify(createApprovalRule));
  return createApprovalRule.id;
}

async function deleteAllRules() {
  const { approvalRules } = await admin.data(ApprovalRules);
  for (const rule of approvalRules) await admin.data(ApprovalDeleteRule, { id: rule.id });
}

/** A new user's (or the given user's) first sign-in from `device`: the device's id, status, decision and reason. */
async function register(device: DeviceInput = newDevice(), user?: { email: string }, key?: DeviceKey) {
  const account = user ?? (await createUser(server));
  const phone = new GatehouseClient(server.url);
  const login = await phone.login(account.email, PASSWORD, device, key);
  const id = login.__typename === 'Session' ? login.device?.id : login.__typename === 'DevicePendingApproval' ? login.pendingDevice?.id : undefined;
  if (!id) {
    // Blocked: find it by its installation id.
    const rows = await server.orm.em.fork().getConnection().execute<{ id: string }[]>('select id from devices where installation_id = ?', [device.installationId]);
    if (!rows[0]) throw new Error(JSON.stringify(login));
    const { globalId } = await import('../src/graphql/ids.js');
    return { ...(await decisionOf(globalId('Device', rows[0].id))), account };
  }
  return { ...(await decisionOf(id)), account };
}

describe('approval rules: each condition, matching and missing', () => {
  afterAll(deleteAllRules);
  const cases: { label: string; conditions: ApprovalRuleInput['conditions']; device?: Partial<DeviceInput>; platform?: 'ANDROID'; missed: string }[] = [
    { label: 'email domain', conditions: { emailDomains: ['example.com'] }, missed: 'email domain example.com is not one of acme.com' },
    { label: 'role', conditions: { roles: ['USER'] }, missed: 'role USER is not one of ADMIN' },
    { label: 'platform', conditions: { platforms: ['IOS'] }, missed: 'platform iOS is not one of Android' },
    { label: 'app name (case-insensitive)', conditions: { appNames: ['field app'] }, missed: 'app "Field App" is not one of "Mail"' },
  ];
  const missing: Record<string, ApprovalRuleInput['conditions']> = {
    'email domain': { emailDomains: ['acme.com'] },
    role: { roles: ['ADMIN'] },
    platform: { platforms: ['ANDROID'] },
    'app name (case-insensitive)': { appNames: ['Mail'] },
  };
  for (const c of cases) {
    it(`${c.label}: matching approves with decision RULE, missing leaves it PENDING saying what it missed`, async () => {
      const ruleId = await newRule({ name: `match ${c.label}`, action: 'APPROVE', conditions: c.conditions });
      const approved = await register();
      expect(approved).toMatchObject({ status: 'APPROVED', pendingReason: null, decision: { by: 'RULE', rule: { id: ruleId, name: `match ${c.label}` } } });
      await admin.data(ApprovalDeleteRule, { id: ruleId });
      await newRule({ name: `miss ${c.label}`, action: 'APPROVE', conditions: missing[c.label]! });
      const waiting = await register();
      expect(waiting).toMatchObject({ status: 'PENDING', decision: null });
      expect(waiting.pendingReason).toBe(`No approval rule matched: rule 'miss ${c.label}': ${c.missed}.`);
      await deleteAllRules();
    });
  }

  it('minimum OS version: compared as dotted numbers (17.10 is above 17.9), per platform, a missing version missing it', async () => {
    await newRule({ name: 'Company iPhones', action: 'APPROVE', conditions: { platforms: ['IOS'], minOsVersions: [{ platform: 'IOS', version: '17.9' }] } });
    expect(await register(newDevice({ osVersion: '17.10' }))).toMatchObject({ status: 'APPROVED', decision: { by: 'RULE' } });
    expect(await register(newDevice({ osVersion: '18' }))).toMatchObject({ status: 'APPROVED' });
    const below = await register(newDevice({ osVersion: '17.0' }));
    expect(below).toMatchObject({ status: 'PENDING', pendingReason: "No approval rule matched: rule 'Company iPhones': iOS 17.0 is below 17.9." });
    const none = await register(newDevice({ osVersion: null }));
    expect(none.pendingReason).toBe("No approval rule matched: rule 'Company iPhones': iOS version was not sent (17.9 needed).");
    await deleteAllRules();
    // A platform the rule names no minimum for is not held to one.
    await newRule({ name: 'Recent iOS', action: 'APPROVE', conditions: { minOsVersions: [{ platform: 'IOS', version: '18.0' }] } });
    expect(await register(newDevice({ osVersion: '9' }, 'ANDROID'))).toMatchObject({ status: 'APPROVED' });
    await deleteAllRules();
  });

  it('key bound: a device registering with a key matches, one without misses', async () => {
    await newRule({ name: 'Keyed only', action: 'APPROVE', conditions: { keyBound: true } });
    expect(await register(newDevice(), undefined, await DeviceKey.generate('ES256'))).toMatchObject({ status: 'APPROVED', decision: { by: 'RULE' } });
    expect((await register()).pendingReason).toBe("No approval rule matched: rule 'Keyed only': the device bound no key.");
    await deleteAllRules();
  });

  it('has an approved device: a second device of a user with one matches, a first device misses', async () => {
    const phone = await approvedPhone(server);
    await newRule({ name: 'Second phones', action: 'APPROVE', conditions: { hasApprovedDevice: true } });
    expect(await register(newDevice(), phone.user)).toMatchObject({ status: 'APPROVED', decision: { by: 'RULE' } });
    expect((await register()).pendingReason).toBe("No approval rule matched: rule 'Second phones': the user has no approved device.");
    await deleteAllRules();
  });

  it('fewer than N devices: a first device matches, a second misses', async () => {
    await newRule({ name: 'First device', action: 'APPROVE', conditions: { maxDevices: 1 } });
    const first = await register();
    expect(first).toMatchObject({ status: 'APPROVED', decision: { by: 'RULE' } });
    const second = await register(newDevice(), first.account);
    expect(second.pendingReason).toBe("No approval rule matched: rule 'First device': the user already has 1 device (fewer than 1 needed).");
    await deleteAllRules();
  });
});

describe('approval rules: order, reasons, changes', () => {
  afterAll(deleteAllRules);

  it('the first matching rule decides; a BLOCK rule blocks at once; reordering changes which decides', async () => {
    const block = await newRule({ name: 'No Android', action: 'BLOCK', conditions: { platforms: ['ANDROID'] } });
    const approve = await newRule({ name: 'Everyone at example.com', action: 'APPROVE', conditions: { emailDomains: ['example.com'] } });
    const android = newDevice({}, 'ANDROID');
    const blocked = await register(android);
    expect(blocked).toMatchObject({ status: 'BLOCKED', decision: { by: 'RULE', rule: { name: 'No Android' }, reason: "blocked by rule 'No Android'" } });
    expect(blocked.events.edges.map((e) => [e.node.kind, e.node.decisionBy])).toContainEqual(['DEVICE_REGISTERED', 'RULE']);
    // An unblock returns a rule-blocked device to PENDING.
    await admin.data(UnblockDevice, { id: blocked.id }).catch(() => undefined);

    const { reorderApprovalRules } = await admin.data(ApprovalReorderRules, { ids: [approve, block] });
    expect(reorderApprovalRules).toMatchObject({ __typename: 'ApprovalRuleList', rules: [{ id: approve, position: 1 }, { id: block, position: 2 }] });
    expect(await register(newDevice({}, 'ANDROID'))).toMatchObject({ status: 'APPROVED', decision: { rule: { name: 'Everyone at example.com' } } });
    expect(await server.count("select 1 from events where kind = 'APPROVAL_RULES_REORDERED'")).toBe(1);

    // Naming a rule twice, or leaving one out, changes nothing.
    const events = await server.count('select 1 from events');
    expect((await admin.data(ApprovalReorderRules, { ids: [approve, approve] })).reorderApprovalRules).toMatchObject({ __typename: 'InvalidApprovalRule' });
    expect((await admin.data(ApprovalReorderRules, { ids: [approve] })).reorderApprovalRules).toMatchObject({ __typename: 'InvalidApprovalRule' });
    expect(await server.count('select 1 from events')).toBe(events);
    expect((await admin.data(ApprovalRules)).approvalRules.map((r) => r.id)).toEqual([approve, block]);
    await deleteAllRules();
  });

  it('pendingReason names every rule tried and each condition missed; the app is told it only when the policy allows', async () => {
    await newRule({ name: 'Company iPhones', action: 'APPROVE', conditions: { platforms: ['IOS'], minOsVersions: [{ platform: 'IOS', version: '18.0' }] } });
    await newRule({ name: 'Admins', action: 'APPROVE', conditions: { roles: ['ADMIN'], keyBound: true } });
    const user = await createUser(server);
    const device = newDevice({ osVersion: '17.0' });
    const first = await server.client.data(ApprovalLogin, { input: { email: user.email, password: PASSWORD, device } });
    const expected =
      "No approval rule matched: rule 'Company iPhones': iOS 17.0 is below 18.0; rule 'Admins': role USER is not one of ADMIN and the device bound no key.";
    expect(first.login).toMatchObject({ __typename: 'DevicePendingApproval', pendingReason: null, device: { pendingReason: null } });
    if (first.login.__typename !== 'DevicePendingApproval') throw new Error('not pending');
    expect((await decisionOf(first.login.device!.id)).pendingReason).toBe(expected);

    await admin.data(SetDevicePolicy, { input: { showPendingReasonToUsers: true } });
    try {
      const again = await server.client.data(ApprovalLogin, { input: { email: user.email, password: PASSWORD, device } });
      expect(again.login).toMatchObject({ __typename: 'DevicePendingApproval', pendingReason: expected, device: { pendingReason: expected } });
    } finally {
      await admin.data(SetDevicePolicy, { input: { showPendingReasonToUsers: false } });
    }
    // It says what was true at registration: a rule made later changes nothing for this device.
    await deleteAllRules();
    expect((await decisionOf(first.login.device!.id)).pendingReason).toBe(expected);
  });

  it('with no rules a new device waits with no pendingReason', async () => {
    expect(await register()).toMatchObject({ status: 'PENDING', pendingReason: null, decision: null });
  });

  it('a deleted rule leaves its name on the devices it decided; rule changes are events', async () => {
    const id = await newRule({ name: 'Temporary', action: 'APPROVE', conditions: { roles: ['USER'] } });
    const { updateApprovalRule } = await admin.data(ApprovalUpdateRule, {
      id,
      input: { name: 'Temporary (renamed)', action: 'APPROVE', conditions: { roles: ['USER', 'ADMIN'] } },
    });
    expect(updateApprovalRule).toMatchObject({ __typename: 'ApprovalRule', name: 'Temporary (renamed)' });
    const decided = await register();
    expect(decided.decision).toMatchObject({ rule: { id, name: 'Temporary (renamed)' } });
    await admin.data(ApprovalDeleteRule, { id });
    expect((await decisionOf(decided.id)).decision).toMatchObject({ by: 'RULE', rule: { id: null, name: 'Temporary (renamed)' } });
    for (const kind of ['APPROVAL_RULE_CREATED', 'APPROVAL_RULE_UPDATED', 'APPROVAL_RULE_DELETED']) {
      expect(await server.count('select 1 from events where kind = ? and detail like ?', [kind, "%'Temporary%"])).toBe(1);
    }
  });

  it.each([
    ['an empty rule', { name: 'Empty', action: 'APPROVE', conditions: {} }, 'a rule needs at least one condition'],
    ['an empty list', { name: 'Empty list', action: 'APPROVE', conditions: { platforms: [] } }, 'platforms must not be an empty list'],
    ['a bad version', { name: 'Bad version', action: 'APPROVE', conditions: { minOsVersions: [{ platform: 'IOS', version: '18.x' }] } }, '"18.x" is not a version'],
    ['a bad domain', { name: 'Bad domain', action: 'APPROVE', conditions: { emailDomains: ['not a domain'] } }, 'is not an email domain'],
    ['a blank name', { name: '  ', action: 'APPROVE', conditions: { roles: ['USER'] } }, 'the name must be'],
  ] as const)('%s is refused with InvalidApprovalRule, saving nothing and recording nothing', async (_label, input, reason) => {
    const events = await server.count('select 1 from events');
    const { createApprovalRule } = await admin.data(ApprovalCreateRule, { input: input as ApprovalRuleInput });
    expect(createApprovalRule).toMatchObject({ __typename: 'InvalidApprovalRule', code: 'INVALID_APPROVAL_RULE' });
    expect(createApprovalRule.__typename === 'InvalidApprovalRule' && createApprovalRule.reason).toContain(reason);
    expect(await server.count('select 1 from approval_rules')).toBe(0);
    expect(await server.count('select 1 from events')).toBe(events);
  });

  it('a duplicate name is refused, on create and on update, changing nothing', async () => {
    const a = await newRule({ name: 'Same', action: 'APPROVE', conditions: { roles: ['USER'] } });
    const b = await newRule({ name: 'Other', action: 'APPROVE', conditions: { roles: ['ADMIN'] } });
    const events = await server.count('select 1 from events');
    expect((await admin.data(ApprovalCreateRule, { input: { name: 'Same', action: 'BLOCK', conditions: { keyBound: false } } })).createApprovalRule).toMatchObject({
      __typename: 'InvalidApprovalRule',
      reason: "a rule named 'Same' exists already",
    });
    expect((await admin.data(ApprovalUpdateRule, { id: b, input: { name: 'Same', action: 'BLOCK', conditions: { keyBound: false } } })).updateApprovalRule).toMatchObject({
      __typename: 'InvalidApprovalRule',
    });
    expect(await server.count('select 1 from events')).toBe(events);
    expect((await admin.data(ApprovalRules)).approvalRules).toMatchObject([{ id: a, name: 'Same' }, { id: b, name: 'Other', action: 'APPROVE' }]);
    await deleteAllRules();
  });

  it('previewApprovalRule counts and lists the PENDING devices a rule would match, changing nothing', async () => {
    const app = { appName: 'Preview App' };
    const androids = [await register(newDevice({ ...app, osVersion: '14' }, 'ANDROID')), await register(newDevice({ ...app, osVersion: '15' }, 'ANDROID'))];
    await register(newDevice({ ...app, osVersion: '13' }, 'ANDROID'));
    await register(newDevice(app, 'IOS'));
    const tables = ['devices', 'events', 'approval_rules', 'sessions'];
    const before = await Promise.all(tables.map((t) => server.count(`select 1 from ${t}`)));
    const statusesBefore = await server.count("select 1 from devices where status = 'PENDING'");
    const { previewApprovalRule } = await admin.data(ApprovalPreviewRule, {
      input: { name: 'Recent Android', action: 'APPROVE', conditions: { appNames: ['Preview App'], platforms: ['ANDROID'], minOsVersions: [{ platform: 'ANDROID', version: '14' }] } },
    });
    if (previewApprovalRule.__typename !== 'ApprovalRulePreview') throw new Error(JSON.stringify(previewApprovalRule));
    expect(previewApprovalRule.action).toBe('APPROVE');
    expect(previewApprovalRule.matching).toBe(2);
    expect(previewApprovalRule.devices.map((d) => d.id)).toEqual(androids.map((a) => a.id));
    expect(await Promise.all(tables.map((t) => server.count(`select 1 from ${t}`)))).toEqual(before);
    expect(await server.count("select 1 from devices where status = 'PENDING'")).toBe(statusesBefore);
    const bad = await admin.data(ApprovalPreviewRule, { input: { name: 'x', action: 'APPROVE', conditions: {} } });
    expect(bad.previewApprovalRule).toMatchObject({ __typename: 'InvalidApprovalRule' });
  });
});

const ApprovalCreateCode = graphql(`
  mutation ApprovalCreateCode($input: CreateEnrolmentCodeInput!) {
    createEnrolmentCode(input: $input) {
      __typename
      ... on EnrolmentCodeCreated { code enrolmentCode { id name uses usesLeft expiresAt emailDomain user { email } } }
      ... on Error { code message }
    }
  }
`);

const ApprovalCodes = graphql(`
  query ApprovalCodes {
    enrolmentCodes { id name uses usesLeft revokedAt lastUsedAt }
  }
`);

const ApprovalRevokeCode = graphql(`
  mutation ApprovalRevokeCode($id: ID!) {
    revokeEnrolmentCode(id: $id) { __typename ... on EnrolmentCode { id revokedAt } ... on Error { code } }
  }
`);

async function newCode(input: { name?: string; uses?: number; emailDomain?: string; userId?: string } = {}) {
  const { createEnrolmentCode } = await admin.data(ApprovalCreateCode, { input: { name: 'Rollout', uses: 1, ...input } });
  if (createEnrolmentCode.__typename !== 'EnrolmentCodeCreated') throw new Error(JSON.stringify(createEnrolmentCode));
  return { code: createEnrolmentCode.code, id: createEnrolmentCode.enrolmentCode.id };
}

/** A sign-in from a new device with `code`; for a refusal, checks nothing was registered and one ENROLMENT_FAILED recorded. */
async function loginWithCode(code: string, user?: { email: string }, device: DeviceInput = newDevice()) {
  const account = user ?? (await createUser(server));
  const { login } = await server.client.data(ApprovalLogin, { input: { email: account.email, password: PASSWORD, device, enrolmentCode: code } });
  return { login, account, device };
}

async function expectRefused(code: string, detail: string, user?: { email: string }) {
  const failed = await server.count("select 1 from events where kind = 'ENROLMENT_FAILED'");
  const devices = await server.count('select 1 from devices');
  const { login } = await loginWithCode(code, user);
  expect(login).toMatchObject({ __typename: 'InvalidEnrolmentCode', code: 'INVALID_ENROLMENT_CODE' });
  expect(await server.count('select 1 from devices')).toBe(devices);
  expect(await server.count("select 1 from events where kind = 'ENROLMENT_FAILED'")).toBe(failed + 1);
  expect(await server.count("select 1 from events where kind = 'ENROLMENT_FAILED' and detail like ?", [`%${detail}%`])).toBeGreaterThan(0);
  // The code itself is never written anywhere.
  expect(await server.count('select 1 from events where detail like ?', [`%${code}%`])).toBe(0);
}

describe('enrolment codes', () => {
  it('a valid code approves a new device at its first sign-in, with decision ENROLMENT_CODE naming the code, and spends one use', async () => {
    const { code, id } = await newCode({ name: 'Warehouse phones', uses: 3 });
    expect(code).toMatch(/^ghe_[A-Za-z0-9_-]{32}$/);
    expect(await server.count('select 1 from enrolment_codes where code_hash = encode(sha256(convert_to(?, ?)), ?)', [code, 'UTF8', 'hex'])).toBe(1);
    const { login } = await loginWithCode(code);
    expect(login).toMatchObject({ __typename: 'Session', device: { status: 'APPROVED' } });
    if (login.__typename !== 'Session') throw new Error('no session');
    const device = await decisionOf(login.device!.id);
    expect(device.decision).toMatchObject({ by: 'ENROLMENT_CODE', admin: null });
    expect(device.decision!.reason).toContain('"Warehouse phones"');
    expect(device.events.edges.map((e) => [e.node.kind, e.node.decisionBy])).toContainEqual(['DEVICE_REGISTERED', 'ENROLMENT_CODE']);
    const { enrolmentCodes } = await admin.data(ApprovalCodes);
    expect(enrolmentCodes.find((c) => c.id === id)).toMatchObject({ uses: 3, usesLeft: 2, revokedAt: null });
    expect(JSON.stringify(enrolmentCodes)).not.toContain(code);
  });

  it('a device already registered ignores the code (no use spent)', async () => {
    const phone = await pendingPhone(server);
    const { code, id } = await newCode();
    const { login } = await loginWithCode(code, phone.user, phone.device);
    expect(login).toMatchObject({ __typename: 'DevicePendingApproval' });
    expect((await admin.data(ApprovalCodes)).enrolmentCodes.find((c) => c.id === id)).toMatchObject({ usesLeft: 1 });
  });

  it('a spent code is refused: no device, an ENROLMENT_FAILED event', async () => {
    const { code } = await newCode({ uses: 1 });
    expect((await loginWithCode(code)).login.__typename).toBe('Session');
    await expectRefused(code, 'is spent');
  });

  it('an expired code is refused', async () => {
    const { code } = await newCode({ name: 'Expired' });
    await server.orm.em.fork().getConnection().execute("update enrolment_codes set expires_at = now() - interval '1 minute' where name = 'Expired'");
    await expectRefused(code, 'has expired');
  });

  it('a revoked code is refused; revoking is an event', async () => {
    const { code, id } = await newCode();
    const { revokeEnrolmentCode } = await admin.data(ApprovalRevokeCode, { id });
    expect(revokeEnrolmentCode).toMatchObject({ __typename: 'EnrolmentCode' });
    expect(await server.count("select 1 from events where kind = 'ENROLMENT_CODE_REVOKED'")).toBe(1);
    await expectRefused(code, 'is revoked');
  });

  it("a code for another user, or another email domain, is refused; an unknown one too", async () => {
    const someone = await createUser(server);
    const forSomeone = await newCode({ userId: someone.id });
    await expectRefused(forSomeone.code, 'is not for this user');
    const forAcme = await newCode({ emailDomain: 'acme.com' });
    await expectRefused(forAcme.code, 'is not for this user');
    await expectRefused(`ghe_${'A'.repeat(32)}`, 'unknown enrolment code');
    // The right user gets in with it.
    expect((await loginWithCode(forSomeone.code, someone)).login.__typename).toBe('Session');
  });

  it('two sign-ins racing for the last use: exactly one gets it', async () => {
    const { code } = await newCode({ uses: 1 });
    const [a, b] = await Promise.all([loginWithCode(code), loginWithCode(code)]);
    expect([a.login.__typename, b.login.__typename].sort()).toEqual(['InvalidEnrolmentCode', 'Session']);
    expect(await server.count("select 1 from enrolment_codes where uses_left < 0")).toBe(0);
  });

  it("bad codes count against the sign-in throttle: past the account's allowance (5), even a good code is held back", async () => {
    const user = await createUser(server);
    const { code } = await newCode();
    for (let i = 0; i < 6; i++) expect((await loginWithCode(`ghe_wrong${i}`, user)).login.__typename).toBe('InvalidEnrolmentCode');
    const { login } = await loginWithCode(code, user);
    expect(login).toMatchObject({ __typename: 'TooManyAttempts' });
  });
});
