// Email alerts through the job queue. Decided from the event log: a scan (one at a time, under the alert cursor's row
// lock) turns each DEVICE_REGISTERED-as-PENDING event into a pending alert per admin who wants it, and each
// WEBHOOK_DISABLED event into an email to every admin, in the transaction that moves the cursor. Sent per admin: a job keyed by the admin composes the window's alerts into one
// digest row (under a per-admin lock, so two instances never compose two), then sends it under a lease on that row
// and marks it sent; a failed send is retried on a back-off with the same bytes and Message-ID. A wake-up lost to a
// crash only delays: every scan and every start wakes the admins with alerts or digests waiting.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { Sql } from '../db/sql.js';
import type { EventView } from '../events/event.entity.js';
import type { JobQueue } from '../jobs/queue.js';
import { DEVICES_PER_EMAIL, digestText, webhookDisabledText, type DigestText, type WaitingDevice } from './digest.js';
import { addressOf, composeMessage, fileOutbox, SEND_TIMEOUT_MS, smtpOutbox, type Outbox } from './mail.js';

export const SCAN_TASK = 'alert-scan';
export const SEND_TASK = 'alert-send';

/** A send holds its digest this long: well past the longest a send may take, so a lease never runs out mid-send. */
const LEASE_MS = 2 * SEND_TIMEOUT_MS;
/** While another job holds an admin's digest, look again this often. */
const HELD_POLL_MS = 1_000;
/** Events one scan transaction decides. */
const EVENTS_PER_SCAN = 500;
/** Failed sends wait 2 s, 4 s, 8 s, … doubling up to an hour, then hourly: an alert is never given up. */
const MAX_RETRY_MS = 3_600_000;

export interface AlertOptions {
  /** smtp:// or smtps:// with credentials; null: .eml files under mailDir. */
  smtpUrl: string | null;
  mailFrom: string;
  /** Where the links point; null: http://localhost:<the port the app listens on>. */
  publicUrl: string | null;
  /** An admin gets at most one email per this many seconds; the window's arrivals go in one digest. */
  digestSeconds: number;
  mailDir: string;
}

export const DEFAULT_MAIL_FROM = 'Gatehouse <gatehouse@localhost>';

export const DEFAULT_ALERT_OPTIONS: AlertOptions = { smtpUrl: null, mailFrom: DEFAULT_MAIL_FROM, publicUrl: null, digestSeconds: 60, mailDir: '.data/mail' };

export function alertOptionsOf(config: Config): AlertOptions {
  return {
    smtpUrl: config.SMTP_URL ?? null,
    mailFrom: config.MAIL_FROM,
    publicUrl: config.PUBLIC_URL ?? null,
    digestSeconds: config.ALERT_DIGEST_SECONDS,
    mailDir: path.join(config.DATA_DIR, 'mail'),
  };
}

const PLATFORM_NAMES: Record<string, string> = { IOS: 'iOS', IPADOS: 'iPadOS', ANDROID: 'Android', WINDOWS: 'Windows', MACOS: 'macOS', LINUX: 'Linux', WEB: 'Web', OTHER: 'Other' };

// ---- The scan: events -> pending alerts (one transaction) ---------------------------------------------------------

const LOCK_CURSOR = `select position::text as position from alert_cursor where id = 1 for update`;
const SCAN_UPTO = `
  select max(position)::text as upto from (
    select position from events
    where ((kind = 'DEVICE_REGISTERED' and to_status = 'PENDING') or kind = 'WEBHOOK_DISABLED') and position > ?
    order by position limit ${EVENTS_PER_SCAN}
  ) batch`;
const INSERT_ALERTS = `
  insert into pending_alerts (id, admin_id, event_id, event_position, device_id, created_at)
  select gen_random_uuid(), u.id, e.id, e.position, e.device_id, now()
  from events e cross join users u left join alert_settings s on s.user_id = u.id
  where e.kind = 'DEVICE_REGISTERED' and e.to_status = 'PENDING' and e.position > ? and e.position <= ?
    and u.role = 'ADMIN' and coalesce(s.new_device_pending, true)
  on conflict (admin_id, event_id) do nothing`;
