// The CSV exports through HTTP: who may export, the columns and their escaping (RFC 4180, formula-safe, UTF-8 with
// a BOM), the filters, and a client that goes away mid-export freeing the cursor's connection.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvCell } from '../src/export/csv.js';
import { graphql } from './gql/index.js';
import { BlockDevice, Logout } from './operations.js';
import { databaseId, type GraphQLClient } from './helpers/client.js';
import { approvedPhone, pendingPhone } from './helpers/devices.js';
import { createUser, newDevice, PASSWORD, signIn, startServer, type TestServer } from './helpers/server.js';

const ExportApiKey = graphql(`
  mutation ExportApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) { __typename ... on ApiKeyCreated { secret } }
  }
`);

const ExportAttributes = graphql(`
  mutation ExportAttributes($id: ID!, $set: JSONObject) {
    updateDeviceAttributes(id: $id, set: $set) { __typename }
  }
`);

let server: TestServer;
let admin: GraphQLClient;
let adminToken: string;
let origin: string;

beforeAll(async () => {
  server = await startServer();
  admin = await server.admin();
  adminToken = await server.adminToken();
  origin = new URL(server.url).origin;
});
afterAll(async () => {
  await server.stop();
});

/** RFC 4180, strictly: CRLF between records, quoted fields with doubled quotes. Returns the records. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (text[i] === '"' && text[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else if (i >= text.length) throw new Error('unterminated quote');
        else field += text[i++];
      }
    } else if (text[i] === ',') {
      record.push(field);
      field = '';
      i++;
    } else if (text[i] === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 2;
    } else if (text[i] === '\n' || text[i] === '\r') throw new Error(`bare line break at ${i}`);
    else field += text[i++];
  }
  if (field || record.length) throw new Error('the last record does not end with CRLF');
  return records;
}

function get(path: string, token?: string, init: RequestInit = {}) {
  return fetch(`${origin}${path}`, { ...init, headers: token ? { authorization: `Bearer ${token}` } : {} });
}

/** The export as records of objects by header, the BOM checked and stripped. */
async function exportOf(path: string, token = adminToken) {
  const res = await get(path, token);
  expect(res.status, await res.clone().text()).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
  expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="(devices|events)-\d{4}-\d{2}-\d{2}\.csv"$/);
  const bytes = new Uint8Array(await res.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const [header, ...rows] = parseCsv(new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes));
  return { header: header!, rows: rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!]))) };
}

async function apiKey(scopes: ('DEVICES_READ' | 'DEVICES_WRITE' | 'WEBHOOKS_MANAGE')[]) {
  const { createApiKey } = await admin.data(ExportApiKey, { input: { name: `export ${scopes.join('+')}`, scopes } });
  if (createApiKey.__typename !== 'ApiKeyCreated') throw new Error(JSON.stringify(createApiKey));
  return createApiKey.secret;
}

describe('who may export', () => {
  it.each(['/export/devices.csv', '/export/events.csv'])('%s: anonymous 401, forged 401, signed out 401, USER 403, SUPPORT 200, keys by scope', async (path) => {
    const anonymous = await get(path);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer');
    const body = (r: Response) => r.json() as Promise<{ code: string; message: string }>;
    expect(await body(anonymous)).toMatchObject({ code: 'UNAUTHENTICATED' });

    const forged = await get(path, 'gh_forged-token-that-was-never-issued');
    expect(forged.status).toBe(401);
    expect(Object.values(await body(forged))).toEqual(['UNAUTHENTICATED', expect.stringMatching(/not valid/) as string]);

    const phone = await approvedPhone(server);
    const user = await get(path, phone.token);
    expect(user.status).toBe(403);
    expect(Object.values(await body(user))).toEqual(['FORBIDDEN', expect.stringMatching(/administrators/) as string]);
    await phone.client.data(Logout);
    expect((await get(path, phone.token)).status).toBe(401);

    const writer = await get(path, await apiKey(['DEVICES_WRITE', 'WEBHOOKS_MANAGE']));
    expect(writer.status).toBe(403);
    expect(Object.values(await body(writer))).toEqual(['FORBIDDEN', expect.stringMatching(/DEVICES_READ/) as string]);
    const reader = await get(path, await apiKey(['DEVICES_READ']));
    expect(reader.status).toBe(200);
    await reader.arrayBuffer();
    expect((await get(path, adminToken)).status).toBe(200);
    const support = await createUser(server, 'SUPPORT');
    const staff = await get(path, await signIn(server.client, support.email, PASSWORD));
    expect(staff.status).toBe(200);
    await staff.arrayBuffer();
  });

  it('refuses other methods and unknown or repeated parameters', async () => {
    expect((await fetch(`${origin}/export/devices.csv`, { method: 'DELETE', headers: { authorization: `Bearer ${adminToken}` } })).status).toBe(405);
    const typo = await get('/export/devices.csv?stauts=PENDING', adminToken);
    expect(typo.status).toBe(400);
    expect(await (typo.json() as Promise<unknown>)).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect((await get('/export/devices.csv?status=LOST', adminToken)).status).toBe(400);
    expect((await get('/export/devices.csv?status=PENDING&status=APPROVED', adminToken)).status).toBe(400);
    expect((await get('/export/devices.csv?attributeKey=a', adminToken)).status).toBe(400);
    expect((await get('/export/events.csv?kinds=DEVICE_APPROVED,NOPE', adminToken)).status).toBe(400);
  });
});

