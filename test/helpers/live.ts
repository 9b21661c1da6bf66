// Live clients for the subscription tests: graphql-ws (graphql-transport-ws) over a real WebSocket, and yoga's
// GraphQL over SSE over a real HTTP stream. Every wait is bounded, so a missing push fails a test instead of hanging.
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { App } from '../../src/app.js';
import type { Orm } from '../../src/db/orm.js';
import type { TypedDocumentString } from '../gql/graphql.js';
import type { GraphQLErrorShape } from './client.js';

export const WAIT_MS = 5_000;

export interface Result<T> {
  data?: T | null;
  errors?: GraphQLErrorShape[];
}

/** How a subscription ended: completed by the server, failed (an `error` message or a closed socket), or still open. */
export type Ending = { kind: 'complete' } | { kind: 'error'; error: unknown };

export type Item<T> = { kind: 'next'; result: Result<T> } | Ending;

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `condition` until it holds; fails after `timeoutMs`. */
export async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = WAIT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(10);
  }
}

/**
 * Waits until every event committed so far is in the log (has its position: the sequencer gives them after commit)
 * and this instance's feed has read up to the last one. A subscription started after this sees none of them.
 */
export async function feedCaughtUp(server: { orm: Orm; app: Pick<App, 'feed'> }): Promise<void> {
  const connection = server.orm.em.getConnection();
  await until(
    async () => (await connection.execute<{ n: number }[]>('select 1 as n from events where position is null limit 1')).length === 0,
    'every committed event to have its position',
  );
  const [row] = await connection.execute<{ p: string }[]>('select coalesce(max(position), 0)::text as p from events');
  const position = BigInt(row?.p ?? 0);
  await until(() => server.app.feed.current >= position, 'the instance to read every committed event');
}

/** Rejects after `timeoutMs` unless `promise` settles first. */
export function within<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * What one subscription received, in order: results (`next`), then at most one ending. Read it with the bounded
 * waits below; everything received stays in `results`.
 */
export class LiveSubscription<T> {
  readonly results: Result<T>[] = [];
  ending: Ending | null = null;
  private readonly queue: Item<T>[] = [];
  private readonly waiters = new Set<() => void>();

  constructor(private readonly cancel: () => void) {}

  /** @internal fed by the transport */
  push(item: Item<T>): void {
    if (this.ending) return;
    if (item.kind === 'next') this.results.push(item.result);
    else this.ending = item;
    this.queue.push(item);
    for (const wake of this.waiters) wake();
  }

  /** The next thing received: a result, or the ending (which stays readable by later calls). */
  async take(timeoutMs = WAIT_MS, what = 'the next message'): Promise<Item<T>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const item = this.queue.shift();
      if (item) {
        // The ending stays readable by later calls.
        if (item.kind !== 'next') this.queue.unshift(item);
        return item;
      }
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.waiters.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, left);
        this.waiters.add(wake);
      });
    }
  }

  /** The next pushed result, whatever it holds; rejects if the subscription ends first or nothing comes in time. */
  async nextResult(timeoutMs = WAIT_MS): Promise<Result<T>> {
    const item = await this.take(timeoutMs, 'the next result');
    if (item.kind === 'next') return item.result;
    throw new Error(`the subscription ended (${describeEnding(item)}) instead of pushing a result`);
  }

  /** The data of the next pushed result, which must carry no errors. */
  async nextValue(timeoutMs = WAIT_MS): Promise<T> {
    const result = await this.nextResult(timeoutMs);
    if (result.errors?.length || !result.data) throw new Error(`expected data, got ${JSON.stringify(result)}`);
    return result.data;
  }

  /** Values until `stop` holds for one (included); every one must be data. */
  async valuesUntil(stop: (value: T) => boolean, timeoutMs = WAIT_MS): Promise<T[]> {
    const values: T[] = [];
    for (;;) {
      const value = await this.nextValue(timeoutMs);
      values.push(value);
      if (stop(value)) return values;
    }
  }

  /**
   * The errors the server refused the operation with, however the transport carries them: a `next` with errors
   * (then complete), or an `error` message.
   */
  async refusal(timeoutMs = WAIT_MS): Promise<GraphQLErrorShape[]> {
    const item = await this.take(timeoutMs, 'a refusal');
    if (item.kind === 'next') {
      if (item.result.errors?.length) return item.result.errors;
      throw new Error(`expected errors, got ${JSON.stringify(item.result)}`);
    }
    if (item.kind === 'error' && Array.isArray(item.error)) return item.error as GraphQLErrorShape[];
    throw new Error(`expected errors, the subscription ended: ${describeEnding(item)}`);
  }

  /** Waits for the subscription to end without pushing anything more; returns how it ended. */
  async ended(timeoutMs = WAIT_MS): Promise<Ending> {
    const item = await this.take(timeoutMs, 'the subscription to end');
    if (item.kind === 'next') throw new Error(`expected the end, got another result: ${JSON.stringify(item.result)}`);
    return item;
  }

  /** Fails if anything (a result or an ending) arrives within `ms`. */
  async expectQuiet(ms: number): Promise<void> {
    await sleep(ms);
    if (this.queue.length) throw new Error(`expected nothing, got ${JSON.stringify(this.queue)}`);
  }

  unsubscribe(): void {
    this.cancel();
  }
}

