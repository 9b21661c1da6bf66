// The Device entity (one app installation on one phone or computer) and DeviceUser (who has signed in from it).
import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { ApprovalRule } from '../approval/rule.entity.js';
import { PLATFORMS, type Platform } from './platforms.js';
import { User } from '../users/user.entity.js';

export const DEVICE_STATUSES = ['PENDING', 'APPROVED', 'BLOCKED'] as const;
export type DeviceStatus = (typeof DEVICE_STATUSES)[number];
export { PLATFORMS, type Platform } from './platforms.js';
export const KEY_ALGORITHMS = ['ES256', 'EdDSA'] as const;
export type KeyAlgorithm = (typeof KEY_ALGORITHMS)[number];
/** Who took a device's latest approve/block decision. */
export const DECISION_SOURCES = ['ADMIN', 'RULE', 'ENROLMENT_CODE', 'OWNER_DEVICE', 'AUTOMATIC_MODE'] as const;
export type DecisionSource = (typeof DECISION_SOURCES)[number];

/**
 * What device search looks in: the name, model, installation id and app name as one text, joined by U+0001, which a
 * search term cannot hold (printable characters only), so a term matches it exactly when it is in one of the four.
 */
export const DEVICE_SEARCH_TEXT = `coalesce("name", '') || E'\\x01' || coalesce("model", '') || E'\\x01' || "installation_id" || E'\\x01' || coalesce("app_name", '')`;