describe('the devices export', () => {
  it('has one row per device with its columns, escaped for spreadsheets', async () => {
    const phone = await approvedPhone(server, newDevice({ name: '=HYPERLINK("http://evil.example","Click")', model: 'Pixel, "Pro"', appName: 'Téléphone ✓' }));
    await admin.data(ExportAttributes, { id: phone.deviceId, set: { dept: '+Sales', floor: 3 } });
    const risky = await pendingPhone(server, newDevice({ name: '@SUM(A1)', model: '-2+3', appName: '\tTabbed'.trim() }));
    // A line break cannot come through the API (names are printable), but a value in the database could hold one.
    await server.orm.em.getConnection().execute('update devices set blocked_reason = ? where id = ?', ['line one\r\nline two', databaseId(risky.deviceId)]);

    const { header, rows } = await exportOf('/export/devices.csv');
    expect(header).toEqual([
      'id', 'installationId', 'name', 'status', 'platform', 'osVersion', 'model', 'appName', 'appVersion', 'mobileAuth',
      'ownerEmail', 'lastUserEmail', 'lastUsedAt', 'createdAt', 'statusChangedAt', 'blockedReason', 'keyId', 'keyAlgorithm', 'attributes',
    ]);
    const row = rows.find((r) => r.id === phone.deviceId)!;
    expect(row).toMatchObject({
      name: `'=HYPERLINK("http://evil.example","Click")`,
      model: 'Pixel, "Pro"',
      appName: 'Téléphone ✓',
      status: 'APPROVED',
      platform: 'IOS',
      mobileAuth: 'ACTIVATED',
      ownerEmail: phone.user.email,
      lastUserEmail: phone.user.email,
    });
    // JSON as PostgreSQL writes jsonb; a cell starting with "{" needs no prefix.
    expect(JSON.parse(row.attributes!)).toEqual({ dept: '+Sales', floor: 3 });
    expect(new Date(row.createdAt!).toISOString()).toBe(row.createdAt);
    const other = rows.find((r) => r.id === risky.deviceId)!;
    expect(other).toMatchObject({ name: "'@SUM(A1)", model: "'-2+3", blockedReason: 'line one\r\nline two', lastUserEmail: '', attributes: '' });

    // And as bytes: the quoted, doubled and prefixed cells exactly.
    const text = await (await get('/export/devices.csv?bom=false', adminToken)).text();
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
    expect(text).toContain(`,"'=HYPERLINK(""http://evil.example"",""Click"")",`);
    expect(text).toContain(',"Pixel, ""Pro""",');
    expect(text).toContain(',"line one\r\nline two",');
  });

  it('escapes every cell as csvCell does: PostgreSQL writes the lines, the rules are the same', async () => {
    const values = ['=1+2', '+x', '-x', '@x', '\tx', '\rx', 'a,b', 'a"b', 'a\nb', '"', ',', "'q", ' lead', 'ünï ✓', 'x=1', 'plain'];
    const owner = await createUser(server);
    for (const [i, value] of values.entries()) {
      await server.orm.em.getConnection().execute(
        `insert into devices (id, installation_id, name, status, platform, owner_id, created_at, status_changed_at, version, has_push_token, blocked_reason)
         values (gen_random_uuid(), ?, 'Escape case', 'BLOCKED', 'LINUX', ?, now(), now(), 1, false, ?)`,
        [`escape-case-${i}`, databaseId(owner.id), value],
      );
    }
    const text = await (await get(`/export/devices.csv?bom=false&search=escape-case-`, adminToken)).text();
    for (const [i, value] of values.entries()) {
      // installationId, name, ... blockedReason: the record of this case holds the cell exactly as csvCell writes it.
      const record = text.split(`,escape-case-${i},`)[1];
      expect(record, value).toBeDefined();
      expect(record!.includes(`,${csvCell(value)},`), `${JSON.stringify(value)} as ${JSON.stringify(csvCell(value))}`).toBe(true);
    }
    const { rows } = await exportOf(`/export/devices.csv?search=escape-case-`);
    expect(rows.map((r) => r.blockedReason).sort()).toEqual(values.map((v) => (/^[-=+@\t\r]/.test(v) ? `'${v}` : v)).sort());
  });

  it('applies the filters of the devices query', async () => {
    const pending = await pendingPhone(server, newDevice({ name: 'Export filter pending' }));
    const approved = await approvedPhone(server, newDevice({ name: 'Export filter approved', model: 'ExportModelXYZ' }, 'ANDROID'));
    await admin.data(ExportAttributes, { id: approved.deviceId, set: { exportTag: 'yes', exportNumber: 42, exportFlag: true } });
    const ids = async (query: string) => (await exportOf(`/export/devices.csv?${query}`)).rows.map((r) => r.id);

    const pendingIds = await ids('status=PENDING');
    expect(pendingIds).toContain(pending.deviceId);
    expect(pendingIds).not.toContain(approved.deviceId);
    expect(await ids('search=exportmodelxyz')).toEqual([approved.deviceId]);
    expect(await ids(`userId=${encodeURIComponent(pending.user.id)}`)).toEqual([pending.deviceId]);
    expect(await ids('platform=ANDROID&search=Export%20filter')).toEqual([approved.deviceId]);
    expect(await ids('attributeKey=exportTag&attributeValue=yes')).toEqual([approved.deviceId]);
    expect(await ids('attributeKey=exportNumber&attributeValue=42')).toEqual([approved.deviceId]);
    expect(await ids('attributeKey=exportNumber&attributeValue=%2242%22')).toEqual([]);
    expect(await ids('attributeKey=exportFlag&attributeValue=true')).toEqual([approved.deviceId]);
    // Every device, not only the admin's own: the export reads as the devices query does for an admin.
    expect((await exportOf('/export/devices.csv')).rows.length).toBe(await server.count('select 1 from devices'));
  });
});

