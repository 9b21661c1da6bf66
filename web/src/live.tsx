// The live feed: one `deviceEvents` subscription for the whole console. It starts after the newest event the API
// had when the console opened, keeps the cursor of the last event it saw, and resumes from it after a reconnect
// (graphql-ws sends the same subscribe payload again on each retry, so the payload's `after` is kept current, and
// a subscription the server completed on shutdown is started again with it): nothing is missed, nothing repeats. Pages listen for events and for "resync" (the socket is (re)connected:
// refetch what you show, since the list may have changed while it was away).
import { createContext, useCallback, useContext, useEffect, useRef, useSyncExternalStore } from 'react';
import { stringifyDocument } from 'urql';
import type { Api, ConnectionState } from './client';
import { graphql } from './gql';
import type { ConsoleFeedSubscription } from './gql/graphql';

const Feed = graphql(`
  subscription ConsoleFeed($after: String) {
    deviceEvents(after: $after) {
      id
      cursor
      kind
      at
      deviceId
      deviceName
      fromStatus
      toStatus
      detail
      ip
      actor { id email }
      bySystem
      user { id email }
    }
  }
`);

const NewestEvent = graphql(`
  query NewestEvent {
    events(first: 1) { edges { node { id cursor } } }
  }
`);

export type FeedEvent = ConsoleFeedSubscription['deviceEvents'];

export interface Live {
  onEvent: (listener: (event: FeedEvent) => void) => () => void;
  onResync: (listener: () => void) => () => void;
  connection: Api['connection'];
  /** A failure the feed cannot recover from, as a sentence; null while it runs. */
  failure: () => string | null;
  onFailure: (listener: () => void) => () => void;
  stop: () => void;
}

export function startLive(api: Api, onReady: () => void): Live {
  const eventListeners = new Set<(event: FeedEvent) => void>();
  const resyncListeners = new Set<() => void>();
  const failureListeners = new Set<() => void>();
  let failure: string | null = null;
  let stopped = false;
  let unsubscribe: (() => void) | null = null;
  const fail = (sentence: string) => {
    failure = sentence;
    for (const listener of failureListeners) listener();
  };

  // Pages mount once the starting cursor is known (onReady), so their first queries already see everything before
  // it and the replay brings everything after: only a reconnection asks them to refetch.
  let connections = 0;
  const offConnected = api.ws.on('connected', () => {
    if (++connections === 1) return;
    for (const listener of resyncListeners) listener();
  });

  let retry: ReturnType<typeof setTimeout> | null = null;
  const payload = { query: stringifyDocument(Feed), variables: { after: null as string | null } };
  // The server completes live subscriptions when it shuts down (and closes the socket with 1001): subscribe again,
  // from the last cursor, once the socket is back (graphql-ws connects again for it, with its own back-off).
  const again = () => {
    if (stopped || retry) return;
    retry = setTimeout(() => {
      retry = null;
      subscribe();
    }, 500);
  };
  const subscribe = () => {
    if (stopped) return;
    unsubscribe = api.ws.subscribe<ConsoleFeedSubscription>(payload, {
      next(result) {
        const event = result.data?.deviceEvents;
        if (!event) {
          if (result.errors?.length) fail(`The live feed stopped: ${result.errors.map((e) => e.message).join('; ')}`);
          return;
        }
        payload.variables.after = event.cursor;
        for (const listener of eventListeners) listener(event);
      },
      error(error) {
        // GraphQL errors (FORBIDDEN, a bad cursor) will not go away by retrying; a closed socket may.
        if (Array.isArray(error)) fail(`The live feed stopped: ${error.map((e: { message: string }) => e.message).join('; ')}`);
        else again();
      },
      complete: again,
    });
  };

  void (async () => {
    const newest = await api.urql.query(NewestEvent, {}, { requestPolicy: 'network-only' }).toPromise();
    if (stopped) return;
    if (newest.error) return fail(`The live feed could not start: ${newest.error.message}`);
    payload.variables.after = newest.data?.events.edges[0]?.node.cursor ?? null;
    subscribe();
    onReady();
  })();

  const add = <T,>(set: Set<T>, listener: T) => {
    set.add(listener);
    return () => void set.delete(listener);
  };

  return {
    onEvent: (listener) => add(eventListeners, listener),
    onResync: (listener) => add(resyncListeners, listener),
    onFailure: (listener) => add(failureListeners, listener),
    failure: () => failure,
    connection: api.connection,
    stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      offConnected();
      unsubscribe?.();
    },
  };
}

export const LiveContext = createContext<Live | null>(null);

function useLiveContext(): Live {
  const live = useContext(LiveContext);
  if (!live) throw new Error('useLive outside LiveContext');
  return live;
}

/** Calls `onEvent` for each event of the feed, and `onResync` each time the socket (re)connects. */
export function useLive(onEvent: (event: FeedEvent) => void, onResync?: () => void) {
  const live = useLiveContext();
  const handlers = useRef({ onEvent, onResync });
  useEffect(() => {
    handlers.current = { onEvent, onResync };
  });
  useEffect(() => {
    const offEvent = live.onEvent((event) => handlers.current.onEvent(event));
    const offResync = live.onResync(() => handlers.current.onResync?.());
    return () => {
      offEvent();
      offResync();
    };
  }, [live]);
}

export function useConnection(): ConnectionState {
  const live = useLiveContext();
  return useSyncExternalStore(live.connection.subscribe, live.connection.get);
}

export function useLiveFailure(): string | null {
  const live = useLiveContext();
  return useSyncExternalStore(live.onFailure, live.failure);
}

/** Event kinds after which a device list may have changed. */
export const DEVICE_KINDS = new Set(['DEVICE_REGISTERED', 'DEVICE_APPROVED', 'DEVICE_BLOCKED', 'DEVICE_UNBLOCKED', 'DEVICE_RENAMED', 'DEVICE_UPDATED', 'DEVICE_FORGOTTEN']);

/** Re-runs `refetch` once for a burst of calls (a bulk approval sends many events at once). */
export function useCoalesced(refetch: () => void, delay = 60): () => void {
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);
  return useCallback(() => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      refetch();
    }, delay);
  }, [refetch, delay]);
}
