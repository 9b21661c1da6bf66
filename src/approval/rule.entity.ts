// The ApprovalRule entity: conditions on a registering device and its user, and what to do when all of them hold.
import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { Platform } from '../devices/platforms.js';
import type { Role } from '../users/user.entity.js';

export const RULE_ACTIONS = ['APPROVE', 'BLOCK'] as const;
export type RuleAction = (typeof RULE_ACTIONS)[number];

/** Every condition given must hold; a condition left out (or null) is not checked. */
export interface RuleConditions {
  emailDomains?: string[] | null | undefined;
  roles?: Role[] | null | undefined;
  platforms?: Platform[] | null | undefined;
  minOsVersions?: { platform: Platform; version: string }[] | null | undefined;
  appNames?: string[] | null | undefined;
  keyBound?: boolean | null | undefined;
  hasApprovedDevice?: boolean | null | undefined;
  /** The user owns fewer than this many devices (not counting the one registering). */
  maxDevices?: number | null | undefined;
}

export const ApprovalRule = defineEntity({
  name: 'ApprovalRule',
  tableName: 'approval_rules',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    name: p.string().length(100).unique(),
    /** Rules are tried in ascending position (then creation) order. */
    position: p.integer().index(),
    action: p.enum([...RULE_ACTIONS]),
    conditions: p.json<RuleConditions>(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()),
  },
});
export type ApprovalRule = InferEntity<typeof ApprovalRule>;
