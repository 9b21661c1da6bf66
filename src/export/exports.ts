// The CSV exports of devices and events: their columns, and their rows read through a server-side cursor in batches,
// each row arriving from PostgreSQL as its finished CSV line.
//
// Why PostgreSQL writes the lines: formatting a million rows here (a row object of twenty values and three Dates each,
// then twenty cells) kept the young generation full and promoted ~130 MB of garbage to the old one an export
// (measured: the server's RSS 222 -> 378 MB, and more on the next); one string per row allocates a tenth of that,
// which dies young. The rules are csv.ts's, written in SQL: csvCellSql below, checked against csvCell by the export
// tests (test/exports.test.ts).
import type { DomainContext } from '../actor.js';
import { deviceExportStatement, type DeviceFilter } from '../devices/devices.js';
import { eventExportStatement, type EventFilter } from '../events/events.js';

/** Rows fetched from the cursor at a time: large enough to amortise the round trip, small enough to stay flat. */
export const EXPORT_BATCH = 500;

export interface Export {
  header: readonly string[];
  /** The statement whose rows are one column, `line`: a CSV record with its CRLF. */
  text: string;
  values: unknown[];
}

/**
 * csvCell (csv.ts) as an SQL expression over a text expression: empty for null; a value starting as a formula would
 * (`= + - @`, tab, CR) gets a `'` in front; one holding a comma, quote, CR or LF is quoted with its quotes doubled.
 */
export function csvCellSql(text: string): string {
  const value = `(case when ${text} ~ '^[-=+@\\t\\r]' then '''' || ${text} else ${text} end)`;
  return `coalesce(case when ${value} ~ '[",\\r\\n]' then '"' || replace(${value}, '"', '""') || '"' else ${value} end, '')`;
}

/** A cell that never needs escaping (an enum, a number, a uuid's base64); empty for null. */
const plain = (text: string) => `coalesce(${text}::text, '')`;
/** A timestamp as JavaScript's toISOString writes it (UTC, milliseconds, Z), as the API's DateTime does. */
const isoTime = (column: string) => `coalesce(to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), '')`;
/** A Relay global id as the API gives it (Pothos's encodeGlobalID: base64 of "<Type>:<id>"). */
const globalIdSql = (typename: 'Device' | 'User', column: string) => `encode(convert_to('${typename}:' || ${column}::text, 'UTF8'), 'base64')`;

/** The columns, each with its cell's SQL; the statement's select list joins them into the line. */
function lineSql(cells: readonly (readonly [string, string])[]): string {
  return `concat_ws(',', ${cells.map(([, sql]) => sql).join(', ')}) || E'\\r\\n' as line`;
}

const DEVICE_CELLS = [
  ['id', globalIdSql('Device', 'd.id')],
  ['installationId', csvCellSql('d.installation_id')],
  ['name', csvCellSql('d.name')],
  ['status', plain('d.status')],
  ['platform', plain('d.platform')],
  ['osVersion', csvCellSql('d.os_version')],
  ['model', csvCellSql('d.model')],
  ['appName', csvCellSql('d.app_name')],
  ['appVersion', csvCellSql('d.app_version')],
  // mobileAuthOf (src/devices/devices.ts), in SQL.
  ['mobileAuth', `case when d.last_used_at is null then 'NOT_ACTIVATED' when d.has_push_token then 'PUSH_ENABLED' else 'ACTIVATED' end`],
  ['ownerEmail', csvCellSql('o.email')],
  ['lastUserEmail', csvCellSql('lu.email')],
  ['lastUsedAt', isoTime('d.last_used_at')],
  ['createdAt', isoTime('d.created_at')],
  ['statusChangedAt', isoTime('d.status_changed_at')],
  ['blockedReason', csvCellSql('d.blocked_reason')],
  ['keyId', csvCellSql('d.key_id')],
  ['keyAlgorithm', plain('d.key_algorithm')],
  // JSON as PostgreSQL writes jsonb; an empty object is an empty cell.
  ['attributes', csvCellSql(`nullif(d.attributes, '{}'::jsonb)::text`)],
] as const;

const EVENT_CELLS = [
  ['position', plain('e.position')],
  ['at', isoTime('e.at')],
  ['kind', plain('e.kind')],
  ['actorEmail', csvCellSql('a.email')],
  ['actorKeyId', plain('e.actor_key_id')],
  ['userEmail', csvCellSql('u.email')],
  ['userId', `coalesce(${globalIdSql('User', 'e.user_id')}, '')`],
  ['deviceId', `coalesce(${globalIdSql('Device', 'e.device_id')}, '')`],
  ['deviceName', csvCellSql('e.device_name')],
  ['fromStatus', plain('e.from_status')],
  ['toStatus', plain('e.to_status')],
  ['ip', csvCellSql('e.ip')],
  ['userAgent', csvCellSql('e.user_agent')],
  ['detail', csvCellSql('e.detail')],
] as const;

export const DEVICE_EXPORT_COLUMNS = DEVICE_CELLS.map(([name]) => name);
export const EVENT_EXPORT_COLUMNS = EVENT_CELLS.map(([name]) => name);
const DEVICE_LINE = lineSql(DEVICE_CELLS);
const EVENT_LINE = lineSql(EVENT_CELLS);

/** Every device that matches the filter, newest first. Callers read everything (src/http/exports.ts). */
export async function exportDevices(dc: DomainContext, filter: DeviceFilter): Promise<Export> {
  return { header: DEVICE_EXPORT_COLUMNS, ...(await deviceExportStatement(dc, filter, DEVICE_LINE)) };
}

/** Every event that matches the filter, newest first (commit order). Callers read everything (src/http/exports.ts). */
export function exportEvents(filter: EventFilter): Export {
  return { header: EVENT_EXPORT_COLUMNS, ...eventExportStatement(filter, EVENT_LINE) };
}
