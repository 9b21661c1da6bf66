// Webhook endpoints: registering, changing, rotating the secret of and removing them, and reading their deliveries.
// Who may do so is the GraphQL face's business (admins; API keys with WEBHOOKS_MANAGE); the rules are here.
import { randomBytes } from 'node:crypto';
import type { DomainContext } from '../actor.js';
import { NotFound, WebhookUrlRefused } from '../errors.js';
import type { EventKind } from '../events/event.entity.js';
import { globalId } from '../graphql/ids.js';
import { webhookUrlRefusal } from './address.js';
import { signedPost } from './delivery.js';
import { WebhookDelivery, WebhookEndpoint } from './webhook.entity.js';

/** After a rotation, the previous secret signs alongside the new one for this long. */
export const PREVIOUS_SECRET_MS = 24 * 3600 * 1000;

export interface EndpointInput {
  url: string;
  kinds?: EventKind[] | null;
  description?: string | null;
}

/** `whsec_` + base64 of 32 random bytes (Standard Webhooks' form). */
function newSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

async function checkedUrl(url: string, allowPrivate: boolean): Promise<WebhookUrlRefused | null> {
  const refusal = await webhookUrlRefusal(url, allowPrivate);
  return refusal ? new WebhookUrlRefused(refusal) : null;
}

/** Registers an endpoint that receives the events committed from now on; its secret is returned this once. */
export async function createWebhookEndpoint(
  dc: DomainContext,
  input: EndpointInput,
  allowPrivate: boolean,
): Promise<{ endpoint: WebhookEndpoint; secret: string } | WebhookUrlRefused> {
  const refused = await checkedUrl(input.url, allowPrivate);
  if (refused) return refused;
  const secret = newSecret();
  const [end] = await dc.sql.query<{ position: string }>('select coalesce(max(position), 0)::text as position from events');
  const endpoint = dc.em.create(WebhookEndpoint, {
    url: input.url,
    kinds: input.kinds?.length ? [...new Set(input.kinds)] : null,
    description: input.description ?? null,
    secret,
    cursor: end?.position ?? '0',
    createdBy: dc.actor ? dc.actor.user.id : null,
  });
  await dc.em.flush();
  return { endpoint, secret };
}

export async function findWebhookEndpoint(dc: DomainContext, id: string): Promise<WebhookEndpoint | null> {
  return dc.em.findOne(WebhookEndpoint, { id });
}

/** Changes what is given; enabling again clears the failure streak. */
export async function updateWebhookEndpoint(
  dc: DomainContext,
  id: string,
  input: Partial<EndpointInput> & { enabled?: boolean },
  allowPrivate: boolean,
): Promise<WebhookEndpoint | NotFound | WebhookUrlRefused> {
  const endpoint = await findWebhookEndpoint(dc, id);
  if (!endpoint) return new NotFound('Webhook endpoint');
  if (input.url !== undefined) {
    const refused = await checkedUrl(input.url, allowPrivate);
    if (refused) return refused;
    endpoint.url = input.url;
  }
  if (input.kinds !== undefined) endpoint.kinds = input.kinds?.length ? [...new Set(input.kinds)] : null;
  if (input.description !== undefined) endpoint.description = input.description;
  if (input.enabled !== undefined) {
    if (input.enabled && !endpoint.enabled) endpoint.failingSince = null;
    endpoint.enabled = input.enabled;
  }
  await dc.em.flush();
  return endpoint;
}

/** A new secret, returned this once; the old one keeps signing beside it for PREVIOUS_SECRET_MS. */
export async function rotateWebhookSecret(dc: DomainContext, id: string): Promise<{ endpoint: WebhookEndpoint; secret: string } | NotFound> {
  const endpoint = await findWebhookEndpoint(dc, id);
  if (!endpoint) return new NotFound('Webhook endpoint');
  endpoint.previousSecret = endpoint.secret;
  endpoint.previousSecretUntil = new Date(Date.now() + PREVIOUS_SECRET_MS);
  endpoint.secret = newSecret();
  await dc.em.flush();
  return { endpoint, secret: endpoint.secret };
}

/** Removes an endpoint and its deliveries; nothing more is sent to it. */
export async function deleteWebhookEndpoint(dc: DomainContext, id: string): Promise<WebhookEndpoint | NotFound> {
  const endpoint = await findWebhookEndpoint(dc, id);
  if (!endpoint) return new NotFound('Webhook endpoint');
  await dc.em.remove(endpoint).flush();
  return endpoint;
}

export async function listWebhookEndpoints(dc: DomainContext): Promise<WebhookEndpoint[]> {
  return dc.em.find(WebhookEndpoint, {}, { orderBy: { createdAt: 'asc', id: 'asc' } });
}

/** An endpoint's deliveries, newest event first, `first` of them after the cursor (an event position). */
export async function listDeliveries(dc: DomainContext, endpointId: string, first: number, after?: string): Promise<WebhookDelivery[]> {
  return dc.em.find(
    WebhookDelivery,
    { endpoint: endpointId, ...(after ? { eventPosition: { $lt: after } } : {}) },
    { orderBy: { eventPosition: 'desc' }, limit: first },
  );
}

/** The outcome of sendTestWebhook: what the endpoint answered. */
export interface TestSend {
  ok: boolean;
  responseStatus: number | null;
  durationMs: number;
  error: string | null;
}

/** Posts a signed `webhook.test` message to the endpoint now (not an event: nothing is recorded or retried). */
export async function sendTestWebhook(dc: DomainContext, id: string, allowPrivate: boolean): Promise<TestSend | NotFound> {
  const endpoint = await findWebhookEndpoint(dc, id);
  if (!endpoint) return new NotFound('Webhook endpoint');
  const at = new Date().toISOString();
  const body = JSON.stringify({ type: 'webhook.test', timestamp: at, data: { endpoint: globalId('WebhookEndpoint', endpoint.id), at } });
  const attempt = await signedPost(
    { url: endpoint.url, secret: endpoint.secret, previousSecret: endpoint.previousSecret ?? null, previousSecretUntil: endpoint.previousSecretUntil ?? null },
    `msg_test_${randomBytes(12).toString('hex')}`,
    body,
    allowPrivate,
  );
  return { ok: attempt.ok, responseStatus: attempt.status, durationMs: attempt.durationMs, error: attempt.error };
}

/** Sends one delivery again from its first attempt, in its place in the endpoint's order. */
export async function redeliverWebhook(dc: DomainContext, deliveryId: string): Promise<WebhookDelivery | NotFound> {
  const delivery = await dc.em.findOne(WebhookDelivery, { id: deliveryId });
  if (!delivery) return new NotFound('Webhook delivery');
  delivery.status = 'PENDING';
  delivery.nextAttemptAt = null;
  await dc.em.flush();
  return delivery;
}

/**
 * Sends the endpoint every event of its kinds after `afterPosition` again, in order: their earlier deliveries are
 * replaced by new ones (the same webhook-id each, so a receiver that keeps ids drops what it already has).
 */
export async function replayWebhooks(dc: DomainContext, endpointId: string, afterPosition: string): Promise<WebhookEndpoint | NotFound> {
  const endpoint = await findWebhookEndpoint(dc, endpointId);
  if (!endpoint) return new NotFound('Webhook endpoint');
  await dc.em.transactional(async (tx) => {
    await tx.nativeDelete(WebhookDelivery, { endpoint: endpointId, eventPosition: { $gt: afterPosition } });
    await tx.nativeUpdate(WebhookEndpoint, { id: endpointId }, { cursor: afterPosition });
  });
  await dc.em.refresh(endpoint);
  return endpoint;
}
