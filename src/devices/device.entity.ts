// The Device entity (one app installation on one phone or computer) and DeviceUser (who has signed in from it).
import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { User } from '../users/user.entity.js';

export const DEVICE_STATUSES = ['PENDING', 'APPROVED', 'BLOCKED'] as const;
export type DeviceStatus = (typeof DEVICE_STATUSES)[number];
export const PLATFORMS = ['ANDROID', 'IOS', 'IPADOS', 'WINDOWS', 'MACOS', 'LINUX', 'WEB', 'OTHER'] as const;
export type Platform = (typeof PLATFORMS)[number];
export const KEY_ALGORITHMS = ['ES256', 'EdDSA'] as const;
export type KeyAlgorithm = (typeof KEY_ALGORITHMS)[number];

export const Device = defineEntity({
  name: 'Device',
  tableName: 'devices',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    /** The OS-provided id of this app installation; a reinstall is a new device. */
    installationId: p.string().length(200).unique(),
    name: p.string().length(64).nullable(),
    status: p.enum([...DEVICE_STATUSES]),
    /** What unblock returns the device to: the status it had when it was blocked. */
    statusBeforeBlock: p.enum([...DEVICE_STATUSES]).nullable(),
    platform: p.enum([...PLATFORMS]),
    osVersion: p.string().length(64).nullable(),
    model: p.string().length(128).nullable(),
    appName: p.string().length(128).nullable(),
    appVersion: p.string().length(64).nullable(),
    pushToken: p.string().length(4096).nullable().lazy(true, false),
    hasPushToken: p.boolean().default(false),
    owner: p.manyToOne(User).deleteRule('cascade').index(),
    lastUser: p.manyToOne(User).nullable().deleteRule('set null'),
    lastUsedAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    statusChangedAt: p.datetime().onCreate(() => new Date()),
    statusChangedBy: p.manyToOne(User).nullable().deleteRule('set null'),
    blockedReason: p.string().length(500).nullable(),
    /** The bound key's JWK thumbprint (RFC 7638, base64url); bound at registration, never swapped. */
    keyId: p.string().length(43).nullable().unique(),
    keyAlgorithm: p.enum([...KEY_ALGORITHMS]).nullable(),
    /** The public JWK itself (EC P-256 or OKP Ed25519). */
    publicKey: p.json<Record<string, string>>().nullable(),
    /** Optimistic lock: concurrent transitions of one device end in one consistent state. */
    version: p.integer().version(),
  },
  indexes: [
    // Keyset pagination, newest first, alone and per status / platform.
    { properties: ['createdAt', 'id'] },
    { properties: ['status', 'createdAt', 'id'] },
    { properties: ['platform', 'createdAt', 'id'] },
  ],
});
export type Device = InferEntity<typeof Device>;

export const DeviceUser = defineEntity({
  name: 'DeviceUser',
  tableName: 'device_users',
  properties: {
    device: p.manyToOne(Device).primary().deleteRule('cascade'),
    user: p.manyToOne(User).primary().deleteRule('cascade'),
    firstSeenAt: p.datetime().onCreate(() => new Date()),
    lastSeenAt: p.datetime().onCreate(() => new Date()),
  },
  // The primary key (device, user) serves "users of a device"; this one serves "devices of a user".
  indexes: [{ properties: ['user', 'device'] }],
});
export type DeviceUser = InferEntity<typeof DeviceUser>;