/** A device's attributes: keys of 1-64 `[A-Za-z0-9_.-]`, string, finite number or boolean values. */
export type DeviceAttributes = Record<string, string | number | boolean>;

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
    /** Not used for the policy's staleAfterDays (set by the maintenance sweep); the next sign-in from it clears it. */
    stale: p.boolean().default(false),
    /** The latest approve/block decision: who took it (null while PENDING with none taken). */
    decisionBy: p.enum([...DECISION_SOURCES]).nullable(),
    /** The admin who decided (ADMIN), or whose API key did (decisionKeyId names the key). */
    decisionAdmin: p.manyToOne(User).nullable().deleteRule('set null'),
    decisionKeyId: p.uuid().nullable(),
    /** The rule that decided (by RULE); null once it is deleted, when decisionRuleName still names it. */
    decisionRule: p.manyToOne(ApprovalRule).nullable().deleteRule('set null'),
    decisionRuleName: p.string().length(100).nullable(),
    decisionAt: p.datetime().nullable(),
    decisionReason: p.string().length(500).nullable(),
    /** Set at registration when approval rules were tried and none matched: which rules, and what each missed. */
    pendingReason: p.string().length(2000).nullable(),
    /** What admins and the device itself record about it (src/devices/attributes.ts says what is allowed). */
    attributes: p.json<DeviceAttributes>().defaultRaw(`'{}'`).onCreate(() => ({})),
    /** Optimistic lock: concurrent transitions of one device end in one consistent state. */
    version: p.integer().version(),
  },
  indexes: [
    // Keyset pagination, newest first, alone and per status / platform.
    { properties: ['createdAt', 'id'] },
    { properties: ['status', 'createdAt', 'id'] },
    { properties: ['platform', 'createdAt', 'id'] },
    // Search (`filter: { search }`, a case-insensitive substring of any of these) without reading every row:
    // trigrams (pg_trgm, created by the migration) of the four columns as one text (DEVICE_SEARCH_TEXT), so a search
    // is one index scan and one check a row.
    {
      name: 'devices_search_text_trgm_index',
      expression: `create index "devices_search_text_trgm_index" on "devices" using gin ((${DEVICE_SEARCH_TEXT}) gin_trgm_ops)`,
    },
    // `filter: { attribute }` as `attributes @> '{"key": value}'`: jsonb_path_ops serves containment only, smaller.
    {
      name: 'devices_attributes_index',
      expression: 'create index "devices_attributes_index" on "devices" using gin ("attributes" jsonb_path_ops)',
    },
    // The stale sweep's candidates, least recently used first; partial, so devices already stale cost it nothing.
    {
      name: 'devices_stale_candidates_index',
      expression: 'create index "devices_stale_candidates_index" on "devices" (coalesce("last_used_at", "created_at")) where not "stale"',
    },
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

/** What reading a device needs (listings, the GraphQL face): a managed Device, or a DeviceRow read by hand. */
export type DeviceView = Pick<
  Device,
  | 'id'
  | 'installationId'
  | 'name'
  | 'status'
  | 'statusBeforeBlock'
  | 'platform'
  | 'osVersion'
  | 'model'
  | 'appName'
  | 'appVersion'
  | 'hasPushToken'
  | 'lastUsedAt'
  | 'createdAt'
  | 'statusChangedAt'
  | 'blockedReason'
  | 'keyId'
  | 'keyAlgorithm'
  | 'publicKey'
  | 'stale'
  | 'decisionBy'
  | 'decisionKeyId'
  | 'decisionAt'
  | 'decisionReason'
  | 'decisionRuleName'
  | 'pendingReason'
  | 'attributes'
> & {
  owner: { id: string };
  lastUser?: { id: string } | null | undefined;
  statusChangedBy?: { id: string } | null | undefined;
  decisionAdmin?: { id: string } | null | undefined;
  decisionRule?: { id: string } | null | undefined;
};

/** The columns a DeviceRow is made from (never the push token). */
export const DEVICE_COLUMNS = [
  'id',
  'installation_id',
  'name',
  'status',
  'status_before_block',
  'platform',
  'os_version',
  'model',
  'app_name',
  'app_version',
  'has_push_token',
  'owner_id',
  'last_user_id',
  'last_used_at',
  'created_at',
  'status_changed_at',
  'status_changed_by_id',
  'blocked_reason',
  'key_id',
  'key_algorithm',
  'public_key',
  'stale',
  'decision_by',
  'decision_admin_id',
  'decision_key_id',
  'decision_at',
  'decision_reason',
  'decision_rule_id',
  'decision_rule_name',
  'pending_reason',
  'attributes',
] as const;

const ref = (id: unknown) => (typeof id === 'string' ? { id } : null);

/** A device row as read by hand (src/db/sql.ts): read-only, not managed by the ORM, cheap to make. */
export class DeviceRow implements DeviceView {
  readonly id: string;
  readonly installationId: string;
  readonly name: string | null;
  readonly status: DeviceStatus;
  readonly statusBeforeBlock: DeviceStatus | null;
  readonly platform: Platform;
  readonly osVersion: string | null;
  readonly model: string | null;
  readonly appName: string | null;
  readonly appVersion: string | null;
  readonly hasPushToken: boolean;
  readonly owner: { id: string };
  readonly lastUser: { id: string } | null;
  readonly lastUsedAt: Date | null;
  readonly createdAt: Date;
  readonly statusChangedAt: Date;
  readonly statusChangedBy: { id: string } | null;
  readonly blockedReason: string | null;
  readonly keyId: string | null;
  readonly keyAlgorithm: KeyAlgorithm | null;
  readonly publicKey: Record<string, string> | null;
  readonly stale: boolean;
  readonly decisionBy: DecisionSource | null;
  readonly decisionAdmin: { id: string } | null;
  readonly decisionKeyId: string | null;
  readonly decisionAt: Date | null;
  readonly decisionReason: string | null;
  readonly decisionRule: { id: string } | null;
  readonly decisionRuleName: string | null;
  readonly pendingReason: string | null;
  readonly attributes: DeviceAttributes;

  constructor(row: Record<string, unknown>) {
    this.id = row.id as string;
    this.installationId = row.installation_id as string;
    this.name = row.name as string | null;
    this.status = row.status as DeviceStatus;
    this.statusBeforeBlock = row.status_before_block as DeviceStatus | null;
    this.platform = row.platform as Platform;
    this.osVersion = row.os_version as string | null;
    this.model = row.model as string | null;
    this.appName = row.app_name as string | null;
    this.appVersion = row.app_version as string | null;
    this.hasPushToken = row.has_push_token as boolean;
    this.owner = { id: row.owner_id as string };
    this.lastUser = ref(row.last_user_id);
    this.lastUsedAt = row.last_used_at as Date | null;
    this.createdAt = row.created_at as Date;
    this.statusChangedAt = row.status_changed_at as Date;
    this.statusChangedBy = ref(row.status_changed_by_id);
    this.blockedReason = row.blocked_reason as string | null;
    this.keyId = row.key_id as string | null;
    this.keyAlgorithm = row.key_algorithm as KeyAlgorithm | null;
    this.publicKey = row.public_key as Record<string, string> | null;
    this.stale = row.stale as boolean;
    this.decisionBy = row.decision_by as DecisionSource | null;
    this.decisionAdmin = ref(row.decision_admin_id);
    this.decisionKeyId = row.decision_key_id as string | null;
    this.decisionAt = row.decision_at as Date | null;
    this.decisionReason = row.decision_reason as string | null;
    this.decisionRule = ref(row.decision_rule_id);
    this.decisionRuleName = row.decision_rule_name as string | null;
    this.pendingReason = row.pending_reason as string | null;
    // Absent from rows an older instance sent before the column existed.
    this.attributes = (row.attributes as DeviceAttributes | undefined) ?? {};
  }
}
