// Per-request DataLoaders: users and devices by id, and users' device counts, batched into one query per kind and tick.
import DataLoader from 'dataloader';
import type { Sql } from '../db/sql.js';
import { DEVICE_COLUMNS, DeviceRow } from '../devices/device.entity.js';
import { countOwnedDevices } from '../devices/devices.js';
import { USER_COLUMNS, UserRow } from '../users/user.entity.js';

/** One indexed read for a batch of ids, in the order asked. */
async function byIds<T extends { id: string }>(sql: Sql, text: string, make: (row: Record<string, unknown>) => T, ids: readonly string[]) {
  const rows = await sql.query(text, [ids]);
  const found = new Map(rows.map((row) => [row.id as string, make(row)]));
  return ids.map((id) => found.get(id) ?? null);
}

// Built once: the very same string each time is hashed once where statements are named (src/db/sql.ts).
const USERS_BY_ID = `select ${USER_COLUMNS.join(', ')} from users where id = any($1::uuid[])`;
const DEVICES_BY_ID = `select ${DEVICE_COLUMNS.join(', ')} from devices where id = any($1::uuid[])`;

export function createLoaders(sql: Sql) {
  return {
    user: new DataLoader<string, UserRow | null>((ids) => byIds(sql, USERS_BY_ID, (row) => new UserRow(row), ids)),
    /** Null for a device that is gone (events outlive forgotten devices). */
    device: new DataLoader<string, DeviceRow | null>((ids) => byIds(sql, DEVICES_BY_ID, (row) => new DeviceRow(row), ids)),
    /** How many devices each user owns: a page of users with their counts is one statement. */
    ownedDeviceCount: new DataLoader<string, number>((ids) => countOwnedDevices(sql, ids)),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

const eventLoaders = new WeakMap<object, Loaders>();

/** Loaders shared by everyone resolving this one event (kept as long as the event object lives). */
export function loadersForEvent(event: object, sql: Sql): Loaders {
  let loaders = eventLoaders.get(event);
  if (!loaders) {
    loaders = createLoaders(sql);
    eventLoaders.set(event, loaders);
  }
  return loaders;
}
