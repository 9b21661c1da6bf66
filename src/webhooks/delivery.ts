// Webhook delivery: each endpoint drains the event log in order from its cursor, one event at a time, under a lease
// that only one instance holds, so an endpoint's next event waits for the one before and no attempt is sent twice
// at once. Every attempt is recorded before the next step; a failure waits its turn in the retry schedule (the job
// queue wakes the endpoint then), and a crashed instance's lease runs out so another picks up where it stopped.
import { randomUUID } from 'node:crypto';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Logger } from 'pino';
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from 'request-filtering-agent';
import type { Row, Sql } from '../db/sql.js';
import { eventInsert } from '../events/events.js';
import { webhookBody, webhookId, webhookSignature } from './payload.js';

/** A 2xx within this is success; anything else, or nothing by then, is a failed attempt. */
export const DELIVERY_TIMEOUT_MS = 10_000;
/** How long a drain holds its endpoint: longer than one attempt can take, renewed before each. */
export const LEASE_MS = 15_000;
/** The most of a response body kept with an attempt. */
export const RESPONSE_BODY_BYTES = 1024;
/** Events one drain sends before it hands the endpoint back to the queue (others get their turn). */
const EVENTS_PER_DRAIN = 200;

export interface DeliverySettings {
  /** Waits after each failed attempt; after the last, the delivery is given up. */
  retryScheduleMs: number[];
  /** Private, loopback and link-local addresses may be sent to (development and tests). */
  allowPrivate: boolean;
  /** An endpoint whose every attempt has failed for this long is disabled (WEBHOOK_DISABLED). */
  disableAfterMs: number;
}

/**
 * Asks the job queue to drain an endpoint, now or at a time; a `fallback` wake-up is kept apart from the endpoint's
 * own (it must not move a retry's time, nor be moved by it).
 */
export type WakeEndpoint = (endpointId: string, at?: Date, kind?: 'fallback') => Promise<void>;

export interface Attempt {
  ok: boolean;
  status: number | null;
  durationMs: number;
  error: string | null;
  body: string | null;
}

/** Whether the lease is free for drain $2, read from the row being updated (so after any wait for its lock). */
const FREE = `(e.lease_until is null or e.lease_until < now() or e.lease_owner = $2)`;
/**
 * Takes the endpoint's lease, or, when another drain holds it, asks that drain to look again before it lets go
 * (wake_requested): one statement, so it is ordered with the holder's RELEASE by the row's lock.
 */
const LEASE = `
  update webhook_endpoints e set
    lease_owner = case when ${FREE} then $2 else e.lease_owner end,
    lease_until = case when ${FREE} then now() + $3 * interval '1 millisecond' else e.lease_until end,
    wake_requested = not (${FREE})
  where e.id = $1 and e.enabled
  returning e.lease_owner = $2 as leased, e.id, e.url, e.kinds, e.secret, e.previous_secret, e.previous_secret_until,
            e.cursor, e.failing_since, e.lease_until`;
/** Lets go of the lease unless a wake-up came meanwhile (then the drain goes on). */
const RELEASE_IF_QUIET = `
  update webhook_endpoints set lease_owner = null, lease_until = null
  where id = $1 and lease_owner = $2 and not wake_requested returning id`;
const TAKE_WAKE = `update webhook_endpoints set wake_requested = false where id = $1 and lease_owner = $2`;
const RELEASE = `update webhook_endpoints set lease_owner = null, lease_until = null where id = $1 and lease_owner = $2`;
const RENEW = `
  update webhook_endpoints set lease_until = now() + $3 * interval '1 millisecond'
  where id = $1 and lease_owner = $2 and enabled returning lease_until`;
/** Events taken from the log at once (and pending deliveries read at once): sent one after the other. */
const TAKE_BATCH = 50;
/** The endpoint's oldest pending deliveries, with their events as delivered (joined with the device, its owner, the actor). */
const NEXT_PENDING = `
  select p.id as delivery_id, p.attempts, p.next_attempt_at, p.event_id,
         e.id, e.position, e.kind, e.at, e.actor_id, e.by_system, e.user_id, e.device_id, e.device_name, e.from_status, e.to_status,
         e.detail, d.name as device_current_name, d.status as device_status, d.platform as device_platform,
         d.os_version as device_os_version, d.model as device_model, d.app_name as device_app_name,
         d.app_version as device_app_version, u.email as user_email, u.display_name as user_display_name,
         a.email as actor_email
  from webhook_deliveries p
  left join events e on e.id = p.event_id
  left join devices d on d.id = e.device_id
  left join users u on u.id = e.user_id
  left join users a on a.id = e.actor_id
  where p.endpoint_id = $1 and p.status = 'PENDING'
  order by p.event_position limit $2`;
