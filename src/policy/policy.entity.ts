// The DevicePolicy entity: the single stored row of installation-wide device rules.
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export const APPROVAL_MODES = ['REQUIRED', 'AUTOMATIC'] as const;
export type ApprovalMode = (typeof APPROVAL_MODES)[number];
/** What the maintenance sweep does to a device not used for staleAfterDays (src/devices/stale.ts). */
export const STALE_ACTIONS = ['MARK', 'BLOCK', 'FORGET'] as const;
export type StaleAction = (typeof STALE_ACTIONS)[number];

export const DevicePolicy = defineEntity({
  name: 'DevicePolicy',
  tableName: 'device_policy',
  properties: {
    /** Always 1: one policy per installation. */
    id: p.integer().primary().autoincrement(false),
    approvalMode: p.enum([...APPROVAL_MODES]),
    maxDevicesPerUser: p.integer().nullable(),
    allowSignUp: p.boolean(),
    /** Devices not used for this many days are stale; null: the sweep does nothing. */
    staleAfterDays: p.integer().nullable(),
    staleAction: p.enum([...STALE_ACTIONS]).default('MARK'),
    /** Whether the app's DevicePendingApproval tells the user why no approval rule matched. */
    showPendingReasonToUsers: p.boolean().default(false),
    /** Whether a user's APPROVED, key-bound device may approve their new PENDING devices (approveOwnDevice). */
    ownerApproval: p.boolean().default(false),
    /** Null until an admin changes the policy; while null, each start takes the policy from the environment. */
    updatedBy: p.uuid().nullable(),
    updatedAt: p.datetime().onCreate(() => new Date()),
  },
});
export type DevicePolicy = InferEntity<typeof DevicePolicy>;
