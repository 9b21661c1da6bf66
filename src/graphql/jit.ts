// Hot queries and mutations run on graphql-jit: a document that has run RUNS_BEFORE_JIT times with the standard
// executor is compiled to plain JavaScript and runs compiled from then on (measured: the phone's read costs 25-30% less
// CPU, docs/performance.md). Compiling takes 2-18 ms, so a document seen only once or twice (GraphiQL, or a client that
// sends a new text each time) never pays for it. Subscriptions keep the standard executor: their events go through
// the shared execution (shared-execution.ts).
//
// Not @envelop/graphql-jit: it keeps one compiled query per document whatever operation a request names, so a
// document with two operations would run the first one compiled for both.
import { getOperationAST, GraphQLError, Kind, OperationTypeNode, type DocumentNode, type ExecutionArgs, type ExecutionResult, type Source } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { Plugin } from 'graphql-yoga';

export const RUNS_BEFORE_JIT = 2;

export interface JitCounts {
  /** Documents compiled, and operations that ran compiled. */
  compiled: number;
  executed: number;
}

/** Only a document with a single query or mutation, asked for by its name or by none, runs compiled. */
function compilable(args: ExecutionArgs): boolean {
  const operations = args.document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (operations.length !== 1) return false;
  const operation = getOperationAST(args.document, args.operationName);
  return operation != null && operation.operation !== OperationTypeNode.SUBSCRIPTION;
}

/**
 * graphql-jit's errors carry line/column locations but not the nodes or positions yoga rebuilds them from when it
 * serialises, so they would reach the client without locations: located again in the document's source here.
 */
function relocated(errors: readonly GraphQLError[], source: Source | undefined): GraphQLError[] {
  if (!source) return [...errors];
  const lineStarts = [0];
  for (let i = 0; i < source.body.length; i++) if (source.body[i] === '\n') lineStarts.push(i + 1);
  return errors.map((error) =>
    error.nodes || !error.locations?.length
      ? error
      : new GraphQLError(error.message, {
          source,
          positions: error.locations.map(({ line, column }) => (lineStarts[line - 1] ?? 0) + column - 1),
          path: error.path,
          originalError: error.originalError,
          extensions: error.extensions,
        }),
  );
}

export function useHotOperationJit(onCompileError: (errors: readonly Error[]) => void): { plugin: Plugin; counts: JitCounts } {
  const counts: JitCounts = { compiled: 0, executed: 0 };
  // Keyed by the document object: yoga's parse cache gives one text one object, so its repeats are counted. A
  // document graphql-jit cannot compile is remembered as null and keeps the standard executor.
  const documents = new WeakMap<DocumentNode, { runs: number; compiled?: CompiledQuery | null }>();
  const plugin: Plugin = {
    onExecute({ args: untyped, executeFn: untypedExecute, setExecuteFn }) {
      const args: ExecutionArgs = untyped;
      const standard = untypedExecute as (args: ExecutionArgs) => unknown;
      if (!compilable(args)) return;
      let entry = documents.get(args.document);
      if (!entry) documents.set(args.document, (entry = { runs: 0 }));
      if (++entry.runs <= RUNS_BEFORE_JIT || entry.compiled === null) return;
      if (entry.compiled === undefined) {
        const result = compileQuery(args.schema, args.document, args.operationName ?? undefined);
        if (!isCompiledQuery(result)) {
          entry.compiled = null;
          onCompileError(result.errors ?? []);
          return;
        }
        entry.compiled = result;
        counts.compiled++;
      }
      const compiled = entry.compiled;
      counts.executed++;
      // Variables that do not coerce leave a result without data; the standard executor then answers them, so their
      // errors keep graphql-js's wording and locations and yoga's 400.
      setExecuteFn((run: ExecutionArgs) => {
        const answer = (result: ExecutionResult) => {
          if (!('data' in result)) return standard(run);
          return result.errors?.length ? { ...result, errors: relocated(result.errors, run.document.loc?.source) } : result;
        };
        const result = compiled.query(run.rootValue, run.contextValue, run.variableValues);
        return result instanceof Promise ? result.then(answer) : answer(result);
      });
    },
  };
  return { plugin, counts };
}