/** The endpoint's next events of its kinds after its cursor become pending deliveries; the cursor moves past them. */
const TAKE_NEXT_EVENTS = `
  with next as (
    select e.id, e.position from events e
    where e.position > $2 and ($3::text[] is null or e.kind = any($3::text[]))
    order by e.position limit ${TAKE_BATCH}
  ), created as (
    insert into webhook_deliveries (id, endpoint_id, event_id, event_position, status, attempts, created_at)
    select gen_random_uuid(), $1, next.id, next.position, 'PENDING', 0, now() from next
    on conflict (endpoint_id, event_id) do nothing
    returning id
  )
  update webhook_endpoints set cursor = (select max(position) from next)
  where id = $1 and exists (select 1 from next)
  returning cursor`;
const RECORD_ATTEMPT = `
  update webhook_deliveries set attempts = attempts + 1, status = $2, response_status = $3, duration_ms = $4,
    last_error = $5, response_body = $6, next_attempt_at = $7, delivered_at = case when $2 = 'SUCCEEDED' then now() end
  where id = $1`;
const MARK_FAILING = `update webhook_endpoints set failing_since = coalesce(failing_since, now()) where id = $1`;
const MARK_HEALTHY = `update webhook_endpoints set failing_since = null where id = $1 and failing_since is not null`;

/** Disables the endpoint if it has failed for long enough, with its WEBHOOK_DISABLED event, in one statement. */
function disableIfFailing(endpointId: string, disableAfterMs: number): { text: string; values: unknown[] } {
  const values: unknown[] = [];
  const param = (value: unknown) => `$${values.push(value)}`;
  const system = { actor: null, meta: { ip: null, userAgent: null } };
  const event = eventInsert(system, { kind: 'WEBHOOK_DISABLED', bySystem: true }, new Date(), param, {
    detail: `left('endpoint ' || d.id || ': every attempt failed since ' || to_char(d.failing_since at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') || ' (' || d.url || ')', 1000)`,
  });
  const text = `
    with d as (
      update webhook_endpoints set enabled = false, lease_owner = null, lease_until = null
      where id = ${param(endpointId)}::uuid and enabled
        and failing_since < now() - ${param(disableAfterMs)} * interval '1 millisecond'
      returning id, url, failing_since
    ), e as (
      insert into events (${event.columns}) select ${event.values} from d
    )
    select id from d`;
  return { text, values };
}

/** Reads at most RESPONSE_BODY_BYTES of a response, then lets the rest go. */
function readSome(res: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const done = () => resolve(Buffer.concat(chunks).subarray(0, RESPONSE_BODY_BYTES).toString('utf8'));
    res.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= RESPONSE_BODY_BYTES) {
        res.destroy();
        done();
      }
    });
    res.on('end', done);
    res.on('error', done);
    res.on('close', done);
  });
}

const agents = new Map<string, RequestFilteringHttpAgent | RequestFilteringHttpsAgent>();

/** One filtering agent per scheme and address rule, keeping connections to receivers open between deliveries. */
function agentFor(url: string, allowPrivate: boolean) {
  const https = url.startsWith('https:');
  const key = `${https}:${allowPrivate}`;
  let agent = agents.get(key);
  if (!agent) {
    const options = { keepAlive: true, maxSockets: 64, allowPrivateIPAddress: allowPrivate, allowMetaIPAddress: false };
    agent = https ? new RequestFilteringHttpsAgent(options) : new RequestFilteringHttpAgent(options);
    agents.set(key, agent);
  }
  return agent;
}

