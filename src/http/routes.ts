// The HTTP request handler: body limits, the access log, health and readiness, metrics, the CSV exports, the admin
// console and GraphiQL's files, then GraphQL: the lean lane for plain JSON POSTs, yoga for everything else.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { Orm } from '../db/orm.js';
import { EXPORT_PATHS } from './exports.js';

/** Request bodies above this are refused (413) before any parsing. */
export const MAX_BODY_BYTES = 100 * 1024;

type Handler = (req: IncomingMessage, res: ServerResponse) => unknown;

export interface Routes {
  orm: Orm;
  logger: Logger;
  /** GraphQL over HTTP and SSE, and the GraphiQL page. */
  yoga: Handler;
  /** Plain JSON POSTs to /graphql, answered through yoga's pipeline without its fetch adapter (lean-lane.ts). */
  graphqlLane?: { takes(req: IncomingMessage): boolean; serve: Handler };
  /** GET /export/devices.csv and /export/events.csv. */
  exports?: Handler;
  /** GET /metrics, when on. */
  metrics?: Handler;
  /** The admin console's files (the path and everything under it). */
  adminConsole?: { path: string; serve: Handler };
  /** GraphiQL's files, when GraphiQL is on. */
  graphiqlAssets?: { path: string; serve: Handler };
  /** True once the app is stopping: every answer then closes its connection. */
  stopping: () => boolean;
}

function json(res: ServerResponse, status: number, body: string) {
  res.writeHead(status, { 'content-type': 'application/json' }).end(body);
}

/** Ready: the database answers and every migration this build knows is applied. */
function ready(orm: Orm, res: ServerResponse) {
  orm
    .getMigrator()
    .getPendingMigrations()
    .then(
      (pending) => (pending.length ? json(res, 503, '{"status":"migrations pending"}') : json(res, 200, '{"status":"ready"}')),
      () => json(res, 503, '{"status":"database unreachable"}'),
    );
}

export function requestHandler(routes: Routes) {
  const { logger } = routes;
  /** Runs a handler whose failure is logged and answered 500, never left unhandled. */
  const settle = (handler: Handler, req: IncomingMessage, res: ServerResponse) => {
    Promise.resolve()
      .then(() => handler(req, res))
      .catch((err: unknown) => {
        logger.error({ err, path: req.url }, 'request failed');
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
        res.end();
      });
  };
  return (req: IncomingMessage, res: ServerResponse) => {
    // While stopping, every answer closes its connection, so keep-alive clients cannot hold the stop open.
    if (routes.stopping()) res.setHeader('connection', 'close');
    // The access log (level info): no listener at all on the hot path when it is off.
    if (logger.isLevelEnabled('info')) {
      const started = performance.now();
      res.on('finish', () => {
        logger.info({ method: req.method, path: req.url, status: res.statusCode, ms: Math.round(performance.now() - started) }, 'request');
      });
    }
    if (req.method === 'POST') {
      const length = Number(req.headers['content-length'] ?? NaN);
      // Chunked bodies are not taken: without a length the limit could only be enforced after reading.
      if (Number.isNaN(length)) return void res.writeHead(411, { connection: 'close' }).end();
      if (length > MAX_BODY_BYTES) return void res.writeHead(413, { connection: 'close' }).end();
    }
    const url = req.url ?? '/';
    if (url === '/health') return json(res, 200, '{"status":"ok"}');
    if (url === '/ready') return ready(routes.orm, res);
    if (routes.exports && url.startsWith('/export/') && EXPORT_PATHS.some((p) => url === p || url.startsWith(`${p}?`))) {
      return settle(routes.exports, req, res);
    }
    if (routes.metrics && (url === '/metrics' || url.startsWith('/metrics?'))) return settle(routes.metrics, req, res);
    if (routes.adminConsole && (url === routes.adminConsole.path || url.startsWith(`${routes.adminConsole.path}/`) || url.startsWith(`${routes.adminConsole.path}?`))) {
      return settle(routes.adminConsole.serve, req, res);
    }
    if (routes.graphiqlAssets && url.startsWith(routes.graphiqlAssets.path)) return settle(routes.graphiqlAssets.serve, req, res);
    if (url === '/graphql' && routes.graphqlLane?.takes(req)) return settle(routes.graphqlLane.serve, req, res);
    return void routes.yoga(req, res);
  };
}
