// GraphQL face of the audit log: the Event type and the admins' events query.
import { apiKeyLoader } from '../apikeys/apikeys.js';
import { isEntityOf } from '../db/orm.js';
import type { DefaultConnectionArguments } from '@pothos/plugin-relay';
import { builder } from '../graphql/builder.js';
import type { GraphQLContext } from '../graphql/context.js';
import { loadersForEvent } from '../graphql/loaders.js';
import { keysetConnection } from '../graphql/connections.js';
import { filterId, globalId } from '../graphql/ids.js';
import { ApiKeyRef, DecisionSourceEnum, DeviceRef, DeviceStatusEnum, EventConnection, EventKindEnum, EventRef, UserRef } from '../graphql/refs.js';
import { Event, EventRow } from './event.entity.js';
import { InvalidCursor } from '../db/keyset.js';
import { countEvents, cursorPosition, eventCursor, listEvents, type EventFilter } from './events.js';
import { deviceEvents } from './subscriptions.js';

builder.objectType(EventRef, {
  description: 'One row of the audit log, written in the same transaction as the change it records',
  interfaces: [builder.nodeInterfaceRef()],
  isTypeOf: (value) => value instanceof EventRow || isEntityOf(Event, value),
  fields: (t) => ({
    id: t.id({ description: 'Global id: pass it to node', resolve: (event) => globalId('Event', event.id) }),
    cursor: t.string({
      description: 'Position in the log; pass it as `after` to continue from here',
      resolve: (event) => Buffer.from(eventCursor(event), 'utf8').toString('base64url'),
    }),
    kind: t.field({ type: EventKindEnum, description: 'What happened', resolve: (e) => e.kind }),
    at: t.expose('at', { type: 'DateTime', description: 'When it happened' }),
    actor: t.field({
      type: UserRef,
      nullable: true,
      description: 'Who did it; null for the system (bySystem) or an unknown caller. For a change made with an API key: the admin who made the key (actorKey names the key)',
      resolve: (e, _args, ctx) => (e.actorId ? ctx.loaders.user.load(e.actorId) : null),
    }),
    bySystem: t.exposeBoolean('bySystem', {
      description: 'True when Gatehouse itself did it (a scheduled job: the stale-device sweep, a webhook endpoint disabled); actor is then null',
    }),
    actorKey: t.field({
      type: ApiKeyRef,
      nullable: true,
      description:
        "The API key the change was made with (a workflow: \"approved by 'HR onboarding'\"), revoked or not; null when a person did it in their own session",
      resolve: (e, _args, ctx) => (e.actorKeyId ? apiKeyLoader(ctx.loaders, ctx.sql).load(e.actorKeyId) : null),
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
    deviceId: t.id({
      nullable: true,
      description: "The device's global id, kept after it is forgotten; null when the event concerns no device",
      resolve: (e) => (e.deviceId ? globalId('Device', e.deviceId) : null) }),
    deviceName: t.exposeString('deviceName', {
      nullable: true,
      description: "The device's name when the event happened; null when it had none or there is no device",
    }),
    fromStatus: t.field({
      type: DeviceStatusEnum,
      nullable: true,
      description: "The device's status before the change, or when it was refused a sign-in or forgotten; null when not about a status",
      resolve: (e) => e.fromStatus ?? null,
    }),
    toStatus: t.field({
      type: DeviceStatusEnum,
      nullable: true,
      description: "The device's status after the change or registration; null when the event set no status",
      resolve: (e) => e.toStatus ?? null,
    }),
    decisionBy: t.field({
      type: DecisionSourceEnum,
      nullable: true,
      description: 'Who took the approve/block decision this event records; null when it records none',
      resolve: (e) => e.decisionBy ?? null,
    }),
    ip: t.exposeString('ip', { nullable: true, description: "The caller's IP address; null when it is not known" }),
    userAgent: t.exposeString('userAgent', { nullable: true, description: "The caller's User-Agent header, up to 512 characters; null when none was sent" }),
    detail: t.exposeString('detail', {
      nullable: true,
      description: 'More about it, in words (a reason, an old name, why a sign-in failed); null when there is nothing to add',
    }),
  }),
});

const EventFilterInput = builder.inputType('EventFilter', {
  description: 'Narrows a list of events; every field given must match, a field left out matches all',
  fields: (t) => ({
    kinds: t.field({ type: [EventKindEnum], description: 'Only events of these kinds; empty or left out: every kind' }),
    userId: t.id({ description: "Only events about this user's account or devices (a User's global id)" }),
    deviceId: t.id({ description: "Only events about this device (a Device's global id; forgotten devices too)" }),
  }),
});

/** An event filter with its global ids as database ids. */
/**
 * A page of the event log, newest first: read once the events this instance wrote have their positions (the
 * sequencer gives them after commit), so a change followed by a read on one instance shows the change's event.
 */
export function eventLogConnection(args: DefaultConnectionArguments, ctx: Pick<GraphQLContext, 'em' | 'feed'>, filter: EventFilter) {
  return keysetConnection(args, {
    toCursor: eventCursor,
    fetch: async (window) => {
      await ctx.feed.settled();
      return listEvents(ctx.em, filter, window);
    },
    count: async () => {
      await ctx.feed.settled();
      return countEvents(ctx.em, filter);
    },
  });
}

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
      'Admins and SUPPORT: every event; a user: events of devices they own. Filters work as in `events` (new arrivals: kinds: [DEVICE_REGISTERED]). ' +
      'With `after: <Event.cursor>` it first replays every later event in commit order, then continues live, with no gap or duplicate',
    authScopes: { authenticated: true, devicesRead: true },
    args: {
      filter: t.arg({ type: EventFilterInput, description: 'Only the events that match; left out: all the caller may see' }),
      after: t.arg.string({ description: 'An Event.cursor: first replay every later event, then go on live' }),
    },
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
    description: 'Admins and SUPPORT (and API keys with DEVICES_READ): the audit log, newest first',
    authScopes: { fleetRead: true, devicesRead: true },
    args: { filter: t.arg({ type: EventFilterInput, description: 'Only the events that match; left out: all of them' }) },
    resolve: (_root, args, ctx) => {
      const filter = eventFilterOf(args.filter);
      return eventLogConnection(args, ctx, filter);
    },
  }, EventConnection),
}));
