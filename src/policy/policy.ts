// The device policy: approval mode, device limit and sign-up, seeded from the environment and changed by admins.
import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { requireAdmin, type DomainContext } from '../actor.js';
import { recordEvent } from '../events/events.js';
import { DevicePolicy, type ApprovalMode } from './policy.entity.js';

export interface PolicyValues {
  approvalMode: ApprovalMode;
  maxDevicesPerUser: number | null;
  allowSignUp: boolean;
  showPendingReasonToUsers: boolean;
}

const POLICY_ID = 1;

/**
 * Makes the stored policy match the environment's, unless an admin has changed it at run time: from then on the
 * stored policy wins, so a restart does not undo an admin's decision. Returns the policy in force.
 */
export async function seedPolicy(em: EntityManager, fromEnvironment: PolicyValues): Promise<PolicyValues> {
  return em.transactional(async (tx) => {
    const existing = await tx.findOne(DevicePolicy, POLICY_ID, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!existing) {
      tx.create(DevicePolicy, { id: POLICY_ID, ...fromEnvironment });
      return fromEnvironment;
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
    showPendingReasonToUsers: policy.showPendingReasonToUsers,
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
  showPendingReasonToUsers?: boolean | undefined;
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
      showPendingReasonToUsers: change.showPendingReasonToUsers ?? before.showPendingReasonToUsers,
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
