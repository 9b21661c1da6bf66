// Email alerts against a real SMTP server in the test process (smtp-server, parsed with mailparser): each admin hears
// of a pending device, a storm comes as one digest, an admin who switched alerts off hears nothing, an SMTP outage
// delays the email without losing or doubling it, two instances send each once, and without SMTP_URL it is a file.
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphql } from './gql/gql.js';
import { errorCode } from './helpers/client.js';
import { approvedPhone } from './helpers/devices.js';
import { sleep, until } from './helpers/live.js';
import { ADMIN_EMAIL, newDevice, PASSWORD, signIn, startInstance, startServer, type TestServer } from './helpers/server.js';
import { Login } from './operations.js';

const CreateHook = graphql(`
  mutation AlertsCreateHook($input: WebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) { __typename }
  }
`);

const Settings = graphql(`
  query AlertsSettings {
    notificationSettings { newDevicePending }
  }
`);

const UpdateSettings = graphql(`
  mutation AlertsUpdateSettings($input: NotificationSettingsInput!) {
    updateNotificationSettings(input: $input) {
      __typename
      ... on NotificationSettings { newDevicePending }
    }
  }
`);

const AddUser = graphql(`
  mutation AlertsAddUser($input: CreateUserInput!) {
    createUser(input: $input) { __typename ... on User { id email } ... on Error { code } }
  }
`);

interface Sink {
  url: string;
  port: number;
  received: ParsedMail[];
  /** RCPT TO commands answered, refused ones included. */
  attempts: number;
  close(): Promise<void>;
}

/** An SMTP server on loopback that keeps every message; `refuse(n)` answers the nth attempt 451 when true. */
async function smtpSink(port = 0, refuse: (attempt: number) => boolean = () => false): Promise<Sink> {
  const sink: Sink = { url: '', port: 0, received: [], attempts: 0, close: async () => undefined };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      sink.attempts++;
      if (refuse(sink.attempts)) return callback(Object.assign(new Error('try again later'), { responseCode: 451 }));
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          sink.received.push(mail);
          callback();
        },
        (err: Error) => callback(err),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  sink.port = (server.server.address() as AddressInfo).port;
  sink.url = `smtp://127.0.0.1:${sink.port}`;
  sink.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return sink;
}

/** A port nothing listens on (for now). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

const recipients = (mail: ParsedMail) => [mail.to].flat().flatMap((to) => to?.value.map((v) => v.address) ?? []);
const mailsTo = (sink: { received: ParsedMail[] }, email: string) => sink.received.filter((m) => recipients(m).includes(email));

let counter = 0;

/** A user with a name, who signs in from a new device: it is registered PENDING. */
async function pendingArrival(server: TestServer) {
  const admin = await server.admin();
  const email = `phone${++counter}-${randomUUID().slice(0, 6)}@example.com`;
  const displayName = `Pat Phone ${counter}`;
  const { createUser } = await admin.data(AddUser, { input: { email, password: PASSWORD, displayName } });
  if (createUser.__typename !== 'User') throw new Error(JSON.stringify(createUser));
  const device = newDevice({ name: `Pat phone ${counter}`, model: 'Pixel 9' }, 'ANDROID');
  return { email, displayName, device, arrive: () => arrive(server, email, device) };
}

async function arrive(server: TestServer, email: string, device: ReturnType<typeof newDevice>): Promise<string> {
  const { login } = await server.client.data(Login, { input: { email, password: PASSWORD, device } });
  if (login.__typename !== 'DevicePendingApproval') throw new Error(JSON.stringify(login));
  return login.pendingDevice!.id;
}

async function secondAdmin(server: TestServer) {
  const email = `admin2-${randomUUID().slice(0, 6)}@gatehouse.test`;
  const { createUser } = await (await server.admin()).data(AddUser, { input: { email, password: PASSWORD, role: 'ADMIN', displayName: 'Second Admin' } });
  if (createUser.__typename !== 'User') throw new Error(JSON.stringify(createUser));
  return { email, client: server.client.as(await signIn(server.client, email, PASSWORD)) };
}

const PUBLIC_URL = 'https://gatehouse.example.com';

