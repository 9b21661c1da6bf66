// The read side through the HTTP API: Relay connections (paging both ways, limits, bad input), the device, user
// and event filters, the per-user view an admin dashboard shows, what the audit log records, and node(id).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './gql/index.js';
import { ApproveDevice, CreateUser, Events, Login, Logout, Node, RegisterDevice, RenameDevice } from './operations.js';
import { errorCode, type GraphQLClient } from './helpers/client.js';
import { approvedPhone, pendingPhone } from './helpers/devices.js';
import { ADMIN_EMAIL, createUser, newDevice, PASSWORD, signIn, startServer, type TestServer } from './helpers/server.js';
import type { DeviceInput } from './gql/graphql.js';

const DevicePage = graphql(`
  query QueriesDevicePage($filter: DeviceFilter, $first: Int, $after: String, $last: Int, $before: String) {
    devices(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { id name status platform model appName installationId createdAt owner { id } } }
    }
  }
`);

const UserDevicesPage = graphql(`
  query QueriesUserDevicesPage($id: ID!, $filter: DeviceFilter, $first: Int, $after: String) {
    user(id: $id) {
      id
      devices(filter: $filter, first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        edges { cursor node { id name createdAt } }
      }
    }
  }
`);

const UserEventsPage = graphql(`
  query QueriesUserEventsPage($id: ID!, $first: Int, $after: String) {
    user(id: $id) {
      id
      events(first: $first, after: $after) {
        totalCount
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        edges { cursor node { id kind at } }
      }
    }
  }
`);

const DeviceUsersPage = graphql(`
  query QueriesDeviceUsersPage($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
    device(id: $id) {
      id
      users(first: $first, after: $after, last: $last, before: $before) {
        totalCount
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        edges { cursor node { id email } }
      }
    }
  }
`);

const UsersPage = graphql(`
  query QueriesUsersPage($filter: UserFilter, $first: Int, $after: String, $last: Int, $before: String) {
    users(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { id email displayName role } }
    }
  }
`);

const EventsPage = graphql(`
  query QueriesEventsPage($filter: EventFilter, $first: Int, $after: String, $last: Int, $before: String) {
    events(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { id kind at deviceId } }
    }
  }
`);

const DashboardUser = graphql(`
  query QueriesDashboardUser($id: ID!) {
    user(id: $id) {
      id
      email
      deviceCount
      lastLoginAt
      devices(first: 20) {
        totalCount
        edges {
          node {
            id
            name
            status
            appName
            platform
            model
            lastUsedAt
            lastUser { id email }
            owner { id email }
          }
        }
      }
      events(first: 10) {
        totalCount
        edges { node { id kind at actor { id email } user { id } deviceId deviceName fromStatus toStatus ip userAgent } }
      }
    }
  }
`);

let server: TestServer;
let admin: GraphQLClient;
beforeAll(async () => {
  server = await startServer();
  admin = await server.admin();
});
afterAll(async () => {
  await server.stop();
});

// ---------------------------------------------------------------------------------------------------------------
// Helpers

/** A short unique token to tag the rows a test creates, so its filters see only them. */
const tag = () => `t${randomUUID().slice(0, 8)}`;
/** The address the test client connects from, as the server sees it. */
const LOCALHOST: unknown = expect.stringMatching(/^(127\.0\.0\.1|::ffff:127\.0\.0\.1)$/);
const ANY_STRING: unknown = expect.any(String);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function globalIdOf(typename: string, id: string): string {
  return Buffer.from(`${typename}:${id}`, 'utf8').toString('base64');
}
function databaseIdOf(globalId: string): string {
  return Buffer.from(globalId, 'base64').toString('utf8').split(':')[1] ?? '';
}

interface Page<N> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor?: string | null; endCursor?: string | null };
  edges: { cursor: string; node: N }[];
}

/** Follows endCursor from the first page to the last; returns every page as it came. */
async function walkForward<N>(fetch: (after: string | null) => Promise<Page<N> | null | undefined>): Promise<Page<N>[]> {
  const pages: Page<N>[] = [];
  let after: string | null = null;
  for (let i = 0; i < 50; i++) {
    const page = await fetch(after);
    if (!page) throw new Error('no page');
    pages.push(page);
    if (!page.pageInfo.hasNextPage) return pages;
    expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor);
    after = page.pageInfo.endCursor ?? null;
  }
  throw new Error('paging did not end');
}

/** Follows startCursor backwards from the last page to the first; returns the pages in the order fetched. */
async function walkBackward<N>(fetch: (before: string | null) => Promise<Page<N> | null | undefined>): Promise<Page<N>[]> {
  const pages: Page<N>[] = [];
  let before: string | null = null;
  for (let i = 0; i < 50; i++) {
    const page = await fetch(before);
    if (!page) throw new Error('no page');
    pages.push(page);
    if (!page.pageInfo.hasPreviousPage) return pages;
    expect(page.pageInfo.startCursor).toBe(page.edges[0]?.cursor);
    before = page.pageInfo.startCursor ?? null;
  }
  throw new Error('paging did not end');
}

/** Checks the shape every complete forward walk must have, and returns the nodes in order. */
function expectCompleteWalk<N>(pages: Page<N>[], pageSize: number, total: number): N[] {
  const expectedPages = Math.max(1, Math.ceil(total / pageSize));
  expect(pages).toHaveLength(expectedPages);
  pages.forEach((page, i) => {
    expect(page.totalCount).toBe(total);
    expect(page.edges).toHaveLength(i < expectedPages - 1 ? pageSize : total - pageSize * (expectedPages - 1));
    expect(page.pageInfo.hasNextPage).toBe(i < expectedPages - 1);
  });
  return pages.flatMap((page) => page.edges.map((edge) => edge.node));
}

function expectNoDuplicates(ids: string[]) {
  expect(new Set(ids).size).toBe(ids.length);
}

