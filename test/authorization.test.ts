// The authorization matrix, through the real HTTP API: every Query and Mutation field (and the guarded User/Device
// fields) against six callers: anonymous, the device's owner, a co-user of that device, a stranger, an admin, and a
// SUPPORT user (a dashboard session, like the admin's).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schema } from '../src/graphql/schema.js';
import { graphql } from './gql/index.js';
import {
  ApproveDevice,
  ApproveDevices,
  BlockDevice,
  BlockDevices,
  CreateUser,
  DeviceById,
  DeviceEvents,
  DevicePolicy,
  Devices,
  Events,
  ForgetDevice,
  ForgetDevices,
  Login,
  Logout,
  Me,
  Node,
  RegisterDevice,
  RenameDevice,
  SetDevicePolicy,
  SignUp,
  UnblockDevice,
  UnblockDevices,
  Users,
} from './operations.js';
import { errorCode, type GraphQLClient, type Response as GqlResponse } from './helpers/client.js';
import { approvedPhone, keyedPhone } from './helpers/devices.js';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  createUser,
  newDevice,
  PASSWORD,
  signIn,
  startServer,
  type TestServer,
} from './helpers/server.js';

// ---- Documents only this file sends -------------------------------------------------------------------------------

const AuthzChangePassword = graphql(`
  mutation AuthzChangePassword($current: String!, $next: String!) {
    changePassword(currentPassword: $current, newPassword: $next) { __typename ... on Error { code } }
  }
`);

const AuthzResetPassword = graphql(`
  mutation AuthzResetPassword($userId: ID!, $next: String!) {
    resetPassword(userId: $userId, newPassword: $next) { __typename ... on Error { code } }
  }
`);

const AuthzSetUserRole = graphql(`
  mutation AuthzSetUserRole($userId: ID!, $role: Role!) {
    setUserRole(userId: $userId, role: $role) { __typename ... on User { id role } ... on Error { code } }
  }
`);

const AuthzChallenge = graphql(`
  mutation AuthzChallenge($keyId: String!) {
    deviceChallenge(keyId: $keyId) { __typename ... on DeviceChallenge { challengeId nonce } }
  }
`);

const AuthzVerify = graphql(`
  mutation AuthzVerify($proof: DeviceProof!) {
    verifyDevice(proof: $proof) {
      __typename
      ... on KnownDevice { deviceId device { id } }
      ... on Error { code }
    }
  }
`);

const AuthzLoginWithDevice = graphql(`
  mutation AuthzLoginWithDevice($proof: DeviceProof!) {
    loginWithDevice(proof: $proof) {
      __typename
      ... on Session { user { email } }
      ... on Error { code }
    }
  }
`);

/** `me` with the guarded fields a user may read about themself. */
const AuthzMe = graphql(`
  query AuthzMe {
    me {
      id
      email
      devices(first: 1) { totalCount }
      events(first: 1) { totalCount }
    }
  }
`);

const AuthzUser = graphql(`
  query AuthzUser($id: ID!) {
    user(id: $id) { id email }
  }
`);

/** Reaches the device's owner (another user, for a co-user) and reads their devices. */
const AuthzOwnerDevices = graphql(`
  query AuthzOwnerDevices($id: ID!) {
    device(id: $id) {
      id
      owner { id devices(first: 100) { totalCount } }
    }
  }
`);

/** Reaches the device's owner and reads their events. */
const AuthzOwnerEvents = graphql(`
  query AuthzOwnerEvents($id: ID!) {
    device(id: $id) {
      id
      owner { id events(first: 1) { totalCount } }
    }
  }
`);

/** Reaches other users without any shared device: the admin who acted on the caller's account (Event.actor). */
const AuthzActorDevices = graphql(`
  query AuthzActorDevices {
    me {
      id
      events(first: 100) { edges { node { kind actor { id devices(first: 1) { totalCount } } } } }
    }
  }
`);

const AuthzActorEvents = graphql(`
  query AuthzActorEvents {
    me {
      id
      events(first: 100) { edges { node { kind actor { id events(first: 1) { totalCount } } } } }
    }
  }
`);

const AuthzApiKeys = graphql(`
  query AuthzApiKeys {
    apiKeys { id name }
  }
`);

const AuthzApprovalRules = graphql(`
  query AuthzApprovalRules {
    approvalRules { id name }
  }
`);

const AuthzPreviewRule = graphql(`
  query AuthzPreviewRule($input: ApprovalRuleInput!) {
    previewApprovalRule(input: $input) { __typename ... on ApprovalRulePreview { matching } }
  }
`);

const AuthzCreateRule = graphql(`
  mutation AuthzCreateRule($input: ApprovalRuleInput!) {
    createApprovalRule(input: $input) { __typename ... on ApprovalRule { id } }
  }
`);

const AuthzUpdateRule = graphql(`
  mutation AuthzUpdateRule($id: ID!, $input: ApprovalRuleInput!) {
    updateApprovalRule(id: $id, input: $input) { __typename ... on ApprovalRule { id } }
  }
`);

const AuthzDeleteRule = graphql(`
  mutation AuthzDeleteRule($id: ID!) {
    deleteApprovalRule(id: $id) { __typename ... on ApprovalRule { id } }
  }
`);

const AuthzReorderRules = graphql(`
  mutation AuthzReorderRules($ids: [ID!]!) {
    reorderApprovalRules(ids: $ids) { __typename ... on ApprovalRuleList { rules { id } } }
  }
`);

const AuthzEnrolmentCodes = graphql(`
  query AuthzEnrolmentCodes {
    enrolmentCodes { id name usesLeft }
  }
`);

const AuthzCreateCode = graphql(`
  mutation AuthzCreateCode($input: CreateEnrolmentCodeInput!) {
    createEnrolmentCode(input: $input) { __typename ... on EnrolmentCodeCreated { code enrolmentCode { id } } }
  }
`);

const AuthzRevokeCode = graphql(`
  mutation AuthzRevokeCode($id: ID!) {
    revokeEnrolmentCode(id: $id) { __typename ... on EnrolmentCode { id } }
  }
`);

const AuthzApprovalRequests = graphql(`
  query AuthzApprovalRequests {
    deviceApprovalRequests { id challengeId message }
  }
`);

const AuthzApproveOwnDevice = graphql(`
  mutation AuthzApproveOwnDevice($requestId: ID!, $proof: DeviceProof!) {
    approveOwnDevice(requestId: $requestId, proof: $proof) { __typename ... on Device { id } ... on Error { code } }
  }
`);

const AuthzNotificationSettings = graphql(`
  query AuthzNotificationSettings {
    notificationSettings { newDevicePending }
  }
`);

const AuthzUpdateNotificationSettings = graphql(`
  mutation AuthzUpdateNotificationSettings($input: NotificationSettingsInput!) {
    updateNotificationSettings(input: $input) { __typename ... on NotificationSettings { newDevicePending } }
  }
`);

