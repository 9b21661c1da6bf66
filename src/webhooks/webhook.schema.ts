// GraphQL face of webhooks: endpoints (admins, and API keys with WEBHOOKS_MANAGE) and their deliveries.
import { z } from 'zod';
import { NotFound, WebhookUrlRefused } from '../errors.js';
import { builder } from '../graphql/builder.js';
import { errorType } from '../graphql/errors.js';
import { globalId, localId } from '../graphql/ids.js';
import { EventKindEnum } from '../graphql/refs.js';
import type { EventKind } from '../events/event.entity.js';
import { cursorPosition } from '../events/events.js';
import { eventCursorText } from './payload.js';
import type { DELIVERY_STATUSES, WebhookDelivery, WebhookEndpoint } from './webhook.entity.js';
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  findWebhookEndpoint,
  listDeliveries,
  listWebhookEndpoints,
  redeliverWebhook,
  replayWebhooks,
  rotateWebhookSecret,
  sendTestWebhook,
  updateWebhookEndpoint,
  type TestSend,
} from './webhooks.js';

const MANAGE = { $any: { admin: true, webhooksManage: true } } as const;

errorType(WebhookUrlRefused, 'WebhookUrlRefused', 'The URL cannot receive webhooks: not http(s), carrying credentials, or not a public address');

const DeliveryStatusEnum = builder.enumType('WebhookDeliveryStatus', {
  description: "Where one event's delivery to one endpoint stands",
  values: {
    PENDING: { description: 'Not delivered yet: waiting its turn, or its next attempt (nextAttemptAt)' },
    SUCCEEDED: { description: 'The endpoint answered 2xx' },
    FAILED: { description: 'Every attempt of the retry schedule failed; the endpoint went on to the next event' },
  } satisfies Record<(typeof DELIVERY_STATUSES)[number], object>,
});

const WebhookDeliveryRef = builder.objectRef<WebhookDelivery>('WebhookDelivery').implement({
  description: "One event's delivery to one endpoint, with its last attempt",
  fields: (t) => ({
    id: t.id({ description: 'The delivery', resolve: (d) => globalId('WebhookDelivery', d.id) }),
    eventCursor: t.string({ description: "The event's cursor in the log (as Event.cursor)", resolve: (d) => eventCursorText(d.eventPosition) }),
    status: t.field({ type: DeliveryStatusEnum, description: 'Delivered, waiting, or given up', resolve: (d) => d.status }),
    attempts: t.exposeInt('attempts', { description: 'Attempts made so far' }),
    responseStatus: t.exposeInt('responseStatus', { nullable: true, description: "The last attempt's HTTP status; null if none came back" }),
    durationMs: t.exposeInt('durationMs', { nullable: true, description: 'How long the last attempt took, in milliseconds' }),
    lastError: t.exposeString('lastError', { nullable: true, description: "Why the last attempt failed; null if it succeeded or none was made" }),
    nextAttemptAt: t.field({ type: 'DateTime', nullable: true, description: 'When the next attempt is due; null when none is', resolve: (d) => d.nextAttemptAt ?? null }),
    deliveredAt: t.field({ type: 'DateTime', nullable: true, description: 'When the endpoint accepted it; null until then', resolve: (d) => d.deliveredAt ?? null }),
  }),
});

const WebhookEndpointRef = builder.objectRef<WebhookEndpoint>('WebhookEndpoint').implement({
  description: 'Where Gatehouse posts events, signed with Standard Webhooks',
  isTypeOf: (value) => typeof value === 'object' && value !== null && 'url' in value && 'cursor' in value,
  fields: (t) => ({
    id: t.id({ description: 'The endpoint', resolve: (e) => globalId('WebhookEndpoint', e.id) }),
    url: t.exposeString('url', { description: 'Where events are posted' }),
    description: t.exposeString('description', { nullable: true, description: 'What it is for; null if none was given' }),
    kinds: t.field({
      type: [EventKindEnum],
      nullable: true,
      description: 'The event kinds sent; null: every kind',
      resolve: (e) => (e.kinds as EventKind[] | null) ?? null,
    }),
    enabled: t.exposeBoolean('enabled', { description: 'Whether events are sent to it' }),
    failingSince: t.field({ type: 'DateTime', nullable: true, description: 'Since when every attempt has failed; null while it succeeds', resolve: (e) => e.failingSince ?? null }),
    cursor: t.string({ description: 'The cursor of the last event taken for delivery (as Event.cursor)', resolve: (e) => eventCursorText(e.cursor) }),
    createdAt: t.field({ type: 'DateTime', description: 'When it was registered', resolve: (e) => e.createdAt }),
    deliveries: t.field({
      type: [WebhookDeliveryRef],
      description: 'Its deliveries, newest event first',
      args: {
        first: t.arg.int({ description: 'How many, 1 to 100 (default 20)', validate: z.number().int().min(1).max(100) }),
        after: t.arg.string({ description: 'Only deliveries of events before this eventCursor (the next page)', validate: z.string().max(40) }),
      },
      resolve: (e, args, ctx) => listDeliveries(ctx, e.id, args.first ?? 20, args.after ? positionOf(args.after) : undefined),
    }),
  }),
});

