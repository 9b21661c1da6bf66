// The lean HTTP lane: a plain JSON POST to /graphql answered through yoga's own enveloped pipeline straight on
// node:http, without the fetch adapter (a Request, Headers and a body stream per request, the HTTP-level plugin hooks,
// a Response written back). Everything else, and whatever turns out unusual once the body is read, goes to yoga.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { getOperationAST, GraphQLError, OperationTypeNode, type DocumentNode, type ExecutionArgs, type ExecutionResult, type GraphQLSchema } from 'graphql';
import { createGraphQLError, isAsyncIterable, processRegularResult, type CORSOptions, type FetchAPI, type YogaServerInstance } from 'graphql-yoga';
import { getCORSHeadersByRequestAndOptions } from '@whatwg-node/server';
import type { GraphQLContext } from '../graphql/context.js';
import type { ServerContext } from './server-context.js';

/** Which CORS headers a request gets: yoga's `cors` option (yoga.ts), applied by the lane the same way. */
export type CorsPolicy = (request: Request) => CORSOptions;

/** The answers yoga's regular result processor can give (it prefers the later one for the same Accept entry). */
const REGULAR_MEDIA_TYPES = ['application/graphql-response+json', 'application/json'] as const;
type RegularMediaType = (typeof REGULAR_MEDIA_TYPES)[number];

/**
 * Content types the lane reads as JSON. yoga's JSON parser takes `application/json` with any parameters (and
 * `application/graphql+json`); only the plain forms are taken here, the rest go to yoga.
 */
const JSON_CONTENT_TYPES = new Set(['application/json', 'application/json; charset=utf-8', 'application/json;charset=utf-8']);

const PARAM_NAMES = new Set(['query', 'variables', 'operationName', 'extensions']);

/** The HTTP-level hooks yoga runs per request (not envelop's), as yoga.ts configures it; see `checkHooks`. */
interface HttpHooks {
  onRequest: number;
  onResponse: number;
  onRequestParse: number;
  onParams: number;
  onExecutionResult: number;
  onResultProcess: number;
}

/** What yoga.getEnveloped returns (typed loosely by envelop), as the lane uses it. */
interface Enveloped {
  schema: GraphQLSchema;
  parse: (source: string) => DocumentNode;
  validate: (schema: GraphQLSchema, document: DocumentNode) => readonly GraphQLError[];
  contextFactory: () => GraphQLContext | Promise<GraphQLContext>;
  execute: (args: ExecutionArgs) => ExecutionResult | Promise<ExecutionResult>;
}

/** yoga's error masking as yoga applies it (its private `maskedErrorsOpts`: the configured maskError, logged once). */
interface MaskedErrorsOptions {
  maskError: (error: unknown, message: string, isDev?: boolean) => Error;
  errorMessage: string;
  isDev?: boolean;
}

/** The parts of yoga the lane reads that its types keep private. */
interface YogaInternals {
  plugins: (Record<string, unknown> | undefined)[];
  maskedErrorsOpts: MaskedErrorsOptions | null;
  onRequestParseHooks: unknown[];
  onParamsHooks: unknown[];
  onExecutionResultHooks: unknown[];
  onResultProcessHooks: unknown[];
}

interface Params {
  query: string;
  variables?: Record<string, unknown> | null;
  operationName?: string | null;
  extensions?: Record<string, unknown> | null;
}

export interface LeanLaneCounts {
  /** Requests the lane answered itself. */
  answered: number;
  /** Requests it read and then handed to yoga (a subscription, batching, JSON that is not one plain operation). */
  handedOver: number;
}

export interface LeanLaneOptions {
  yoga: YogaServerInstance<ServerContext, GraphQLContext>;
  /** The CORS policy yoga is given, applied to the lane's answers the way yoga's CORS plugin applies it. */
  cors: CorsPolicy;
  /** yoga's HTTP-level hooks as configured (checked when the lane is made: a new one must be reproduced or routed). */
  expectedHooks: HttpHooks;
}

