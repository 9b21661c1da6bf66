// The per-request (or per-subscription) GraphQL context: the domain context, live-feed handles, DataLoaders.
import { DomainError } from '../errors.js';
import type { LiveContext } from '../events/subscriptions.js';
import type { Loaders } from './loaders.js';

/** What the GraphQL face reports for monitoring (GET /metrics); a no-op when metrics are off. */
export interface Observer {
  /** A sign-in's result: `session`, or the refusal's code in lower case (`invalid_credentials`, …). */
  signIn(result: string): void;
}

/** What the webhook operations need of the running app. */
export interface WebhookHooks {
  /** WEBHOOKS_ALLOW_PRIVATE: endpoints may be private, loopback or link-local addresses. */
  allowPrivate: boolean;
  /** An endpoint was added or changed: deliver to it (and re-read the endpoints) without waiting for an event. */
  changed(endpointId: string): Promise<void>;
}

export interface GraphQLContext extends LiveContext {
  loaders: Loaders;
  observer: Observer;
  webhooks: WebhookHooks;
}

/** Reports a sign-in's outcome (login, loginWithDevice) to the observer, and hands it on. */
export function observeSignIn<T>(ctx: GraphQLContext, outcome: T): T {
  ctx.observer.signIn(outcome instanceof DomainError ? outcome.code.toLowerCase() : 'session');
  return outcome;
}