const AuthzCreateApiKey = graphql(`
  mutation AuthzCreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) { __typename ... on ApiKeyCreated { secret apiKey { id name } } }
  }
`);

const AuthzRevokeApiKey = graphql(`
  mutation AuthzRevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) { __typename ... on ApiKey { id revokedAt } ... on Error { code } }
  }
`);

const AuthzWebhookEndpoints = graphql(`
  query AuthzWebhookEndpoints {
    webhookEndpoints { id url }
  }
`);

const AuthzWebhookEndpoint = graphql(`
  query AuthzWebhookEndpoint($id: ID!) {
    webhookEndpoint(id: $id) { id url }
  }
`);

const AuthzCreateWebhook = graphql(`
  mutation AuthzCreateWebhook($input: WebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) { __typename ... on WebhookEndpointCreated { secret endpoint { id } } ... on Error { code } }
  }
`);

const AuthzUpdateWebhook = graphql(`
  mutation AuthzUpdateWebhook($id: ID!) {
    updateWebhookEndpoint(id: $id, input: { description: "checked" }) { __typename ... on WebhookEndpoint { id description } ... on Error { code } }
  }
`);

const AuthzRotateWebhook = graphql(`
  mutation AuthzRotateWebhook($id: ID!) {
    rotateWebhookSecret(id: $id) { __typename ... on WebhookEndpointCreated { secret } ... on Error { code } }
  }
`);

const AuthzDeleteWebhook = graphql(`
  mutation AuthzDeleteWebhook($id: ID!) {
    deleteWebhookEndpoint(id: $id) { __typename ... on WebhookEndpoint { id } ... on Error { code } }
  }
`);

const AuthzUpdateAttributes = graphql(`
  mutation AuthzUpdateAttributes($id: ID!, $set: JSONObject) {
    updateDeviceAttributes(id: $id, set: $set) { __typename ... on Device { id attributes } ... on Error { code } }
  }
`);

const AuthzTestWebhook = graphql(`
  mutation AuthzTestWebhook($id: ID!) {
    sendTestWebhook(id: $id) { __typename ... on WebhookTest { ok } ... on Error { code } }
  }
`);

const AuthzRedeliverWebhook = graphql(`
  mutation AuthzRedeliverWebhook($id: ID!) {
    redeliverWebhook(deliveryId: $id) { __typename ... on WebhookDelivery { id } ... on Error { code } }
  }
`);

const AuthzReplayWebhooks = graphql(`
  mutation AuthzReplayWebhooks($id: ID!) {
    replayWebhooks(endpointId: $id, after: "MA") { __typename ... on WebhookEndpoint { id } ... on Error { code } }
  }
`);

// ---- The callers and the device under test ------------------------------------------------------------------------

const CALLERS = ['anonymous', 'owner', 'coUser', 'stranger', 'admin', 'support'] as const;
type Caller = (typeof CALLERS)[number];
type SignedIn = Exclude<Caller, 'anonymous'>;

/** What a caller gets. `ok`: allowed (no error, a result); `null`: hidden, answered like "not there", no error. */
type Outcome = 'ok' | 'null' | 'NotFound' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'BAD_USER_INPUT';
type Expectations = Record<Caller, Outcome>;

/** One line of the matrix, in the order of CALLERS: anonymous, owner, coUser, stranger, admin, support. */
function m(anonymous: Outcome, owner: Outcome, coUser: Outcome, stranger: Outcome, admin: Outcome, support: Outcome): Expectations {
  return { anonymous, owner, coUser, stranger, admin, support };
}

interface Account {
  id: string;
  email: string;
}

let server: TestServer;
const clients = {} as Record<Caller, GraphQLClient>;
const accounts = {} as Record<SignedIn, Account>;
/** The owner's approved device, which the co-user has signed in from too and the stranger has never used. */
let shared: { deviceId: string; device: ReturnType<typeof newDevice> };
let strangerDevice: ReturnType<typeof newDevice>;
/** An approved device bound to a key, owned by a user of its own. */
let keyed: Awaited<ReturnType<typeof keyedPhone>>;
/** The USER_CREATED event of the owner (an Event the owner may read through node). */
let ownerEventId: string;
/** A device id that is well-formed but names no device. */
const missingDeviceId = Buffer.from(`Device:${randomUUID()}`, 'utf8').toString('base64');

beforeAll(async () => {
  // Webhook endpoints on loopback (nothing listens at port 9: an allowed test send fails fast, and nothing leaves).
  server = await startServer({ WEBHOOKS_ALLOW_PRIVATE: 'true' });
  const owner = await approvedPhone(server, newDevice({ name: 'Shared tablet' }));
  shared = { deviceId: owner.deviceId, device: owner.device };
  const coUser = await createUser(server);
  const coUserToken = await signIn(server.client, coUser.email, PASSWORD, owner.device);
  const stranger = await approvedPhone(server);
  keyed = await keyedPhone(server);
  strangerDevice = stranger.device;
  const admin = await server.admin();
  const adminMe = await admin.data(Me);
  const support = await createUser(server, 'SUPPORT');

  clients.anonymous = server.client;
  clients.owner = owner.client;
  clients.coUser = server.client.as(coUserToken);
  clients.stranger = stranger.client;
  clients.admin = admin;
  clients.support = server.client.as(await signIn(server.client, support.email, PASSWORD));
  accounts.owner = owner.user;
  accounts.coUser = coUser;
  accounts.stranger = stranger.user;
  accounts.admin = { id: adminMe.me!.id, email: adminMe.me!.email };
  accounts.support = support;

  const created = await admin.data(Events, { filter: { userId: owner.user.id, kinds: ['USER_CREATED'] } });
  ownerEventId = created.events.edges[0]!.node.id;
});

afterAll(async () => {
  await server?.stop();
});

// ---- Helpers --------------------------------------------------------------------------------------------------------

function localUuid(globalId: string): string {
  return Buffer.from(globalId, 'base64').toString('utf8').split(':')[1] ?? '';
}

async function ids(sql: string, params: unknown[] = []): Promise<string[]> {
  const rows = await server.orm.em.getConnection().execute<{ id: string }[]>(sql, params);
  return rows.map((r) => r.id).sort();
}

const eventCount = () => server.count('select 1 from events');

/** A new session for the caller, for a call that ends it (logout). Anonymous stays anonymous. */
async function freshClient(caller: Caller): Promise<GraphQLClient> {
  switch (caller) {
    case 'anonymous':
      return server.client;
    case 'admin':
      return server.client.as(await signIn(server.client, ADMIN_EMAIL, ADMIN_PASSWORD));
    case 'support':
      return server.client.as(await signIn(server.client, accounts.support.email, PASSWORD));
    case 'stranger':
      return server.client.as(await signIn(server.client, accounts.stranger.email, PASSWORD, strangerDevice));
    default:
      return server.client.as(await signIn(server.client, accounts[caller].email, PASSWORD, shared.device));
  }
}