const WebhookEndpointCreatedRef = builder.objectRef<{ endpoint: WebhookEndpoint; secret: string }>('WebhookEndpointCreated').implement({
  description: 'An endpoint with its signing secret, shown this once',
  isTypeOf: (value) => typeof value === 'object' && value !== null && 'secret' in value && 'endpoint' in value,
  fields: (t) => ({
    endpoint: t.field({ type: WebhookEndpointRef, description: 'The endpoint', resolve: (c) => c.endpoint }),
    secret: t.exposeString('secret', { description: '`whsec_` + base64: verify each delivery with it (Standard Webhooks); shown only now' }),
  }),
});

const kindsArg = z.array(z.string()).max(50).nullish();
const urlValidation = z.string().trim().min(1, 'must not be empty').max(2048, 'must be at most 2048 characters');
const descriptionValidation = z.string().trim().max(500, 'must be at most 500 characters').nullish();

const WebhookEndpointInput = builder.inputType('WebhookEndpointInput', {
  description: 'A new endpoint',
  fields: (t) => ({
    url: t.string({ required: true, description: 'http(s) URL of a public address (private ones only with WEBHOOKS_ALLOW_PRIVATE)', validate: urlValidation }),
    kinds: t.field({ type: [EventKindEnum], description: 'Only these event kinds; left out or empty: every kind', validate: kindsArg }),
    description: t.string({ description: 'What it is for', validate: descriptionValidation }),
  }),
});

const WebhookEndpointChanges = builder.inputType('WebhookEndpointChanges', {
  description: 'What to change; a field left out stays as it is',
  fields: (t) => ({
    url: t.string({ description: 'A new URL (checked as on creation)', validate: urlValidation.optional() }),
    kinds: t.field({ type: [EventKindEnum], description: 'New kinds; empty: every kind', validate: kindsArg }),
    description: t.string({ description: 'A new description', validate: descriptionValidation }),
    enabled: t.boolean({ description: 'Stop (false) or resume (true) sending; resuming clears the failure streak' }),
  }),
});

const EndpointCreatedResult = builder.errorUnion('WebhookEndpointCreatedResult', {
  description: 'The endpoint and its secret, or WebhookUrlRefused',
  types: [WebhookEndpointCreatedRef, WebhookUrlRefused],
  // The errors are told apart by the plugin; named here, graphql-jit (which runs hot mutations) needs no isTypeOf.
  resolveType: () => 'WebhookEndpointCreated',
});
const EndpointResult = builder.errorUnion('WebhookEndpointResult', {
  description: 'The endpoint, or NotFound / WebhookUrlRefused',
  types: [WebhookEndpointRef, NotFound, WebhookUrlRefused],
  resolveType: () => 'WebhookEndpoint',
});
const SecretRotatedResult = builder.errorUnion('WebhookSecretRotatedResult', {
  description: 'The endpoint and its new secret, or NotFound',
  types: [WebhookEndpointCreatedRef, NotFound],
  resolveType: () => 'WebhookEndpointCreated',
});
const EndpointDeletedResult = builder.errorUnion('WebhookEndpointOrNotFound', {
  description: 'The endpoint, or NotFound',
  types: [WebhookEndpointRef, NotFound],
  resolveType: () => 'WebhookEndpoint',
});

const WebhookTestRef = builder.objectRef<TestSend>('WebhookTest').implement({
  description: 'What the endpoint answered a signed `webhook.test` message',
  isTypeOf: (value) => typeof value === 'object' && value !== null && 'ok' in value && 'durationMs' in value,
  fields: (t) => ({
    ok: t.exposeBoolean('ok', { description: 'Whether it answered 2xx within 10 seconds' }),
    responseStatus: t.exposeInt('responseStatus', { nullable: true, description: 'Its HTTP status; null if none came back' }),
    durationMs: t.exposeInt('durationMs', { description: 'How long the attempt took, in milliseconds' }),
    error: t.exposeString('error', { nullable: true, description: 'Why it failed; null if it succeeded' }),
  }),
});

const TestResult = builder.errorUnion('WebhookTestResult', {
  description: "The endpoint's answer, or NotFound",
  types: [WebhookTestRef, NotFound],
  resolveType: () => 'WebhookTest',
});
const DeliveryResult = builder.errorUnion('WebhookDeliveryResult', {
  description: 'The delivery, due again, or NotFound',
  types: [WebhookDeliveryRef, NotFound],
  resolveType: () => 'WebhookDelivery',
});

const endpointId = (id: string) => localId(id, 'WebhookEndpoint');

/** An Event.cursor (or WebhookDelivery.eventCursor) to its log position; anything else is bad input. */
function positionOf(cursor: string): string {
  const position = cursorPosition(Buffer.from(cursor, 'base64url').toString('utf8'));
  return position!;
}