describe('alerts to every admin', () => {
  let server: TestServer;
  let sink: Sink;
  let second: Awaited<ReturnType<typeof secondAdmin>>;

  beforeAll(async () => {
    sink = await smtpSink();
    server = await startServer({ SMTP_URL: sink.url, PUBLIC_URL, ALERT_DIGEST_SECONDS: '2', MAIL_FROM: 'Gatehouse Alerts <alerts@gatehouse.test>' });
    second = await secondAdmin(server);
  });

  afterAll(async () => {
    await server?.stop();
    await sink?.close();
  });

  it('a pending device sends each admin an email naming the user and the device, with a link to its page', async () => {
    const arrival = await pendingArrival(server);
    const deviceId = await arrival.arrive();
    await until(() => mailsTo(sink, ADMIN_EMAIL).length === 1 && mailsTo(sink, second.email).length === 1, 'an email to each admin', 10_000);
    for (const admin of [ADMIN_EMAIL, second.email]) {
      const [mail] = mailsTo(sink, admin);
      expect(mail!.from?.value[0]?.address).toBe('alerts@gatehouse.test');
      expect(mail!.subject).toContain(arrival.device.name!);
      expect(mail!.messageId).toMatch(/^<alert-[0-9a-f-]{36}@gatehouse\.example\.com>$/);
      const link = `${PUBLIC_URL}/admin/devices/${encodeURIComponent(deviceId)}`;
      for (const part of [mail!.text!, mail!.html as string]) {
        expect(part).toContain(arrival.email);
        expect(part).toContain(arrival.displayName);
        expect(part).toContain(arrival.device.name!);
        expect(part).toContain('Pixel 9');
        expect(part).toContain('Android 18.1');
        expect(part).toContain('Field App 2.3.0');
        expect(part).toContain(link);
      }
    }
    expect(sink.received).toHaveLength(2);
  });

  it('ten arrivals within one window send one digest per admin naming all ten', async () => {
    const before = sink.received.length;
    const arrivals = await Promise.all(Array.from({ length: 10 }, () => pendingArrival(server)));
    await Promise.all(arrivals.map((a) => a.arrive()));
    await until(() => sink.received.length >= before + 2, 'a digest to each admin', 10_000);
    // The next window passes: nothing else comes.
    await sleep(2_500);
    const digests = sink.received.slice(before);
    expect(digests).toHaveLength(2);
    for (const admin of [ADMIN_EMAIL, second.email]) {
      const mine = digests.filter((m) => recipients(m).includes(admin));
      expect(mine).toHaveLength(1);
      expect(mine[0]!.subject).toBe('10 devices are waiting for approval');
      for (const arrival of arrivals) expect(mine[0]!.text).toContain(arrival.email);
    }
  });

  it('an admin who switched alerts off gets none; a USER or anonymous caller cannot change settings', async () => {
    const before = { first: mailsTo(sink, ADMIN_EMAIL).length, second: mailsTo(sink, second.email).length };
    expect((await second.client.data(Settings)).notificationSettings.newDevicePending).toBe(true);
    const off = await second.client.data(UpdateSettings, { input: { newDevicePending: false } });
    expect(off.updateNotificationSettings).toEqual({ __typename: 'NotificationSettings', newDevicePending: false });
    expect((await second.client.data(Settings)).notificationSettings.newDevicePending).toBe(false);

    const rows = await server.count('select 1 from alert_settings');
    // A device approved before its window ends is not in the email: it is not waiting any more.
    const { client: userClient, user: approvedUser } = await approvedPhone(server);
    const arrival = await pendingArrival(server);
    await arrival.arrive();
    expect(errorCode(await userClient.request(UpdateSettings, { input: { newDevicePending: false } }))).toBe('FORBIDDEN');
    expect(errorCode(await userClient.request(Settings))).toBe('FORBIDDEN');
    expect(errorCode(await server.client.request(UpdateSettings, { input: { newDevicePending: false } }))).toBe('UNAUTHENTICATED');
    expect(await server.count('select 1 from alert_settings')).toBe(rows);

    await until(() => mailsTo(sink, ADMIN_EMAIL).length === before.first + 1, 'the email to the first admin', 10_000);
    await sleep(500);
    expect(mailsTo(sink, second.email)).toHaveLength(before.second);
    const last = mailsTo(sink, ADMIN_EMAIL).at(-1)!;
    expect(last.text).toContain(arrival.email);
    expect(last.text).not.toContain(approvedUser.email);
  });
});

