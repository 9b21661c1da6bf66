// Webhook delivery: each endpoint drains the event log in order from its cursor, one event at a time, under a lease
// that only one instance holds, so an endpoint's next event waits for the one before and no attempt is sent twice
// at once. Every attempt is recorded before the next step; a failure waits its turn in the retry schedule (the job
// queue wakes the endpoint then), and a crashed instance's lease runs out so another picks up where it stopped.
import { randomUUID } from 'node:crypto';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Logger } from 'pino';
import { useAgent } from 'request-filtering-agent';
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

/** Asks the job queue to drain an endpoint, now or at a time. */
export type WakeEndpoint = (endpointId: string, at?: Date) => Promise<void>;

export interface Attempt {
  ok: boolean;
  status: number | null;
  durationMs: number;
  error: string | null;
  body: string | null;
}

const LEASE = `
  update webhook_endpoints set lease_owner = $2, lease_until = now() + $3 * interval '1 millisecond'
  where id = $1 and enabled and (lease_until is null or lease_until < now() or lease_owner = $2)
  returning id, url, kinds, secret, previous_secret, previous_secret_until, cursor`;
const LEASE_HELD_UNTIL = `select enabled, lease_until from webhook_endpoints where id = $1`;
const RELEASE = `update webhook_endpoints set lease_owner = null, lease_until = null where id = $1 and lease_owner = $2`;
const NEXT_PENDING = `
  select id, event_id, attempts, next_attempt_at from webhook_deliveries
  where endpoint_id = $1 and status = 'PENDING' order by event_position limit 1`;
/** The endpoint's next event of its kinds after its cursor becomes a pending delivery, and the cursor moves past it. */
const TAKE_NEXT_EVENT = `
  with next as (
    select e.id, e.position from events e
    where e.position > $2 and ($3::text[] is null or e.kind = any($3::text[]))
    order by e.position limit 1
  ), created as (
    insert into webhook_deliveries (id, endpoint_id, event_id, event_position, status, attempts, created_at)
    select $4, $1, next.id, next.position, 'PENDING', 0, now() from next
    on conflict (endpoint_id, event_id) do nothing
    returning id
  )
  update webhook_endpoints set cursor = next.position from next where webhook_endpoints.id = $1
  returning next.position`;
const EVENT_FOR_DELIVERY = `
  select e.id, e.position, e.kind, e.at, e.actor_id, e.user_id, e.device_id, e.device_name, e.from_status, e.to_status,
         e.detail, d.name as device_current_name, d.status as device_status, d.platform as device_platform,
         d.os_version as device_os_version, d.model as device_model, d.app_name as device_app_name,
         d.app_version as device_app_version, u.email as user_email, u.display_name as user_display_name,
         a.email as actor_email
  from events e
  left join devices d on d.id = e.device_id
  left join users u on u.id = e.user_id
  left join users a on a.id = e.actor_id
  where e.id = $1`;
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
  const event = eventInsert(system, { kind: 'WEBHOOK_DISABLED', actorId: null }, new Date(), param, {
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

/** One POST, no redirects followed, to a public address unless private ones are allowed. */
export function post(url: string, headers: Record<string, string>, body: string, allowPrivate: boolean): Promise<Attempt> {
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
        agent: useAgent(url, { allowPrivateIPAddress: allowPrivate, allowMetaIPAddress: false }),
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
  /** This process's name in leases. */
  private readonly owner = randomUUID();

  constructor(
    private readonly sql: Sql,
    private readonly settings: DeliverySettings,
    private readonly wake: WakeEndpoint,
    private readonly logger: Logger,
  ) {}

  /** Sends the endpoint's due events in order, until none is left, one fails, or the drain has had its share. */
  async drain(endpointId: string): Promise<void> {
    const [endpoint] = await this.sql.query(LEASE, [endpointId, this.owner, LEASE_MS], { prepared: false });
    if (!endpoint) {
      // Another instance is draining it (or it is disabled or gone): come back when that lease ends.
      const [held] = await this.sql.query(LEASE_HELD_UNTIL, [endpointId]);
      if (held?.enabled && held.lease_until) await this.wake(endpointId, new Date((held.lease_until as Date).getTime() + 100));
      return;
    }
    try {
      for (let sent = 0; sent < EVENTS_PER_DRAIN; sent++) {
        const outcome = await this.next(endpoint);
        if (outcome === 'idle') return;
        if (outcome === 'waiting') return;
      }
      await this.wake(endpointId);
    } finally {
      await this.sql.query(RELEASE, [endpointId, this.owner]);
    }
  }

  /** One step: attempt the oldest pending delivery, or take the next event from the log. */
  private async next(endpoint: Row): Promise<'sent' | 'idle' | 'waiting'> {
    const endpointId = endpoint.id as string;
    const [pending] = await this.sql.query(NEXT_PENDING, [endpointId]);
    if (!pending) {
      const [taken] = await this.sql.query(TAKE_NEXT_EVENT, [endpointId, endpoint.cursor, endpoint.kinds ?? null, randomUUID()], { prepared: false });
      if (!taken) return 'idle';
      endpoint.cursor = taken.position;
      return 'sent';
    }
    const due = pending.next_attempt_at as Date | null;
    if (due && due.getTime() > Date.now()) {
      await this.wake(endpointId, due);
      return 'waiting';
    }
    // Still ours? (A stalled process whose lease ran out must not send alongside the one that took over.)
    const [renewed] = await this.sql.query(LEASE, [endpointId, this.owner, LEASE_MS], { prepared: false });
    if (!renewed) return 'waiting';
    const [event] = await this.sql.query(EVENT_FOR_DELIVERY, [pending.event_id]);
    const attempt = event ? await this.send(renewed, event) : ({ ok: false, status: null, durationMs: 0, error: 'the event is gone', body: null } as Attempt);
    const attempts = (pending.attempts as number) + 1;
    const waitMs = this.settings.retryScheduleMs[attempts - 1];
    const status = attempt.ok ? 'SUCCEEDED' : waitMs === undefined ? 'FAILED' : 'PENDING';
    const nextAttemptAt = status === 'PENDING' ? new Date(Date.now() + withJitter(waitMs!)) : null;
    await this.sql.query(RECORD_ATTEMPT, [pending.id, status, attempt.status, attempt.durationMs, attempt.error, attempt.body, nextAttemptAt]);
    await this.sql.query(attempt.ok ? MARK_HEALTHY : MARK_FAILING, [endpointId]);
    if (!attempt.ok) {
      const disable = disableIfFailing(endpointId, this.settings.disableAfterMs);
      const [disabled] = await this.sql.query(disable.text, disable.values, { prepared: false });
      if (disabled) {
        this.logger.warn({ endpointId }, 'webhook endpoint disabled: every attempt has failed for too long');
        return 'waiting';
      }
    }
    this.logger.info({ endpointId, eventId: pending.event_id, attempt: attempts, status: attempt.status, ms: attempt.durationMs, outcome: status }, 'webhook attempt');
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