/** A new PENDING device the owner registered (nobody else has used it). */
async function ownersPendingDevice(): Promise<string> {
  const { registerDevice } = await clients.owner.data(RegisterDevice, { input: newDevice({ name: 'Spare phone' }) });
  if (registerDevice.__typename !== 'Device') throw new Error(JSON.stringify(registerDevice));
  return registerDevice.id;
}

/** A new device of the owner's that an admin blocked while it was PENDING. */
async function ownersBlockedDevice(): Promise<string> {
  const id = await ownersPendingDevice();
  const { blockDevice } = await clients.admin.data(BlockDevice, { id });
  if (blockDevice.__typename !== 'Device') throw new Error(JSON.stringify(blockDevice));
  return id;
}

// ---- The matrix -----------------------------------------------------------------------------------------------------

interface Cell {
  caller: Caller;
  client: GraphQLClient;
  /** The id the row acts on (a device id unless the row says otherwise). */
  target: string;
}

interface RowSpec<T> {
  /** The Query or Mutation field, or Type.field for a guarded field. */
  op: string;
  kind: 'Query' | 'Mutation' | 'Field';
  /** What the row shows, when op alone does not say it. */
  note?: string;
  expect: Expectations;
  /** The id the call is about; the shared device by default. */
  target?: (caller: Caller) => Promise<string> | string;
  /** Use a session made for this call only (the call ends it). */
  freshSession?: boolean;
  send: (cell: Cell) => Promise<GqlResponse<T>>;
  /** The value that is null when hidden (and, for root fields, on an error); data[op] by default. */
  subject?: (data: T) => unknown;
  /** For union results: the member an allowed call returns. */
  okType?: string;
  /** Extra checks on an allowed call. */
  check?: (data: T, cell: Cell) => void | Promise<void>;
  /** The allowed call records an event (so a refused one that writes none is a real difference). */
  writes?: boolean;
}

type Row = RowSpec<unknown>;

function row<T>(spec: RowSpec<T>): Row {
  return spec as unknown as Row;
}

/** An approval rule no sign-in in this file matches (no user's email is at this domain). */
const NEVER_MATCHING_RULE = { name: 'never matches', action: 'APPROVE' as const, conditions: { emailDomains: ['never.invalid'] } };

/** A fresh approval rule the admin made. */
async function approvalRule(): Promise<string> {
  const { createApprovalRule } = await clients.admin.data(AuthzCreateRule, { input: { ...NEVER_MATCHING_RULE, name: `target ${randomUUID()}` } });
  if (createApprovalRule.__typename !== 'ApprovalRule') throw new Error(JSON.stringify(createApprovalRule));
  return createApprovalRule.id;
}

/** Loopback, port 9 (discard): nothing listens, so nothing is delivered anywhere. */
const HOOK_URL = 'http://127.0.0.1:9/authz';
let sharedEndpoint: Promise<string> | undefined;

/** A webhook endpoint the admin made (kinds that never happen here): one shared, or a fresh one. */
function webhookEndpoint(fresh = false): Promise<string> {
  const make = async () => {
    const { createWebhookEndpoint } = await clients.admin.data(AuthzCreateWebhook, { input: { url: HOOK_URL, kinds: ['WEBHOOK_DISABLED'] } });
    if (createWebhookEndpoint.__typename !== 'WebhookEndpointCreated') throw new Error(JSON.stringify(createWebhookEndpoint));
    return createWebhookEndpoint.endpoint.id;
  };
  return fresh ? make() : (sharedEndpoint ??= make());
}

