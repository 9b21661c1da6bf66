// The EnrolmentCode entity: a pre-approval for new devices (only its SHA-256 is stored), with its uses, expiry and
// who it is for.
import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { User } from '../users/user.entity.js';

/** Every code starts so, for secret scanners and for people reading a managed configuration. */
export const ENROLMENT_CODE_PREFIX = 'ghe_';

export const EnrolmentCode = defineEntity({
  name: 'EnrolmentCode',
  tableName: 'enrolment_codes',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    name: p.string().length(100),
    codeHash: p.string().length(64).unique(),
    uses: p.integer(),
    /** Spent one at a time by a conditional update, so concurrent sign-ins never spend more than there is. */
    usesLeft: p.integer(),
    expiresAt: p.datetime(),
    /** Only users whose email is at this domain; null: any. */
    emailDomain: p.string().length(253).nullable(),
    /** Only this user; null: any. */
    user: p.manyToOne(User).nullable().deleteRule('cascade'),
    createdBy: p.manyToOne(User).nullable().deleteRule('set null'),
    createdAt: p.datetime().onCreate(() => new Date()),
    revokedAt: p.datetime().nullable(),
    lastUsedAt: p.datetime().nullable(),
  },
});
export type EnrolmentCode = InferEntity<typeof EnrolmentCode>;
