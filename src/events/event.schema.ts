// GraphQL face of the audit log: the Event type and the admins' events query.
import { isEntityOf } from '../db/orm.js';
import { builder } from '../graphql/builder.js';
import { loadersForEvent } from '../graphql/loaders.js';
import { keysetConnection } from '../graphql/connections.js';
import { filterId, globalId } from '../graphql/ids.js';
import { DeviceRef, DeviceStatusEnum, EventConnection, EventRef, UserRef } from '../graphql/refs.js';
import { Event, EVENT_KINDS, EventRow } from './event.entity.js';
import { InvalidCursor } from '../db/keyset.js';
import { countEvents, cursorPosition, eventCursor, listEvents, type EventFilter } from './events.js';
import { deviceEvents } from './subscriptions.js';

const EventKindEnum = builder.enumType('EventKind', { values: EVENT_KINDS });

builder.objectType(EventRef, {
  description: 'One row of the audit log, written in the same transaction as the change it records',
  interfaces: [builder.nodeInterfaceRef()],
  isTypeOf: (value) => value instanceof EventRow || isEntityOf(Event, value),
  fields: (t) => ({
    id: t.id({ resolve: (event) => globalId('Event', event.id) }),
    cursor: t.string({
      description: 'Position in the log; pass it as `after` to continue from here',
      resolve: (event) => Buffer.from(eventCursor(event), 'utf8').toString('base64url'),
    }),
    kind: t.field({ type: EventKindEnum, resolve: (e) => e.kind }),
    at: t.expose('at', { type: 'DateTime' }),
    actor: t.field({
      type: UserRef,
      nullable: true,
      description: 'Who did it; null for the system or an unknown caller',
      resolve: (e, _args, ctx) => (e.actorId ? ctx.loaders.user.load(e.actorId) : null),
    }),
    user: t.field({
      type: UserRef,
      nullable: true,
      description: 'Whose account or device it concerns',
      resolve: (e, _args, ctx) => (e.userId ? ctx.loaders.user.load(e.userId) : null),
    }),
    device: t.field({
      type: DeviceRef,
      nullable: true,
      description: 'The device, while it exists (null once forgotten; deviceId and deviceName stay)',
      resolve: (e, _args, ctx) => (e.deviceId ? ctx.loaders.device.load(e.deviceId) : null),
    }),
    deviceId: t.id({ nullable: true, resolve: (e) => (e.deviceId ? globalId('Device', e.deviceId) : null) }),
    deviceName: t.exposeString('deviceName', { nullable: true }),
    fromStatus: t.field({ type: DeviceStatusEnum, nullable: true, resolve: (e) => e.fromStatus ?? null }),
    toStatus: t.field({ type: DeviceStatusEnum, nullable: true, resolve: (e) => e.toStatus ?? null }),
    ip: t.exposeString('ip', { nullable: true }),
    userAgent: t.exposeString('userAgent', { nullable: true }),
    detail: t.exposeString('detail', { nullable: true }),
  }),
});

const EventFilterInput = builder.inputType('EventFilter', {
  fields: (t) => ({
    kinds: t.field({ type: [EventKindEnum] }),
    userId: t.id(),
    deviceId: t.id(),
  }),
});

/** An event filter with its global ids as database ids. */
export function eventFilterOf(filter: { kinds?: EventFilter['kinds']; userId?: string | null; deviceId?: string | null } | null | undefined): EventFilter {
  return {
    kinds: filter?.kinds ?? null,
    userId: filterId(filter?.userId, 'User'),
    deviceId: filterId(filter?.deviceId, 'Device'),
  };
}

builder.subscriptionFields((t) => ({
  deviceEvents: t.field({
    type: EventRef,
    description:
      'Admins: every event; a user: events of devices they own. Filters work as in `events` (new arrivals: kinds: [DEVICE_REGISTERED]). ' +
      'With `after: <Event.cursor>` it first replays every later event in commit order, then continues live, with no gap or duplicate',
    authScopes: { authenticated: true },
    args: { filter: t.arg({ type: EventFilterInput }), after: t.arg.string() },
    subscribe: (_root, args, ctx) => deviceEvents(ctx, eventFilterOf(args.filter), afterPosition(args.after)),
    resolve: (event, _args, ctx) => {
      // Each event executes once per audience (src/graphql/shared-execution.ts) with a context of its own; the
      // audiences (and replays) of one Event object share one set of loaders for it: one query per event for its
      // actor, user and device, however many kinds of dashboard are watching.
      ctx.loaders = loadersForEvent(event, ctx.sql);
      return event;
    },
  }),
}));

/** An Event.cursor to its position; a cursor that is not one is bad input. */
function afterPosition(cursor: string | null | undefined): bigint | null {
  if (cursor == null) return null;
  const raw = Buffer.from(cursor, 'base64url').toString('utf8');
  const position = cursorPosition(raw);
  if (position === undefined || Buffer.from(raw, 'utf8').toString('base64url') !== cursor) throw new InvalidCursor();
  return BigInt(position);
}

builder.queryFields((t) => ({
  events: t.connection({
    type: EventRef,
    description: 'Admins: the audit log, newest first',
    authScopes: { admin: true },
    args: { filter: t.arg({ type: EventFilterInput }) },
    resolve: (_root, args, ctx) => {
      const filter = eventFilterOf(args.filter);
      return keysetConnection(args, {
        toCursor: eventCursor,
        fetch: (window) => listEvents(ctx.em, filter, window),
        count: () => countEvents(ctx.em, filter),
      });
    },
  }, EventConnection),
}));