describe('delivery', () => {
  it('SMTP down (nothing listening, then 451) and up again: the alert arrives once, after retries', async () => {
    const port = await freePort();
    const server = await startServer({ SMTP_URL: `smtp://127.0.0.1:${port}`, ALERT_DIGEST_SECONDS: '1' });
    let sink: Sink | undefined;
    try {
      const arrival = await pendingArrival(server);
      await arrival.arrive();
      await until(async () => (await server.count(`select 1 from alert_digests where attempts >= 1 and last_error is not null`)) === 1, 'a failed attempt', 10_000);
      // Up again, but the first attempt it sees is refused with 451.
      sink = await smtpSink(port, (attempt) => attempt === 1);
      await until(() => sink!.received.length === 1, 'the alert after retries', 20_000);
      await sleep(1_500);
      expect(sink.received).toHaveLength(1);
      expect(sink.received[0]!.text).toContain(arrival.email);
      expect(sink.attempts).toBe(2);
      expect(await server.count(`select 1 from alert_digests where status = 'SENT' and attempts >= 3`)).toBe(1);
    } finally {
      await server.stop();
      await sink?.close();
    }
  });

  it('two instances send each alert once', async () => {
    const sink = await smtpSink();
    const env = { SMTP_URL: sink.url, ALERT_DIGEST_SECONDS: '1' };
    const server = await startServer(env);
    const other = await startInstance(server, env);
    try {
      const admins = await server.count(`select 1 from users where role = 'ADMIN'`);
      const deviceIds: string[] = [];
      // The first two each wait until their digest is composed (so at least two emails go out, whichever instance
      // composes them); the last two arrive together, to share one.
      for (let i = 0; i < 4; i++) {
        deviceIds.push(await (await pendingArrival(server)).arrive());
        if (i < 2) {
          const composed = admins * (i + 1);
          await until(async () => (await server.count(`select 1 from pending_alerts where digest_id is not null`)) === composed, `arrival ${i + 1} in a digest`, 10_000);
        }
      }
      await until(async () => (await server.count(`select 1 from pending_alerts where digest_id is null`)) === 0, 'every alert in a digest', 10_000);
      await until(async () => (await server.count(`select 1 from alert_digests where status = 'SENDING'`)) === 0, 'every digest sent', 10_000);
      await sleep(1_500);
      expect(sink.received.length).toBe(await server.count(`select 1 from alert_digests`));
      expect(sink.received.length).toBeGreaterThanOrEqual(2);
      const texts = sink.received.map((m) => m.text!).join('\n');
      for (const id of deviceIds) expect(texts.split(encodeURIComponent(id)).length - 1, id).toBe(1);
    } finally {
      await other.stop();
      await server.stop();
      await sink.close();
    }
  });

  it('without SMTP_URL, the email is written as an .eml file under DATA_DIR/mail', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'gatehouse-alerts-'));
    const server = await startServer({ DATA_DIR: dataDir, ALERT_DIGEST_SECONDS: '1' });
    try {
      const arrival = await pendingArrival(server);
      const deviceId = await arrival.arrive();
      const mailDir = path.join(dataDir, 'mail');
      await until(async () => (await readdir(mailDir).catch(() => [])).some((f) => f.endsWith('.eml')), 'an .eml file', 10_000);
      const [file] = (await readdir(mailDir)).filter((f) => f.endsWith('.eml'));
      const mail = await simpleParser(await readFile(path.join(mailDir, file!)));
      expect(recipients(mail)).toEqual([ADMIN_EMAIL]);
      expect(mail.text).toContain(arrival.email);
      expect(mail.text).toMatch(new RegExp(`http://localhost:\\d+/admin/devices/${encodeURIComponent(deviceId)}`));
    } finally {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('a webhook endpoint disabled after its failure streak sends every admin an email naming it', async () => {
    const sink = await smtpSink();
    const deadPort = await freePort();
    const server = await startServer({
      SMTP_URL: sink.url,
      ALERT_DIGEST_SECONDS: '1',
      WEBHOOKS_ALLOW_PRIVATE: 'true',
      WEBHOOK_RETRY_SCHEDULE: '300ms,300ms,300ms,300ms,300ms,300ms,300ms,300ms',
      WEBHOOK_DISABLE_AFTER: '1s',
    });
    try {
      const hookUrl = `http://127.0.0.1:${deadPort}/gone`;
      const { createWebhookEndpoint } = await (await server.admin()).data(CreateHook, { input: { url: hookUrl, kinds: ['USER_CREATED'] } });
      expect(createWebhookEndpoint.__typename).toBe('WebhookEndpointCreated');
      // USER_CREATED: the endpoint's first event; nothing listens, so every attempt fails until it is disabled.
      await pendingArrival(server);
      const disabled = () => sink.received.filter((m) => m.subject === 'A Gatehouse webhook endpoint was disabled');
      await until(() => disabled().length === 1, 'the email about the disabled endpoint', 15_000);
      expect(recipients(disabled()[0]!)).toEqual([ADMIN_EMAIL]);
      expect(disabled()[0]!.text).toContain(hookUrl);
    } finally {
      await server.stop();
      await sink.close();
    }
  });
});