const ROWS: Row[] = [
  // -- Queries --------------------------------------------------------------------------------------------------
  row({
    op: 'me',
    kind: 'Query',
    note: 'anonymous gets null without an error; a user reads their own devices and events',
    expect: m('null', 'ok', 'ok', 'ok', 'ok', 'ok'),
    send: ({ client }) => client.request(AuthzMe),
    check: (data, { caller }) => {
      expect(data.me).toMatchObject({ id: accounts[caller as SignedIn].id, email: accounts[caller as SignedIn].email });
      expect(typeof data.me?.devices.totalCount).toBe('number');
      expect(data.me?.events.totalCount).toBeGreaterThan(0);
    },
  }),
  row({
    op: 'user',
    kind: 'Query',
    note: "the owner's account: users see only themselves",
    expect: m('UNAUTHENTICATED', 'ok', 'null', 'null', 'ok', 'ok'),
    target: () => accounts.owner.id,
    send: ({ client, target }) => client.request(AuthzUser, { id: target }),
    check: (data) => expect(data.user).toEqual(accounts.owner),
  }),
  row({
    op: 'user',
    kind: 'Query',
    note: "the caller's own account",
    expect: m('UNAUTHENTICATED', 'ok', 'ok', 'ok', 'ok', 'ok'),
    target: (caller) => (caller === 'anonymous' ? accounts.owner.id : accounts[caller].id),
    send: ({ client, target }) => client.request(AuthzUser, { id: target }),
    check: (data, { caller }) => expect(data.user).toEqual(accounts[caller as SignedIn]),
  }),
  row({
    op: 'users',
    kind: 'Query',
    expect: m('UNAUTHENTICATED', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'ok'),
    send: ({ client }) => client.request(Users, { filter: { email: accounts.owner.email } }),
    check: (data) => {
      expect(data.users.totalCount).toBe(1);
      expect(data.users.edges[0]?.node.id).toBe(accounts.owner.id);
    },
  }),
  row({
    op: 'apiKeys',
    kind: 'Query',
    expect: m('UNAUTHENTICATED', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'FORBIDDEN'),
    send: ({ client }) => client.request(AuthzApiKeys),
  }),
  row({
    op: 'approvalRules',
    kind: 'Query',
    expect: m('UNAUTHENTICATED', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'FORBIDDEN'),
    send: ({ client }) => client.request(AuthzApprovalRules),
  }),
  row({
    op: 'previewApprovalRule',
    kind: 'Query',
    expect: m('UNAUTHENTICATED', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'FORBIDDEN'),
    okType: 'ApprovalRulePreview',
    send: ({ client }) => client.request(AuthzPreviewRule, { input: NEVER_MATCHING_RULE }),
  }),
  row({
    op: 'enrolmentCodes',
    kind: 'Query',
    expect: m('UNAUTHENTICATED', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'FORBIDDEN'),
    send: ({ client }) => client.request(AuthzEnrolmentCodes),
  }),
  row({
    op: 'deviceApprovalRequests',
    kind: 'Query',
    note: "each signed-in person's own (none open here)",
    expect: m('UNAUTHENTICATED', 'ok', 'ok', 'ok', 'ok', 'ok'),
    send: ({ client }) => client.request(AuthzApprovalRequests),
    check: (data) => expect(data.deviceApprovalRequests).toEqual([]),
  }),
  row({
    op: 'notificationSettings',
    kind: 'Query',
    note: "the admin's own",
    expect: m('UNAUTHENTICATED', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'FORBIDDEN'),
    send: ({ client }) => client.request(AuthzNotificationSettings),
  }),
  row({
    op: 'webhookEndpoints',
    kind: 'Query',
    expect: m('UNAUTHENTICATED', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'FORBIDDEN'),
    send: ({ client }) => client.request(AuthzWebhookEndpoints),
  }),
  row({
    op: 'webhookEndpoint',
    kind: 'Query',
    expect: m('UNAUTHENTICATED', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'FORBIDDEN'),
    target: () => webhookEndpoint(),
    send: ({ client, target }) => client.request(AuthzWebhookEndpoint, { id: target }),
    check: (data) => expect(data.webhookEndpoint?.url).toBe(HOOK_URL),
  }),
  row({
    op: 'device',
    kind: 'Query',
    note: 'the shared device: its owner and users see it, a stranger gets null',
    expect: m('UNAUTHENTICATED', 'ok', 'ok', 'null', 'ok', 'ok'),
    send: ({ client, target }) => client.request(DeviceById, { id: target }),
    check: (data) => expect(data.device).toMatchObject({ id: shared.deviceId, owner: { id: accounts.owner.id } }),
  }),
  row({
    op: 'devices',
    kind: 'Query',
    note: 'a user lists exactly the devices they own or have used, and totalCount counts only those',
    expect: m('UNAUTHENTICATED', 'ok', 'ok', 'ok', 'ok', 'ok'),
    send: ({ client }) => client.request(Devices, { first: 100 }),
    check: async (data, { caller }) => {
      const expected =
        caller === 'admin' || caller === 'support'
          ? await ids('select id from devices')
          : await ids('select device_id as id from device_users where user_id = ?', [localUuid(accounts[caller as SignedIn].id)]);
      expect(expected.length).toBeLessThanOrEqual(100);
      expect(data.devices.totalCount).toBe(expected.length);
      expect(data.devices.edges.map((e) => localUuid(e.node.id)).sort()).toEqual(expected);
      const sees = expected.includes(localUuid(shared.deviceId));
      expect(sees).toBe(caller !== 'stranger');
    },
  }),
  row({
    op: 'events',
    kind: 'Query',
    expect: m('UNAUTHENTICATED', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'ok'),
    send: ({ client }) => client.request(Events, { first: 1 }),
    check: async (data) => expect(data.events.totalCount).toBe(await eventCount()),
  }),
  row({
    op: 'devicePolicy',
    kind: 'Query',
    note: 'public',
    expect: m('ok', 'ok', 'ok', 'ok', 'ok', 'ok'),
    send: ({ client }) => client.request(DevicePolicy),
    check: (data) => expect(data.devicePolicy).toEqual({ approvalMode: 'REQUIRED', maxDevicesPerUser: null, allowSignUp: true }),
  }),
  row({
    op: 'node',
    kind: 'Query',
    note: 'the shared device: the same visibility as device(id)',
    expect: m('UNAUTHENTICATED', 'ok', 'ok', 'null', 'ok', 'ok'),
    send: ({ client, target }) => client.request(Node, { id: target }),
    check: (data) => expect(data.node).toMatchObject({ __typename: 'Device', id: shared.deviceId }),
  }),
  row({
    op: 'node',
    kind: 'Query',
    note: "the owner's account: the same visibility as user(id)",
    expect: m('UNAUTHENTICATED', 'ok', 'null', 'null', 'ok', 'ok'),
    target: () => accounts.owner.id,
    send: ({ client, target }) => client.request(Node, { id: target }),
    check: (data) => expect(data.node).toEqual({ __typename: 'User', id: accounts.owner.id, email: accounts.owner.email }),
  }),
  row({
    op: 'node',
    kind: 'Query',
    note: "an event about the owner: admins, support and the owner only",
    expect: m('UNAUTHENTICATED', 'ok', 'null', 'null', 'ok', 'ok'),
    target: () => ownerEventId,
    send: ({ client, target }) => client.request(Node, { id: target }),
    check: (data) => expect(data.node).toEqual({ __typename: 'Event', id: ownerEventId, kind: 'USER_CREATED' }),
  }),

  // -- Guarded fields -------------------------------------------------------------------------------------------
  row({
    op: 'User.devices',
    kind: 'Field',
    note: "device.owner.devices: the co-user reaches the owner but may not list the owner's devices",
    expect: m('UNAUTHENTICATED', 'ok', 'FORBIDDEN', 'null', 'ok', 'ok'),
    send: ({ client, target }) => client.request(AuthzOwnerDevices, { id: target }),
    subject: (data) => data.device,
    check: async (data) => {
      const expected = await ids('select device_id as id from device_users where user_id = ?', [localUuid(accounts.owner.id)]);
      expect(data.device?.owner.devices.totalCount).toBe(expected.length);
    },
  }),
  row({
    op: 'User.events',
    kind: 'Field',
    note: "device.owner.events: the co-user reaches the owner but may not read the owner's events",
    expect: m('UNAUTHENTICATED', 'ok', 'FORBIDDEN', 'null', 'ok', 'ok'),
    send: ({ client, target }) => client.request(AuthzOwnerEvents, { id: target }),
    subject: (data) => data.device,
    check: async (data) => {
      expect(data.device?.owner.events.totalCount).toBe(
        await server.count('select 1 from events where user_id = ?', [localUuid(accounts.owner.id)]),
      );
    },
  }),
  row({
    op: 'User.devices',
    kind: 'Field',
    note: 'me.events.actor.devices: any user reaches the admin who created their account, but may not list their devices',
    expect: m('null', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'ok'),
    send: ({ client }) => client.request(AuthzActorDevices),
    subject: (data) => data.me,
  }),
  row({
    op: 'User.events',
    kind: 'Field',
    note: "me.events.actor.events: any user reaches the admin who created their account, but may not read the admin's events",
    expect: m('null', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'ok'),
    send: ({ client }) => client.request(AuthzActorEvents),
    subject: (data) => data.me,
  }),
  row({
    op: 'Device.events',
    kind: 'Field',
    note: 'device.events of the shared device: its owner and admins; the co-user sees the device but not its events',
    expect: m('UNAUTHENTICATED', 'ok', 'FORBIDDEN', 'null', 'ok', 'ok'),
    send: ({ client, target }) => client.request(DeviceEvents, { id: target }),
    subject: (data) => data.device,
    check: async (data) => {
      expect(data.device?.events.totalCount).toBe(
        await server.count('select 1 from events where device_id = ?', [localUuid(shared.deviceId)]),
      );
    },
  }),

  // -- Mutations ------------------------------------------------------------------------------------------------
  row({
    op: 'signUp',
    kind: 'Mutation',
    note: 'public',
    expect: m('ok', 'ok', 'ok', 'ok', 'ok', 'ok'),
    okType: 'User',
    writes: true,
    send: ({ client }) => client.request(SignUp, { input: { email: `signup-${randomUUID()}@example.com`, password: PASSWORD } }),
  }),
  row({
    op: 'login',
    kind: 'Mutation',
    note: 'public',
    expect: m('ok', 'ok', 'ok', 'ok', 'ok', 'ok'),
    okType: 'Session',
    writes: true,
    send: ({ client }) =>
      client.request(Login, { input: { email: accounts.owner.email, password: PASSWORD, device: shared.device } }),
    check: (data) => expect(data.login).toMatchObject({ user: { id: accounts.owner.id } }),
  }),
  row({
    op: 'logout',
    kind: 'Mutation',
    note: 'ends the session it is sent with',
    expect: m('UNAUTHENTICATED', 'ok', 'ok', 'ok', 'ok', 'ok'),
    freshSession: true,
    writes: true,
    send: ({ client }) => client.request(Logout),
    check: async (data, { client }) => {
      expect(data.logout).toBe(true);
      expect((await client.request(Me)).data?.me).toBeNull();
    },
  }),
  row({
    op: 'registerDevice',
    kind: 'Mutation',
    note: "any signed-in caller, for their own account",
    expect: m('UNAUTHENTICATED', 'ok', 'ok', 'ok', 'ok', 'ok'),
    okType: 'Device',
    writes: true,
    send: ({ client }) => client.request(RegisterDevice, { input: newDevice() }),
    check: (data, { caller }) => expect(data.registerDevice).toMatchObject({ owner: { id: accounts[caller as SignedIn].id } }),
  }),
  row({
    op: 'approveDevice',
    kind: 'Mutation',
    note: "a PENDING device of the owner's: even its owner may not approve it",
    expect: m('UNAUTHENTICATED', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'FORBIDDEN'),
    target: ownersPendingDevice,
    okType: 'Device',
    writes: true,
    send: ({ client, target }) => client.request(ApproveDevice, { id: target }),
    check: (data) => expect(data.approveDevice).toMatchObject({ status: 'APPROVED' }),
  }),
  row({
    op: 'blockDevice',
    kind: 'Mutation',
    note: 'the shared device for users (even its owner may not block it); a new PENDING device for the admin',
    expect: m('UNAUTHENTICATED', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'FORBIDDEN'),
    target: (caller) => (caller === 'admin' ? ownersPendingDevice() : shared.deviceId),
    okType: 'Device',
    writes: true,
    send: ({ client, target }) => client.request(BlockDevice, { id: target, reason: 'authorization matrix' }),
    check: (data) => expect(data.blockDevice).toMatchObject({ status: 'BLOCKED' }),
  }),
  row({
    op: 'unblockDevice',
    kind: 'Mutation',
    note: "a BLOCKED device of the owner's: even its owner may not unblock it",
    expect: m('UNAUTHENTICATED', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'FORBIDDEN'),
    target: ownersBlockedDevice,
    okType: 'Device',
    writes: true,
    send: ({ client, target }) => client.request(UnblockDevice, { id: target }),
    check: (data) => expect(data.unblockDevice).toMatchObject({ status: 'PENDING' }),
  }),
  row({
    op: 'renameDevice',
    kind: 'Mutation',
    note: 'the shared device: the co-user sees it but may not rename it; to the stranger it is not there',
    expect: m('UNAUTHENTICATED', 'ok', 'FORBIDDEN', 'NotFound', 'ok', 'ok'),
    okType: 'Device',
    writes: true,
    send: ({ client, target, caller }) => client.request(RenameDevice, { id: target, name: `Renamed by ${caller}` }),
    check: (data, { caller }) => expect(data.renameDevice).toMatchObject({ name: `Renamed by ${caller}` }),
  }),
  row({
    op: 'updateDeviceAttributes',
    kind: 'Mutation',
    note: 'the shared device: its owner from a session on it, the co-user and support see it but may not; to the stranger it is not there',
    expect: m('UNAUTHENTICATED', 'ok', 'FORBIDDEN', 'NotFound', 'ok', 'FORBIDDEN'),
    okType: 'Device',
    writes: true,
    send: ({ client, caller }) => client.request(AuthzUpdateAttributes, { id: shared.deviceId, set: { [`by_${caller}`]: true } }),
    check: (data, { caller }) => expect(data.updateDeviceAttributes).toMatchObject({ attributes: { [`by_${caller}`]: true } }),
  }),
  row({
    op: 'forgetDevice',
    kind: 'Mutation',
    note: "the shared device for the co-user and the stranger; a new device of the owner's for the owner, the admin and support",
    expect: m('UNAUTHENTICATED', 'ok', 'FORBIDDEN', 'NotFound', 'ok', 'ok'),
    target: (caller) => (caller === 'owner' || caller === 'admin' || caller === 'support' ? ownersPendingDevice() : shared.deviceId),
    okType: 'ForgottenDevice',
    writes: true,
    send: ({ client, target }) => client.request(ForgetDevice, { id: target }),
    check: (data, { target }) => expect(data.forgetDevice).toMatchObject({ id: target }),
  }),
  row({
    op: 'approveDevices',
    kind: 'Mutation',
    note: "a PENDING device of the owner's: admins only, never support",
    expect: m('UNAUTHENTICATED', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'FORBIDDEN'),
    target: ownersPendingDevice,
    writes: true,
    send: ({ client, target }) => client.request(ApproveDevices, { ids: [target] }),
    check: (data, { target }) => expect(data.approveDevices).toEqual([{ __typename: 'Device', id: target, status: 'APPROVED' }]),
  }),
  row({
    op: 'blockDevices',
    kind: 'Mutation',
    note: 'the shared device for everyone but the admin, who blocks a new PENDING device',
    expect: m('UNAUTHENTICATED', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'FORBIDDEN'),
    target: (caller) => (caller === 'admin' ? ownersPendingDevice() : shared.deviceId),
    writes: true,
    send: ({ client, target }) => client.request(BlockDevices, { ids: [target], reason: 'authorization matrix' }),
    check: (data, { target }) => expect(data.blockDevices).toMatchObject([{ __typename: 'Device', id: target, status: 'BLOCKED' }]),
  }),
  row({
    op: 'unblockDevices',
    kind: 'Mutation',
    note: "a BLOCKED device of the owner's",
    expect: m('UNAUTHENTICATED', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'FORBIDDEN'),
    target: ownersBlockedDevice,
    writes: true,
    send: ({ client, target }) => client.request(UnblockDevices, { ids: [target] }),
    check: (data, { target }) => expect(data.unblockDevices).toEqual([{ __typename: 'Device', id: target, status: 'PENDING' }]),
  }),
  row({
    op: 'forgetDevices',
    kind: 'Mutation',
    note: "fleet staff only (a user forgets their own devices one at a time); a new device of the owner's for admin and support",
    expect: m('UNAUTHENTICATED', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'ok'),
    target: (caller) => (caller === 'admin' || caller === 'support' ? ownersPendingDevice() : shared.deviceId),
    writes: true,
    send: ({ client, target }) => client.request(ForgetDevices, { ids: [target] }),
    check: (data, { target }) => expect(data.forgetDevices).toEqual([{ __typename: 'ForgottenDevice', id: target, name: 'Spare phone' }]),
  }),
  row({
    op: 'createUser',
    kind: 'Mutation',
    expect: m('UNAUTHENTICATED', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'FORBIDDEN'),
    okType: 'User',
    writes: true,
    send: ({ client }) =>
      client.request(CreateUser, { input: { email: `created-${randomUUID()}@example.com`, password: PASSWORD, role: 'ADMIN' } }),
  }),
  row({
    op: 'createApiKey',
    kind: 'Mutation',
    expect: m('UNAUTHENTICATED', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'FORBIDDEN'),
    okType: 'ApiKeyCreated',
    writes: true,
    send: ({ client }) => client.request(AuthzCreateApiKey, { input: { name: 'matrix', scopes: ['DEVICES_READ'] } }),
    check: (data) => {
      if (data.createApiKey.__typename !== 'ApiKeyCreated') throw new Error(JSON.stringify(data.createApiKey));
      expect(data.createApiKey.secret).toMatch(/^ghk_/);
    },
  }),
  row({
    op: 'createApprovalRule',
    kind: 'Mutation',
    note: 'a rule no sign-in of the file matches',
    expect: m('UNAUTHENTICATED', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'FORBIDDEN'),
    okType: 'ApprovalRule',
    writes: true,
    send: ({ client }) => client.request(AuthzCreateRule, { input: { ...NEVER_MATCHING_RULE, name: `matrix ${randomUUID()}` } }),
  }),
  row({
    op: 'updateApprovalRule',
    kind: 'Mutation',
    note: 'a rule made for the call',
    expect: m('UNAUTHENTICATED', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'FORBIDDEN'),
    okType: 'ApprovalRule',
    writes: true,
    target: () => approvalRule(),
    send: ({ client, target }) => client.request(AuthzUpdateRule, { id: target, input: { ...NEVER_MATCHING_RULE, name: `updated ${randomUUID()}` } }),
  }),
  row({
    op: 'deleteApprovalRule',
    kind: 'Mutation',
    note: 'a rule made for the call',
    expect: m('UNAUTHENTICATED', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'FORBIDDEN'),
    okType: 'ApprovalRule',
    writes: true,
    target: () => approvalRule(),
    send: ({ client, target }) => client.request(AuthzDeleteRule, { id: target }),
  }),
  row({
    op: 'reorderApprovalRules',
    kind: 'Mutation',
    note: 'every rule, in the order they have',
    expect: m('UNAUTHENTICATED', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'FORBIDDEN'),
    okType: 'ApprovalRuleList',
    writes: true,
    send: async ({ client }) => {
      const { approvalRules } = await clients.admin.data(AuthzApprovalRules);
      return client.request(AuthzReorderRules, { ids: approvalRules.map((r) => r.id) });
    },
  }),
  row({
    op: 'createEnrolmentCode',
    kind: 'Mutation',
    expect: m('UNAUTHENTICATED', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'FORBIDDEN'),
    okType: 'EnrolmentCodeCreated',
    writes: true,
    send: ({ client }) => client.request(AuthzCreateCode, { input: { name: 'matrix', uses: 1 } }),
    check: (data) => {
      if (data.createEnrolmentCode.__typename !== 'EnrolmentCodeCreated') throw new Error(JSON.stringify(data.createEnrolmentCode));
      expect(data.createEnrolmentCode.code).toMatch(/^ghe_/);
    },
  }),
  row({
    op: 'revokeEnrolmentCode',
    kind: 'Mutation',
    note: 'a code made for the call',
    expect: m('UNAUTHENTICATED', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'FORBIDDEN'),
    okType: 'EnrolmentCode',
    writes: true,
    target: async () => {
      const { createEnrolmentCode } = await clients.admin.data(AuthzCreateCode, { input: { name: 'to revoke', uses: 1 } });
      if (createEnrolmentCode.__typename !== 'EnrolmentCodeCreated') throw new Error(JSON.stringify(createEnrolmentCode));
      return createEnrolmentCode.enrolmentCode.id;
    },
    send: ({ client, target }) => client.request(AuthzRevokeCode, { id: target }),
  }),
  row({
    op: 'approveOwnDevice',
    kind: 'Mutation',
    note: 'a request id that names none: NotFound, unrecorded, as for a request of someone else (test/owner-approval.test.ts)',
    expect: m('UNAUTHENTICATED', 'NotFound', 'NotFound', 'NotFound', 'NotFound', 'NotFound'),
    send: ({ client }) =>
      client.request(AuthzApproveOwnDevice, {
        requestId: Buffer.from(`DeviceApprovalRequest:${randomUUID()}`, 'utf8').toString('base64'),
        proof: { keyId: 'A'.repeat(43), challengeId: randomUUID(), signature: 'AAAA' },
      }),
  }),
  row({
    op: 'updateNotificationSettings',
    kind: 'Mutation',
    note: "the admin's own",
    expect: m('UNAUTHENTICATED', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'FORBIDDEN'),
    okType: 'NotificationSettings',
    send: ({ client }) => client.request(AuthzUpdateNotificationSettings, { input: { newDevicePending: true } }),
  }),
  row({
    op: 'revokeApiKey',
    kind: 'Mutation',
    note: 'a key made for the call',
    expect: m('UNAUTHENTICATED', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'FORBIDDEN'),
    okType: 'ApiKey',
    writes: true,
    target: async () => {
      const { createApiKey } = await clients.admin.data(AuthzCreateApiKey, { input: { name: 'to revoke', scopes: ['DEVICES_READ'] } });
      if (createApiKey.__typename !== 'ApiKeyCreated') throw new Error(JSON.stringify(createApiKey));
      return createApiKey.apiKey.id;
    },
    send: ({ client, target }) => client.request(AuthzRevokeApiKey, { id: target }),
  }),
  row({
    op: 'changePassword',
    kind: 'Mutation',
    note: 'a wrong current password, so no session of the file ends: the typed refusal shows the call got through',
    expect: m('UNAUTHENTICATED', 'ok', 'ok', 'ok', 'ok', 'ok'),
    okType: 'InvalidCredentials',
    send: ({ client }) => client.request(AuthzChangePassword, { current: 'not-the-password', next: 'a-new-password-123' }),
  }),
  row({
    op: 'resetPassword',
    kind: 'Mutation',
    note: 'on a throwaway user',
    expect: m('UNAUTHENTICATED', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'FORBIDDEN'),
    okType: 'User',
    writes: true,
    target: async () => (await createUser(server)).id,
    send: ({ client, target }) => client.request(AuthzResetPassword, { userId: target, next: 'a-new-password-123' }),
  }),
  row({
    op: 'setUserRole',
    kind: 'Mutation',
    note: 'a throwaway user made SUPPORT: admins only, never support',
    expect: m('UNAUTHENTICATED', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'FORBIDDEN'),
    okType: 'User',
    writes: true,
    target: async () => (await createUser(server)).id,
    send: ({ client, target }) => client.request(AuthzSetUserRole, { userId: target, role: 'SUPPORT' }),
    check: (data) => expect(data.setUserRole).toMatchObject({ role: 'SUPPORT' }),
  }),
  row({
    op: 'createWebhookEndpoint',
    kind: 'Mutation',
    note: 'only for kinds that never happen here, so nothing is sent',
    expect: m('UNAUTHENTICATED', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'FORBIDDEN'),
    okType: 'WebhookEndpointCreated',
    send: ({ client }) => client.request(AuthzCreateWebhook, { input: { url: HOOK_URL, kinds: ['WEBHOOK_DISABLED'] } }),
  }),
  row({
    op: 'updateWebhookEndpoint',
    kind: 'Mutation',
    expect: m('UNAUTHENTICATED', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'FORBIDDEN'),
    okType: 'WebhookEndpoint',
    target: () => webhookEndpoint(),
    send: ({ client, target }) => client.request(AuthzUpdateWebhook, { id: target }),
  }),
  row({
    op: 'rotateWebhookSecret',
    kind: 'Mutation',
    expect: m('UNAUTHENTICATED', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'FORBIDDEN'),
    okType: 'WebhookEndpointCreated',
    target: () => webhookEndpoint(),
    send: ({ client, target }) => client.request(AuthzRotateWebhook, { id: target }),
  }),
  row({
    op: 'deleteWebhookEndpoint',
    kind: 'Mutation',
    note: 'an endpoint made for the call',
    expect: m('UNAUTHENTICATED', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'FORBIDDEN'),
    okType: 'WebhookEndpoint',
    target: () => webhookEndpoint(true),
    send: ({ client, target }) => client.request(AuthzDeleteWebhook, { id: target }),
  }),
  row({
    op: 'sendTestWebhook',
    kind: 'Mutation',
    note: 'to a loopback port where nothing listens: the failed attempt shows the call got through',
    expect: m('UNAUTHENTICATED', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'FORBIDDEN'),
    okType: 'WebhookTest',
    target: () => webhookEndpoint(),
    send: ({ client, target }) => client.request(AuthzTestWebhook, { id: target }),
  }),
  row({
    op: 'redeliverWebhook',
    kind: 'Mutation',
    note: 'no such delivery: NotFound shows the call got through',
    expect: m('UNAUTHENTICATED', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'FORBIDDEN'),
    okType: 'NotFound',
    send: ({ client }) => client.request(AuthzRedeliverWebhook, { id: Buffer.from(`WebhookDelivery:${randomUUID()}`).toString('base64') }),
  }),
  row({
    op: 'replayWebhooks',
    kind: 'Mutation',
    expect: m('UNAUTHENTICATED', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'FORBIDDEN'),
    okType: 'WebhookEndpoint',
    target: () => webhookEndpoint(),
    send: ({ client, target }) => client.request(AuthzReplayWebhooks, { id: target }),
  }),
  row({
    op: 'setDevicePolicy',
    kind: 'Mutation',
    note: 'sets the policy it already has, so the rest of the file is unaffected',
    expect: m('UNAUTHENTICATED', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'ok', 'FORBIDDEN'),
    okType: 'DevicePolicy',
    writes: true,
    send: ({ client }) => client.request(SetDevicePolicy, { input: { approvalMode: 'REQUIRED', allowSignUp: true } }),
  }),
  row({
    op: 'deviceChallenge',
    kind: 'Mutation',
    note: 'public: a device asks before it has a session',
    expect: m('ok', 'ok', 'ok', 'ok', 'ok', 'ok'),
    okType: 'DeviceChallenge',
    send: ({ client }) => client.request(AuthzChallenge, { keyId: keyed.key.keyId }),
  }),
  row({
    op: 'verifyDevice',
    kind: 'Mutation',
    note: 'public; only a session that may see the device gets more than its id and status',
    expect: m('ok', 'ok', 'ok', 'ok', 'ok', 'ok'),
    okType: 'KnownDevice',
    writes: true,
    send: async ({ client }) => client.request(AuthzVerify, { proof: await keyed.phone.prove(keyed.key) }),
    check: (data, { caller }) => {
      const seen = data.verifyDevice.__typename === 'KnownDevice' ? data.verifyDevice.device : undefined;
      expect(seen === null ? null : seen?.id).toBe(caller === 'admin' || caller === 'support' ? keyed.deviceId : null);
    },
  }),
  row({
    op: 'loginWithDevice',
    kind: 'Mutation',
    note: "public: the key's proof is the credential, and the session is the owner's",
    expect: m('ok', 'ok', 'ok', 'ok', 'ok', 'ok'),
    okType: 'Session',
    writes: true,
    send: async ({ client }) => client.request(AuthzLoginWithDevice, { proof: await keyed.phone.prove(keyed.key) }),
    check: (data) => expect(data.loginWithDevice).toMatchObject({ user: { email: keyed.user.email } }),
  }),
];