/** One POST, no redirects followed, to a public address unless private ones are allowed. */
function post(url: string, headers: Record<string, string>, body: string, allowPrivate: boolean): Promise<Attempt> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  return new Promise((resolve) => {
    let settled = false;
    const finish = (attempt: Omit<Attempt, 'durationMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...attempt, durationMs: elapsed() });
    };
    const send = url.startsWith('https:') ? httpsRequest : httpRequest;
    const req = send(
      url,
      {
        method: 'POST',
        agent: agentFor(url, allowPrivate),
        headers: { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), 'user-agent': 'Gatehouse-Webhooks/1' },
      },
      (res) => {
        const status = res.statusCode ?? 0;
        void readSome(res).then((text) =>
          finish({ ok: status >= 200 && status < 300, status, error: status >= 200 && status < 300 ? null : `HTTP ${status}`, body: text || null }),
        );
      },
    );
    const timer = setTimeout(() => {
      req.destroy(new Error(`no answer within ${DELIVERY_TIMEOUT_MS / 1000} s`));
    }, DELIVERY_TIMEOUT_MS);
    req.on('error', (error) => finish({ ok: false, status: null, error: error.message.slice(0, 1000), body: null }));
    req.end(body);
  });
}

/** A wait from the schedule, spread by ±10% so that endpoints failing together do not retry together. */
function withJitter(ms: number): number {
  return Math.round(ms * (0.9 + Math.random() * 0.2));
}

export class WebhookDelivery {
  /** The endpoints this process is draining now, and whether a wake-up for one came meanwhile. */
  private readonly draining = new Map<string, { again: boolean }>();

  /**
   * A wake-up for an endpoint this process is draining: the drain looks again before it lets go, with no job.
   * False when it is not draining it here.
   */
  wakeLocal(endpointId: string): boolean {
    const drain = this.draining.get(endpointId);
    if (drain) drain.again = true;
    return drain !== undefined;
  }

  constructor(
    private readonly sql: Sql,
    private readonly settings: DeliverySettings,
    private readonly wake: WakeEndpoint,
    private readonly logger: Logger,
  ) {}

  /** Sends the endpoint's due events in order, until none is left, one fails, or the drain has had its share. */
  async drain(endpointId: string): Promise<void> {
    // Draining it here already (a job started while that drain ran): that drain looks again before it lets go.
    if (this.wakeLocal(endpointId)) return;
    // Each drain holds the lease in its own name, so no two drains share it, in one process or in several.
    const owner = randomUUID();
    const [endpoint] = await this.sql.query(LEASE, [endpointId, owner, LEASE_MS], { prepared: false });
    if (!endpoint) return; // disabled or gone
    if (!endpoint.leased) {
      // The drain holding it looks again before it lets go; should that process have died, this comes back then.
      await this.wake(endpointId, new Date((endpoint.lease_until as Date).getTime() + 100), 'fallback');
      return;
    }
    let held = true;
    const local = { again: false };
    this.draining.set(endpointId, local);
    const pendingRows: Row[] = [];
    try {
      for (let sent = 0; sent < EVENTS_PER_DRAIN; sent++) {
        const outcome = await this.next(endpoint, owner, pendingRows);
        if (outcome === 'waiting') return;
        if (outcome === 'idle') {
          if (local.again) {
            local.again = false;
            continue;
          }
          // Not draining here any more: a wake-up from now on goes through the queue (and may find the lease free).
          this.draining.delete(endpointId);
          const [released] = await this.sql.query(RELEASE_IF_QUIET, [endpointId, owner]);
          if (released) {
            held = false;
            return;
          }
          await this.sql.query(TAKE_WAKE, [endpointId, owner]);
          this.draining.set(endpointId, local);
        }
      }
      // Its share done, the endpoint goes back to the queue behind the others (through the queue, not this drain).
      this.draining.delete(endpointId);
      await this.wake(endpointId);
    } finally {
      if (this.draining.get(endpointId) === local) this.draining.delete(endpointId);
      if (held) await this.sql.query(RELEASE, [endpointId, owner]);
    }
  }