/** Registers devices for the signed-in user of `client`, one after another (a few ms apart so they order). */
async function registerDevices(client: GraphQLClient, inputs: DeviceInput[]): Promise<string[]> {
  const ids: string[] = [];
  for (const input of inputs) {
    const { registerDevice } = await client.data(RegisterDevice, { input });
    if (registerDevice.__typename !== 'Device') throw new Error(JSON.stringify(registerDevice));
    ids.push(registerDevice.id);
    await sleep(3);
  }
  return ids;
}

/** A user with a session of their own (from an approved phone) who then registers `count` devices tagged `t`. */
async function userWithTaggedDevices(t: string, count: number) {
  const phone = await approvedPhone(server, newDevice({ name: 'Owner phone' }));
  await sleep(3);
  const deviceIds = await registerDevices(
    phone.client,
    Array.from({ length: count }, (_, i) => newDevice({ name: `${t} device ${i + 1}` }, i % 2 ? 'ANDROID' : 'IOS')),
  );
  return { ...phone, deviceIds };
}

// ---------------------------------------------------------------------------------------------------------------

describe('devices connection', () => {
  const t = tag();
  let owner: Awaited<ReturnType<typeof userWithTaggedDevices>>;
  beforeAll(async () => {
    owner = await userWithTaggedDevices(t, 7);
  });

  it('walks every device exactly once with first/after, newest first, with a steady totalCount', async () => {
    const pages = await walkForward((after) =>
      admin.data(DevicePage, { filter: { search: t }, first: 3, after }).then((r) => r.devices),
    );
    const nodes = expectCompleteWalk(pages, 3, 7);
    const ids = nodes.map((n) => n.id);
    expectNoDuplicates(ids);
    expect(ids).toEqual([...owner.deviceIds].reverse());
    expect(pages[0]?.pageInfo.hasPreviousPage).toBe(false);
  });

  it('gives the same totalCount whatever the page size, and an empty page for first: 0', async () => {
    for (const first of [1, 7, 50, 100]) {
      const { devices } = await admin.data(DevicePage, { filter: { search: t }, first });
      expect(devices.totalCount).toBe(7);
      expect(devices.edges).toHaveLength(Math.min(first, 7));
      expect(devices.pageInfo.hasNextPage).toBe(first < 7);
    }
    const { devices } = await admin.data(DevicePage, { filter: { search: t }, first: 0 });
    expect(devices.edges).toEqual([]);
    expect(devices.totalCount).toBe(7);
  });

  it('gives the signed-in user the same walk over their own devices', async () => {
    const pages = await walkForward((after) =>
      owner.client.data(DevicePage, { filter: { search: t }, first: 3, after }).then((r) => r.devices),
    );
    expect(expectCompleteWalk(pages, 3, 7).map((n) => n.id)).toEqual([...owner.deviceIds].reverse());
    // Everything the user can see without a filter: the 7 and the phone they signed in from.
    expect((await owner.client.data(DevicePage, { first: 3 })).devices.totalCount).toBe(8);
  });

  it('pages backwards with last/before, ending at the newest device', async () => {
    const pages = await walkBackward((before) =>
      admin.data(DevicePage, { filter: { search: t }, last: 3, before }).then((r) => r.devices),
    );
    expect(pages.map((p) => p.edges.length)).toEqual([3, 3, 1]);
    pages.forEach((page) => expect(page.totalCount).toBe(7));
    expect(pages.at(-1)?.pageInfo.hasPreviousPage).toBe(false);
    // Each page is still newest first; the pages come oldest first.
    const ids = pages
      .slice()
      .reverse()
      .flatMap((page) => page.edges.map((e) => e.node.id));
    expectNoDuplicates(ids);
    expect(ids).toEqual([...owner.deviceIds].reverse());
    // The first page fetched (last: 3, no cursor) is the three oldest.
    expect(pages[0]?.edges.map((e) => e.node.id)).toEqual(owner.deviceIds.slice(0, 3).reverse());
  });

  it('pages backwards from a forward cursor: last/before returns exactly the items before it', async () => {
    const all = (await admin.data(DevicePage, { filter: { search: t }, first: 7 })).devices.edges;
    const pivot = all[4]!;
    const { devices } = await admin.data(DevicePage, { filter: { search: t }, last: 2, before: pivot.cursor });
    expect(devices.edges.map((e) => e.node.id)).toEqual(all.slice(2, 4).map((e) => e.node.id));
    expect(devices.pageInfo.hasPreviousPage).toBe(true);
    const rest = await admin.data(DevicePage, { filter: { search: t }, first: 10, after: pivot.cursor });
    expect(rest.devices.edges.map((e) => e.node.id)).toEqual(all.slice(5).map((e) => e.node.id));
  });

  it('User.devices walks the same way and filters within the user', async () => {
    const pages = await walkForward((after) =>
      admin.data(UserDevicesPage, { id: owner.user.id, first: 3, after }).then((r) => r.user?.devices),
    );
    const ids = expectCompleteWalk(pages, 3, 8).map((n) => n.id);
    expectNoDuplicates(ids);
    expect(ids).toEqual([...owner.deviceIds].reverse().concat(owner.deviceId));

    const android = await admin.data(UserDevicesPage, { id: owner.user.id, first: 10, filter: { platform: 'ANDROID' } });
    expect(android.user?.devices.totalCount).toBe(3);
    expect(android.user?.devices.edges.map((e) => e.node.id)).toEqual([owner.deviceIds[5], owner.deviceIds[3], owner.deviceIds[1]]);
  });

  it('orders all devices newest first', async () => {
    const { devices } = await admin.data(DevicePage, { first: 100 });
    const times = devices.edges.map((e) => Date.parse(e.node.createdAt));
    expect(times.length).toBeGreaterThanOrEqual(8);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(devices.totalCount).toBe(await server.count('select 1 from devices'));

    const [latest] = await registerDevices(owner.client, [newDevice({ name: 'Newest' })]);
    expect((await admin.data(DevicePage, { first: 1 })).devices.edges.map((e) => e.node.id)).toEqual([latest]);
    expect((await owner.client.data(DevicePage, { first: 1 })).devices.edges.map((e) => e.node.id)).toEqual([latest]);
  });
});