function label(r: Row): string {
  return r.note ? `${r.op} (${r.note})` : r.op;
}

/** Runs one cell: prepares its target, sends the call, checks the outcome and that a refusal wrote no event. */
async function runCell(r: Row, caller: Caller, outcome: Outcome): Promise<void> {
  const target = r.target ? await r.target(caller) : shared.deviceId;
  const client = r.freshSession ? await freshClient(caller) : clients[caller];
  const cell: Cell = { caller, client, target };
  const eventsBefore = await eventCount();

  const res = await r.send(cell);
  const data = res.data ?? null;
  const subject = data === null ? null : r.subject ? r.subject(data) : (data as Record<string, unknown>)[r.op];

  switch (outcome) {
    case 'UNAUTHENTICATED':
    case 'FORBIDDEN':
    case 'BAD_USER_INPUT':
      expect(errorCode(res), JSON.stringify(res)).toBe(outcome);
      expect(res.errors?.map((e) => e.extensions?.code)).toEqual(res.errors?.map(() => outcome));
      if (r.kind !== 'Field') expect(subject ?? null).toBeNull();
      break;
    case 'null':
      expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
      expect(subject).toBeNull();
      break;
    case 'NotFound':
      expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
      expect(subject).toMatchObject({ __typename: 'NotFound', code: 'NOT_FOUND' });
      break;
    case 'ok':
      expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
      expect(subject).not.toBeNull();
      expect(subject).toBeDefined();
      if (r.okType) expect(subject).toMatchObject({ __typename: r.okType });
      await r.check?.(data, cell);
      break;
  }

  const eventsAfter = await eventCount();
  if (outcome !== 'ok') expect(eventsAfter, 'a refused or hidden call wrote an event').toBe(eventsBefore);
  else if (r.writes) expect(eventsAfter).toBeGreaterThan(eventsBefore);
}

