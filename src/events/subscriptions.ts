// Live views of the audit log: an event feed for dashboards and a device's own status for the phone waiting on it.
import { readsFleet, type DomainContext, type WatchGrant } from '../actor.js';
import { openRequestOfDevice } from '../approval/owner-approval.js';
import type { OwnerApprovalRequest } from '../approval/owner-request.entity.js';
import { Device } from '../devices/device.entity.js';
import { NotAllowed } from '../errors.js';
import type { SessionView } from '../sessions/session.entity.js';
import type { LiveSessions } from '../sessions/live.js';
import type { EventKind, EventView } from './event.entity.js';
import type { EventFeed } from './feed.js';
import type { EventFilter } from './events.js';

export interface LiveContext extends DomainContext {
  watch: WatchGrant | null;
  feed: EventFeed;
  live: LiveSessions;
}

function matches(event: EventView, filter: EventFilter): boolean {
  if (filter.kinds?.length && !filter.kinds.includes(event.kind)) return false;
  if (filter.userId && event.userId !== filter.userId) return false;
  if (filter.deviceId && event.deviceId !== filter.deviceId) return false;
  return true;
}

/**
 * Makes `source` let go at once when its consumer stops: an async generator asked to return while it awaits the
 * next event would only do so after that event, so `stop` aborts the feed first, which ends the wait.
 */
function stoppable<T>(source: AsyncGenerator<T>, stop: () => void): AsyncGenerator<T> {
  return {
    next: () => source.next(),
    return: (value) => {
      stop();
      return source.return(value);
    },
    throw: (error) => {
      stop();
      return source.throw(error);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

/** Follows the feed until the session behind it ends (or the client goes away); `accept` as in EventFeed.follow. */
function followFor(ctx: LiveContext, session: SessionView, after: bigint | null, accept?: (event: EventView) => boolean) {
  const controller = new AbortController();
  const untrack = ctx.live.track(session, () => controller.abort());
  const close = () => {
    untrack();
    controller.abort();
  };
  const events = ctx.feed.follow(after, controller.signal, { accept, onEnd: close });
  return { events, close };
}

/**
 * Admins and SUPPORT (and keys with DEVICES_READ): every event; a user: the events of devices they own (devices registered to them, including since
 * forgotten ones on replay). After `after` (an event position) it replays in commit order, then goes on live.
 * The feed's own iterator is the subscription's source: the filter runs inside it, with no generator in between.
 */
export async function deviceEvents(ctx: LiveContext, filter: EventFilter, after: bigint | null): Promise<AsyncIterableIterator<EventView>> {
  if (!ctx.actor) throw new NotAllowed('Sign in first');
  const { user, session } = ctx.actor;
  // Listen first, then read what the user owns: a device registered in between arrives on the feed and is added.
  // The feed applies `accept` only once its consumer asks for events, by which time `owned` is read.
  let owned: Set<string> | null = null;
  const accept = (event: EventView) => {
    if (owned && event.kind === 'DEVICE_REGISTERED' && event.userId === user.id && event.deviceId) owned.add(event.deviceId);
    if (owned && !(event.deviceId && owned.has(event.deviceId))) return false;
    return matches(event, filter);
  };
  const feed = followFor(ctx, session, after, accept);
  try {
    owned = readsFleet(ctx.actor) ? null : await ownedDeviceIds(ctx, user.id);
  } catch (error) {
    feed.close();
    throw error;
  }
  return feed.events;
}

async function ownedDeviceIds(ctx: LiveContext, userId: string): Promise<Set<string>> {
  // The registration event names the owner, and outlives the device. Read from the log (events with positions, on its
  // index by user): one registered a moment ago but not in the log yet reaches the feed, which listens already.
  const rows = await ctx.em.execute<{ device_id: string }[]>(
    `select distinct device_id from events
     where kind = 'DEVICE_REGISTERED' and user_id = ? and device_id is not null and position is not null`,
    [userId],
  );
  return new Set(rows.map((r) => r.device_id));
}

const STATUS_KINDS: ReadonlySet<EventKind> = new Set(['DEVICE_APPROVED', 'DEVICE_BLOCKED', 'DEVICE_UNBLOCKED', 'DEVICE_FORGOTTEN']);

/**
 * The device each time its status changes. Admins and SUPPORT may watch any device, a user the devices they own, a watch
 * token its own device only. When the device is forgotten, it pushes the device a last time and completes; a
 * watch token's subscription also completes once its device is blocked.
 */
export function deviceStatusChanged(ctx: LiveContext, deviceId: string): AsyncGenerator<Device> {
  const session = ctx.actor?.session ?? ctx.watch?.session;
  if (!session) throw new NotAllowed('Sign in first');
  const feed = followFor(ctx, session, null);
  return stoppable(statusChanges(ctx, deviceId, feed), feed.close);
}

async function* statusChanges(
  ctx: LiveContext,
  deviceId: string,
  feed: ReturnType<typeof followFor>,
): AsyncGenerator<Device> {
  try {
    let device = await ctx.em.fork().findOne(Device, deviceId);
    const allowed =
      device !== null &&
      (readsFleet(ctx.actor) || (ctx.actor ? device.owner.id === ctx.actor.user.id : ctx.watch?.deviceId === deviceId));
    // A device the caller may not watch is refused exactly like one that does not exist.
    if (!allowed || !device) throw new NotAllowed('You may not watch this device');

    // The waiting phone may have been approved (or blocked) between its sign-in and this subscription.
    if (ctx.watch && device.statusChangedAt > ctx.watch.session.createdAt) {
      yield device;
      if (device.status === 'BLOCKED') return;
    }
    for await (const event of feed.events) {
      if (event.deviceId !== deviceId || !STATUS_KINDS.has(event.kind)) continue;
      if (event.kind === 'DEVICE_FORGOTTEN') {
        yield device;
        return;
      }
      device = (await ctx.em.fork().findOne(Device, deviceId)) ?? device;
      yield device;
      if (ctx.watch && device.status === 'BLOCKED') return;
    }
  } finally {
    feed.close();
  }
}

/**
 * The caller's new owner approval requests as they are opened: a DEVICE_REGISTERED event of theirs with toStatus
 * PENDING, whose device has an open request (the policy had ownerApproval). A person's session only.
 */
export function deviceApprovalRequests(ctx: LiveContext): AsyncGenerator<OwnerApprovalRequest> {
  if (!ctx.actor || ctx.actor.key) throw new NotAllowed('Sign in first');
  const userId = ctx.actor.user.id;
  const feed = followFor(ctx, ctx.actor.session, null, (e) => e.kind === 'DEVICE_REGISTERED' && e.userId === userId && e.toStatus === 'PENDING');
  return stoppable(openedRequests(ctx, feed), feed.close);
}

async function* openedRequests(ctx: LiveContext, feed: ReturnType<typeof followFor>): AsyncGenerator<OwnerApprovalRequest> {
  try {
    for await (const event of feed.events) {
      if (!event.deviceId) continue;
      const request = await openRequestOfDevice(ctx.em.fork(), event.deviceId);
      if (request) yield request;
    }
  } finally {
    feed.close();
  }
}