describe('Device.users', () => {
  it('walks everyone who used a shared device exactly once, most recently seen first', async () => {
    const phone = await approvedPhone(server);
    const colleagues = [];
    for (let i = 0; i < 4; i++) {
      await sleep(3);
      const colleague = await createUser(server);
      await signIn(server.client, colleague.email, PASSWORD, phone.device);
      colleagues.push(colleague);
    }
    const expected = [...colleagues].reverse().map((c) => c.email).concat(phone.user.email);

    const pages = await walkForward((after) =>
      admin.data(DeviceUsersPage, { id: phone.deviceId, first: 2, after }).then((r) => r.device?.users),
    );
    const emails = expectCompleteWalk(pages, 2, 5).map((n) => n.email);
    expectNoDuplicates(emails);
    expect(emails).toEqual(expected);

    const back = await walkBackward((before) =>
      admin.data(DeviceUsersPage, { id: phone.deviceId, last: 2, before }).then((r) => r.device?.users),
    );
    expect(back.slice().reverse().flatMap((p) => p.edges.map((e) => e.node.email))).toEqual(expected);

    // Signing in again moves a user to the front.
    await sleep(3);
    await signIn(server.client, colleagues[0]!.email, PASSWORD, phone.device);
    const again = await admin.data(DeviceUsersPage, { id: phone.deviceId, first: 1 });
    expect(again.device?.users.edges.map((e) => e.node.email)).toEqual([colleagues[0]!.email]);
    expect(again.device?.users.totalCount).toBe(5);
  });
});

describe('users connection and UserFilter', () => {
  const t = tag();
  const names = ['alpha', 'bravo', 'charlie', 'delta', 'echo'];
  const emailOf = (name: string) => `${t}.${name}@example.com`;
  const users: Record<string, string> = {};
  beforeAll(async () => {
    // Created out of order, so the email order is not the creation order.
    for (const name of ['delta', 'alpha', 'echo', 'charlie', 'bravo']) {
      const { createUser } = await admin.data(CreateUser, {
        input: {
          email: emailOf(name),
          password: PASSWORD,
          displayName: name === 'charlie' ? `Promo 50%_off ${name}` : `Person ${name.toUpperCase()}`,
          role: name === 'echo' ? 'ADMIN' : 'USER',
        },
      });
      if (createUser.__typename !== 'User') throw new Error(JSON.stringify(createUser));
      users[name] = createUser.id;
    }
  });

  it('walks every matching user exactly once with first/after, by email ascending', async () => {
    const pages = await walkForward((after) => admin.data(UsersPage, { filter: { search: t }, first: 2, after }).then((r) => r.users));
    const emails = expectCompleteWalk(pages, 2, 5).map((n) => n.email);
    expectNoDuplicates(emails);
    expect(emails).toEqual(names.map(emailOf));
    for (const first of [1, 5, 100]) {
      expect((await admin.data(UsersPage, { filter: { search: t }, first })).users.totalCount).toBe(5);
    }
  });

  it('pages backwards with last/before', async () => {
    const pages = await walkBackward((before) => admin.data(UsersPage, { filter: { search: t }, last: 2, before }).then((r) => r.users));
    expect(pages.map((p) => p.edges.length)).toEqual([2, 2, 1]);
    expect(pages.slice().reverse().flatMap((p) => p.edges.map((e) => e.node.email))).toEqual(names.map(emailOf));
  });

  it('orders all users by email ascending', async () => {
    const { users: all } = await admin.data(UsersPage, { first: 100 });
    const emails = all.edges.map((e) => e.node.email);
    expect(emails).toContain(ADMIN_EMAIL);
    const mine = emails.filter((e) => e.startsWith(`${t}.`));
    expect(mine).toEqual(names.map(emailOf));
  });

  it('email: exact and case-insensitive, not a substring match', async () => {
    const exact = await admin.data(UsersPage, { filter: { email: emailOf('bravo').toUpperCase() } });
    expect(exact.users.edges.map((e) => e.node.id)).toEqual([users.bravo]);
    expect(exact.users.totalCount).toBe(1);
    expect((await admin.data(UsersPage, { filter: { email: `${t}.bravo` } })).users.totalCount).toBe(0);
    expect((await admin.data(UsersPage, { filter: { email: `x${emailOf('bravo')}` } })).users.totalCount).toBe(0);
  });

  it('search: part of the email or display name, case-insensitive', async () => {
    const byEmail = await admin.data(UsersPage, { filter: { search: `${t.toUpperCase()}.CHAR` } });
    expect(byEmail.users.edges.map((e) => e.node.id)).toEqual([users.charlie]);
    const byName = await admin.data(UsersPage, { filter: { search: 'person delt' } });
    expect(byName.users.edges.map((e) => e.node.id)).toEqual([users.delta]);
    expect(byName.users.edges[0]?.node.displayName).toBe('Person DELTA');
  });

  it('search: % and _ are literal characters, not wildcards', async () => {
    const literal = await admin.data(UsersPage, { filter: { search: '50%_off' } });
    expect(literal.users.edges.map((e) => e.node.id)).toEqual([users.charlie]);
    // As wildcards these would match "50%_off" (and "%" alone would match everyone).
    expect((await admin.data(UsersPage, { filter: { search: '5_%o' } })).users.totalCount).toBe(0);
    expect((await admin.data(UsersPage, { filter: { search: `${t}_alpha` } })).users.totalCount).toBe(0);
    expect((await admin.data(UsersPage, { filter: { search: '%' } })).users.edges.map((e) => e.node.id)).toEqual([users.charlie]);
    expect((await admin.data(UsersPage, { filter: { search: '_' } })).users.edges.map((e) => e.node.id)).toEqual([users.charlie]);
  });

  it('role, alone and with search', async () => {
    const admins = await admin.data(UsersPage, { filter: { search: t, role: 'ADMIN' } });
    expect(admins.users.edges.map((e) => e.node.id)).toEqual([users.echo]);
    const plain = await admin.data(UsersPage, { filter: { search: t, role: 'USER' } });
    expect(plain.users.totalCount).toBe(4);
    expect(plain.users.edges.every((e) => e.node.role === 'USER')).toBe(true);
    const allAdmins = await admin.data(UsersPage, { filter: { role: 'ADMIN' }, first: 100 });
    expect(allAdmins.users.edges.every((e) => e.node.role === 'ADMIN')).toBe(true);
    expect(allAdmins.users.edges.map((e) => e.node.email)).toEqual(expect.arrayContaining([ADMIN_EMAIL, emailOf('echo')]));
    expect(allAdmins.users.totalCount).toBe(allAdmins.users.edges.length);
  });
});