describe('the matrix covers the whole API', () => {
  const opsOf = (kind: Row['kind']) => [...new Set(ROWS.filter((r) => r.kind === kind).map((r) => r.op))].sort();

  it('has a row for every Query field', () => {
    expect(opsOf('Query')).toEqual(Object.keys(schema.getQueryType()!.getFields()).sort());
  });

  it('has a row for every Mutation field', () => {
    expect(opsOf('Mutation')).toEqual(Object.keys(schema.getMutationType()!.getFields()).sort());
  });

  it('has a row for every guarded field (the fields with their own authorization rule)', () => {
    expect(opsOf('Field')).toEqual(['Device.events', 'User.devices', 'User.events']);
  });
});

describe.each(ROWS.map((r) => [label(r), r] as const))('%s', (_label, r) => {
  it.each(CALLERS.map((caller) => [caller, r.expect[caller]] as const))('%s: %s', async (caller, outcome) => {
    await runCell(r, caller, outcome);
  });
});

// ---- Authorization comes before input validation ------------------------------------------------------------------

// Pothos validates arguments before scope-auth runs; src/graphql/auth.ts checks a field's scopes first, so callers
// learn nothing about input they may not send at all.

interface InvalidRow {
  op: string;
  input: string;
  expect: Expectations;
  send: (client: GraphQLClient) => Promise<GqlResponse<unknown>>;
}

