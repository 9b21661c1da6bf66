// From the event log to the job queue: each committed event wakes the endpoints that want its kind (the delivery
// itself reads the log from each endpoint's cursor, so a wake-up lost to a crash only delays it); at start, every
// endpoint is woken, which picks up whatever a stopped or killed instance left.
import type { Logger } from 'pino';
import type { Sql } from '../db/sql.js';
import type { EventView } from '../events/event.entity.js';
import type { JobQueue } from '../jobs/queue.js';
import { WebhookDelivery, type DeliverySettings } from './delivery.js';

const DRAIN_TASK = 'webhook-drain';
/** The endpoints and their kinds are read again after this long (another instance may have changed them). */
const ENDPOINTS_TTL_MS = 5_000;

interface EndpointKinds {
  id: string;
  kinds: string[] | null;
}

export class WebhookDispatch {
  private queue: JobQueue | null = null;
  private endpoints: Promise<EndpointKinds[]> | null = null;
  private readAt = 0;
  /** The kinds of the events of this turn, whose endpoints are woken at its end. */
  private readonly kinds = new Set<string>();
  private wakeScheduled = false;
  readonly delivery: WebhookDelivery;

  constructor(
    private readonly sql: Sql,
    settings: DeliverySettings,
    private readonly logger: Logger,
  ) {
    this.delivery = new WebhookDelivery(sql, settings, (endpointId, at, kind) => this.wake(endpointId, at, kind), logger);
  }

  /** The job queue's tasks this part runs. */
  get tasks() {
    return { [DRAIN_TASK]: async (payload: unknown) => this.delivery.drain((payload as { endpointId: string }).endpointId) };
  }

  /** Starts waking endpoints through the queue, first every endpoint (what was left undone). */
  async start(queue: JobQueue): Promise<void> {
    this.queue = queue;
    for (const endpoint of await this.enabledEndpoints(true)) await this.wake(endpoint.id);
  }

  stop(): void {
    this.queue = null;
  }

  /**
   * Drains the endpoint now, or at `at`. A wake-up without a time leaves a retry's later time alone, so an endpoint
   * waiting to retry keeps waiting, with the events after it behind. A fallback (for a drain that may have died) has a
   * job of its own.
   */
  async wake(endpointId: string, at?: Date, kind?: 'fallback'): Promise<void> {
    // Draining it here already: that drain takes the new events too.
    if (!at && !kind && this.delivery.wakeLocal(endpointId)) return;
    const key = kind === 'fallback' ? `webhook-fallback:${endpointId}` : `webhook:${endpointId}`;
    await this.queue?.add(DRAIN_TASK, { endpointId }, { key, runAt: at, keepRunAt: !at });
  }

  /** An endpoint was added or changed here: read them again, and drain it. */
  async changed(endpointId: string): Promise<void> {
    this.endpoints = null;
    await this.wake(endpointId);
  }

  /** The feed's listener: wake each endpoint that wants this kind, once for all the events of one turn. */
  onEvent(event: EventView): void {
    if (!this.queue) return;
    this.kinds.add(event.kind);
    if (this.wakeScheduled) return;
    this.wakeScheduled = true;
    setImmediate(() => {
      const kinds = [...this.kinds];
      this.kinds.clear();
      this.wakeScheduled = false;
      void this.enabledEndpoints(false)
        .then(async (endpoints) => {
          for (const endpoint of endpoints) if (!endpoint.kinds || endpoint.kinds.some((k) => kinds.includes(k))) await this.wake(endpoint.id);
        })
        .catch((err: unknown) => this.logger.error({ err }, 'waking webhook endpoints failed'));
    });
  }

  private enabledEndpoints(fresh: boolean): Promise<EndpointKinds[]> {
    if (fresh || !this.endpoints || Date.now() - this.readAt > ENDPOINTS_TTL_MS) {
      this.readAt = Date.now();
      this.endpoints = this.sql.query<{ id: string; kinds: string[] | null }>('select id, kinds from webhook_endpoints where enabled').then(
        (rows) => rows.map((r) => ({ id: r.id, kinds: r.kinds })),
        (err: unknown) => {
          this.endpoints = null;
          throw err;
        },
      );
    }
    return this.endpoints;
  }
}