describe('DeviceFilter', () => {
  const t = tag();
  let owner: Awaited<ReturnType<typeof approvedPhone>>;
  let colleague: { id: string; email: string };
  let shared: Awaited<ReturnType<typeof approvedPhone>>;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    owner = await approvedPhone(server, newDevice({ name: `${t} phone` }));
    const created = await registerDevices(owner.client, [
      newDevice({ name: `${t} Büro laptop`, model: 'ThinkPad X1', appName: 'Desk App' }, 'WINDOWS'),
      newDevice({ name: `${t} 100%_tablet`, model: 'Galaxy Tab', appName: 'Field App' }, 'ANDROID'),
      newDevice({ name: `${t} mac`, model: 'MacBook Air', appName: `Special ${t} App` }, 'MACOS'),
      newDevice({ name: 'no tag', model: `Model-${t}-X`, appName: 'Field App' }, 'LINUX'),
      newDevice({ installationId: `inst-${t}-raw`, name: 'untagged name', model: 'Generic' }, 'WEB'),
    ]);
    ['laptop', 'tablet', 'mac', 'modelTagged', 'installTagged'].forEach((key, i) => (ids[key] = created[i]!));
    // A device someone else owns, approved, which the colleague signs in from too.
    shared = await approvedPhone(server, newDevice({ name: `${t} shared kiosk` }));
    colleague = await createUser(server);
    await signIn(server.client, colleague.email, PASSWORD, shared.device);
  });

  const search = (s: string, extra: object = {}) =>
    admin.data(DevicePage, { filter: { search: s, ...extra }, first: 50 }).then((r) => r.devices);

  it('search matches part of the name, model, app name or installation id, case-insensitively', async () => {
    const all = await search(t.toUpperCase());
    expect(all.totalCount).toBe(7);
    expect(all.edges.map((e) => e.node.id)).toEqual(
      expect.arrayContaining([owner.deviceId, shared.deviceId, ids.laptop, ids.tablet, ids.mac, ids.modelTagged, ids.installTagged]),
    );
    expect((await search('thinkpad x')).edges.map((e) => e.node.id)).toEqual([ids.laptop]);
    expect((await search(`special ${t}`)).edges.map((e) => e.node.id)).toEqual([ids.mac]);
    expect((await search(`model-${t}`)).edges.map((e) => e.node.id)).toEqual([ids.modelTagged]);
    expect((await search(`INST-${t}-RAW`)).edges.map((e) => e.node.id)).toEqual([ids.installTagged]);
    expect((await search(`${t} büro`)).edges.map((e) => e.node.id)).toEqual([ids.laptop]);
    expect((await search(`${t}-nothing-like-this`)).totalCount).toBe(0);
  });

  it('search treats % and _ literally', async () => {
    expect((await search('100%_tab')).edges.map((e) => e.node.id)).toEqual([ids.tablet]);
    // "%" and "_" as wildcards would match every tagged device here.
    expect((await search(`${t}%mac`)).totalCount).toBe(0);
    expect((await search(`${t}_mac`)).totalCount).toBe(0);
    expect((await search('%', { userId: owner.user.id })).edges.map((e) => e.node.id)).toEqual([ids.tablet]);
    expect((await search('_', { userId: owner.user.id })).edges.map((e) => e.node.id)).toEqual([ids.tablet]);
  });

  it('status and platform', async () => {
    const pending = await search(t, { status: 'PENDING' });
    expect(pending.totalCount).toBe(5);
    expect(pending.edges.every((e) => e.node.status === 'PENDING')).toBe(true);
    const approved = await search(t, { status: 'APPROVED' });
    expect(approved.edges.map((e) => e.node.id).sort()).toEqual([owner.deviceId, shared.deviceId].sort());
    expect((await search(t, { status: 'BLOCKED' })).totalCount).toBe(0);
    expect((await search(t, { platform: 'WINDOWS' })).edges.map((e) => e.node.id)).toEqual([ids.laptop]);
    expect((await search(t, { platform: 'IOS' })).totalCount).toBe(2);
    expect((await search(t, { platform: 'IOS', status: 'PENDING' })).totalCount).toBe(0);
  });

  it('userId: the devices the user owns or has signed in from', async () => {
    const colleagues = await admin.data(DevicePage, { filter: { userId: colleague.id }, first: 10 });
    expect(colleagues.devices.edges.map((e) => e.node.id)).toEqual([shared.deviceId]);
    expect(colleagues.devices.edges[0]?.node.owner.id).toBe(shared.user.id);

    const sharedOwner = await admin.data(DevicePage, { filter: { userId: shared.user.id }, first: 10 });
    expect(sharedOwner.devices.edges.map((e) => e.node.id)).toEqual([shared.deviceId]);

    const owners = await admin.data(DevicePage, { filter: { userId: owner.user.id }, first: 3 });
    expect(owners.devices.totalCount).toBe(6);
    const withStatus = await admin.data(DevicePage, { filter: { userId: owner.user.id, status: 'APPROVED' } });
    expect(withStatus.devices.edges.map((e) => e.node.id)).toEqual([owner.deviceId]);
  });

  it('userId that is not a user global id matches nothing', async () => {
    for (const userId of [shared.deviceId, 'garbage', globalIdOf('User', 'not-a-uuid'), globalIdOf('User', randomUUID())]) {
      const res = await admin.data(DevicePage, { filter: { userId }, first: 10 });
      expect(res.devices.totalCount, userId).toBe(0);
      expect(res.devices.edges).toEqual([]);
    }
  });
});