const signedInThenInvalid = m('UNAUTHENTICATED', 'BAD_USER_INPUT', 'BAD_USER_INPUT', 'BAD_USER_INPUT', 'BAD_USER_INPUT', 'BAD_USER_INPUT');
const adminThenInvalid = m('UNAUTHENTICATED', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'BAD_USER_INPUT', 'FORBIDDEN');
const staffThenInvalid = m('UNAUTHENTICATED', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'BAD_USER_INPUT', 'BAD_USER_INPUT');

const INVALID_ROWS: InvalidRow[] = [
  {
    op: 'events',
    input: 'a cursor that is not one',
    expect: staffThenInvalid,
    send: (c) => c.request(Events, { after: 'not a cursor' }),
  },
  {
    op: 'devices',
    input: 'a search of 101 characters',
    expect: signedInThenInvalid,
    send: (c) => c.request(Devices, { filter: { search: 'x'.repeat(101) } }),
  },
  {
    op: 'users',
    input: 'a search of 101 characters',
    expect: staffThenInvalid,
    send: (c) => c.request(Users, { filter: { search: 'x'.repeat(101) } }),
  },
  {
    op: 'registerDevice',
    input: 'an empty installation id',
    expect: signedInThenInvalid,
    send: (c) => c.request(RegisterDevice, { input: newDevice({ installationId: '' }) }),
  },
  {
    op: 'renameDevice',
    input: 'a blank name',
    expect: signedInThenInvalid,
    send: (c) => c.request(RenameDevice, { id: shared.deviceId, name: '   ' }),
  },
  {
    op: 'blockDevice',
    input: 'a reason of 501 characters',
    expect: adminThenInvalid,
    send: (c) => c.request(BlockDevice, { id: shared.deviceId, reason: 'x'.repeat(501) }),
  },
  {
    op: 'approveDevices',
    input: '101 ids',
    expect: adminThenInvalid,
    send: (c) => c.request(ApproveDevices, { ids: Array.from({ length: 101 }, () => shared.deviceId) }),
  },
  {
    op: 'forgetDevices',
    input: '101 ids',
    expect: staffThenInvalid,
    send: (c) => c.request(ForgetDevices, { ids: Array.from({ length: 101 }, () => shared.deviceId) }),
  },
  {
    op: 'createUser',
    input: 'an email that is not one',
    expect: adminThenInvalid,
    send: (c) => c.request(CreateUser, { input: { email: 'not-an-email', password: PASSWORD } }),
  },
  {
    op: 'setDevicePolicy',
    input: 'a device limit of 0',
    expect: adminThenInvalid,
    send: (c) => c.request(SetDevicePolicy, { input: { maxDevicesPerUser: 0 } }),
  },
  {
    op: 'createEnrolmentCode',
    input: 'no uses',
    expect: adminThenInvalid,
    send: (c) => c.request(AuthzCreateCode, { input: { name: 'none', uses: 0 } }),
  },
  {
    op: 'createApiKey',
    input: 'no scopes',
    expect: adminThenInvalid,
    send: (c) => c.request(AuthzCreateApiKey, { input: { name: 'none', scopes: [] } }),
  },
];

