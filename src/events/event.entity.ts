// The Event entity: one row of the audit log. It holds ids, not foreign keys, so it outlives forgotten devices.
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { DEVICE_STATUSES } from '../devices/device.entity.js';

export const EVENT_KINDS = [
  'USER_CREATED',
  'LOGIN_SUCCEEDED',
  'LOGIN_FAILED',
  'LOGIN_DENIED',
  'DEVICE_REGISTERED',
  'DEVICE_APPROVED',
  'DEVICE_BLOCKED',
  'DEVICE_UNBLOCKED',
  'DEVICE_RENAMED',
  'DEVICE_FORGOTTEN',
  'SESSION_REVOKED',
  'POLICY_CHANGED',
  'DEVICE_VERIFIED',
  'DEVICE_VERIFICATION_FAILED',
  'PASSWORD_CHANGED',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const Event = defineEntity({
  name: 'Event',
  tableName: 'events',
  properties: {
    id: p.bigint('string').primary().autoincrement(),
    /**
     * Commit order: assigned at commit by a deferred trigger (migrations/), under a lock held only for the commit,
     * so a later position never commits before an earlier one. The cursor of every event listing and feed.
     */
    position: p.bigint('string').nullable().unique(),
    kind: p.enum([...EVENT_KINDS]),
    at: p.datetime().onCreate(() => new Date()),
    actorId: p.uuid().nullable(),
    userId: p.uuid().nullable(),
    deviceId: p.uuid().nullable(),
    deviceName: p.string().length(64).nullable(),
    fromStatus: p.enum([...DEVICE_STATUSES]).nullable(),
    toStatus: p.enum([...DEVICE_STATUSES]).nullable(),
    ip: p.string().length(64).nullable(),
    userAgent: p.string().length(512).nullable(),
    detail: p.string().length(1000).nullable(),
  },
  indexes: [
    { properties: ['userId', 'position'] },
    { properties: ['deviceId', 'position'] },
    { properties: ['kind', 'position'] },
  ],
});
export type Event = InferEntity<typeof Event>;