describe('the per-user view of an admin dashboard', () => {
  it('shows the devices a user owns or used, with last use and last user, and the latest events newest first', async () => {
    const t = tag();
    const owner = await approvedPhone(server, newDevice({ name: `${t} kiosk`, appName: 'Kiosk App', model: 'iPad Air' }, 'IPADOS'));
    const laptop = await registerDevices(owner.client, [newDevice({ name: `${t} laptop`, model: 'XPS 13', appName: 'Desk' }, 'WINDOWS')]);
    const colleague = await createUser(server);
    await sleep(3);
    await signIn(server.client, colleague.email, PASSWORD, owner.device);

    const ownerView = (await admin.data(DashboardUser, { id: owner.user.id })).user!;
    expect(ownerView.deviceCount).toBe(2);
    expect(ownerView.devices.totalCount).toBe(2);
    expect(ownerView.devices.edges.map((e) => e.node)).toEqual([
      {
        id: laptop[0],
        name: `${t} laptop`,
        status: 'PENDING',
        appName: 'Desk',
        platform: 'WINDOWS',
        model: 'XPS 13',
        lastUsedAt: null,
        lastUser: null,
        owner: { id: owner.user.id, email: owner.user.email },
      },
      {
        id: owner.deviceId,
        name: `${t} kiosk`,
        status: 'APPROVED',
        appName: 'Kiosk App',
        platform: 'IPADOS',
        model: 'iPad Air',
        lastUsedAt: ANY_STRING,
        lastUser: { id: colleague.id, email: colleague.email },
        owner: { id: owner.user.id, email: owner.user.email },
      },
    ]);
    expect(ownerView.events.edges.map((e) => e.node.kind)).toEqual([
      'DEVICE_REGISTERED',
      'LOGIN_SUCCEEDED',
      'DEVICE_APPROVED',
      'LOGIN_DENIED',
      'DEVICE_REGISTERED',
      'USER_CREATED',
    ]);
    const ats = ownerView.events.edges.map((e) => Date.parse(e.node.at));
    expect(ats).toEqual([...ats].sort((a, b) => b - a));
    expect(ownerView.events.edges[0]?.node).toMatchObject({ deviceId: laptop[0], deviceName: `${t} laptop` });

    // The colleague owns nothing but has used the kiosk: it is in their devices, not in their deviceCount.
    const colleagueView = (await admin.data(DashboardUser, { id: colleague.id })).user!;
    expect(colleagueView.deviceCount).toBe(0);
    expect(colleagueView.devices.edges.map((e) => e.node.id)).toEqual([owner.deviceId]);
    expect(colleagueView.events.edges.map((e) => e.node.kind)).toEqual(['LOGIN_SUCCEEDED', 'USER_CREATED']);
    expect(colleagueView.events.edges[0]?.node).toMatchObject({
      actor: { id: colleague.id },
      user: { id: colleague.id },
      deviceId: owner.deviceId,
      deviceName: `${t} kiosk`,
    });
    expect(colleagueView.lastLoginAt).not.toBeNull();
  });

  it('lets a user read their own view but not another user’s', async () => {
    const phone = await approvedPhone(server);
    const own = await phone.client.data(DashboardUser, { id: phone.user.id });
    expect(own.user?.devices.edges.map((e) => e.node.id)).toEqual([phone.deviceId]);
    const other = await createUser(server);
    expect((await phone.client.data(DashboardUser, { id: other.id })).user).toBeNull();
  });
});

