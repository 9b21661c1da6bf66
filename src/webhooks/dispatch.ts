// From the event log to the job queue: each committed event wakes the endpoints that want its kind (the delivery
// itself reads the log from each endpoint's cursor, so a wake-up lost to a crash only delays it); at start, every
// endpoint is woken, which picks up whatever a stopped or killed instance left.
import type { Logger } from 'pino';
import type { Sql } from '../db/sql.js';
import type { EventView } from '../events/event.entity.js';
import type { JobQueue } from '../jobs/queue.js';
import { WebhookDelivery, type DeliverySettings } from './delivery.js';

export const DRAIN_TASK = 'webhook-drain';
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
  readonly delivery: WebhookDelivery;

  constructor(
    private readonly sql: Sql,
    settings: DeliverySettings,
    private readonly logger: Logger,
  ) {
    this.delivery = new WebhookDelivery(sql, settings, (endpointId, at) => this.wake(endpointId, at), logger);
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
   * waiting to retry keeps waiting, with the events after it behind.
   */
  async wake(endpointId: string, at?: Date): Promise<void> {
    await this.queue?.add(DRAIN_TASK, { endpointId }, { key: `webhook:${endpointId}`, runAt: at, keepRunAt: !at });
  }

  /** An endpoint was added or changed here: read them again, and drain it. */
  async changed(endpointId: string): Promise<void> {
    this.endpoints = null;
    await this.wake(endpointId);
  }

  /** The feed's listener: wake each endpoint that wants this kind. */
  onEvent(event: EventView): void {
    if (!this.queue) return;
    void this.enabledEndpoints(false)
      .then(async (endpoints) => {
        for (const endpoint of endpoints) if (!endpoint.kinds || endpoint.kinds.includes(event.kind)) await this.wake(endpoint.id);
      })
      .catch((err: unknown) => this.logger.error({ err }, 'waking webhook endpoints failed'));
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
