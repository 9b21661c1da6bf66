// The OwnerApprovalRequest entity: a new PENDING device asking its owner's trusted device for approval, with the
// nonce that device signs (src/approval/owner-approval.ts).
import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Device } from '../devices/device.entity.js';
import { User } from '../users/user.entity.js';

export const OwnerApprovalRequest = defineEntity({
  name: 'OwnerApprovalRequest',
  tableName: 'owner_approval_requests',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    /** The new device that asks; one request per device. */
    device: p.manyToOne(Device).deleteRule('cascade').unique(),
    /** Its owner: only their APPROVED, key-bound devices may approve it. */
    user: p.manyToOne(User).deleteRule('cascade'),
    /** 32 random bytes, base64url: part of the message the approving device signs. */
    nonce: p.string().length(43),
    /** The address the device registered from (as its DEVICE_REGISTERED event has it). */
    ip: p.string().length(64).nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    expiresAt: p.datetime(),
    /** Set when the device is decided (by its owner or an admin); a resolved request approves nothing. */
    resolvedAt: p.datetime().nullable(),
  },
  // The open requests of a user, newest first.
  indexes: [{ properties: ['user', 'createdAt'] }],
});
export type OwnerApprovalRequest = InferEntity<typeof OwnerApprovalRequest>;