describe('the events export', () => {
  it('has the events newest first, filtered like the events query', async () => {
    const phone = await pendingPhone(server);
    await admin.data(BlockDevice, { id: phone.deviceId, reason: '=cmd|" /C calc"!A0' });
    const { header, rows } = await exportOf(`/export/events.csv?deviceId=${encodeURIComponent(phone.deviceId)}`);
    expect(header).toEqual(['position', 'at', 'kind', 'actorEmail', 'actorKeyId', 'userEmail', 'userId', 'deviceId', 'deviceName', 'fromStatus', 'toStatus', 'ip', 'userAgent', 'detail']);
    expect(rows.map((r) => r.kind)).toEqual(['DEVICE_BLOCKED', 'LOGIN_DENIED', 'DEVICE_REGISTERED']);
    expect(rows[0]).toMatchObject({ actorEmail: 'admin@gatehouse.test', userEmail: phone.user.email, userId: phone.user.id, deviceId: phone.deviceId, fromStatus: 'PENDING', toStatus: 'BLOCKED', detail: `'=cmd|" /C calc"!A0` });
    expect(Number(rows[0]!.position)).toBeGreaterThan(Number(rows[2]!.position));

    const blocked = await exportOf(`/export/events.csv?kinds=DEVICE_BLOCKED,DEVICE_APPROVED&userId=${encodeURIComponent(phone.user.id)}`);
    expect(blocked.rows.map((r) => r.kind)).toEqual(['DEVICE_BLOCKED']);
    const all = await exportOf('/export/events.csv');
    expect(all.rows.length).toBe(await server.count('select 1 from events'));
  });
});

describe('a client that goes away mid-export', () => {
  it('stops the cursor and gives its connection back', async () => {
    const owner = await createUser(server);
    await server.orm.em.getConnection().execute(
      `insert into devices (id, installation_id, name, status, platform, owner_id, created_at, status_changed_at, version, has_push_token)
       select gen_random_uuid(), 'bulk-export-' || g, 'Bulk ' || g, 'APPROVED', 'LINUX', ?, now() - (g || ' seconds')::interval, now(), 1, false
       from generate_series(1, 30000) g`,
      [databaseId(owner.id)],
    );
    // The cursor's transaction, open between two fetches (its connection is otherwise idle).
    const busy = () =>
      server.count(`select 1 from pg_stat_activity where datname = current_database() and state like 'idle in transaction%'`);
    const controller = new AbortController();
    const res = await fetch(`${origin}/export/devices.csv`, { headers: { authorization: `Bearer ${adminToken}` }, signal: controller.signal });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    await reader.read();
    // The export is under way (held by backpressure: this client reads nothing more) with its transaction open.
    await expect.poll(busy, { timeout: 10_000 }).toBe(1);
    controller.abort();
    await expect.poll(busy, { timeout: 10_000 }).toBe(0);
    // And the server goes on exporting for whoever asks next.
    expect((await exportOf('/export/devices.csv?search=bulk-export-29999')).rows).toHaveLength(1);
  });

  it('runs two exports at once and refuses a third with 503 and Retry-After, changing nothing', async () => {
    // The 30,000 devices above: each export is held by backpressure, its client reading nothing after the first chunk.
    const held = await Promise.all(
      [1, 2].map(async () => {
        const controller = new AbortController();
        const res = await fetch(`${origin}/export/devices.csv`, { headers: { authorization: `Bearer ${adminToken}` }, signal: controller.signal });
        expect(res.status).toBe(200);
        await res.body!.getReader().read();
        return controller;
      }),
    );
    const third = await get('/export/events.csv', adminToken);
    expect(third.status).toBe(503);
    expect(third.headers.get('retry-after')).toBe('10');
    expect(await (third.json() as Promise<unknown>)).toMatchObject({ code: 'EXPORT_BUSY' });
    for (const controller of held) controller.abort();
    // Once they are gone, exports run again.
    await expect.poll(async () => (await get('/export/devices.csv?search=bulk-export-29998', adminToken)).status, { timeout: 10_000 }).toBe(200);
  });
});
