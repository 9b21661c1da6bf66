// The GraphQL client: urql over fetch (POST /graphql) with its document cache, subscriptions over graphql-ws on the
// same origin, the token as `Authorization: Bearer` (HTTP header, or connectionParams on the WebSocket).
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import { cacheExchange, Client, fetchExchange, mapExchange, subscriptionExchange } from 'urql';
import { signedOut } from './auth';

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'closed';

export interface Api {
  urql: Client;
  ws: WsClient;
  /** The WebSocket's state, for the "reconnecting" banner. */
  connection: { get: () => ConnectionState; subscribe: (listener: () => void) => () => void };
  dispose(): void;
}

const httpUrl = () => new URL('/graphql', location.href).toString();
const wsUrl = () => httpUrl().replace(/^http/, 'ws');

export const SESSION_ENDED = 'Your session has ended. Sign in again.';

export function createApi(token: string | null): Api {
  let state: ConnectionState = 'connecting';
  let everConnected = false;
  const listeners = new Set<() => void>();
  const setState = (next: ConnectionState) => {
    if (state === next) return;
    state = next;
    for (const listener of listeners) listener();
  };

  const ws = createWsClient({
    url: wsUrl(),
    lazy: true,
    // Keep trying, with the library's randomised back-off, for as long as the page is open.
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    connectionParams: () => (token ? { authorization: `Bearer ${token}` } : {}),
    on: {
      connecting: () => setState(everConnected ? 'reconnecting' : 'connecting'),
      connected: () => {
        everConnected = true;
        setState('connected');
      },
      closed: (event) => {
        // 4401/4403: the session is gone (signed out elsewhere, expired, revoked).
        const code = (event as { code?: number } | undefined)?.code;
        if (code === 4401 || code === 4403) signedOut(SESSION_ENDED);
        setState(everConnected ? 'reconnecting' : 'closed');
      },
    },
  });

  const urql = new Client({
    url: httpUrl(),
    preferGetMethod: false,
    fetchOptions: (): RequestInit => (token ? { headers: { authorization: `Bearer ${token}` } } : {}),
    exchanges: [
      // Any UNAUTHENTICATED answer means the token is forged, expired or revoked: back to sign-in.
      mapExchange({
        onError(error) {
          if (error.graphQLErrors.some((e) => e.extensions.code === 'UNAUTHENTICATED')) signedOut(SESSION_ENDED);
        },
      }),
      cacheExchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query ?? '' };
          return {
            subscribe(sink) {
              const unsubscribe = ws.subscribe(input, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });

  return {
    urql,
    ws,
    connection: {
      get: () => state,
      subscribe: (listener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
    dispose() {
      void ws.dispose();
    },
  };
}
