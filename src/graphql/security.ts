// Query-abuse limits (graphql-armor), CSRF prevention and introspection control: the envelop plugins every
// operation runs through, over HTTP, SSE and WebSocket alike (graphql-ws goes through yoga.getEnveloped).
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { GraphQLError, NoSchemaIntrospectionCustomRule } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import { withoutSuggestions } from './errors.js';

/**
 * Chosen from our real operations (`npx tsx scripts/query-costs.ts` measures them all): the costliest, a user's
 * events with each actor's devices, costs 6,364 at depth 7; the dashboard's per-user view 3,110 at depth 6; the
 * longest has 99 tokens. GraphiQL's introspection is exempt from cost. Errors never state the limits.
 */
export const QUERY_LIMITS = {
  maxDepth: 12,
  maxAliases: 15,
  maxDirectives: 10,
  maxTokens: 2_000,
  maxCost: 8_000,
} as const;

/**
 * graphql-js names what you may have meant ("Did you mean the enum value …?") in validation errors and while
 * coercing variables; graphql-armor only hides the first kind. This strips both, on every transport.
 */
const hideSuggestions: Plugin = {
  onValidate: () => ({ result, setResult }) => {
    if (result.length) setResult((result as readonly Error[]).map((error) => (error instanceof GraphQLError ? withoutSuggestions(error) : error)));
  },
  onExecute: () => ({
    onExecuteDone: ({ result, setResult }) => {
      if (!isAsyncIterable(result) && result.errors?.length) setResult({ ...result, errors: result.errors.map(withoutSuggestions) });
    },
  }),
};

/**
 * Introspection refused over HTTP, as yoga's useDisableIntrospection does it, but decided when validating: yoga's
 * marks each request in a request-parse hook, which the lean HTTP lane (src/http/lean-lane.ts) does not run. Both
 * lanes put the request in the context; graphql-ws operations have none and apply the rule themselves (websocket.ts).
 */
const disableIntrospectionOverHttp: Plugin = {
  onValidate({ addValidationRule, context }) {
    if ((context as { request?: unknown }).request) addValidationRule(NoSchemaIntrospectionCustomRule);
  },
};

export function securityPlugins(options: { introspection: boolean }): Plugin[] {
  const plugins: Plugin[] = [
    hideSuggestions,
    EnvelopArmorPlugin({
      maxDepth: { n: QUERY_LIMITS.maxDepth, exposeLimits: false, flattenFragments: true },
      maxAliases: { n: QUERY_LIMITS.maxAliases, exposeLimits: false },
      maxDirectives: { n: QUERY_LIMITS.maxDirectives, exposeLimits: false },
      maxTokens: { n: QUERY_LIMITS.maxTokens, exposeLimits: false },
      costLimit: { maxCost: QUERY_LIMITS.maxCost, exposeLimits: false, ignoreIntrospection: true },
      blockFieldSuggestion: { enabled: true },
    }),
    // A GET (which browsers may send without a preflight) must carry a custom header; JSON POSTs always preflight.
    useCSRFPrevention({ requestHeaders: ['x-graphql-yoga-csrf'] }),
  ];
  if (!options.introspection) plugins.push(disableIntrospectionOverHttp);
  return plugins;
}
