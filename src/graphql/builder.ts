// The Pothos schema builder: configuration only (plugins, context, scalars, auth scopes), no type definitions.
import SchemaBuilder from '@pothos/core';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import ValidationPlugin from '@pothos/plugin-validation';
import { GraphQLError } from 'graphql';
import { authorizeBeforeValidation, scopesOf, unauthorizedError, type Scopes } from './auth.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './connections.js';
import type { GraphQLContext } from './context.js';

export const builder = new SchemaBuilder<{
  Context: GraphQLContext;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    JSON: { Input: unknown; Output: unknown };
    JSONObject: { Input: Record<string, unknown>; Output: Record<string, unknown> };
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
    // Descriptions of what the relay plugin generates, so that every part of the schema says what it means.
    nodeTypeOptions: { description: 'Something with a global id, which Query.node finds again' },
    idFieldOptions: { description: 'Global id, opaque: Query.node finds the object again by it' },
    pageInfoTypeOptions: { description: 'Where this page sits in the whole list, and the cursors to ask for the pages around it' },
    hasNextPageFieldOptions: { description: 'Whether more items follow this page (ask with first and after: endCursor)' },
    hasPreviousPageFieldOptions: { description: 'Whether items come before this page (ask with last and before: startCursor)' },
    startCursorFieldOptions: { description: "The first item's cursor; on an empty page, the after (else the before) cursor sent, or empty" },
    endCursorFieldOptions: { description: "The last item's cursor; on an empty page, the after (else the before) cursor sent, or empty" },
    pageInfoFieldOptions: { description: 'Where this page sits in the whole list' },
    edgesFieldOptions: { description: 'The items of this page, each with its cursor' },
    cursorFieldOptions: { description: 'Opaque position of this item: pass it as after or before to page from here' },
    nodeFieldOptions: { description: 'The item itself' },
    firstArgOptions: { description: `At most this many items from the start (or after \`after\`); ${DEFAULT_PAGE_SIZE} by default, and never more than ${MAX_PAGE_SIZE}` },
    lastArgOptions: { description: `At most this many items from the end (or before \`before\`), never more than ${MAX_PAGE_SIZE}` },
    afterArgOptions: { description: 'Only items after this cursor (an endCursor or an edge cursor of an earlier page)' },
    beforeArgOptions: { description: 'Only items before this cursor (a startCursor or an edge cursor of a later page)' },
  },
});

function pathOf(path: ReadonlyArray<PropertyKey | { key: PropertyKey }> | undefined): string {
  if (!path?.length) return '';
  return `${path.map((p) => String(typeof p === 'object' ? p.key : p)).join('.')}: `;
}