/** A fetch Headers' get and has over node's request headers (lower-case names, repeated values joined). */
class NodeHeadersView {
  constructor(private readonly headers: IncomingMessage['headers']) {}
  get(name: string): string | null {
    const value = this.headers[name.toLowerCase()];
    return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
  }
  has(name: string): boolean {
    return this.headers[name.toLowerCase()] !== undefined;
  }
}

/**
 * What the lane hands envelop as the request: the little of a fetch Request that Gatehouse's context and the
 * plugins read (method, url, headers.get/has), over node's request.
 */
class NodeRequestView {
  readonly method = 'POST';
  readonly headers: NodeHeadersView;
  constructor(private readonly req: IncomingMessage) {
    this.headers = new NodeHeadersView(req.headers);
  }
  get url(): string {
    return `http://${this.req.headers.host ?? 'localhost'}${this.req.url ?? '/'}`;
  }
}

/** yoga's reading of Accept (getMediaTypesForRequestInOrder): lower case, no spaces, utf-8 only, last first. */
function mediaTypesInOrder(accept: string | undefined): string[] {
  const types: string[] = [];
  for (const entry of (accept || '*/*').replace(/\s/g, '').toLowerCase().split(',')) {
    const [mediaType, ...params] = entry.split(';');
    if (mediaType === undefined) continue;
    const charset = params.find((param) => param.includes('charset=')) ?? 'charset=utf-8';
    if (charset !== 'charset=utf-8') continue;
    types.push(mediaType);
  }
  return types.reverse();
}

/** yoga's isMatchingMediaType(processor's type, asked type): wildcards only on the asked side. */
function matches(offered: string, asked: string): boolean {
  const [offeredType, offeredSubtype] = offered.split('/');
  const [askedType, askedSubtype] = asked.split('/');
  return (askedType === '*' || askedType === offeredType) && (askedSubtype === '*' || askedSubtype === offeredSubtype);
}

/**
 * The media type yoga answers a query or mutation with for this Accept, or null when that is not its regular JSON
 * processor (only server-sent events or multipart acceptable, or nothing: yoga's 406). For a result that is not a
 * stream yoga tries SSE, multipart, then the regular processor, and the last match wins: any regular match wins.
 */
