// Subscriptions that receive the same event execute it once per audience: a thousand dashboards watching one event
// cost one execution, not a thousand, and errors in it are masked once. Over WebSocket and SSE alike (an envelop
// plugin). It serves the subscription streams itself and ends envelop's subscribe chain: the wrappers that yoga's
// error masking puts around every subscriber's stream cost a fifth of a fan-out's CPU (measured), so the masking is
// applied here instead, with the same function.
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

type PromiseOrValue<T> = T | Promise<T>;

export interface SharedExecutionOptions<Context> {
  /**
   * Who gets the same answer: two subscribers with the same audience get identical results from one execution of
   * the same event with the same operation and variables. Null: this subscriber shares with no one.
   */
  audience: (context: Context) => string | null;
  /** The context one event executes with, made from a subscriber's (it must not keep state from earlier events). */
  eventContext: (context: Context) => Context;
  /**
   * yoga's error masking (its `maskedErrors`), applied here to the streams this plugin serves: to each execution's
   * errors and to a failure of the stream itself.
   */
  maskError: (error: unknown) => Error;
  /** Called with an event's context once its execution has finished (to release what it cached). */
  executed?: (context: Context) => void;
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
  mask: (error: unknown) => unknown,
): AsyncGenerator<ExecutionResult, undefined> {
  const iterator = source[Symbol.asyncIterator]();
  const done: IteratorReturnResult<undefined> = { value: undefined, done: true };
  const close = async (error: unknown): Promise<never> => {
    await Promise.resolve(iterator.return?.()).catch(() => undefined);
    throw mask(error);
  };
  const settle = async (step: Promise<IteratorResult<unknown>>): Promise<IteratorResult<ExecutionResult, undefined>> => {
    let event: IteratorResult<unknown>;
    try {
      event = await step;
    } catch (error) {
      throw mask(streamError(error, operation));
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
 * Serves a subscription with graphql-js's source event stream, each event executed through a memo. The first
 * subscriber of an audience to reach an event object executes it (with a context made for that event, its errors
 * masked), and every other one with the same operation and variables is answered with that very result. The event
 * feed hands one object to all its live followers at once, so they share; a replayed event is read for its
 * subscriber alone and executes for it alone. Operations the engine would refuse (unknown operation, variables that
 * do not coerce) go on down envelop's chain, to be refused (and masked) exactly as before.
 *
 * It must be the last plugin with an `onSubscribe` hook, since the hooks after it do not run for the streams it
 * serves; only yoga's own masking pair may follow (checked when yoga starts).
 */
export function useSharedSubscriptionExecution<Context>(options: SharedExecutionOptions<Context>) {
  const counts: SharedExecutionCounts = { executed: 0, shared: 0 };
  /**
   * The executions of each event object, by operation and audience. Held only by the event: once every subscriber
   * has moved past it, the event and its results go together.
   */
  const executions = new WeakMap<object, Map<string, PromiseOrValue<ExecutionResult>>>();
  const maskResult = (result: ExecutionResult): ExecutionResult =>
    result.errors?.length ? { ...result, errors: result.errors.map((error) => options.maskError(error) as GraphQLError) } : result;
  // An aborted request's AbortError goes through unmasked, as yoga lets it.
  const maskStreamError = (error: unknown) => (isAbortError(error) ? error : options.maskError(error));

  const subscribe = async (args: ExecutionArgs, operation: OperationDefinitionNode): Promise<unknown> => {
    const subscriber = args.contextValue as Context;
    const audience = options.audience(subscriber);
    const key = audience === null ? null : `${operationKey(args)}|${audience}`;
    const run = (event: unknown): PromiseOrValue<ExecutionResult> => {
      counts.executed++;
      const contextValue = options.eventContext(subscriber);
      const finish = (result: ExecutionResult) => {
        options.executed?.(contextValue);
        return maskResult(result);
      };
      const result = execute({ ...args, rootValue: event, contextValue });
      return result instanceof Promise ? result.then(finish) : finish(result);
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
    if (!isAsyncIterable(stream)) return maskResult(stream);
    return mapEvents(stream, operation, runShared, maskStreamError);
  };

  const plugin: Plugin = {
    onYogaInit: ({ yoga }) => {
      // The plugins after this one that hook subscribe: yoga adds two (error masking, and its AbortError pass-through).
      const plugins = (yoga as unknown as { plugins: (Plugin | undefined)[] }).plugins;
      const after = plugins.slice(plugins.indexOf(plugin) + 1).filter((p) => p?.onSubscribe);
      if (after.length > 2) throw new Error('useSharedSubscriptionExecution must be the last plugin that hooks onSubscribe: the ones after it would not run');
    },
    onSubscribe: ({ args: untyped, setResultAndStopExecution }) => {
      const args = untyped as ExecutionArgs;
      const operation = getOperationAST(args.document, args.operationName);
      if (operation?.operation !== OperationTypeNode.SUBSCRIPTION) return;
      const variables = getVariableValues(args.schema, operation.variableDefinitions ?? [], args.variableValues ?? {}, { maxErrors: 1 });
      if (variables.errors) return;
      return subscribe(args, operation).then((result) => setResultAndStopExecution(result as never));
    },
  };
  return { plugin, counts };
}

function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'AbortError' || error.name === 'TimeoutError');
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === 'object' && value !== null && Symbol.asyncIterator in value;
}