describe.each(INVALID_ROWS.map((r) => [r.op, r.input, r] as const))('%s with %s', (_op, _input, r) => {
  for (const caller of CALLERS) {
    const outcome = r.expect[caller];
    it(`${caller}: ${outcome}, writing nothing`, async () => {
      const eventsBefore = await eventCount();
      const res = await r.send(clients[caller]);
      expect(errorCode(res), JSON.stringify(res)).toBe(outcome);
      expect((res.data as Record<string, unknown> | null | undefined)?.[r.op] ?? null).toBeNull();
      expect(await eventCount()).toBe(eventsBefore);
    });
  }
});

// ---- A hidden device is told apart from a missing one in no way -----------------------------------------------------

describe('to a stranger, the shared device looks exactly like one that does not exist', () => {
  it('device(id)', async () => {
    const hidden = await clients.stranger.request(DeviceById, { id: shared.deviceId });
    const missing = await clients.stranger.request(DeviceById, { id: missingDeviceId });
    expect(hidden).toEqual({ data: { device: null }, status: 200 });
    expect(hidden).toEqual(missing);
  });

  it('node(id)', async () => {
    const hidden = await clients.stranger.request(Node, { id: shared.deviceId });
    const missing = await clients.stranger.request(Node, { id: missingDeviceId });
    expect(hidden).toEqual({ data: { node: null }, status: 200 });
    expect(hidden).toEqual(missing);
  });

  it('renameDevice and forgetDevice, writing no event', async () => {
    const eventsBefore = await eventCount();
    const hiddenRename = await clients.stranger.request(RenameDevice, { id: shared.deviceId, name: 'Mine now' });
    const missingRename = await clients.stranger.request(RenameDevice, { id: missingDeviceId, name: 'Mine now' });
    expect(hiddenRename.data?.renameDevice).toMatchObject({ __typename: 'NotFound', code: 'NOT_FOUND' });
    expect(hiddenRename).toEqual(missingRename);

    const hiddenForget = await clients.stranger.request(ForgetDevice, { id: shared.deviceId });
    const missingForget = await clients.stranger.request(ForgetDevice, { id: missingDeviceId });
    expect(hiddenForget.data?.forgetDevice).toMatchObject({ __typename: 'NotFound', code: 'NOT_FOUND' });
    expect(hiddenForget).toEqual(missingForget);
    expect(await eventCount()).toBe(eventsBefore);

    // And the device is still there, untouched, for its owner.
    const { device } = await clients.owner.data(DeviceById, { id: shared.deviceId });
    expect(device?.name).not.toBe('Mine now');
  });

  it('devices filtered by the owner lists nothing, as for a user with no devices', async () => {
    const { devices } = await clients.stranger.data(Devices, { filter: { userId: accounts.owner.id } });
    expect(devices).toMatchObject({ totalCount: 0, edges: [] });
  });
});
