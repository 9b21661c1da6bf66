// The audit log: recording an event inside the transaction of the change it describes, and reading it back.
import type { EntityManager, FilterQuery } from '@mikro-orm/postgresql';
import { readsFleet, requireActor, type DomainContext } from '../actor.js';
import { InvalidCursor, type PageWindow } from '../db/keyset.js';
import type { DecisionSource, DeviceStatus } from '../devices/device.entity.js';
import { Event, type EventKind, type EventView } from './event.entity.js';

export interface EventInput {
  kind: EventKind;
  userId?: string | null;
  device?: { id: string; name?: string | null | undefined } | null;
  fromStatus?: DeviceStatus | null;
  toStatus?: DeviceStatus | null;
  detail?: string | null;
  /** The approve/block decision this event records, if any. */
  decisionBy?: DecisionSource | null;
  /** Defaults to the signed-in user; pass null for system events or anonymous attempts. */
  actorId?: string | null;
  /** Gatehouse itself did it (a scheduled job); the actor is then null. */
  bySystem?: boolean;
}

function eventFields(dc: Pick<DomainContext, 'actor' | 'meta'>, input: EventInput) {
  return {
    kind: input.kind,
    actorId: input.bySystem ? null : input.actorId === undefined ? (dc.actor?.user.id ?? null) : input.actorId,
    bySystem: input.bySystem ?? false,
    // The key is named only when the actor is the caller (not for an event about someone else's attempt).
    actorKeyId: input.actorId === undefined && !input.bySystem ? (dc.actor?.key?.id ?? null) : null,
    userId: input.userId ?? null,
    deviceId: input.device?.id ?? null,
    deviceName: input.device?.name ?? null,
    fromStatus: input.fromStatus ?? null,
    toStatus: input.toStatus ?? null,
    ip: dc.meta.ip?.slice(0, 64) ?? null,
    userAgent: dc.meta.userAgent?.slice(0, 512) ?? null,
    detail: input.detail?.slice(0, 1000) ?? null,
    decisionBy: input.decisionBy ?? null,
  };
}

/** Adds the event to `em`'s unit of work, so it commits (or rolls back) with the change it records. */
export function recordEvent(em: EntityManager, dc: Pick<DomainContext, 'actor' | 'meta'>, input: EventInput): Event {
  return em.create(Event, eventFields(dc, input));
}

/**
 * The same event for a hand-written statement (src/db/sql.ts): its columns, and its values as parameters from
 * `param` (or as the SQL expressions given, such as a column of the row being changed), so the event is written by
 * the very statement (or transaction) that makes the change.
 */
export function eventInsert(
  dc: Pick<DomainContext, 'actor' | 'meta'>,
  input: EventInput,
  at: Date,
  param: (value: unknown) => string,
  expressions: { kind?: string; deviceId?: string; deviceName?: string; userId?: string; fromStatus?: string; toStatus?: string; detail?: string } = {},
) {
  const e = eventFields(dc, input);
  // Typed, so the values also serve an INSERT … SELECT (where PostgreSQL would take an untyped parameter as text).
  const typed = (value: unknown, type: string) => `${param(value)}::${type}`;
  const values = [
    expressions.kind ?? typed(e.kind, 'text'),
    typed(at, 'timestamptz'),
    typed(e.actorId, 'uuid'),
    typed(e.bySystem, 'boolean'),
    typed(e.actorKeyId, 'uuid'),
    expressions.userId ?? typed(e.userId, 'uuid'),
    expressions.deviceId ?? typed(e.deviceId, 'uuid'),
    expressions.deviceName ?? typed(e.deviceName, 'text'),
    expressions.fromStatus ?? typed(e.fromStatus, 'text'),
    expressions.toStatus ?? typed(e.toStatus, 'text'),
    typed(e.ip, 'text'),
    typed(e.userAgent, 'text'),
    expressions.detail ?? typed(e.detail, 'text'),
    typed(e.decisionBy, 'text'),
  ];
  return {
    columns: 'kind, at, actor_id, by_system, actor_key_id, user_id, device_id, device_name, from_status, to_status, ip, user_agent, detail, decision_by',
    values: values.join(', '),
  };
}

export interface EventFilter {
  kinds?: EventKind[] | null | undefined;
  userId?: string | null | undefined;
  deviceId?: string | null | undefined;
}

/** The log: events that have their positions (one committed a moment ago may not have it yet; see sequencer.ts). */
function whereOf(filter: EventFilter): FilterQuery<Event> & Record<string, unknown> {
  const where: FilterQuery<Event> & Record<string, unknown> = { position: { $ne: null } };
  if (filter.kinds?.length) where.kind = { $in: filter.kinds };
  if (filter.userId) where.userId = filter.userId;
  if (filter.deviceId) where.deviceId = filter.deviceId;
  return where;
}

/**
 * Every event that matches, newest first (commit order): the statement an export reads through a cursor, with its
 * `select` list over `e` (the event), `a` (its actor) and `u` (its user). Its callers read everything
 * (src/http/exports.ts authorises them).
 */
export function eventExportStatement(filter: EventFilter, select: string): { text: string; values: unknown[] } {
  const values: unknown[] = [];
  const where = ['e.position is not null'];
  if (filter.kinds?.length) where.push(`e.kind = any($${values.push(filter.kinds)}::text[])`);
  if (filter.userId) where.push(`e.user_id = $${values.push(filter.userId)}::uuid`);
  if (filter.deviceId) where.push(`e.device_id = $${values.push(filter.deviceId)}::uuid`);
  return {
    text: `select ${select}
      from events e left join users a on a.id = e.actor_id left join users u on u.id = e.user_id
      where ${where.join(' and ')} order by e.position desc`,
    values,
  };
}

const MAX_BIGINT = 2n ** 63n - 1n;

/** A position (a PostgreSQL bigint) written as decimal digits, or null when it is not one. */
export function parsePosition(text: string): string | null {
  return /^\d{1,19}$/.test(text) && BigInt(text) <= MAX_BIGINT ? text : null;
}

export function cursorPosition(cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  const position = parsePosition(cursor);
  if (position === null) throw new InvalidCursor();
  return position;
}

/** Newest first, in commit order; an event's cursor is its position. */
export async function listEvents(em: EntityManager, filter: EventFilter, window: PageWindow): Promise<Event[]> {
  const after = cursorPosition(window.after);
  const before = cursorPosition(window.before);
  // Newest first: "after" a cursor means older, i.e. a smaller position.
  const range: Record<string, string | null> = { $ne: null };
  if (after !== undefined) range.$lt = after;
  if (before !== undefined) range.$gt = before;
  const where = whereOf(filter);
  where.position = range;
  return em.find(Event, where, {
    orderBy: { position: window.inverted ? 'asc' : 'desc' },
    limit: window.limit,
  });
}

export function countEvents(em: EntityManager, filter: EventFilter): Promise<number> {
  return em.count(Event, whereOf(filter));
}

/** Admins and SUPPORT see every event; a user the events about themself. Any other is reported as not there. */
export async function findVisibleEvent(dc: DomainContext, id: string): Promise<Event | null> {
  const actor = requireActor(dc);
  const event = await dc.em.findOne(Event, id);
  return event && (readsFleet(actor) || event.userId === actor.user.id) ? event : null;
}

export function eventCursor(event: Pick<EventView, 'position'>): string {
  return event.position ?? `0`;
}