function describeEnding(item: Ending): string {
  if (item.kind === 'complete') return 'complete';
  const error = item.error as { code?: number; reason?: string; message?: string };
  return typeof error?.code === 'number' ? `socket closed ${error.code} ${error.reason ?? ''}` : JSON.stringify(item.error);
}

export interface CloseInfo {
  code: number;
  reason: string;
}

/** A graphql-ws client with its socket's close codes captured, and typed, bounded subscriptions. */
export class WsClient {
  readonly closes: CloseInfo[] = [];
  readonly client: Client;
  private readonly subscriptions = new Set<LiveSubscription<unknown>>();

  constructor(httpUrl: string, token: string | null = null) {
    this.client = createClient({
      url: httpUrl.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: token ? { authorization: `Bearer ${token}` } : {},
      retryAttempts: 0,
      lazy: true,
      // One socket for the client's life (a test checks what the server did to it), not one per busy spell.
      lazyCloseTimeout: 60_000,
      on: {
        closed: (event) => {
          const { code, reason } = event as { code: number; reason: string | Buffer };
          this.closes.push({ code, reason: String(reason) });
        },
      },
    });
  }

  subscribe<TResult, TVariables>(
    document: TypedDocumentString<TResult, TVariables>,
    ...[variables]: TVariables extends Record<string, never> ? [] : [TVariables]
  ): LiveSubscription<TResult> {
    let cancel = () => {};
    const subscription = new LiveSubscription<TResult>(() => cancel());
    cancel = this.client.subscribe<TResult>(
      { query: document.toString(), variables: (variables ?? {}) },
      {
        next: (result) => subscription.push({ kind: 'next', result: result as Result<TResult> }),
        error: (error) => subscription.push({ kind: 'error', error }),
        complete: () => subscription.push({ kind: 'complete' }),
      },
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  /** A query or mutation over the socket: its one result. */
  async execute<TResult, TVariables>(
    document: TypedDocumentString<TResult, TVariables>,
    ...rest: TVariables extends Record<string, never> ? [] : [TVariables]
  ): Promise<Result<TResult>> {
    const subscription = this.subscribe(document, ...rest);
    try {
      const item = await subscription.take(WAIT_MS, 'the result');
      if (item.kind === 'next') return item.result;
      if (item.kind === 'error' && Array.isArray(item.error)) return { errors: item.error as GraphQLErrorShape[] };
      throw new Error(`no result: ${describeEnding(item)}`);
    } finally {
      subscription.unsubscribe();
    }
  }

  /** The code the socket closed with; waits (bounded) for the close. */
  async closedWith(timeoutMs = WAIT_MS): Promise<number> {
    await until(() => this.closes.length > 0, 'the WebSocket to close', timeoutMs);
    return this.closes[0]!.code;
  }

  async dispose(): Promise<void> {
    for (const subscription of this.subscriptions) subscription.unsubscribe();
    await this.client.dispose();
  }
}

/**
 * A subscription over yoga's GraphQL over SSE: POST with `accept: text/event-stream`, then `event: next` and
 * `event: complete` messages. The token goes in the Authorization header.
 */
export class SseSubscription<T> extends LiveSubscription<T> {
  /** The HTTP status of the stream's response, once it has one. */
  status: number | null = null;
  private readonly abort: AbortController;
  readonly done: Promise<void>;

  constructor(httpUrl: string, token: string | null, query: string, variables: Record<string, unknown>) {
    const abort = new AbortController();
    super(() => abort.abort());
    this.abort = abort;
    this.done = this.run(httpUrl, token, query, variables).catch((error: unknown) => {
      if (!abort.signal.aborted) this.push({ kind: 'error', error });
    });
  }

  static open<TResult, TVariables>(
    httpUrl: string,
    token: string | null,
    document: TypedDocumentString<TResult, TVariables>,
    ...[variables]: TVariables extends Record<string, never> ? [] : [TVariables]
  ): SseSubscription<TResult> {
    return new SseSubscription<TResult>(httpUrl, token, document.toString(), (variables ?? {}));
  }

  private async run(url: string, token: string | null, query: string, variables: Record<string, unknown>): Promise<void> {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'text/event-stream',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
      signal: this.abort.signal,
    });
    this.status = response.status;
    if (!response.body) throw new Error(`no stream (HTTP ${response.status})`);
    const decoder = new TextDecoder();
    let buffer = '';
    let completed = false;
    for await (const chunk of response.body) {
      buffer += decoder.decode(chunk, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const message = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        let event = 'message';
        const data: string[] = [];
        for (const line of message.split('\n')) {
          if (line.startsWith(':')) continue; // keep-alive comment
          if (line.startsWith('event:')) event = line.slice(6).trim();
          else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
        }
        if (event === 'next') this.push({ kind: 'next', result: JSON.parse(data.join('\n')) as Result<T> });
        else if (event === 'complete') {
          completed = true;
          this.push({ kind: 'complete' });
        }
      }
    }
    if (!completed) this.push({ kind: 'error', error: new Error('the stream ended without `complete`') });
  }
}

