// Webhook endpoints (where an organisation's workflows hear of events) and their deliveries: one row per event and
// endpoint, kept with its attempts, so a retry, a restart or another instance picks up exactly where it stopped.
import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { User } from '../users/user.entity.js';

export const WebhookEndpoint = defineEntity({
  name: 'WebhookEndpoint',
  tableName: 'webhook_endpoints',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    url: p.string().length(2048),
    description: p.string().length(500).nullable(),
    /** Event kinds sent; null: every kind. */
    kinds: p.array().nullable(),
    /** `whsec_` + base64: signs every delivery. */
    secret: p.string().length(128),
    /** After a rotation, the previous secret signs too until previousSecretUntil. */
    previousSecret: p.string().length(128).nullable(),
    previousSecretUntil: p.datetime().nullable(),
    /** The log position of the last event this endpoint is done with (delivered, or not one of its kinds). */
    cursor: p.bigint('string').default('0'),
    enabled: p.boolean().default(true),
    /** Which process drains this endpoint, until when (src/webhooks/delivery.ts): one at a time, everywhere. */
    leaseOwner: p.uuid().nullable(),
    leaseUntil: p.datetime().nullable(),
    /** A wake-up came while another drain held the lease: that drain looks again before it lets go. */
    wakeRequested: p.boolean().default(false),
    /** Since when every attempt has failed; null while deliveries succeed. */
    failingSince: p.datetime().nullable(),
    createdBy: p.manyToOne(User).nullable().deleteRule('set null'),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type WebhookEndpoint = InferEntity<typeof WebhookEndpoint>;

export const DELIVERY_STATUSES = ['PENDING', 'SUCCEEDED', 'FAILED'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export const WebhookDelivery = defineEntity({
  name: 'WebhookDelivery',
  tableName: 'webhook_deliveries',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    endpoint: p.manyToOne(WebhookEndpoint).deleteRule('cascade'),
    /** The event's id: with the endpoint, the stable `webhook-id` every attempt carries. */
    eventId: p.bigint('string'),
    eventPosition: p.bigint('string'),
    status: p.enum([...DELIVERY_STATUSES]).default('PENDING'),
    attempts: p.integer().default(0),
    responseStatus: p.integer().nullable(),
    durationMs: p.integer().nullable(),
    lastError: p.string().length(1024).nullable(),
    /** The first 1 KB of the last response's body. */
    responseBody: p.string().length(1024).nullable(),
    nextAttemptAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    deliveredAt: p.datetime().nullable(),
  },
  uniques: [{ properties: ['endpoint', 'eventId'] }],
  indexes: [{ properties: ['endpoint', 'eventPosition'] }],
});
export type WebhookDelivery = InferEntity<typeof WebhookDelivery>;
