// Email alerts to admins: each admin's own settings, the log position up to which alerts have been decided, the
// alerts waiting for an admin's next digest, and each digest as composed (so a retry sends the very same message).
import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { User } from '../users/user.entity.js';

/** An admin's own switches; no row: every alert on. */
export const AlertSettings = defineEntity({
  name: 'AlertSettings',
  tableName: 'alert_settings',
  properties: {
    user: p.manyToOne(User).primary().deleteRule('cascade'),
    /** An email when a device is registered PENDING (grouped per ALERT_DIGEST_SECONDS). */
    newDevicePending: p.boolean().default(true),
    updatedAt: p.datetime().onCreate(() => new Date()),
  },
});
export type AlertSettings = InferEntity<typeof AlertSettings>;

/** One row (id 1): the position of the last event alerts were decided for (the migration starts it at the end of the log). */
export const AlertCursor = defineEntity({
  name: 'AlertCursor',
  tableName: 'alert_cursor',
  properties: {
    id: p.integer().primary().autoincrement(false),
    position: p.bigint('string').default('0'),
  },
});
export type AlertCursor = InferEntity<typeof AlertCursor>;

export const DIGEST_STATUSES = ['SENDING', 'SENT'] as const;
export type DigestStatus = (typeof DIGEST_STATUSES)[number];

/** One email to one admin: composed once, then sent until it is accepted; a retry sends the same bytes. */
export const AlertDigest = defineEntity({
  name: 'AlertDigest',
  tableName: 'alert_digests',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    admin: p.manyToOne(User).deleteRule('cascade'),
    recipient: p.string().length(254),
    status: p.enum([...DIGEST_STATUSES]).default('SENDING'),
    /** How many devices it names. */
    alerts: p.integer(),
    /** The whole message (RFC 5322), as sent: its Message-ID is the same on every attempt. */
    message: p.text().lazy(),
    messageId: p.string().length(255),
    attempts: p.integer().default(0),
    lastError: p.string().length(1024).nullable(),
    nextAttemptAt: p.datetime().nullable(),
    /** Which process is sending it, until when: one at a time, everywhere. */
    leaseOwner: p.uuid().nullable(),
    leaseUntil: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    sentAt: p.datetime().nullable(),
  },
  indexes: [{ properties: ['admin', 'status'] }],
});
export type AlertDigest = InferEntity<typeof AlertDigest>;

/** A device registered PENDING that one admin is to hear of; `digest` is the email that told (or tells) them. */
export const PendingAlert = defineEntity({
  name: 'PendingAlert',
  tableName: 'pending_alerts',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    admin: p.manyToOne(User).deleteRule('cascade'),
    eventId: p.bigint('string'),
    eventPosition: p.bigint('string'),
    deviceId: p.uuid().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    digest: p.manyToOne(AlertDigest).nullable().deleteRule('cascade'),
  },
  uniques: [{ properties: ['admin', 'eventId'] }],
  indexes: [{ properties: ['admin', 'digest'] }],
});
export type PendingAlert = InferEntity<typeof PendingAlert>;