const MOVE_CURSOR = `update alert_cursor set position = ? where id = 1`;
/** Every admin hears of a disabled webhook endpoint at once (no window, no setting: a workflow has stopped). */
const DISABLED_ENDPOINTS = `
  select e.id, e.detail, (extract(epoch from e.at) * 1000)::float8 as at_ms, u.id as admin_id, u.email, u.display_name
  from events e cross join users u
  where e.kind = 'WEBHOOK_DISABLED' and e.position > ? and e.position <= ? and u.role = 'ADMIN'
  order by e.position, u.id`;
const WAITING_ADMINS = `
  select distinct admin_id from pending_alerts where digest_id is null
  union select distinct admin_id from alert_digests where status = 'SENDING'`;

// ---- Composing a digest (one transaction, under the admin's lock) -------------------------------------------------

const LOCK_ADMIN = `select pg_advisory_xact_lock(hashtextextended(?, 0))`;
const UNSENT_DIGEST = `select id from alert_digests where admin_id = ? and status = 'SENDING' order by created_at limit 1`;
const RECIPIENT = `
  select u.email, u.display_name, u.role, coalesce(s.new_device_pending, true) as wanted
  from users u left join alert_settings s on s.user_id = u.id where u.id = ?`;
const DROP_ALL = `delete from pending_alerts where admin_id = ? and digest_id is null`;
/** A device approved, blocked or forgotten before its alert went out is not waiting any more. */
const DROP_SETTLED = `
  delete from pending_alerts pa where pa.admin_id = ? and pa.digest_id is null
  and not exists (select 1 from devices d where d.id = pa.device_id and d.status = 'PENDING')`;
/** Seconds until the window ends: from the first waiting alert, and at least a window after the last email. */
const WINDOW = `
  select count(*)::int as waiting, extract(epoch from greatest(min(pa.created_at),
    (select max(sent_at) from alert_digests where admin_id = ? and status = 'SENT')) + ? * interval '1 second' - now())::float8 as wait_s
  from pending_alerts pa where pa.admin_id = ? and pa.digest_id is null`;
const WAITING_DEVICES = `
  select pa.event_position::text as position, pa.device_id, (extract(epoch from e.at) * 1000)::float8 as at_ms,
         coalesce(d.name, e.device_name) as name, d.model, d.platform, d.os_version, d.app_name, d.app_version,
         u.email as user_email, u.display_name as user_name
  from pending_alerts pa join events e on e.id = pa.event_id
  left join devices d on d.id = pa.device_id left join users u on u.id = e.user_id
  where pa.admin_id = ? and pa.digest_id is null order by pa.event_position`;
const INSERT_DIGEST = `
  insert into alert_digests (id, admin_id, recipient, status, alerts, message, message_id, attempts, created_at)
  values (?, ?, ?, 'SENDING', ?, ?, ?, 0, now())`;
/** Alerts a scan adds meanwhile come later in the log, so they stay for the next digest. */
const ASSIGN = `update pending_alerts set digest_id = ? where admin_id = ? and digest_id is null and event_position <= ?`;

// ---- Sending it (single statements) -------------------------------------------------------------------------------

const LEASE = `
  update alert_digests set lease_owner = $2, lease_until = now() + $3 * interval '1 millisecond'
  where id = $1 and status = 'SENDING' and (next_attempt_at is null or next_attempt_at <= now())
    and (lease_until is null or lease_until < now())
  returning id, recipient, message, attempts`;
const HELD = `select status, greatest(lease_until, next_attempt_at) as until from alert_digests where id = $1`;
const MARK_SENT = `
  update alert_digests set status = 'SENT', sent_at = now(), attempts = attempts + 1, last_error = null, next_attempt_at = null,
    lease_owner = null, lease_until = null
  where id = $1 and lease_owner = $2 returning id`;
const MARK_FAILED = `
  update alert_digests set attempts = attempts + 1, last_error = $3, next_attempt_at = $4, lease_owner = null, lease_until = null
  where id = $1 and lease_owner = $2`;

type Prepared = { digestId: string } | { wait: Date } | null;

function withJitter(ms: number): number {
  return Math.round(ms * (0.9 + Math.random() * 0.2));
}

export class AlertDispatch {
  private queue: JobQueue | null = null;
  private publicUrl = 'http://localhost';
  private readonly outbox: Outbox;
  /** Jobs wait for start() (the links need the port the app listens on). */
  private begin!: () => void;
  private readonly begun = new Promise<void>((resolve) => (this.begin = resolve));

