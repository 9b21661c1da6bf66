// The per-request (or per-subscription) GraphQL context: the domain context, live-feed handles, DataLoaders.
import type { LiveContext } from '../events/subscriptions.js';
import type { Loaders } from './loaders.js';

/** What the GraphQL face reports for monitoring (GET /metrics); a no-op when metrics are off. */
export interface Observer {
  /** A sign-in's result, by its GraphQL type name. */
  signIn(result: string): void;
}

export interface GraphQLContext extends LiveContext {
  loaders: Loaders;
  observer: Observer;
}
