// The Session entity: a bearer token (only its SHA-256 is stored), optionally bound to the device it was issued to.
// A WATCH session is the short-lived token a pending phone uses to watch its own approval, and opens nothing else.
import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Device } from '../devices/device.entity.js';
import { User } from '../users/user.entity.js';

export const SESSION_KINDS = ['SESSION', 'WATCH'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

export const Session = defineEntity({
  name: 'Session',
  tableName: 'sessions',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    tokenHash: p.string().length(64).unique(),
    kind: p.enum([...SESSION_KINDS]).default('SESSION'),
    user: p.manyToOne(User).deleteRule('cascade').index(),
    /** Forgetting a device deletes its sessions with it. */
    device: p.manyToOne(Device).nullable().deleteRule('cascade').index(),
    createdAt: p.datetime().onCreate(() => new Date()),
    expiresAt: p.datetime(),
    revokedAt: p.datetime().nullable(),
  },
});
export type Session = InferEntity<typeof Session>;

/** What the rest of a request needs of its session: a managed Session, or one read by hand with its bearer. */
export type SessionView = Pick<Session, 'id' | 'kind' | 'createdAt' | 'expiresAt'> & {
  user: { id: string };
  device?: { id: string } | null | undefined;
};