  constructor(
    private readonly sql: Sql,
    private readonly fork: () => EntityManager,
    private readonly options: AlertOptions,
    private readonly logger: Logger,
  ) {
    this.outbox = options.smtpUrl ? smtpOutbox(options.smtpUrl) : fileOutbox(options.mailDir, logger);
  }

  /** The job queue's tasks this part runs. */
  get tasks() {
    return {
      [SCAN_TASK]: async () => {
        await this.ready();
        await this.scan();
      },
      [SEND_TASK]: async (payload: unknown) => {
        await this.ready();
        await this.send((payload as { adminId: string }).adminId);
      },
    };
  }

  /** Starts deciding and sending: first whatever was left undone. */
  async start(queue: JobQueue, port: number): Promise<void> {
    this.publicUrl = this.options.publicUrl ?? `http://localhost:${port}`;
    this.queue = queue;
    this.begin();
    await this.wakeScan();
  }

  stop(): void {
    this.queue = null;
    this.begin();
  }

  /** The feed's listener: a device registered PENDING, or a webhook endpoint disabled, anywhere wakes the scan. */
  onEvent(event: EventView): void {
    const alerting = (event.kind === 'DEVICE_REGISTERED' && event.toStatus === 'PENDING') || event.kind === 'WEBHOOK_DISABLED';
    if (!this.queue || !alerting) return;
    this.wakeScan().catch((err: unknown) => this.logger.error({ err }, 'waking the alert scan failed'));
  }

  private async ready(): Promise<void> {
    await this.begun;
    // Stopping: the job fails and the queue runs it again (here after a restart, or on another instance).
    if (!this.queue) throw new Error('alerts are stopping');
  }

  private async wakeScan(): Promise<void> {
    await this.queue?.add(SCAN_TASK, {}, { key: 'alerts:scan' });
  }

  /** Runs the admin's send job now (a waiting one keeps its time), or at `at`. */
  private async wakeAdmin(adminId: string, at?: Date): Promise<void> {
    await this.queue?.add(SEND_TASK, { adminId }, { key: `alerts:${adminId}`, runAt: at, keepRunAt: !at });
  }

  /** Decides the alerts of every event not decided yet, then wakes every admin with something waiting. */
  async scan(): Promise<void> {
    for (;;) {
      const full = await this.fork().transactional(async (tx) => {
        const [cursor] = await tx.execute<{ position: string }[]>(LOCK_CURSOR);
        if (!cursor) throw new Error('alert_cursor has no row (see the migration that made it)');
        const [batch] = await tx.execute<{ upto: string | null }[]>(SCAN_UPTO, [cursor.position]);
        if (!batch?.upto) return false;
        await tx.execute(INSERT_ALERTS, [cursor.position, batch.upto]);
        for (const row of await tx.execute<Record<string, unknown>[]>(DISABLED_ENDPOINTS, [cursor.position, batch.upto])) {
          await this.composeAndStore(tx, row.admin_id as string, row.email as string, row.display_name as string | null, 0, webhookDisabledText(row.detail as string | null, new Date(row.at_ms as number), this.publicUrl));
        }
        await tx.execute(MOVE_CURSOR, [batch.upto]);
        return true;
      });
      if (!full) break;
    }
    const admins = await this.sql.query<{ admin_id: string }>(WAITING_ADMINS);
    for (const { admin_id } of admins) await this.wakeAdmin(admin_id);
  }

