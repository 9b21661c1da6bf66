// The Event entity: one row of the audit log. It holds ids, not foreign keys, so it outlives forgotten devices.
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { DECISION_SOURCES, DEVICE_STATUSES, type DecisionSource } from '../devices/device.entity.js';

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
  'API_KEY_CREATED',
  'API_KEY_REVOKED',
  'WEBHOOK_DISABLED',
  'DEVICE_MARKED_STALE',
  'USER_ROLE_CHANGED',
  'APPROVAL_RULE_CREATED',
  'APPROVAL_RULE_UPDATED',
  'APPROVAL_RULE_DELETED',
  'APPROVAL_RULES_REORDERED',
  'ENROLMENT_CODE_CREATED',
  'ENROLMENT_CODE_REVOKED',
  'ENROLMENT_FAILED',
  'DEVICE_UPDATED',
  'OWNER_APPROVAL_FAILED',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const Event = defineEntity({
  name: 'Event',
  tableName: 'events',
  properties: {
    id: p.bigint('string').primary().autoincrement(),
    /**
     * The event's place in the log, and the cursor of every event listing and feed: given after commit by the
     * sequencer (src/events/sequencer.ts), in (xid, id) order, once no transaction older than the event's can still
     * commit. Null until then (a few milliseconds), and for an event being written.
     */
    position: p.bigint('string').nullable(),
    /**
     * The writing transaction (pg_current_xact_id(), the column's default): the order of the log. Null for events
     * written before the column existed, which all have their positions.
     */
    xid: p.string().columnType('xid8').nullable().defaultRaw('pg_current_xact_id()'),
    kind: p.enum([...EVENT_KINDS]),
    at: p.datetime().onCreate(() => new Date()),
    actorId: p.uuid().nullable(),
    /** Gatehouse itself did it (a scheduled job), not a person, a key or an anonymous caller; actorId is then null. */
    bySystem: p.boolean().default(false),
    /** The API key the actor acted through (actorId is then the admin who made it); null for a person's session. */
    actorKeyId: p.uuid().nullable(),
    userId: p.uuid().nullable(),
    deviceId: p.uuid().nullable(),
    deviceName: p.string().length(64).nullable(),
    fromStatus: p.enum([...DEVICE_STATUSES]).nullable(),
    toStatus: p.enum([...DEVICE_STATUSES]).nullable(),
    ip: p.string().length(64).nullable(),
    userAgent: p.string().length(512).nullable(),
    detail: p.string().length(1000).nullable(),
    /** Set when the event records an approve/block decision: who took it (the device's decision, as it was then). */
    decisionBy: p.enum([...DECISION_SOURCES]).nullable(),
  },
  indexes: [
    // The log's indexes hold only events that have their positions: a write inserts into none of them (only into the
    // primary key and the sequencer's index); the pass that gives the position does, once.
    { name: 'events_position_unique', expression: 'create unique index "events_position_unique" on "events" ("position") where "position" is not null' },
    { name: 'events_user_id_position_index', expression: 'create index "events_user_id_position_index" on "events" ("user_id", "position") where "position" is not null' },
    { name: 'events_device_id_position_index', expression: 'create index "events_device_id_position_index" on "events" ("device_id", "position") where "position" is not null' },
    { name: 'events_kind_position_index', expression: 'create index "events_kind_position_index" on "events" ("kind", "position") where "position" is not null' },
    // The sequencer's work: the events still without a position, in log order. Partial, so it holds only those.
    {
      name: 'events_unsequenced_index',
      expression: 'create index "events_unsequenced_index" on "events" ("xid", "id") where "position" is null',
    },
  ],
});
export type Event = InferEntity<typeof Event>;

/** What reading an event needs (the feed, the GraphQL face): a managed Event, or an EventRow read by hand. */
export type EventView = Pick<
  Event,
  'id' | 'position' | 'kind' | 'at' | 'actorId' | 'bySystem' | 'actorKeyId' | 'userId' | 'deviceId' | 'deviceName' | 'fromStatus' | 'toStatus' | 'ip' | 'userAgent' | 'detail' | 'decisionBy'
>;

export const EVENT_COLUMNS = [
  'id',
  'position',
  'kind',
  'at',
  'actor_id',
  'by_system',
  'actor_key_id',
  'user_id',
  'device_id',
  'device_name',
  'from_status',
  'to_status',
  'ip',
  'user_agent',
  'detail',
  'decision_by',
] as const;

type Status = (typeof DEVICE_STATUSES)[number];

/** An event row as read by hand (src/db/sql.ts): read-only; bigints (id, position) as strings, as the entity has them. */
export class EventRow implements EventView {
  readonly id: string;
  readonly position: string | null;
  readonly kind: EventKind;
  readonly at: Date;
  readonly actorId: string | null;
  readonly bySystem: boolean;
  readonly actorKeyId: string | null;
  readonly userId: string | null;
  readonly deviceId: string | null;
  readonly deviceName: string | null;
  readonly fromStatus: Status | null;
  readonly toStatus: Status | null;
  readonly ip: string | null;
  readonly userAgent: string | null;
  readonly detail: string | null;
  readonly decisionBy: DecisionSource | null;

  constructor(row: Record<string, unknown>) {
    // pg reads bigint as a string already.
    this.id = row.id as string;
    this.position = row.position as string | null;
    this.kind = row.kind as EventKind;
    this.at = row.at as Date;
    this.actorId = row.actor_id as string | null;
    // Absent from events committed before the column existed and carried by an older instance's NOTIFY.
    this.bySystem = (row.by_system as boolean | undefined) ?? false;
    // Absent from events committed before the column existed and carried by an older instance's NOTIFY.
    this.actorKeyId = (row.actor_key_id as string | null | undefined) ?? null;
    this.userId = row.user_id as string | null;
    this.deviceId = row.device_id as string | null;
    this.deviceName = row.device_name as string | null;
    this.fromStatus = row.from_status as Status | null;
    this.toStatus = row.to_status as Status | null;
    this.ip = row.ip as string | null;
    this.userAgent = row.user_agent as string | null;
    this.detail = row.detail as string | null;
    // Absent from events carried by an older instance's NOTIFY.
    this.decisionBy = (row.decision_by as DecisionSource | null | undefined) ?? null;
  }
}