describe('events connection and EventFilter', () => {
  let phone: Awaited<ReturnType<typeof approvedPhone>>;
  // Newest first: what approvedPhone, a rename and a sign-out write about the user.
  const kinds = [
    'SESSION_REVOKED',
    'DEVICE_RENAMED',
    'LOGIN_SUCCEEDED',
    'DEVICE_APPROVED',
    'LOGIN_DENIED',
    'DEVICE_REGISTERED',
    'USER_CREATED',
  ];
  beforeAll(async () => {
    phone = await approvedPhone(server);
    await phone.client.data(RenameDevice, { id: phone.deviceId, name: 'Renamed' });
    await phone.client.data(Logout);
  });

  it('walks the user’s events exactly once with first/after, newest first', async () => {
    const pages = await walkForward((after) =>
      admin.data(EventsPage, { filter: { userId: phone.user.id }, first: 3, after }).then((r) => r.events),
    );
    const nodes = expectCompleteWalk(pages, 3, 7);
    expectNoDuplicates(nodes.map((n) => n.id));
    expect(nodes.map((n) => n.kind)).toEqual(kinds);
    const ats = nodes.map((n) => Date.parse(n.at));
    expect(ats).toEqual([...ats].sort((a, b) => b - a));
  });

  it('pages backwards with last/before', async () => {
    const pages = await walkBackward((before) =>
      admin.data(EventsPage, { filter: { userId: phone.user.id }, last: 3, before }).then((r) => r.events),
    );
    expect(pages.map((p) => p.edges.length)).toEqual([3, 3, 1]);
    expect(pages.slice().reverse().flatMap((p) => p.edges.map((e) => e.node.kind))).toEqual(kinds);
  });

  it('User.events walks the same events', async () => {
    const pages = await walkForward((after) =>
      admin.data(UserEventsPage, { id: phone.user.id, first: 2, after }).then((r) => r.user?.events),
    );
    const nodes = expectCompleteWalk(pages, 2, 7);
    expectNoDuplicates(nodes.map((n) => n.id));
    expect(nodes.map((n) => n.kind)).toEqual(kinds);
  });

  it('orders the whole log newest first', async () => {
    const { events } = await admin.data(EventsPage, { first: 100 });
    expect(events.edges.length).toBeGreaterThan(10);
    const ats = events.edges.map((e) => Date.parse(e.node.at));
    expect(ats).toEqual([...ats].sort((a, b) => b - a));
    expectNoDuplicates(events.edges.map((e) => e.node.id));
    expect(events.totalCount).toBe(await server.count('select 1 from events'));

    // Whatever happens next is at the top (tests in a file run one at a time, on the file's own database).
    const unknownEmail = `nobody-${randomUUID().slice(0, 8)}@example.com`;
    await server.client.data(Login, { input: { email: unknownEmail, password: 'not-the-password', device: newDevice() } });
    const newest = await admin.data(Events, { first: 1 });
    expect(newest.events.edges[0]?.node).toMatchObject({ kind: 'LOGIN_FAILED', detail: expect.stringContaining(unknownEmail) as unknown });
    expect(newest.events.totalCount).toBe(events.totalCount + 1);
  });

  it('kinds, userId and deviceId filters, alone and together', async () => {
    const some = await admin.data(EventsPage, { filter: { userId: phone.user.id, kinds: ['LOGIN_DENIED', 'LOGIN_SUCCEEDED'] } });
    expect(some.events.edges.map((e) => e.node.kind)).toEqual(['LOGIN_SUCCEEDED', 'LOGIN_DENIED']);
    expect(some.events.totalCount).toBe(2);

    const device = await admin.data(EventsPage, { filter: { deviceId: phone.deviceId }, first: 2 });
    expect(device.events.totalCount).toBe(6);
    expect(device.events.edges.every((e) => e.node.deviceId === phone.deviceId)).toBe(true);

    const both = await admin.data(EventsPage, { filter: { deviceId: phone.deviceId, kinds: ['DEVICE_RENAMED'] } });
    expect(both.events.edges.map((e) => e.node.kind)).toEqual(['DEVICE_RENAMED']);

    const created = await admin.data(EventsPage, { filter: { kinds: ['USER_CREATED'] }, first: 100 });
    expect(created.events.edges.every((e) => e.node.kind === 'USER_CREATED')).toBe(true);
    expect(created.events.totalCount).toBe(await server.count("select 1 from events where kind = 'USER_CREATED'"));
  });

  it('a userId or deviceId that is not a global id of that type matches nothing', async () => {
    const bad = [
      { userId: phone.deviceId },
      { deviceId: phone.user.id },
      { userId: 'garbage' },
      { deviceId: 'garbage' },
      { userId: globalIdOf('User', 'not-a-uuid') },
      { deviceId: globalIdOf('Device', '12345') },
      { userId: globalIdOf('User', randomUUID()) },
    ];
    for (const filter of bad) {
      const res = await admin.data(EventsPage, { filter, first: 5 });
      expect(res.events.totalCount, JSON.stringify(filter)).toBe(0);
      expect(res.events.edges).toEqual([]);
    }
  });
});

describe('what events record', () => {
  it('records actor, user, device id and name, statuses, ip and user agent', async () => {
    const phone = await pendingPhone(server, newDevice({ name: 'Recorded phone' }));
    await admin.data(ApproveDevice, { id: phone.deviceId });
    const { events } = await admin.data(Events, { filter: { deviceId: phone.deviceId }, first: 10 });
    expect(events.edges.map((e) => e.node.kind)).toEqual(['DEVICE_APPROVED', 'LOGIN_DENIED', 'DEVICE_REGISTERED']);
    const [approved, denied, registered] = events.edges.map((e) => e.node);
    const ip = LOCALHOST;
    expect(approved).toMatchObject({
      actor: { email: ADMIN_EMAIL },
      user: { id: phone.user.id, email: phone.user.email },
      device: { id: phone.deviceId, status: 'APPROVED' },
      deviceId: phone.deviceId,
      deviceName: 'Recorded phone',
      fromStatus: 'PENDING',
      toStatus: 'APPROVED',
      ip,
      userAgent: 'gatehouse-tests',
    });
    expect(denied).toMatchObject({
      actor: { id: phone.user.id },
      user: { id: phone.user.id },
      deviceId: phone.deviceId,
      deviceName: 'Recorded phone',
      fromStatus: 'PENDING',
      toStatus: null,
      ip,
      userAgent: 'gatehouse-tests',
    });
    expect(registered).toMatchObject({
      actor: { id: phone.user.id },
      user: { id: phone.user.id },
      deviceId: phone.deviceId,
      deviceName: 'Recorded phone',
      fromStatus: null,
      toStatus: 'PENDING',
      ip,
      userAgent: 'gatehouse-tests',
    });
    // The columns hold the database ids.
    expect(
      await server.count('select 1 from events where kind = ? and device_id = ? and user_id = ?', [
        'DEVICE_APPROVED',
        databaseIdOf(phone.deviceId),
        databaseIdOf(phone.user.id),
      ]),
    ).toBe(1);
  });

  it('records LOGIN_FAILED for a wrong password and an unknown email, never the password', async () => {
    const user = await createUser(server);
    const wrong = `Wrong-${randomUUID()}`;
    const unknownEmail = `nobody-${randomUUID().slice(0, 8)}@example.com`;
    const unknownPassword = `Secret-${randomUUID()}`;

    const first = await server.client.data(Login, { input: { email: user.email, password: wrong, device: newDevice() } });
    expect(first.login.__typename).toBe('InvalidCredentials');
    const second = await server.client.data(Login, { input: { email: unknownEmail, password: unknownPassword, device: newDevice() } });
    expect(second.login.__typename).toBe('InvalidCredentials');

    const failed = await admin.data(Events, { filter: { kinds: ['LOGIN_FAILED'] }, first: 100 });
    const mine = failed.events.edges.map((e) => e.node).filter((n) => n.user?.id === user.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      kind: 'LOGIN_FAILED',
      actor: { id: user.id },
      user: { id: user.id, email: user.email },
      deviceId: null,
      ip: LOCALHOST,
      userAgent: 'gatehouse-tests',
    });
    const unknown = failed.events.edges.map((e) => e.node).filter((n) => n.detail?.includes(unknownEmail));
    expect(unknown).toHaveLength(1);
    expect(unknown[0]).toMatchObject({ kind: 'LOGIN_FAILED', actor: null, user: null, userAgent: 'gatehouse-tests' });
    // The wrong-password attempt wrote no device.
    expect(await server.count('select 1 from devices where owner_id = ?', [databaseIdOf(user.id)])).toBe(0);

    // No column of any event holds a password (the row as text covers every column); the email is a control.
    const inAnyColumn = 'select 1 from events e where strpos(e::text, ?) > 0';
    expect(await server.count(inAnyColumn, [wrong])).toBe(0);
    expect(await server.count(inAnyColumn, [unknownPassword])).toBe(0);
    expect(await server.count(inAnyColumn, [PASSWORD])).toBe(0);
    expect(await server.count(inAnyColumn, [unknownEmail])).toBe(1);
  });
});

