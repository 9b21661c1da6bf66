// GET /export/devices.csv and /export/events.csv: the devices and events listings' filters as query parameters, for
// whoever reads the whole fleet (readsFleet: admins, support staff, API keys with DEVICES_READ), streamed from a cursor with backpressure.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { z } from 'zod';
import { readsFleet, type DomainContext, type DomainSettings } from '../actor.js';
import type { Sql } from '../db/sql.js';
import { isAttributeKey, isAttributeValue, type AttributeValue } from '../devices/attributes.js';
import { DEVICE_STATUSES, PLATFORMS } from '../devices/device.entity.js';
import { EVENT_KINDS } from '../events/event.entity.js';
import { csvRow, UTF8_BOM } from '../export/csv.js';
import { EXPORT_BATCH, exportDevices, exportEvents, type Export } from '../export/exports.js';
import { filterId } from '../graphql/ids.js';
import { searchText } from '../graphql/refs.js';
import { resolveBearer } from '../sessions/sessions.js';
import { bearerToken } from './server-context.js';

export const EXPORT_PATHS = ['/export/devices.csv', '/export/events.csv'] as const;

export interface ExportOptions {
  sql: Sql;
  em: () => EntityManager;
  settings: DomainSettings;
  logger: Logger;
  /** The client's address as the access log and events take it (TRUST_PROXY applied). */
  clientAddress: (req: IncomingMessage) => string | null;
  /**
   * Resolves once the events this instance wrote have their positions (EventFeed.settled): an events export right
   * after a change on this instance has the change's event, as the events query does.
   */
  settled: () => Promise<void>;
}

/**
 * Exports running at once on one instance, each holding a connection of the pool for its whole length; another is
 * refused (503, Retry-After) rather than queued, so a script looping over exports cannot take the pool from the API.
 */
export const MAX_CONCURRENT_EXPORTS = 2;

function refuse(res: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers }).end(JSON.stringify({ code, message }));
}

class BadParameters extends Error {}

/** `bom=false` leaves the byte order mark out (for tools that do not expect one); anything else keeps it. */
const common = { bom: z.enum(['true', 'false']).optional() };
const globalIdParam = z.string().max(200);

const deviceParams = z
  .object({
    ...common,
    status: z.enum(DEVICE_STATUSES).optional(),
    platform: z.enum(PLATFORMS).optional(),
    userId: globalIdParam.optional(),
    search: searchText(100).optional(),
    attributeKey: z.string().refine(isAttributeKey, 'must be 1 to 64 characters of A-Z, a-z, 0-9, "_", "." or "-"').optional(),
    attributeValue: z.string().max(4096).optional(),
  })
  .strict()
  .refine((p) => (p.attributeKey === undefined) === (p.attributeValue === undefined), 'attributeKey and attributeValue go together');

const eventParams = z
  .object({
    ...common,
    kinds: z.string().optional(),
    userId: globalIdParam.optional(),
    deviceId: globalIdParam.optional(),
  })
  .strict();

/** `attributeValue`: a number or true/false when it reads as one, a string otherwise; a JSON string ("\"3\"") forces a string. */
function attributeValueOf(text: string): AttributeValue {
  try {
    const parsed: unknown = JSON.parse(text);
    if (isAttributeValue(parsed)) return parsed;
  } catch {
    // Not JSON: the text itself.
  }
  return text;
}