builder.queryFields((t) => ({
  webhookEndpoints: t.field({
    type: [WebhookEndpointRef],
    description: 'Every webhook endpoint, oldest first (admins; API keys with WEBHOOKS_MANAGE)',
    authScopes: MANAGE,
    resolve: (_root, _args, ctx) => listWebhookEndpoints(ctx),
  }),
  webhookEndpoint: t.field({
    type: WebhookEndpointRef,
    nullable: true,
    description: 'One endpoint; null if there is none with this id',
    authScopes: MANAGE,
    args: { id: t.arg.id({ required: true, description: "The endpoint's id" }) },
    resolve: async (_root, args, ctx) => {
      const id = endpointId(String(args.id));
      return id ? findWebhookEndpoint(ctx, id) : null;
    },
  }),
}));

builder.mutationFields((t) => ({
  createWebhookEndpoint: t.field({
    type: EndpointCreatedResult,
    description: 'Register an endpoint: it receives the events committed from now on, in log order, signed',
    authScopes: MANAGE,
    args: { input: t.arg({ type: WebhookEndpointInput, required: true, description: 'Where, and which kinds' }) },
    resolve: async (_root, { input }, ctx) => {
      const created = await createWebhookEndpoint(ctx, { url: input.url, kinds: input.kinds, description: input.description }, ctx.webhooks.allowPrivate);
      if (!(created instanceof Error)) await ctx.webhooks.changed(created.endpoint.id);
      return created;
    },
  }),
  updateWebhookEndpoint: t.field({
    type: EndpointResult,
    description: "Change an endpoint's URL, kinds, description, or whether it is enabled",
    authScopes: MANAGE,
    args: {
      id: t.arg.id({ required: true, description: "The endpoint's id" }),
      input: t.arg({ type: WebhookEndpointChanges, required: true, description: 'What to change' }),
    },
    resolve: async (_root, { id, input }, ctx) => {
      const local = endpointId(String(id));
      if (!local) return new NotFound('Webhook endpoint');
      const updated = await updateWebhookEndpoint(
        ctx,
        local,
        { url: input.url ?? undefined, kinds: input.kinds, description: input.description, enabled: input.enabled ?? undefined },
        ctx.webhooks.allowPrivate,
      );
      if (!(updated instanceof Error)) await ctx.webhooks.changed(updated.id);
      return updated;
    },
  }),
  rotateWebhookSecret: t.field({
    type: SecretRotatedResult,
    description: 'A new signing secret, shown once; the old one keeps signing beside it for 24 hours',
    authScopes: MANAGE,
    args: { id: t.arg.id({ required: true, description: "The endpoint's id" }) },
    resolve: async (_root, { id }, ctx) => {
      const local = endpointId(String(id));
      return local ? rotateWebhookSecret(ctx, local) : new NotFound('Webhook endpoint');
    },
  }),
  sendTestWebhook: t.field({
    type: TestResult,
    description: 'Post a signed `webhook.test` message to the endpoint now and answer what it said (nothing is recorded or retried)',
    authScopes: MANAGE,
    args: { id: t.arg.id({ required: true, description: "The endpoint's id" }) },
    resolve: async (_root, { id }, ctx) => {
      const local = endpointId(String(id));
      return local ? sendTestWebhook(ctx, local, ctx.webhooks.allowPrivate) : new NotFound('Webhook endpoint');
    },
  }),
  redeliverWebhook: t.field({
    type: DeliveryResult,
    description: "Send one delivery again (a delivered or given-up one too), in its place in the endpoint's order",
    authScopes: MANAGE,
    args: { deliveryId: t.arg.id({ required: true, description: "The delivery's id" }) },
    resolve: async (_root, { deliveryId }, ctx) => {
      const local = localId(String(deliveryId), 'WebhookDelivery');
      const delivery = local ? await redeliverWebhook(ctx, local) : new NotFound('Webhook delivery');
      if (!(delivery instanceof Error)) await ctx.webhooks.changed(delivery.endpoint.id);
      return delivery;
    },
  }),
  replayWebhooks: t.field({
    type: EndpointDeletedResult,
    description: 'Send the endpoint every event of its kinds after this cursor again, in order (their earlier deliveries are replaced)',
    authScopes: MANAGE,
    args: {
      endpointId: t.arg.id({ required: true, description: "The endpoint's id" }),
      after: t.arg.string({ required: true, description: 'An Event.cursor (or a delivery eventCursor): the events after it are sent again', validate: z.string().max(40) }),
    },
    resolve: async (_root, args, ctx) => {
      const local = endpointId(String(args.endpointId));
      if (!local) return new NotFound('Webhook endpoint');
      const endpoint = await replayWebhooks(ctx, local, positionOf(args.after));
      if (!(endpoint instanceof Error)) await ctx.webhooks.changed(endpoint.id);
      return endpoint;
    },
  }),
  deleteWebhookEndpoint: t.field({
    type: EndpointDeletedResult,
    description: 'Remove an endpoint and its deliveries',
    authScopes: MANAGE,
    args: { id: t.arg.id({ required: true, description: "The endpoint's id" }) },
    resolve: async (_root, { id }, ctx) => {
      const local = endpointId(String(id));
      return local ? deleteWebhookEndpoint(ctx, local) : new NotFound('Webhook endpoint');
    },
  }),
}));