describe('node(id)', () => {
  it('resolves a Device, a User and an Event for an admin', async () => {
    const phone = await pendingPhone(server);
    const device = await admin.data(Node, { id: phone.deviceId });
    expect(device.node).toEqual({ __typename: 'Device', id: phone.deviceId, status: 'PENDING' });
    const user = await admin.data(Node, { id: phone.user.id });
    expect(user.node).toEqual({ __typename: 'User', id: phone.user.id, email: phone.user.email });
    const { events } = await admin.data(Events, { filter: { userId: phone.user.id, kinds: ['USER_CREATED'] } });
    const eventId = events.edges[0]!.node.id;
    const event = await admin.data(Node, { id: eventId });
    expect(event.node).toEqual({ __typename: 'Event', id: eventId, kind: 'USER_CREATED' });
  });

  it('returns null for a malformed id or one that names nothing', async () => {
    const phone = await pendingPhone(server);
    const ids = [
      'garbage',
      '',
      '%%%',
      globalIdOf('Device', 'not-a-uuid'),
      globalIdOf('User', '123'),
      globalIdOf('Event', 'abc'),
      globalIdOf('Nope', randomUUID()),
      globalIdOf('Device', randomUUID()),
      globalIdOf('Event', '999999999'),
      globalIdOf('Device', databaseIdOf(phone.user.id)),
      globalIdOf('User', databaseIdOf(phone.deviceId)),
    ];
    for (const id of ids) {
      const res = await admin.request(Node, { id });
      expect(res.errors, id).toBeUndefined();
      expect(res.data?.node, id).toBeNull();
    }
  });

  it('shows a user only what is theirs', async () => {
    const phone = await approvedPhone(server);
    const other = await pendingPhone(server);
    expect((await phone.client.data(Node, { id: phone.deviceId })).node?.id).toBe(phone.deviceId);
    expect((await phone.client.data(Node, { id: other.deviceId })).node).toBeNull();
    expect((await phone.client.data(Node, { id: other.user.id })).node).toBeNull();
    const { events } = await admin.data(Events, { filter: { userId: other.user.id }, first: 1 });
    expect((await phone.client.data(Node, { id: events.edges[0]!.node.id })).node).toBeNull();
  });
});

