// The Pothos schema builder: configuration only (plugins, context, scalars, auth scopes), no type definitions.
import SchemaBuilder from '@pothos/core';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import ValidationPlugin from '@pothos/plugin-validation';
import { GraphQLError } from 'graphql';
import { authorizeBeforeValidation, scopesOf, unauthorizedError, type Scopes } from './auth.js';
import type { GraphQLContext } from './context.js';

export const builder = new SchemaBuilder<{
  Context: GraphQLContext;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    JSON: { Input: unknown; Output: unknown };
    ID: { Input: string; Output: string };
  };
  AuthScopes: Scopes;
  DefaultFieldNullability: false;
  Connection: { totalCount: () => Promise<number> };
}>({
  // authorizeBeforeValidation must come before ValidationPlugin: its argument check then runs first.
  plugins: [ScopeAuthPlugin, authorizeBeforeValidation, ErrorsPlugin, ValidationPlugin, RelayPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    authScopes: scopesOf,
    authorizeOnSubscribe: true,
    unauthorizedError: (_parent, ctx) => unauthorizedError(ctx),
  },
  errors: { directResult: true },
  validation: {
    validationError: (result) =>
      new GraphQLError(`Invalid input: ${result.issues.map((i) => `${pathOf(i.path)}${i.message}`).join('; ')}`, {
        extensions: {
          code: 'BAD_USER_INPUT',
          issues: result.issues.map((i) => ({ path: pathOf(i.path).replace(/: $/, ''), message: i.message })),
        },
      }),
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    // Query.node is defined in schema.ts, so that it applies the same visibility rules as every other read.
    nodeQueryOptions: false,
    nodesQueryOptions: false,
  },
});

function pathOf(path: ReadonlyArray<PropertyKey | { key: PropertyKey }> | undefined): string {
  if (!path?.length) return '';
  return `${path.map((p) => String(typeof p === 'object' ? p.key : p)).join('.')}: `;
}
