// The admin console (web/, served at /admin) in a real headless Chromium against a real server: sign-in, the live
// Pending queue, approve and block from the page, Settings' API keys and webhooks, who may use it, and that the page
// stays on its own origin.
import { createServer as createHttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { formatDocument } from 'urql';
import { Kind, validate, type DocumentNode } from 'graphql';
import { createClient } from 'graphql-ws';
import { pino } from 'pino';
import WebSocket from 'ws';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_CSP } from '../src/http/console.js';
import { launchChromium } from './helpers/browser.js';
import { consoleUrl, ensureConsoleBuilt, openConsole, signInThroughForm, type ConsolePage } from './helpers/console.js';
import { pendingPhone } from './helpers/devices.js';
import { FeedProbe } from './helpers/live.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, createUser, newDevice, PASSWORD, signIn, startServer, type TestServer } from './helpers/server.js';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { dropDatabase } from '../src/db/databases.js';
import { openDatabase } from '../src/db/orm.js';
import { hashToken } from '../src/sessions/tokens.js';
import { BlockDevice, DeviceById } from './operations.js';
import * as consoleDocuments from '../web/src/gql/graphql.js';
import { schema } from '../src/graphql/schema.js';
import { QUERY_LIMITS } from '../src/graphql/security.js';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  await ensureConsoleBuilt();
  // Webhook endpoints on 127.0.0.1 (the receiver the Settings test runs).
  server = await startServer({ WEBHOOKS_ALLOW_PRIVATE: 'true' });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function deviceStatus(id: string) {
  const admin = await server.admin();
  const { device } = await admin.data(DeviceById, { id });
  return device;
}

