// The per-request GraphQL context: the domain context (fork, actor, meta) plus this request's DataLoaders.
import type { DomainContext } from '../actor.js';
import type { Loaders } from './loaders.js';

export interface GraphQLContext extends DomainContext {
  loaders: Loaders;
}
