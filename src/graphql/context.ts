// The per-request (or per-subscription) GraphQL context: the domain context, live-feed handles, DataLoaders.
import type { LiveContext } from '../events/subscriptions.js';
import type { Loaders } from './loaders.js';

export interface GraphQLContext extends LiveContext {
  loaders: Loaders;
}