  /** One step: attempt the oldest pending delivery, or take the next event from the log. */
  private async next(endpoint: Row, owner: string, pendingRows: Row[]): Promise<'sent' | 'idle' | 'waiting'> {
    const endpointId = endpoint.id as string;
    // Read a batch at a time; only this drain changes the endpoint's deliveries while it holds the lease.
    if (!pendingRows.length) pendingRows.push(...(await this.sql.query(NEXT_PENDING, [endpointId, TAKE_BATCH])));
    const pending = pendingRows.shift();
    if (!pending) {
      const [taken] = await this.sql.query(TAKE_NEXT_EVENTS, [endpointId, endpoint.cursor, endpoint.kinds ?? null], { prepared: false });
      if (!taken) return 'idle';
      endpoint.cursor = taken.cursor;
      return 'sent';
    }
    const due = pending.next_attempt_at as Date | null;
    if (due && due.getTime() > Date.now()) {
      await this.wake(endpointId, due);
      return 'waiting';
    }
    // Still ours, for longer than an attempt takes? (A stalled process whose lease ran out must not send alongside
    // the one that took over.)
    if ((endpoint.lease_until as Date).getTime() - Date.now() < DELIVERY_TIMEOUT_MS + 2_000) {
      const [renewed] = await this.sql.query(RENEW, [endpointId, owner, LEASE_MS]);
      if (!renewed) return 'waiting';
      endpoint.lease_until = renewed.lease_until;
    }
    const attempt = pending.id ? await this.send(endpoint, pending) : ({ ok: false, status: null, durationMs: 0, error: 'the event is gone', body: null } as Attempt);
    const attempts = (pending.attempts as number) + 1;
    const waitMs = this.settings.retryScheduleMs[attempts - 1];
    const status = attempt.ok ? 'SUCCEEDED' : waitMs === undefined ? 'FAILED' : 'PENDING';
    const nextAttemptAt = status === 'PENDING' ? new Date(Date.now() + withJitter(waitMs!)) : null;
    await this.sql.query(RECORD_ATTEMPT, [pending.delivery_id, status, attempt.status, attempt.durationMs, attempt.error, attempt.body, nextAttemptAt]);
    this.logger.info({ endpointId, eventId: pending.event_id, attempt: attempts, status: attempt.status, ms: attempt.durationMs, outcome: status }, 'webhook attempt');
    if (attempt.ok) {
      if (endpoint.failing_since) {
        await this.sql.query(MARK_HEALTHY, [endpointId]);
        endpoint.failing_since = null;
      }
    } else {
      if (!endpoint.failing_since) {
        await this.sql.query(MARK_FAILING, [endpointId]);
        endpoint.failing_since = new Date();
      }
      const disable = disableIfFailing(endpointId, this.settings.disableAfterMs);
      const [disabled] = await this.sql.query(disable.text, disable.values, { prepared: false });
      if (disabled) {
        this.logger.warn({ endpointId }, 'webhook endpoint disabled: every attempt has failed for too long');
        return 'waiting';
      }
    }
    if (nextAttemptAt) {
      await this.wake(endpointId, nextAttemptAt);
      return 'waiting';
    }
    return 'sent';
  }

  private send(endpoint: Row, event: Row): Promise<Attempt> {
    const target: EndpointTarget = {
      url: endpoint.url as string,
      secret: endpoint.secret as string,
      previousSecret: endpoint.previous_secret as string | null,
      previousSecretUntil: endpoint.previous_secret_until as Date | null,
    };
    return signedPost(target, webhookId(event.id as string, endpoint.id as string), webhookBody(event), this.settings.allowPrivate);
  }
}

/** Where and with which secrets an endpoint is sent to. */
export interface EndpointTarget {
  url: string;
  secret: string;
  previousSecret: string | null;
  previousSecretUntil: Date | null;
}

/** Posts `body` to the endpoint with the Standard Webhooks headers, signed by each of its live secrets. */
export function signedPost(endpoint: EndpointTarget, id: string, body: string, allowPrivate: boolean): Promise<Attempt> {
  const timestamp = new Date();
  const secrets = [endpoint.secret];
  const previousLive = endpoint.previousSecret && endpoint.previousSecretUntil && endpoint.previousSecretUntil.getTime() > Date.now();
  if (previousLive) secrets.push(endpoint.previousSecret!);
  const headers = {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
    'webhook-signature': webhookSignature(secrets, id, timestamp, body),
  };
  return post(endpoint.url, headers, body, allowPrivate);
}