export function regularMediaType(accept: string | undefined): RegularMediaType | null {
  let chosen: RegularMediaType | null = null;
  for (const asked of mediaTypesInOrder(accept)) {
    for (const offered of REGULAR_MEDIA_TYPES) if (matches(offered, asked)) chosen = offered;
  }
  return chosen;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * One operation as yoga's checks would pass it (useCheckGraphQLQueryParams): an object with only the four known
 * parameters (a null one counts as absent), a string query, object variables and extensions. The lane also wants
 * a string operationName (yoga does not check it).
 */
function hotParams(body: unknown): body is Params {
  if (!isPlainObject(body)) return false;
  for (const key in body) if (body[key] != null && !PARAM_NAMES.has(key)) return false;
  const { query, variables, operationName, extensions } = body;
  return (
    typeof query === 'string' &&
    (variables == null || isPlainObject(variables)) &&
    (extensions == null || isPlainObject(extensions)) &&
    (operationName == null || typeof operationName === 'string')
  );
}

/** A fetch API whose Response only records what it is given: yoga's regular result processor writes into it. */
class RecordedResponse {
  constructor(
    readonly body: string,
    readonly init: { status: number; headers: Record<string, string> },
  ) {}
}
const recording = { Response: RecordedResponse } as unknown as FetchAPI;

/** A bounded memo of Accept values (clients send a handful); past the bound, every value is worked out afresh. */
function acceptMemo() {
  const memo = new Map<string | undefined, RegularMediaType | null>();
  return (accept: string | undefined) => {
    let type = memo.get(accept);
    if (type === undefined) {
      type = regularMediaType(accept);
      if (memo.size < 64) memo.set(accept, type);
    }
    return type;
  };
}

/**
 * The lane. `takes` decides from the headers alone (no body read yet); `serve` reads the body and either answers
 * through the enveloped pipeline or hands the request, its body already read, to yoga.
 *
 * What yoga's own HTTP layer would do for the taken shape, and how the lane keeps it:
 * - request parsing (useRequestParser, POST JSON): the lane parses the JSON; anything that is not one plain operation
 *   (invalid JSON, an array: batching, other parameters, wrong types) goes to yoga, which answers it as always;
 * - useCheckMethodForGraphQL, useCSRFPrevention: a POST with a JSON content type passes both;
 * - the introspection switch: an envelop validation hook keyed on the context's request (security.ts), run by both;
 * - useLimitRequestBodySize: off (routes.ts enforces the limit before either lane);
 * - result processing: yoga's regular processor (processRegularResult) writes the answer; an Accept for which yoga
 *   would pick another processor is not taken, and a subscription goes to yoga (SSE);
 * - CORS (useCORS's response hook): the same policy function and header computation;
 * - onRequest hooks (health, GraphiQL, unhandled route, CORS preflight): none acts on a POST to /graphql.
 * Everything envelop runs (parse and validation caches, armor limits, masking, metrics, JIT, the context) is
 * yoga.getEnveloped's, as for WebSocket operations.
 */
export function leanLane(options: LeanLaneOptions) {
  const { yoga, cors } = options;
  const internals = yoga as unknown as YogaInternals;
  checkHooks(internals, options.expectedHooks);
  const getEnveloped = yoga.getEnveloped;
  const logger = yoga.logger;
  // Gatehouse never turns masking off (yoga.ts); the lane relies on it.
  const masked = internals.maskedErrorsOpts;
  if (!masked) throw new Error('the lean HTTP lane needs yoga with maskedErrors on');
  const waitUntil = yoga.waitUntil;
  const mediaTypeFor = acceptMemo();
  const counts: LeanLaneCounts = { answered: 0, handedOver: 0 };

  /** yoga's handleError for one thrown error (masked, logged when masking changed it; an aggregate's each). */
  const handleError = (error: unknown): GraphQLError[] => {
    if (typeof error === 'object' && error !== null && 'errors' in error) {
      return [...new Set([...(error.errors as Iterable<unknown>)].flatMap(handleError))];
    }
    if (isAbortError(error)) {
      logger.debug('Request aborted');
      return [];
    }
    const maskedError = masked.maskError(error, masked.errorMessage, masked.isDev);
    if (maskedError !== error) logger.error(error);
    return [maskedError instanceof GraphQLError ? maskedError : createGraphQLError(maskedError.message, { originalError: maskedError })];
  };

  /** The body already read: node's request carries it, and yoga's adapter takes a request body it finds there. */
  const handOver = (req: IncomingMessage, res: ServerResponse, body: Buffer) => {
    counts.handedOver++;
    (req as IncomingMessage & { body?: Buffer }).body = body;
    void yoga(req, res);
  };

  const send = (req: IncomingMessage, res: ServerResponse, request: NodeRequestView, result: ExecutionResult, mediaType: RegularMediaType) => {
    counts.answered++;
    // A client gone meanwhile gets nothing (as yoga's sendNodeResponse does).
    if (res.destroyed || res.writableEnded) return;
    const { body, init } = processRegularResult(result, recording, mediaType) as unknown as RecordedResponse;
    const headers: Record<string, string | number> = { ...init.headers, 'content-length': Buffer.byteLength(body) };
    if (req.headers.origin !== undefined) {
      const policy = cors(request as unknown as Request);
      Object.assign(headers, getCORSHeadersByRequestAndOptions(request as unknown as Request, policy));
    }
    res.writeHead(init.status, headers).end(body);
  };

  /** yoga's processRequest (parse, validate, context, execute), with its error handling, for one operation. */
  const answer = async (req: IncomingMessage, res: ServerResponse, body: Buffer, mediaType: RegularMediaType) => {
    let params: unknown;
    try {
      params = JSON.parse(body.toString('utf8'));
    } catch {
      return handOver(req, res, body);
    }
    if (!hotParams(params)) return handOver(req, res, body);
    const request = new NodeRequestView(req);
    // The object yoga builds for a node request (its server context, then the request and params), extended by the
    // context factory.
    const initial: ServerContext & { waitUntil: typeof waitUntil; request: Request; params: Params } = {
      req,
      res,
      waitUntil,
      request: request as unknown as Request,
      params,
    };
    const enveloped = getEnveloped(initial) as unknown as Enveloped;
    logger.debug('Processing GraphQL Parameters');
    let result: ExecutionResult;
    try {
      const document = enveloped.parse(params.query);
      const errors = enveloped.validate(enveloped.schema, document);
      if (errors.length) {
        result = { errors };
      } else {
        // A subscription is answered as a stream (server-sent events): yoga's.
        if (getOperationAST(document, params.operationName)?.operation === OperationTypeNode.SUBSCRIPTION) return handOver(req, res, body);
        const contextValue = await enveloped.contextFactory();
        result = await enveloped.execute({
          schema: enveloped.schema,
          document,
          contextValue,
          variableValues: params.variables,
          operationName: params.operationName,
        });
        // Without @defer/@stream in the schema an execution is never a stream; were it one, yoga's multipart answer
        // could not be given from here.
        if (isAsyncIterable(result)) throw new Error('the lean lane cannot answer a streamed result');
      }
      logger.debug('Processing GraphQL Parameters done.');
    } catch (error) {
      result = { errors: handleError(error) };
    }
    send(req, res, request, result, mediaType);
  };

  return {
    counts,
    /** From the headers alone: a POST of plain JSON, with a body, whose Accept yoga answers with its JSON processor. */
    takes(req: IncomingMessage): boolean {
      const type = req.headers['content-type'];
      return (
        req.method === 'POST' &&
        type !== undefined &&
        JSON_CONTENT_TYPES.has(type) &&
        req.headers['content-length'] !== '0' &&
        mediaTypeFor(req.headers.accept) !== null
      );
    },
    /** Reads the body (its length already checked by routes.ts) and answers, or hands the request to yoga. */
    serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
      const mediaType = mediaTypeFor(req.headers.accept)!;
      return new Promise<Buffer>((resolve, reject) => {
        const chunks: Buffer[] = [];
        req.on('data', (chunk: Buffer) => chunks.push(chunk));
        req.once('end', () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)));
        req.once('error', reject);
      }).then((body) => answer(req, res, body, mediaType));
    },
  };
}

