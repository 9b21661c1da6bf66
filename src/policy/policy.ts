// The device policy: approval mode, device limit, sign-up and stale devices, seeded from the environment and changed
// by admins.
import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { requireAdmin, type DomainContext } from '../actor.js';
import { recordEvent } from '../events/events.js';
import { DevicePolicy, type ApprovalMode, type StaleAction } from './policy.entity.js';

/** What the environment sets (the stale-device rules are set at run time only). */
export interface EnvironmentPolicy {
  approvalMode: ApprovalMode;
  maxDevicesPerUser: number | null;
  allowSignUp: boolean;
  showPendingReasonToUsers: boolean;
}

export interface PolicyValues extends EnvironmentPolicy {
  /** Devices not used for this many days are stale; null: off. */
  staleAfterDays: number | null;
  staleAction: StaleAction;
  /** Whether the owner's APPROVED, key-bound devices may approve their new devices. */
  ownerApproval: boolean;
}

/** The range staleAfterDays accepts: a day to ten years. */
export const STALE_AFTER_DAYS_MIN = 1;
export const STALE_AFTER_DAYS_MAX = 3650;

const POLICY_ID = 1;

/**
 * Makes the stored policy match the environment's, unless an admin has changed it at run time: from then on the
 * stored policy wins, so a restart does not undo an admin's decision. Returns the policy in force.
 */
export async function seedPolicy(em: EntityManager, fromEnvironment: EnvironmentPolicy): Promise<PolicyValues> {
  return em.transactional(async (tx) => {
    const existing = await tx.findOne(DevicePolicy, POLICY_ID, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!existing) {
      const created = tx.create(DevicePolicy, { id: POLICY_ID, ...fromEnvironment, staleAfterDays: null, staleAction: 'MARK', ownerApproval: false });
      return valuesOf(created);
    }
    if (existing.updatedBy === null) tx.assign(existing, fromEnvironment);
    return valuesOf(existing);
  });
}

function valuesOf(policy: DevicePolicy): PolicyValues {
  return {
    approvalMode: policy.approvalMode,
    maxDevicesPerUser: policy.maxDevicesPerUser ?? null,
    allowSignUp: policy.allowSignUp,
    staleAfterDays: policy.staleAfterDays ?? null,
    staleAction: policy.staleAction,
    showPendingReasonToUsers: policy.showPendingReasonToUsers,
    ownerApproval: policy.ownerApproval,
  };
}

/** The policy in force: one primary-key read, so every instance sees an admin's change at once. */
export async function currentPolicy(em: EntityManager): Promise<PolicyValues> {
  const policy = await em.findOneOrFail(DevicePolicy, POLICY_ID, { refresh: true });
  return valuesOf(policy);
}

export interface PolicyChange {
  approvalMode?: ApprovalMode | undefined;
  /** undefined: unchanged; null: no limit. */
  maxDevicesPerUser?: number | null | undefined;
  allowSignUp?: boolean | undefined;
  /** undefined: unchanged; null: off. Checked at the boundary (STALE_AFTER_DAYS_MIN..MAX). */
  staleAfterDays?: number | null | undefined;
  staleAction?: StaleAction | undefined;
  showPendingReasonToUsers?: boolean | undefined;
  ownerApproval?: boolean | undefined;
}

export async function setDevicePolicy(dc: DomainContext, change: PolicyChange): Promise<PolicyValues> {
  const actor = requireAdmin(dc);
  return dc.em.transactional(async (tx) => {
    const policy = await tx.findOneOrFail(DevicePolicy, POLICY_ID, { lockMode: LockMode.PESSIMISTIC_WRITE });
    const before = valuesOf(policy);
    const after: PolicyValues = {
      approvalMode: change.approvalMode ?? before.approvalMode,
      maxDevicesPerUser: change.maxDevicesPerUser === undefined ? before.maxDevicesPerUser : change.maxDevicesPerUser,
      allowSignUp: change.allowSignUp ?? before.allowSignUp,
      staleAfterDays: change.staleAfterDays === undefined ? before.staleAfterDays : change.staleAfterDays,
      staleAction: change.staleAction ?? before.staleAction,
      showPendingReasonToUsers: change.showPendingReasonToUsers ?? before.showPendingReasonToUsers,
      ownerApproval: change.ownerApproval ?? before.ownerApproval,
    };
    tx.assign(policy, { ...after, updatedBy: actor.user.id, updatedAt: new Date() });
    const changed = (Object.keys(after) as (keyof PolicyValues)[]).filter((k) => after[k] !== before[k]);
    recordEvent(tx, dc, {
      kind: 'POLICY_CHANGED',
      detail: changed.length
        ? changed.map((k) => `${k}: ${String(before[k])} -> ${String(after[k])}`).join('; ')
        : 'no change',
    });
    return after;
  });
}
