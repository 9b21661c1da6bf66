// GET /metrics in the Prometheus text format (prom-client): Node's process metrics and Gatehouse's own.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getOperationAST, type DocumentNode, type ExecutionArgs } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

type OperationType = 'query' | 'mutation' | 'subscription';
export type Transport = 'http' | 'ws';

/** Counts that other parts keep themselves, read when the metrics are scraped. */
export interface MetricSources {
  webSockets: () => number;
  subscriptionEventExecutions: () => { executed: number; shared: number };
  jit: () => { compiled: number; executed: number };
  leanLane: () => { answered: number; handedOver: number };
}

/** A counter whose value another part keeps: set from that part's count at each scrape. */
function mirroredCounter(registry: Registry, name: string, help: string, read: () => number) {
  return new Counter({
    name,
    help,
    registers: [registry],
    collect() {
      this.reset();
      this.inc(read());
    },
  });
}

export function createMetrics(sources: MetricSources) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  const operations = new Counter({
    name: 'gatehouse_graphql_operations_total',
    help: 'GraphQL operations over HTTP and WebSocket, by type and outcome (error: the response carries GraphQL errors; a typed error result is ok).',
    labelNames: ['type', 'outcome'] as const,
    registers: [registry],
  });
  // Bound once: the hot path increments without hashing label values.
  const byOutcome = (type: OperationType | 'invalid') => ({ ok: operations.labels(type, 'ok'), error: operations.labels(type, 'error') });
  const counted = { query: byOutcome('query'), mutation: byOutcome('mutation'), subscription: byOutcome('subscription'), invalid: byOutcome('invalid') };

  const signIns = new Counter({
    name: 'gatehouse_sign_ins_total',
    help: "Sign-ins (login and loginWithDevice) by result: session, or the refusal's code in lower case (invalid_credentials, device_pending_approval, ...).",
    labelNames: ['result'] as const,
    registers: [registry],
  });
  new Gauge({
    name: 'gatehouse_websockets_open',
    help: 'Open WebSocket connections.',
    registers: [registry],
    collect() {
      this.set(sources.webSockets());
    },
  });
  const subscriptions = new Gauge({
    name: 'gatehouse_subscriptions_active',
    help: 'Live GraphQL subscriptions, by transport (ws: graphql-ws; http: server-sent events).',
    labelNames: ['transport'] as const,
    registers: [registry],
  });
  subscriptions.set({ transport: 'ws' }, 0);
  subscriptions.set({ transport: 'http' }, 0);
  const events = new Counter({
    name: 'gatehouse_events_total',
    help: "Events of the log delivered by this instance's feed, by kind (every instance sees every event: across instances take the max, not the sum).",
    labelNames: ['kind'] as const,
    registers: [registry],
  });
  const feedLag = new Histogram({
    name: 'gatehouse_event_feed_lag_seconds',
    help: "Time from an event's recording to this instance's feed delivering it.",
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  new Counter({
    name: 'gatehouse_subscription_event_executions_total',
    help: 'Subscription event executions (executed), and deliveries that shared the execution of another subscriber of the same audience (shared).',
    labelNames: ['mode'] as const,
    registers: [registry],
    collect() {
      this.reset();
      const { executed, shared } = sources.subscriptionEventExecutions();
      this.inc({ mode: 'executed' }, executed);
      this.inc({ mode: 'shared' }, shared);
    },
  });
  mirroredCounter(registry, 'gatehouse_jit_operations_compiled_total', 'Hot operations compiled by graphql-jit.', () => sources.jit().compiled);
  mirroredCounter(registry, 'gatehouse_jit_executions_total', 'Executions that ran a graphql-jit compiled operation.', () => sources.jit().executed);
  new Counter({
    name: 'gatehouse_http_lean_lane_requests_total',
    help: 'GraphQL POSTs taken by the lean HTTP lane: answered by it, or handed to yoga once read (a subscription, batching, JSON that is not one plain operation).',
    labelNames: ['outcome'] as const,
    registers: [registry],
    collect() {
      this.reset();
      const { answered, handedOver } = sources.leanLane();
      this.inc({ outcome: 'answered' }, answered);
      this.inc({ outcome: 'handed_over' }, handedOver);
    },
  });

  const typeOf = (document: DocumentNode, operationName: string | null | undefined): OperationType | 'invalid' =>
    getOperationAST(document, operationName)?.operation ?? 'invalid';

  /**
   * Counts operations as envelop runs them (every transport goes through it). It must come before the shared
   * subscription execution, which ends the subscribe chain.
   */
  const plugin: Plugin<{ transport?: Transport }> = {
    onValidate({ params }) {
      // envelop types the validated document loosely.
      const document = params.documentAST as DocumentNode;
      return ({ result }) => {
        if (result.length) counted[typeOf(document, undefined)].error.inc();
      };
    },
    onExecute({ args: untyped }) {
      const args: ExecutionArgs = untyped;
      const counter = counted[typeOf(args.document, args.operationName)];
      return {
        onExecuteDone({ result }) {
          if (isAsyncIterable(result)) counter.ok.inc();
          else (result.errors?.length ? counter.error : counter.ok).inc();
        },
      };
    },
    onSubscribe({ args }) {
      const transport: Transport = (args.contextValue as { transport?: Transport }).transport ?? 'http';
      return {
        onSubscribeResult({ result }) {
          if (!isAsyncIterable(result)) {
            (result.errors?.length ? counted.subscription.error : counted.subscription.ok).inc();
            return;
          }
          counted.subscription.ok.inc();
          subscriptions.inc({ transport });
          return { onEnd: () => subscriptions.dec({ transport }) };
        },
      };
    },
  };

  /** Serves GET /metrics. `?gc` first collects garbage when Node runs with --expose-gc (the bench measures what stays). */
  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.url?.includes('gc')) (globalThis as { gc?: () => void }).gc?.();
    try {
      const body = await registry.metrics();
      res.writeHead(200, { 'content-type': registry.contentType }).end(body);
    } catch {
      res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('metrics unavailable\n');
    }
  }

  return {
    plugin,
    serve,
    /** A sign-in's result: session, or the refusal's code in lower case. */
    signIn(result: string) {
      signIns.inc({ result });
    },
    /** An event delivered by the feed, with the time it was recorded. */
    event(kind: string, recordedAt: Date) {
      events.inc({ kind });
      feedLag.observe(Math.max(0, (Date.now() - recordedAt.getTime()) / 1000));
    },
    stop() {
      registry.clear();
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
