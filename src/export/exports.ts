// The CSV exports of devices and events: their columns, and their rows read through a server-side cursor in batches.
import type { DomainContext } from '../actor.js';
import { DeviceRow } from '../devices/device.entity.js';
import { deviceExportStatement, mobileAuthOf, type DeviceFilter } from '../devices/devices.js';
import { EventRow } from '../events/event.entity.js';
import { eventExportStatement, type EventFilter } from '../events/events.js';
import { globalId } from '../graphql/ids.js';
import type { Cell } from './csv.js';

/** Rows fetched from the cursor at a time: large enough to amortise the round trip, small enough to stay flat. */
export const EXPORT_BATCH = 500;

export interface Export {
  header: readonly string[];
  /** Batches of rows, each row one cell per header column. Stopping the iteration frees the cursor at once. */
  batches: AsyncGenerator<Cell[][], void, undefined>;
}

export const DEVICE_EXPORT_COLUMNS = [
  'id',
  'installationId',
  'name',
  'status',
  'platform',
  'osVersion',
  'model',
  'appName',
  'appVersion',
  'mobileAuth',
  'ownerEmail',
  'lastUserEmail',
  'lastUsedAt',
  'createdAt',
  'statusChangedAt',
  'blockedReason',
  'keyId',
  'keyAlgorithm',
  'attributes',
] as const;

/** Every device that matches the filter, newest first. Callers read everything (src/http/exports.ts). */
export async function exportDevices(dc: DomainContext, filter: DeviceFilter): Promise<Export> {
  const { text, values } = await deviceExportStatement(dc, filter);
  async function* batches() {
    for await (const rows of dc.sql.cursor(text, values, EXPORT_BATCH)) {
      yield rows.map((row): Cell[] => {
        const d = new DeviceRow(row);
        return [
          globalId('Device', d.id),
          d.installationId,
          d.name,
          d.status,
          d.platform,
          d.osVersion,
          d.model,
          d.appName,
          d.appVersion,
          mobileAuthOf(d),
          row.owner_email as string,
          row.last_user_email as string | null,
          d.lastUsedAt,
          d.createdAt,
          d.statusChangedAt,
          d.blockedReason,
          d.keyId,
          d.keyAlgorithm,
          Object.keys(d.attributes).length ? JSON.stringify(d.attributes) : null,
        ];
      });
    }
  }
  return { header: DEVICE_EXPORT_COLUMNS, batches: batches() };
}

export const EVENT_EXPORT_COLUMNS = [
  'position',
  'at',
  'kind',
  'actorEmail',
  'actorKeyId',
  'userEmail',
  'userId',
  'deviceId',
  'deviceName',
  'fromStatus',
  'toStatus',
  'ip',
  'userAgent',
  'detail',
] as const;

/** Every event that matches the filter, newest first (commit order). Callers read everything (src/http/exports.ts). */
export function exportEvents(dc: DomainContext, filter: EventFilter): Export {
  const { text, values } = eventExportStatement(filter);
  async function* batches() {
    for await (const rows of dc.sql.cursor(text, values, EXPORT_BATCH)) {
      yield rows.map((row): Cell[] => {
        const e = new EventRow(row);
        return [
          e.position,
          e.at,
          e.kind,
          row.actor_email as string | null,
          e.actorKeyId,
          row.user_email as string | null,
          e.userId ? globalId('User', e.userId) : null,
          e.deviceId ? globalId('Device', e.deviceId) : null,
          e.deviceName,
          e.fromStatus,
          e.toStatus,
          e.ip,
          e.userAgent,
          e.detail,
        ];
      });
    }
  }
  return { header: EVENT_EXPORT_COLUMNS, batches: batches() };
}