describe('page size and bad arguments', () => {
  it('caps first at 100 items', async () => {
    const t = tag();
    const phone = await approvedPhone(server);
    const inputs = Array.from({ length: 101 }, (_, i) => newDevice({ name: `${t} bulk ${i}` }));
    for (let i = 0; i < inputs.length; i += 20) {
      await Promise.all(
        inputs.slice(i, i + 20).map(async (input) => {
          const { registerDevice } = await phone.client.data(RegisterDevice, { input });
          if (registerDevice.__typename !== 'Device') throw new Error(JSON.stringify(registerDevice));
        }),
      );
    }
    const { devices } = await admin.data(DevicePage, { filter: { search: t }, first: 1000 });
    expect(devices.edges).toHaveLength(100);
    expect(devices.totalCount).toBe(101);
    expect(devices.pageInfo.hasNextPage).toBe(true);
    const rest = await admin.data(DevicePage, { filter: { search: t }, first: 1000, after: devices.pageInfo.endCursor });
    expect(rest.devices.edges).toHaveLength(1);
    expect(rest.devices.pageInfo.hasNextPage).toBe(false);
    expectNoDuplicates([...devices.edges, ...rest.devices.edges].map((e) => e.node.id));

    // Registered concurrently, some may share a millisecond: the id breaks the tie, so paging still has no gaps.
    const pages = await walkForward((after) => admin.data(DevicePage, { filter: { search: t }, first: 10, after }).then((r) => r.devices));
    const walked = expectCompleteWalk(pages, 10, 101).map((n) => n.id);
    expectNoDuplicates(walked);
    expect(walked).toEqual([...devices.edges, ...rest.devices.edges].map((e) => e.node.id));

    const backwards = await admin.data(DevicePage, { filter: { search: t }, last: 101 });
    expect(backwards.devices.edges).toHaveLength(100);

    const own = await admin.data(UserDevicesPage, { id: phone.user.id, first: 500 });
    expect(own.user?.devices.edges).toHaveLength(100);
    expect(own.user?.devices.totalCount).toBe(102);

    const events = await admin.data(EventsPage, { filter: { userId: phone.user.id, kinds: ['DEVICE_REGISTERED'] }, first: 101 });
    expect(events.events.edges).toHaveLength(100);
    expect(events.events.totalCount).toBe(102);
  });

  it('refuses a negative first or last with BAD_USER_INPUT', async () => {
    const phone = await approvedPhone(server);
    const cases: [string, Record<string, unknown>][] = [
      ['query($n: Int) { devices(first: $n) { totalCount } }', { n: -1 }],
      ['query($n: Int) { devices(last: $n) { totalCount } }', { n: -5 }],
      ['query($n: Int) { users(first: $n) { totalCount } }', { n: -1 }],
      ['query($n: Int) { events(first: $n) { totalCount } }', { n: -1 }],
      ['query($id: ID!, $n: Int) { user(id: $id) { devices(first: $n) { totalCount } } }', { id: phone.user.id, n: -1 }],
      ['query($id: ID!, $n: Int) { user(id: $id) { events(first: $n) { totalCount } } }', { id: phone.user.id, n: -1 }],
      ['query($id: ID!, $n: Int) { device(id: $id) { users(first: $n) { totalCount } } }', { id: phone.deviceId, n: -1 }],
    ];
    for (const [query, variables] of cases) {
      const res = await admin.raw(query, variables);
      expect(errorCode(res), query).toBe('BAD_USER_INPUT');
    }
  });

  it('refuses a garbage after or before cursor with BAD_USER_INPUT', async () => {
    const phone = await approvedPhone(server);
    const notBase64 = 'not a cursor!';
    const junk = Buffer.from('hello world', 'utf8').toString('base64url');
    const cases: [string, Record<string, unknown>][] = [
      ['query($c: String) { devices(first: 2, after: $c) { totalCount } }', { c: notBase64 }],
      ['query($c: String) { devices(first: 2, after: $c) { totalCount } }', { c: junk }],
      ['query($c: String) { devices(last: 2, before: $c) { totalCount } }', { c: junk }],
      ['query($c: String) { users(first: 2, after: $c) { totalCount } }', { c: notBase64 }],
      ['query($c: String) { events(first: 2, after: $c) { totalCount } }', { c: notBase64 }],
      ['query($c: String) { events(first: 2, after: $c) { totalCount } }', { c: junk }],
      ['query($c: String) { events(last: 2, before: $c) { totalCount } }', { c: junk }],
      ['query($id: ID!, $c: String) { user(id: $id) { devices(first: 2, after: $c) { totalCount } } }', { id: phone.user.id, c: junk }],
      ['query($id: ID!, $c: String) { user(id: $id) { events(first: 2, after: $c) { totalCount } } }', { id: phone.user.id, c: junk }],
      ['query($id: ID!, $c: String) { device(id: $id) { users(first: 2, after: $c) { totalCount } } }', { id: phone.deviceId, c: junk }],
    ];
    for (const [query, variables] of cases) {
      const res = await admin.raw(query, variables);
      expect(errorCode(res), `${query} ${JSON.stringify(variables)}`).toBe('BAD_USER_INPUT');
    }
    // A cursor from one connection is not a cursor of another.
    const users = await admin.data(UsersPage, { first: 1 });
    const res = await admin.request(DevicePage, { first: 1, after: users.users.pageInfo.endCursor });
    expect(errorCode(res)).toBe('BAD_USER_INPUT');
  });
});

describe('inputs that look right but are not (regressions)', () => {
  const b = (text: string) => Buffer.from(text, 'utf8').toString('base64url');

  it('well-formed cursors holding impossible values are BAD_USER_INPUT, never an internal error', async () => {
    const admin = await server.admin();
    const phone = await approvedPhone(server);
    const cases: [string, Record<string, unknown>][] = [
      ['query($c: String) { devices(first: 1, after: $c) { totalCount } }', { c: b(`1|${'-'.repeat(36)}`) }],
      ['query($c: String) { devices(first: 1, after: $c) { totalCount } }', { c: b(`-8640000000000000|${randomUUID()}`) }],
      ['query($c: String) { events(first: 1, after: $c) { totalCount } }', { c: b('9999999999999999999') }],
      ['query($c: String) { users(first: 1, after: $c) { totalCount } }', { c: b('a\u0000b') }],
      ['query($id: ID!, $c: String) { device(id: $id) { users(first: 1, after: $c) { totalCount } } }', { id: phone.deviceId, c: b(`1|${'-'.repeat(36)}`) }],
    ];
    for (const [query, variables] of cases) {
      const res = await admin.raw(query, variables);
      expect(errorCode(res), `${query} ${JSON.stringify(variables)}`).toBe('BAD_USER_INPUT');
    }
  });

  it('node(id) of an Event whose id overflows a bigint is null without an error', async () => {
    const admin = await server.admin();
    const res = await admin.request(Node, { id: Buffer.from('Event:9999999999999999999').toString('base64') });
    expect(res).toEqual({ data: { node: null }, status: 200 });
  });

  it('a NUL character in a filter is BAD_USER_INPUT', async () => {
    const admin = await server.admin();
    for (const query of [
      'query { devices(filter: { search: "a\\u0000b" }) { totalCount } }',
      'query { users(filter: { search: "a\\u0000b" }) { totalCount } }',
      'query { users(filter: { email: "a\\u0000b" }) { totalCount } }',
    ]) {
      expect(errorCode(await admin.raw(query)), query).toBe('BAD_USER_INPUT');
    }
  });

  it('an empty userId / deviceId / email filter matches nothing rather than everything', async () => {
    const admin = await server.admin();
    for (const query of [
      'query { events(filter: { userId: "" }) { totalCount } }',
      'query { events(filter: { deviceId: "" }) { totalCount } }',
      'query { users(filter: { email: "" }) { totalCount } }',
    ]) {
      const res = await admin.raw<Record<string, { totalCount: number }>>(query);
      expect(Object.values(res.data ?? {})[0]?.totalCount, query).toBe(0);
    }
  });
});