/**
 * How many listeners the instance's event feed has: one for LiveSessions, plus one per subscription that follows it.
 */
export function feedListeners(app: App): number {
  return (app.feed as unknown as { listeners: Set<unknown> }).listeners.size;
}

/**
 * Counts the subscriptions that start following an instance's event feed (EventFeed.follow listens once per
 * subscription; the wrapper only counts, then calls the real listen). Neither protocol acknowledges a subscription,
 * so a test waits on this before making the change a live subscriber must see; a subscription with `after` needs no
 * such wait, it replays from its cursor. A monotonic count, unlike feedListeners, is not disturbed by earlier
 * subscriptions letting go.
 */
export class FeedProbe {
  started = 0;

  constructor(app: App) {
    const feed = app.feed;
    const listen = feed.listen.bind(feed);
    feed.listen = (listener) => {
      this.started++;
      return listen(listener);
    };
  }

  /** Call before subscribing; `await ready(n)` then waits until n more subscriptions follow the feed. */
  readiness(): (count?: number) => Promise<void> {
    const from = this.started;
    return (count = 1) => until(() => this.started >= from + count, `${count} new subscription(s) on the feed`);
  }
}

/** An Event.cursor's position (cursors are base64url of the decimal position). */
export function cursorPosition(cursor: string): bigint {
  return BigInt(Buffer.from(cursor, 'base64url').toString('utf8'));
}