/** A user's phone signs in from a new installation (named, as people name them) and starts watching its status. */
async function watchingPhone(name: string) {
  const user = await createUser(server);
  const res = await server.client.raw<{ login: { __typename: string; watchToken?: string; device?: { id: string } } }>(
    `mutation($input: LoginInput!) {
      login(input: $input) { __typename ... on DevicePendingApproval { watchToken device { id } } }
    }`,
    { input: { email: user.email, password: PASSWORD, device: newDevice({ name }) } },
  );
  const loggedInAt = performance.now();
  const login = res.data?.login;
  if (login?.__typename !== 'DevicePendingApproval' || !login.watchToken || !login.device) throw new Error(JSON.stringify(res));
  const statuses: string[] = [];
  const ready = new FeedProbe(server.app).readiness();
  const watcher = createClient({ url: server.url.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${login.watchToken}` } });
  watcher.subscribe<{ deviceStatusChanged: { status: string } }>(
    { query: 'subscription($id: ID!) { deviceStatusChanged(deviceId: $id) { id status } }', variables: { id: login.device.id } },
    { next: (result) => void (result.data && statuses.push(result.data.deviceStatusChanged.status)), error: () => {}, complete: () => {} },
  );
  await ready();
  return { email: user.email, deviceId: login.device.id, loggedInAt, statuses, stop: () => watcher.dispose() };
}

/** Every request went to the server's own origin, with no console error and no CSP violation. */
function expectClean(opened: ConsolePage, on: { url: string } = server) {
  const origin = new URL(on.url).origin;
  expect(opened.requests.length).toBeGreaterThan(0);
  // ws://host/graphql counts as the same origin (the console's live feed).
  expect(opened.requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith(`${origin.replace(/^http/, 'ws')}/`))).toEqual([]);
  expect(opened.violations).toEqual([]);
  expect(opened.errors).toEqual([]);
}

describe('admin console', () => {
  it('sends only operations within the API’s limits, as urql sends them (with __typename added)', () => {
    const documents = Object.entries(consoleDocuments).filter(([name]) => name.endsWith('Document'));
    expect(documents.length).toBeGreaterThan(10);
    for (const [name, document] of documents) {
      const sent = formatDocument(document as DocumentNode);
      expect(sent.definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION), name).toBe(true);
      const errors = validate(schema, sent, [
        costLimitRule({ maxCost: QUERY_LIMITS.maxCost, exposeLimits: true }),
        maxDepthRule({ n: QUERY_LIMITS.maxDepth, flattenFragments: true, exposeLimits: true }),
      ]);
      expect(errors.map((e) => e.message), name).toEqual([]);
    }
  });

  it('is served at /admin with its CSP, and index.html carries no inline script or style', async () => {
    const res = await fetch(consoleUrl(server.url, '/pending'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(CONSOLE_CSP);
    const html = await res.text();
    expect(html).toMatch(/<script type="module"[^>]* src="\/admin\/assets\/[^"]+\.js"><\/script>/);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/\sstyle=|<style/);
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('an admin signs in; a new phone appears in Pending live, is approved with one click, and another is blocked with a reason', async () => {
    const opened = await openConsole(browser, server.url);
    const { page } = opened;
    try {
      await signInThroughForm(page, ADMIN_EMAIL, ADMIN_PASSWORD);
      const nav = page.getByRole('navigation');
      for (const name of ['Pending', 'Devices', 'Users', 'Events', 'Settings']) {
        await expect.poll(() => nav.getByRole('link', { name }).count()).toBe(1);
      }
      await page.getByText('No device is waiting for approval.').waitFor();
      expect(await page.title()).toMatch(/Pending/);

      // A phone signs in through the API from a new installation: its row arrives without a reload.
      // Timed from the phone's login answer to its row being visible (the watcher's subscription is set up meanwhile).
      const phone = await watchingPhone('Field phone 7');
      const row = page.getByRole('row').filter({ hasText: phone.email }).filter({ hasText: 'Field phone 7' });
      await row.waitFor({ timeout: 3_000 });
      const latency = Math.round(performance.now() - phone.loggedInAt);
      console.log(`console: a new phone's row was visible in Pending ${latency} ms after its login answered`);
      expect(latency).toBeLessThan(1_000);
      await expect.poll(() => nav.getByRole('link', { name: 'Pending' }).innerText()).toContain('1');
      expect(await page.title()).toMatch(/^\(1\) Pending/);

      // Keyboard alone: Tab to the row's Approve button, then Enter.
      const approve = row.getByRole('button', { name: 'Approve', exact: true });
      for (let tabs = 0; tabs < 40 && !(await approve.evaluate((button) => button === document.activeElement)); tabs++) {
        await page.keyboard.press('Tab');
      }
      expect(await approve.evaluate((button) => button === document.activeElement)).toBe(true);
      await page.keyboard.press('Enter');
      await row.waitFor({ state: 'detached', timeout: 5_000 });
      expect((await deviceStatus(phone.deviceId))?.status).toBe('APPROVED');
      // The phone's own deviceStatusChanged subscription is told.
      await expect.poll(() => phone.statuses, { timeout: 5_000 }).toEqual(['APPROVED']);
      await phone.stop();
      await page.getByText('No device is waiting for approval.').waitFor();

      // Block with a reason from the dialog.
      const second = await pendingPhone(server);
      const secondRow = page.getByRole('row').filter({ hasText: second.user.email });
      await secondRow.waitFor({ timeout: 3_000 });
      await secondRow.getByRole('button', { name: 'Block', exact: true }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Reason').fill('Lost on the train');
      await dialog.getByRole('button', { name: 'Block device' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await secondRow.waitFor({ state: 'detached', timeout: 5_000 });
      const blocked = await deviceStatus(second.deviceId);
      expect(blocked?.status).toBe('BLOCKED');
      expect(blocked?.blockedReason).toBe('Lost on the train');

      // Several at once: select two rows, approve them together.
      const [third, fourth] = await Promise.all([pendingPhone(server), pendingPhone(server)]);
      for (const phone of [third, fourth]) {
        await page.getByRole('checkbox', { name: `Select iPhone 16 of ${phone.user.email}` }).check({ timeout: 3_000 });
      }
      await page.getByRole('button', { name: 'Approve selected (2)' }).click();
      await page.getByText('No device is waiting for approval.').waitFor();
      expect((await deviceStatus(third.deviceId))?.status).toBe('APPROVED');
      expect((await deviceStatus(fourth.deviceId))?.status).toBe('APPROVED');

      // Sign out ends the session on the server too.
      const token = await page.evaluate(() => sessionStorage.getItem('gatehouse.token'));
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('button', { name: 'Sign in' }).waitFor();
      expect(await page.evaluate(() => sessionStorage.getItem('gatehouse.token'))).toBeNull();
      const after = await server.client.as(token).raw<{ me: unknown }>('{ me { id } }');
      expect(after.errors?.[0]?.extensions?.code ?? (after.data?.me === null ? 'null' : 'ok')).not.toBe('ok');

      expectClean(opened);
    } finally {
      await opened.close();
    }
  }, 40_000);

  it('finds a user by part of their email and shows their devices and latest events', async () => {
    const phone = await pendingPhone(server);
    const opened = await openConsole(browser, server.url, { route: '/users' });
    const { page } = opened;
    try {
      await signInThroughForm(page, ADMIN_EMAIL, ADMIN_PASSWORD);
      // Part of the address, in capitals: the search is case-insensitive.
      const part = phone.user.email.split('@')[0]!.slice(-8).toUpperCase();
      await page.getByLabel('Search users').fill(part);
      const row = page.getByRole('row').filter({ hasText: phone.user.email });
      await row.getByRole('link', { name: phone.user.email }).click();
      await page.getByRole('heading', { level: 1, name: phone.user.email }).waitFor();
      const devices = page.getByRole('table', { name: `Devices of ${phone.user.email}` });
      await devices.getByRole('row').filter({ hasText: 'iPhone 16' }).filter({ hasText: phone.user.email }).waitFor();
      const events = page.getByRole('table', { name: `Latest events of ${phone.user.email}` });
      await events.getByRole('row').filter({ hasText: 'Device registered' }).first().waitFor();
      expectClean(opened);
    } finally {
      await opened.close();
    }
  });

  it('a device’s page blocks with a reason, unblocks, renames and forgets it, each shown on the page and in its timeline', async () => {
    const phone = await pendingPhone(server);
    const opened = await openConsole(browser, server.url, { route: `/devices/${encodeURIComponent(phone.deviceId)}` });
    const { page } = opened;
    try {
      await signInThroughForm(page, ADMIN_EMAIL, ADMIN_PASSWORD);
      await page.getByRole('heading', { level: 1, name: 'iPhone 16' }).waitFor();
      const timeline = page.getByRole('list', { name: 'Timeline' });

      await page.getByRole('button', { name: 'Approve', exact: true }).click();
      await timeline.getByText('Device approved').waitFor();
      await page.getByRole('button', { name: 'Block', exact: true }).click();
      await page.getByRole('dialog').getByLabel('Reason').fill('Stolen');
      await page.getByRole('dialog').getByRole('button', { name: 'Block device' }).click();
      await page.getByText('Reason: Stolen').waitFor();
      await timeline.getByText('Device blocked').waitFor();

      await page.getByRole('button', { name: 'Unblock', exact: true }).click();
      await timeline.getByText('Device unblocked').waitFor();
      expect((await deviceStatus(phone.deviceId))?.status).toBe('APPROVED');

      await page.getByRole('button', { name: 'Rename', exact: true }).click();
      await page.getByRole('dialog').getByLabel('Name').fill('Anna’s work phone');
      await page.getByRole('dialog').getByRole('button', { name: 'Save name' }).click();
      await page.getByRole('heading', { level: 1, name: 'Anna’s work phone' }).waitFor();
      await timeline.getByText('Device renamed').waitFor();

      await page.getByRole('button', { name: 'Forget', exact: true }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText('looks like a new device').waitFor();
      await dialog.getByRole('button', { name: 'Forget device' }).click();
      await page.getByRole('heading', { level: 1, name: 'Devices' }).waitFor();
      expect(await deviceStatus(phone.deviceId)).toBeNull();
      expectClean(opened);
    } finally {
      await opened.close();
    }
  });

  it('Events shows a change live and filters by a user’s email and a device typed in; Devices filters by status', async () => {
    const phone = await pendingPhone(server);
    const opened = await openConsole(browser, server.url, { route: '/events' });
    const { page } = opened;
    try {
      await signInThroughForm(page, ADMIN_EMAIL, ADMIN_PASSWORD);
      await page.getByRole('heading', { level: 1, name: 'Events' }).waitFor();
      await page.getByRole('row').filter({ hasText: 'Device registered' }).filter({ hasText: phone.user.email }).waitFor();
      const admin = await server.admin();
      await admin.data(BlockDevice, { id: phone.deviceId, reason: 'Left the company' });
      await page.getByRole('row').filter({ hasText: 'Device blocked' }).filter({ hasText: 'Left the company' }).waitFor({ timeout: 3_000 });

      // Filters typed in on the page: the user's email (any case), then their device by model.
      const signIns = page.getByRole('row').filter({ hasText: 'Login succeeded' }).filter({ hasText: ADMIN_EMAIL });
      await signIns.first().waitFor();
      await page.getByLabel('User email').fill(phone.user.email.toUpperCase());
      await page.getByRole('button', { name: 'Filter', exact: true }).click();
      await page.getByText(`Events of ${phone.user.email}.`).waitFor();
      await signIns.first().waitFor({ state: 'detached' });
      await page.getByRole('row').filter({ hasText: 'Device registered' }).filter({ hasText: phone.user.email }).waitFor();
      expect(new URL(page.url()).searchParams.get('user')).toBeTruthy();
      await page.getByLabel('Device').fill('iPhone');
      await page.getByRole('button', { name: 'Filter', exact: true }).click();
      await page.getByText(`Events of iPhone 16 of ${phone.user.email}.`).waitFor();
      expect(new URL(page.url()).searchParams.get('device')).toBe(phone.deviceId);
      await page.getByRole('row').filter({ hasText: 'Device blocked' }).waitFor();
      await page.getByLabel('User email').fill('nobody-here@example.com');
      await page.getByRole('button', { name: 'Filter', exact: true }).click();
      await page.getByRole('alert').filter({ hasText: 'No user has the email nobody-here@example.com.' }).waitFor();
      await page.getByRole('button', { name: 'Clear filters' }).click();
      await signIns.first().waitFor();

      await page.getByRole('navigation').getByRole('link', { name: 'Devices' }).click();
      await page.getByLabel('Status').selectOption('BLOCKED');
      const row = page.getByRole('row').filter({ hasText: phone.user.email });
      await row.filter({ hasText: 'Blocked' }).waitFor();
      await page.getByLabel('Status').selectOption('PENDING');
      await row.waitFor({ state: 'detached' });
      expectClean(opened);
    } finally {
      await opened.close();
    }
  });

  it('survives a server restart: shows "reconnecting", then resumes and shows what arrived meanwhile', async () => {
    const own = await startServer();
    const port = Number(new URL(own.url).port);
    const opened = await openConsole(browser, own.url);
    const { page } = opened;
    let restarted: ReturnType<typeof buildApp> | null = null;
    try {
      await signInThroughForm(page, ADMIN_EMAIL, ADMIN_PASSWORD);
      await page.getByText('No device is waiting for approval.').waitFor();
      await own.app.stop();
      await page.getByRole('status').filter({ hasText: 'reconnecting' }).waitFor();

      // The same database, a new process on the same port; a phone signs in before the console is back.
      const config = loadConfig({ ADMIN_EMAIL, ADMIN_PASSWORD, LOG_LEVEL: 'silent', NODE_ENV: 'test' });
      const { orm } = await openDatabase(own.databaseUrl);
      restarted = buildApp({
        orm,
        logger: pino({ level: 'silent' }),
        settings: { sessionTtlDays: config.SESSION_TTL_DAYS, throttleScale: config.THROTTLE_SCALE },
        graphiql: false,
      });
      await restarted.start(port, '127.0.0.1');
      const phone = await pendingPhone(own);

      await page.getByRole('row').filter({ hasText: phone.user.email }).waitFor({ timeout: 20_000 });
      await page.getByRole('status').filter({ hasText: 'reconnecting' }).waitFor({ state: 'detached' });
      // The browser reports each attempt that met the server away (the WebSocket's, or a refetch that raced the
      // shutdown); nothing else may be an error.
      const outage = /WebSocket connection to .* failed|net::ERR_(CONNECTION_REFUSED|CONNECTION_RESET|EMPTY_RESPONSE|CONNECTION_CLOSED)/;
      opened.errors.splice(0, opened.errors.length, ...opened.errors.filter((e) => !outage.test(e)));
      expectClean(opened, own);
    } finally {
      await opened.close();
      await restarted?.stop();
      await dropDatabase(own.databaseUrl);
    }
  }, 45_000);

  it('renders Pending with 1,000 devices waiting from one query a page (times it; CONSOLE_SCREENSHOT=1 saves the README’s picture)', async () => {
    const big = await startServer();
    try {
      const sql = (text: string) => big.orm.em.getConnection().execute(text);
      await sql(`insert into users (id, email, display_name, role, password_hash, created_at)
        select gen_random_uuid(), lower(name) || '.' || n || '@example.com', name || ' ' || chr(65 + n % 26) || '.', 'USER', 'x', now()
        from generate_series(1, 1000) n,
             lateral (select (array['Anna','Ben','Chloé','David','Emma','Farid','Grace','Hugo','Ines','Jonas'])[1 + n % 10] as name) names`);
      await sql(`insert into devices (id, installation_id, name, status, platform, os_version, model, app_name, app_version, owner_id, created_at, status_changed_at)
        select gen_random_uuid(), 'seed-' || u.id, case when k % 3 = 0 then split_part(u.display_name, ' ', 1) || '’s phone' end, 'PENDING',
               (array['IOS','ANDROID','IPADOS'])[1 + k % 3]::text, (array['18.1','15','18.0'])[1 + k % 3],
               (array['iPhone 16','Pixel 9','iPad Air'])[1 + k % 3], 'Field App', '2.3.' || (k % 4), u.id,
               now() - k * interval '37 seconds', now() - k * interval '37 seconds'
        from (select id, display_name, row_number() over (order by id) as k from users where role = 'USER') u`);

      const opened = await openConsole(browser, big.url, { token: await big.adminToken() });
      const { page } = opened;
      try {
        await page.getByRole('row').filter({ hasText: '@example.com' }).first().waitFor({ timeout: 15_000 });
        const firstRender = await page.evaluate(() => Math.round(performance.now()));
        const graphqlRequests = opened.requests.filter((url) => url.startsWith('http') && url.endsWith('/graphql')).length;
        // The page's 50 rows, owners included, came from the one Pending query; the others are the session check
        // (me) and the feed's starting cursor (plus the feed's WebSocket).
        expect(await page.getByRole('row').filter({ hasText: '@example.com' }).count()).toBe(50);
        expect(graphqlRequests).toBe(3);
        await expect.poll(() => page.title()).toBe('(1000) Pending · Gatehouse');
        console.log(`console: Pending with 1,000 pending devices rendered ${firstRender} ms after navigation; ${graphqlRequests} /graphql requests`);
        if (process.env.CONSOLE_SCREENSHOT) {
          await page.setViewportSize({ width: 1280, height: 640 });
          await page.screenshot({ path: new URL('../web/docs/pending.png', import.meta.url).pathname });
        }
        expectClean(opened, big);
      } finally {
        await opened.close();
      }
    } finally {
      await big.stop();
    }
  }, 45_000);

  it('Settings: an admin makes an API key (its secret shown once), the key works, and revoking it from the page ends it', async () => {
    const opened = await openConsole(browser, server.url, { route: '/settings' });
    const { page } = opened;
    const asKey = (secret: string) =>
      fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
        body: JSON.stringify({ query: '{ devices(first: 1) { totalCount } }' }),
      }).then((res) => res.json() as Promise<{ data?: { devices: { totalCount: number } } | null; errors?: { extensions?: { code?: string } }[] }>);
    try {
      await signInThroughForm(page, ADMIN_EMAIL, ADMIN_PASSWORD);
      const keys = page.getByRole('region', { name: 'API keys' });
      // No scope chosen: told so, nothing made.
      await keys.getByLabel('Key name').fill('HR onboarding');
      await keys.getByRole('button', { name: 'Create API key' }).click();
      await keys.getByRole('alert').filter({ hasText: 'Choose at least one scope.' }).waitFor();
      await keys.getByLabel('Read users, devices and events').check();
      // A name of spaces only: the API's BAD_USER_INPUT, told as a sentence.
      await keys.getByLabel('Key name').fill('   ');
      await keys.getByRole('button', { name: 'Create API key' }).click();
      await keys.getByRole('alert').filter({ hasText: /^Name must not be empty\.$/ }).waitFor();
      await keys.getByLabel('Key name').fill('HR onboarding');
      await keys.getByLabel('Expires after (days)').fill('30');
      await keys.getByRole('button', { name: 'Create API key' }).click();
      const secret = await keys.getByLabel('Secret of HR onboarding').inputValue();
      expect(secret).toMatch(/^ghk_/);
      await keys.getByText('it will not be shown again').waitFor();
      const row = keys.getByRole('row').filter({ hasText: 'HR onboarding' });
      await row.filter({ hasText: 'Devices read' }).filter({ hasText: ADMIN_EMAIL }).waitFor();

      // The key reads devices through the API.
      const read = await asKey(secret);
      expect(read.errors).toBeUndefined();
      expect(read.data?.devices.totalCount).toBeGreaterThanOrEqual(0);

      // After a reload the key is listed, its secret nowhere.
      await page.reload();
      await row.waitFor();
      expect(await page.content()).not.toContain(secret);
      expect(await page.getByLabel('Secret of HR onboarding').count()).toBe(0);

      // Revoke, confirmed in a dialog: the API refuses the key from then on.
      await row.getByRole('button', { name: 'Revoke' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByText('cannot be undone').waitFor();
      await dialog.getByRole('button', { name: 'Revoke key' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await expect.poll(() => row.getByRole('button', { name: 'Revoke' }).count()).toBe(0);
      expect(await row.getByRole('cell').nth(5).innerText()).not.toBe('No');
      const refused = await asKey(secret);
      expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      expectClean(opened);
    } finally {
      await opened.close();
    }
  });

  it('Settings: an admin registers a webhook endpoint (secret shown once), sends a test, and sees a phone’s registration delivered', async () => {
    const received: { type?: string; data?: { kind?: string } }[] = [];
    const hooks = createHttpServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        received.push(JSON.parse(body) as (typeof received)[number]);
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => hooks.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(hooks.address() as AddressInfo).port}/gatehouse`;
    const opened = await openConsole(browser, server.url, { route: '/settings' });
    const { page } = opened;
    try {
      await signInThroughForm(page, ADMIN_EMAIL, ADMIN_PASSWORD);
      const webhooks = page.getByRole('region', { name: 'Webhooks' });
      // A URL the API refuses is told as a sentence.
      await webhooks.getByLabel('Endpoint URL').fill('ftp://example.com/hooks');
      await webhooks.getByRole('button', { name: 'Register endpoint' }).click();
      await webhooks.getByRole('alert').filter({ hasText: /^This URL cannot receive webhooks: .+\.$/ }).waitFor();

      await webhooks.getByLabel('Endpoint URL').fill(url);
      await webhooks.getByLabel('Description').fill('Ticketing');
      await webhooks.getByLabel('Device registered').check();
      await webhooks.getByRole('button', { name: 'Register endpoint' }).click();
      const secret = await webhooks.getByLabel(`Signing secret of ${url}`).inputValue();
      expect(secret).toMatch(/^whsec_/);
      await webhooks.getByText('it will not be shown again').waitFor();
      const row = webhooks.getByRole('row').filter({ hasText: url });
      await row.filter({ hasText: 'Device registered' }).filter({ hasText: 'Enabled' }).waitFor();

      await row.getByRole('button', { name: 'Send test' }).click();
      await webhooks.getByRole('status').filter({ hasText: `The test reached ${url}: it answered with HTTP 204` }).waitFor();
      expect(received.map((message) => message.type)).toEqual(['webhook.test']);

      // A phone registers: its delivery shows in the endpoint's deliveries as succeeded.
      const phone = await pendingPhone(server);
      await row.getByRole('button', { name: 'Deliveries' }).click();
      const deliveries = page.getByRole('table', { name: `Deliveries to ${url}` });
      const delivered = deliveries.getByRole('row').filter({ hasText: 'Succeeded' });
      await delivered.first().waitFor({ timeout: 8_000 });
      expect(await delivered.first().getByRole('cell').nth(2).innerText()).toContain('204');
      expect(received.length).toBe(2);
      expect(JSON.stringify(received[1])).toContain(phone.user.email.split('@')[0]!);

      // Redeliver sends it again; Disable and Rotate answer in sentences; Delete asks first.
      await delivered.first().getByRole('button', { name: 'Redeliver' }).click();
      await expect.poll(() => received.length, { timeout: 8_000 }).toBe(3);
      await row.getByRole('button', { name: 'Edit' }).click();
      const edit = page.getByRole('dialog');
      await edit.getByLabel('Description').fill('Ticketing, production');
      await edit.getByLabel('Device blocked').check();
      await edit.getByRole('button', { name: 'Save endpoint' }).click();
      await edit.waitFor({ state: 'hidden' });
      await row.filter({ hasText: 'Ticketing, production' }).filter({ hasText: 'Device registered, Device blocked' }).waitFor();
      await row.getByRole('button', { name: 'Disable' }).click();
      await row.filter({ hasText: 'Disabled' }).waitFor();
      await row.getByRole('button', { name: 'Rotate secret' }).click();
      expect(await webhooks.getByLabel(`New signing secret of ${url}`).inputValue()).toMatch(/^whsec_/);
      await row.getByRole('button', { name: 'Delete' }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Delete endpoint' }).click();
      await row.waitFor({ state: 'detached' });
      expectClean(opened);
    } finally {
      await opened.close();
      await new Promise((resolve) => hooks.close(resolve));
    }
  }, 40_000);

  it('a USER account is told the console needs an administrator, and is not let in', async () => {
    const user = await createUser(server);
    const opened = await openConsole(browser, server.url);
    try {
      await signInThroughForm(opened.page, user.email, PASSWORD);
      await opened.page.getByRole('alert').filter({ hasText: 'needs an administrator' }).waitFor();
      expect(await opened.page.getByRole('navigation').count()).toBe(0);
      expect(await opened.page.evaluate(() => sessionStorage.getItem('gatehouse.token'))).toBeNull();
      expectClean(opened);
    } finally {
      await opened.close();
    }
  });

  it('a SUPPORT account signs in and sees what it may do: no approve, block or Settings; a device page renames and forgets', async () => {
    const account = await createUser(server, 'SUPPORT');
    const phone = await pendingPhone(server);
    const opened = await openConsole(browser, server.url);
    const { page } = opened;
    try {
      await signInThroughForm(page, account.email, PASSWORD);
      await page.getByRole('note').filter({ hasText: 'may rename and forget devices' }).waitFor();
      const nav = page.getByRole('navigation');
      await nav.getByRole('link', { name: 'Users' }).waitFor();
      expect(await nav.getByRole('link', { name: 'Settings' }).count()).toBe(0);
      // Pending lists the waiting phone without its approve and block controls.
      await page.getByRole('link', { name: phone.user.email }).waitFor();
      expect(await page.getByRole('button', { name: /Approve|Block/ }).count()).toBe(0);
      expect(await page.getByRole('checkbox').count()).toBe(0);

      await page.getByRole('link', { name: 'iPhone 16' }).first().click();
      await page.getByRole('heading', { level: 1, name: 'iPhone 16' }).waitFor();
      await page.getByRole('button', { name: 'Rename', exact: true }).waitFor();
      expect(await page.getByRole('button', { name: /^(Approve|Block|Unblock)$/ }).count()).toBe(0);
      await page.getByRole('button', { name: 'Forget', exact: true }).click();
      await page.getByRole('dialog').getByRole('button', { name: 'Forget device' }).click();
      await page.getByRole('heading', { level: 1, name: 'Devices' }).waitFor();
      expect(await deviceStatus(phone.deviceId)).toBeNull();
      expectClean(opened);
    } finally {
      await opened.close();
    }
  });

  it('a forged or an expired token in sessionStorage lands on the sign-in page', async () => {
    const expired = await signIn(server.client, ADMIN_EMAIL, ADMIN_PASSWORD);
    await server.orm.em.getConnection().execute("update sessions set expires_at = now() - interval '1 second' where token_hash = ?", [hashToken(expired)]);
    for (const token of ['forged-token-that-was-never-issued', expired]) {
      const opened = await openConsole(browser, server.url, { token, route: '/pending' });
      try {
        await opened.page.getByRole('button', { name: 'Sign in' }).waitFor();
        await opened.page.getByRole('alert').filter({ hasText: 'Sign in again' }).waitFor();
        expect(await opened.page.getByRole('navigation').count()).toBe(0);
        expect(await opened.page.evaluate(() => sessionStorage.getItem('gatehouse.token'))).toBeNull();
        expectClean(opened);
      } finally {
        await opened.close();
      }
    }
  });
});