export type LeanLane = ReturnType<typeof leanLane>;

/** yoga's isAbortError: an aborted request's error is dropped (logged at debug), never masked. */
function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'AbortError' || error.name === 'TimeoutError');
}

/**
 * The lane reproduces the HTTP-level hooks yoga.ts gives yoga (see leanLane); a plugin that adds one (or a yoga that
 * adds one of its own) must be reproduced in the lane or have its requests routed to yoga, so a different count
 * stops the start.
 */
function checkHooks(yoga: YogaInternals, expected: HttpHooks) {
  const plugins = yoga.plugins.filter((p) => p != null);
  const found: HttpHooks = {
    onRequest: plugins.filter((p) => p.onRequest).length,
    onResponse: plugins.filter((p) => p.onResponse).length,
    onRequestParse: yoga.onRequestParseHooks.length,
    onParams: yoga.onParamsHooks.length,
    onExecutionResult: yoga.onExecutionResultHooks.length,
    onResultProcess: yoga.onResultProcessHooks.length,
  };
  for (const hook of Object.keys(expected) as (keyof HttpHooks)[]) {
    if (found[hook] !== expected[hook]) {
      throw new Error(`yoga has ${found[hook]} ${hook} hooks where the lean HTTP lane expects ${expected[hook]}: reproduce the new one in src/http/lean-lane.ts or route its requests to yoga`);
    }
  }
}