  /** The admin's job: compose the window's digest when it ends, send it, and come back for what arrived meanwhile. */
  async send(adminId: string): Promise<void> {
    const prepared = await this.prepare(adminId);
    if (!prepared) return;
    if ('wait' in prepared) {
      await this.wakeAdmin(adminId, prepared.wait);
      return;
    }
    const { digestId } = prepared;
    // Each send has its own name in the lease: two jobs of one admin may run at once, even in one process.
    const owner = randomUUID();
    const [digest] = await this.sql.query(LEASE, [digestId, owner, LEASE_MS], { prepared: false });
    if (!digest) {
      // Its next attempt is not due yet: come back then. Another job is sending it: look again in a second (that job
      // wakes this admin when it is done, but a later wake-up from here could push that one back).
      const [held] = await this.sql.query(HELD, [digestId]);
      if (held?.status === 'SENDING') {
        const until = ((held.until as Date | null)?.getTime() ?? Date.now()) + 100;
        await this.wakeAdmin(adminId, new Date(Math.min(until, Date.now() + HELD_POLL_MS)));
      }
      return;
    }
    const attempt = (digest.attempts as number) + 1;
    try {
      await this.outbox.send({ id: `alert-${digestId}`, from: this.options.mailFrom, to: digest.recipient as string, raw: digest.message as string });
    } catch (err) {
      const next = new Date(Date.now() + withJitter(Math.min(1000 * 2 ** attempt, MAX_RETRY_MS)));
      const error = (err instanceof Error ? err.message : String(err)).slice(0, 1000);
      await this.sql.query(MARK_FAILED, [digestId, owner, error, next]);
      this.logger.warn({ digestId, adminId, attempt, error, nextAttemptAt: next }, 'alert email failed; retrying later');
      await this.wakeAdmin(adminId, next);
      return;
    }
    const [marked] = await this.sql.query(MARK_SENT, [digestId, owner]);
    if (!marked) this.logger.warn({ digestId }, 'alert email sent after its lease ran out');
    this.logger.info({ digestId, adminId, attempt, to: addressOf(digest.recipient as string) }, 'alert email sent');
    // Now, replacing any later wake-up: what arrived meanwhile gets its window from here.
    await this.wakeAdmin(adminId, new Date());
  }

  /** The digest to send: one composed before and not sent yet, else the window's alerts once the window has ended. */
  private prepare(adminId: string): Promise<Prepared> {
    return this.fork().transactional(async (tx): Promise<Prepared> => {
      await tx.execute(LOCK_ADMIN, [`gatehouse-alerts:${adminId}`]);
      const [unsent] = await tx.execute<{ id: string }[]>(UNSENT_DIGEST, [adminId]);
      if (unsent) return { digestId: unsent.id };
      const [admin] = await tx.execute<{ email: string; display_name: string | null; role: string; wanted: boolean }[]>(RECIPIENT, [adminId]);
      if (!admin || admin.role !== 'ADMIN' || !admin.wanted) {
        await tx.execute(DROP_ALL, [adminId]);
        return null;
      }
      await tx.execute(DROP_SETTLED, [adminId]);
      const [window] = await tx.execute<{ waiting: number; wait_s: number | null }[]>(WINDOW, [adminId, this.options.digestSeconds, adminId]);
      if (!window?.waiting) return null;
      if ((window.wait_s ?? 0) > 0) return { wait: new Date(Date.now() + Math.ceil(window.wait_s! * 1000)) };
      const rows = await tx.execute<Record<string, unknown>[]>(WAITING_DEVICES, [adminId]);
      if (!rows.length) return null;
      const devices: WaitingDevice[] = rows.slice(0, DEVICES_PER_EMAIL).map((r) => ({
        deviceId: r.device_id as string,
        name: r.name as string | null,
        model: r.model as string | null,
        platform: r.platform ? (PLATFORM_NAMES[r.platform as string] ?? (r.platform as string)) : null,
        osVersion: r.os_version as string | null,
        appName: r.app_name as string | null,
        appVersion: r.app_version as string | null,
        userEmail: r.user_email as string | null,
        userName: r.user_name as string | null,
        registeredAt: new Date(r.at_ms as number),
      }));
      const digestId = await this.composeAndStore(tx, adminId, admin.email, admin.display_name, rows.length, digestText(devices, rows.length, this.publicUrl));
      await tx.execute(ASSIGN, [digestId, adminId, rows.at(-1)!.position]);
      return { digestId };
    });
  }

  /** Composes an email to the admin and stores it whole, to be sent (and, on failure, sent again) as it is. */
  private async composeAndStore(tx: EntityManager, adminId: string, email: string, displayName: string | null, alerts: number, content: DigestText): Promise<string> {
    const digestId = randomUUID();
    const recipient = displayName ? `${displayName.replace(/["<>\\]/g, '')} <${email}>` : email;
    const messageId = `<alert-${digestId}@${new URL(this.publicUrl).hostname || 'gatehouse'}>`;
    const message = await composeMessage({ from: this.options.mailFrom, to: recipient, messageId, date: new Date(), ...content });
    await tx.execute(INSERT_DIGEST, [digestId, adminId, recipient, alerts, message, messageId]);
    return digestId;
  }
}