function parse<T>(schema: z.ZodType<T>, query: URLSearchParams): T {
  const object: Record<string, string> = {};
  for (const [key, value] of query) {
    if (key in object) throw new BadParameters(`${key} is given more than once`);
    object[key] = value;
  }
  const result = schema.safeParse(object);
  if (!result.success) {
    throw new BadParameters(result.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; '));
  }
  return result.data;
}

function exportOf(dc: DomainContext, path: string, query: URLSearchParams): Promise<Export> | Export {
  if (path === '/export/devices.csv') {
    const p = parse(deviceParams, query);
    return exportDevices(dc, {
      status: p.status,
      platform: p.platform,
      userId: filterId(p.userId, 'User'),
      search: p.search,
      attribute: p.attributeKey !== undefined && p.attributeValue !== undefined ? { key: p.attributeKey, value: attributeValueOf(p.attributeValue) } : null,
    });
  }
  const p = parse(eventParams, query);
  const kinds = p.kinds?.split(',').map((k) => k.trim()).filter(Boolean);
  const unknown = kinds?.filter((k) => !(EVENT_KINDS as readonly string[]).includes(k));
  if (unknown?.length) throw new BadParameters(`kinds: unknown kind ${unknown.join(', ')}`);
  return exportEvents({
    kinds: kinds as (typeof EVENT_KINDS)[number][] | undefined,
    userId: filterId(p.userId, 'User'),
    deviceId: filterId(p.deviceId, 'Device'),
  });
}

function lines(rows: { line: string }[]): string {
  let text = '';
  for (const row of rows) text += row.line;
  return text;
}

/** Resolves once the response can take more (drain), or once the client has gone (close). */
function writable(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

export function exportRoute(options: ExportOptions) {
  const { sql, logger } = options;
  let running = 0;
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'GET') return refuse(res, 405, 'METHOD_NOT_ALLOWED', 'Exports are read with GET', { allow: 'GET' });
    const url = new URL(req.url ?? '/', 'http://localhost');
    const token = bearerToken(req.headers.authorization);
    if (!token) {
      return refuse(res, 401, 'UNAUTHENTICATED', 'Send an admin session or an API key as "Authorization: Bearer <token>"', { 'www-authenticate': 'Bearer' });
    }
    const bearer = await resolveBearer(sql, token);
    if (!bearer) {
      return refuse(res, 401, 'UNAUTHENTICATED', 'The token is not valid (unknown, expired or revoked): sign in again', {
        'www-authenticate': 'Bearer error="invalid_token"',
      });
    }
    // The one rule of who may export: whoever reads every device and event (src/actor.ts).
    if (!readsFleet(bearer.actor)) {
      return refuse(
        res,
        403,
        'FORBIDDEN',
        bearer.actor?.key ? 'This API key lacks the DEVICES_READ scope' : 'Exports are for administrators, support staff and API keys with DEVICES_READ',
      );
    }
    const dc: DomainContext = {
      em: options.em(),
      sql,
      actor: bearer.actor,
      meta: { ip: options.clientAddress(req), userAgent: req.headers['user-agent'] ?? null },
      settings: options.settings,
    };
    let job: Export;
    try {
      job = await exportOf(dc, url.pathname, url.searchParams);
      if (url.pathname === '/export/events.csv') await options.settled();
    } catch (error) {
      if (error instanceof BadParameters) return refuse(res, 400, 'BAD_USER_INPUT', error.message);
      throw error;
    }
    if (running >= MAX_CONCURRENT_EXPORTS) {
      return refuse(res, 503, 'EXPORT_BUSY', `${MAX_CONCURRENT_EXPORTS} exports are running on this server: try again shortly`, { 'retry-after': '10' });
    }
    running++;
    try {
      await stream(job, url, res);
    } finally {
      running--;
    }
  };

  async function stream(job: Export, url: URL, res: ServerResponse): Promise<void> {
    const batches = sql.cursor<{ line: string }>(job.text, job.values, EXPORT_BATCH);
    // The first batch (or the end) before the status: an export that cannot start answers an error, not a cut-off CSV.
    let first: IteratorResult<{ line: string }[], void>;
    try {
      first = await batches.next();
    } catch (error) {
      logger.error({ err: error, path: url.pathname }, 'export failed to start');
      return refuse(res, 503, 'SERVICE_UNAVAILABLE', 'The export could not start: try again shortly', { 'retry-after': '10' });
    }
    const name = `${url.pathname.slice('/export/'.length, -'.csv'.length)}-${new Date().toISOString().slice(0, 10)}.csv`;
    res.writeHead(200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${name}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    let gone = false;
    res.once('close', () => {
      gone = !res.writableFinished;
    });
    res.write(`${url.searchParams.get('bom') === 'false' ? '' : UTF8_BOM}${csvRow(job.header)}`);
    if (!first.done && !res.write(lines(first.value))) await writable(res);
    try {
      // Breaking out of the loop (the client went away) closes the cursor and gives its connection back.
      for await (const batch of batches) {
        if (gone) break;
        if (!res.write(lines(batch))) await writable(res);
        if (gone) break;
      }
    } catch (error) {
      // The status is sent: cut the response short (no final chunk), so the client sees the export is incomplete.
      logger.error({ err: error, path: url.pathname }, 'export failed');
      res.destroy();
      return;
    }
    if (gone) logger.info({ path: url.pathname }, 'export abandoned by the client');
    else res.end();
  }
}
