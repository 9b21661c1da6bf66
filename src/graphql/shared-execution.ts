// Subscriptions that receive the same event execute it once per audience: a thousand dashboards watching one event
// cost one execution, not a thousand. Over WebSocket and SSE alike (an envelop plugin, so masking and every other
// plugin still see each subscriber's results).
import {
  createSourceEventStream,
  execute,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  OperationTypeNode,
  type ExecutionArgs,
  type ExecutionResult,
  type OperationDefinitionNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';

type Subscribe = (args: ExecutionArgs) => unknown;
type PromiseOrValue<T> = T | Promise<T>;

export interface SharedExecutionOptions<Context> {
  /**
   * Who gets the same answer: two subscribers with the same audience get identical results from one execution of
   * the same event with the same operation and variables. Null: this subscriber shares with no one.
   */
  audience: (context: Context) => string | null;
  /** The context one event executes with, made from a subscriber's (it must not keep state from earlier events). */
  eventContext: (context: Context) => Context;
}

/** How many event executions ran, and how many subscribers were answered from one that had already run. */
export interface SharedExecutionCounts {
  executed: number;
  shared: number;
}

/** Object identity as a number, for keys; documents are the same object for the same text (yoga's parse cache). */
const ids = new WeakMap<object, number>();
let lastId = 0;
function idOf(value: object): number {
  let id = ids.get(value);
  if (id === undefined) ids.set(value, (id = ++lastId));
  return id;
}

/**
 * What makes one subscriber's execution of an event the same as another's, besides the audience: the schema, the
 * document by identity (yoga parses one text to one object; texts that differ only in layout are not shared, as
 * their errors' locations differ), the operation and the variables (JSON, as every transport delivers them).
 */
function operationKey(args: ExecutionArgs): string {
  return `${idOf(args.schema)}:${idOf(args.document)}:${JSON.stringify(args.operationName ?? null)}:${JSON.stringify(args.variableValues ?? null)}`;
}

/** A failure of the event stream itself, located at the operation (as graphql-tools' executor reports it). */
function streamError(error: unknown, operation: OperationDefinitionNode): GraphQLError {
  const original = error instanceof Error ? error : new Error(String(error));
  return new GraphQLError(original.message, { originalError: original, nodes: [operation] });
}

/**
 * Each source event mapped to its execution result. `return` reaches the source at once (a subscriber that leaves
 * must not wait for the next event), and a failed execution closes the source before it is reported. Written by
 * hand, with one await per step: every promise hop here is paid once per subscriber per event.
 */
function mapEvents(
  source: AsyncIterable<unknown>,
  operation: OperationDefinitionNode,
  run: (event: unknown) => PromiseOrValue<ExecutionResult>,
): AsyncGenerator<ExecutionResult, undefined> {
  const iterator = source[Symbol.asyncIterator]();
  const done: IteratorReturnResult<undefined> = { value: undefined, done: true };
  const close = async (error: unknown): Promise<never> => {
    await Promise.resolve(iterator.return?.()).catch(() => undefined);
    throw error;
  };
  const settle = async (step: Promise<IteratorResult<unknown>>): Promise<IteratorResult<ExecutionResult, undefined>> => {
    let event: IteratorResult<unknown>;
    try {
      event = await step;
    } catch (error) {
      throw streamError(error, operation);
    }
    if (event.done) return done;
    try {
      return { value: await run(event.value), done: false };
    } catch (error) {
      return close(error);
    }
  };
  return {
    next: () => settle(iterator.next()),
    return: () => (iterator.return ? settle(iterator.return()) : Promise.resolve(done)),
    throw: (error: unknown) => (iterator.throw ? settle(iterator.throw(error)) : close(error)),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

/**
 * Replaces the engine's subscribe with graphql-js's: the same source event stream, then each event executed through
 * a memo. The first subscriber of an audience to reach an event object executes it (with a context made for that
 * event), and every other one with the same operation and variables is answered with that very result. The event
 * feed hands one object to all its live followers at once, so they share; a replayed event is read for its
 * subscriber alone and executes for it alone. Operations the engine would refuse (unknown operation, variables that
 * do not coerce) go to the engine, to be refused exactly as before.
 */
export function useSharedSubscriptionExecution<Context>(options: SharedExecutionOptions<Context>) {
  const counts: SharedExecutionCounts = { executed: 0, shared: 0 };
  /**
   * The executions of each event object, by operation and audience. Held only by the event: once every subscriber
   * has moved past it, the event and its results go together.
   */
  const executions = new WeakMap<object, Map<string, PromiseOrValue<ExecutionResult>>>();

  const subscribe = async (args: ExecutionArgs, engine: Subscribe): Promise<unknown> => {
    const operation = getOperationAST(args.document, args.operationName);
    if (operation?.operation !== OperationTypeNode.SUBSCRIPTION) return engine(args);
    const variables = getVariableValues(args.schema, operation.variableDefinitions ?? [], args.variableValues ?? {}, { maxErrors: 1 });
    if (variables.errors) return engine(args);

    const subscriber = args.contextValue as Context;
    const audience = options.audience(subscriber);
    const key = audience === null ? null : `${operationKey(args)}|${audience}`;
    const run = (event: unknown): PromiseOrValue<ExecutionResult> => {
      counts.executed++;
      return execute({ ...args, rootValue: event, contextValue: options.eventContext(subscriber) });
    };
    // A stream may push one object again (deviceStatusChanged pushes the forgotten device a last time): that is a new
    // push, executed afresh, never the answer to the earlier one.
    const seen = new WeakSet<object>();
    const runShared = (event: unknown): PromiseOrValue<ExecutionResult> => {
      if (key === null || typeof event !== 'object' || event === null || seen.has(event)) return run(event);
      seen.add(event);
      let byKey = executions.get(event);
      if (!byKey) executions.set(event, (byKey = new Map<string, PromiseOrValue<ExecutionResult>>()));
      const done = byKey.get(key);
      if (done) {
        counts.shared++;
        return done;
      }
      const result = run(event);
      byKey.set(key, result);
      return result;
    };

    const stream = await createSourceEventStream(args);
    if (!isAsyncIterable(stream)) return stream;
    return mapEvents(stream, operation, runShared);
  };

  const plugin: Plugin = {
    onSubscribe: ({ subscribeFn, setSubscribeFn }) => {
      const engine = subscribeFn as Subscribe;
      setSubscribeFn((args: ExecutionArgs) => subscribe(args, engine));
    },
  };
  return { plugin, counts };
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}
