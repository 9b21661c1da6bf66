// Per-request DataLoaders: users and devices by id, batched into one query per type and tick.
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { Device } from '../devices/device.entity.js';
import { User, USER_COLUMNS } from '../users/user.entity.js';

/** One indexed read for a batch of ids, hydrated into the request's entities, in the order asked. */
async function byIds<T extends { id: string }>(
  em: EntityManager,
  entity: typeof User | typeof Device,
  select: string,
  ids: readonly string[],
): Promise<(T | null)[]> {
  const rows = await em.execute<Record<string, unknown>[]>(`${select} where id in (${ids.map(() => '?').join(', ')})`, [...ids]);
  const found = new Map(rows.map((row) => [row.id as string, em.map(entity as typeof User, row) as unknown as T]));
  return ids.map((id) => found.get(id) ?? null);
}

const USERS_BY_ID = `select ${USER_COLUMNS.join(', ')} from users`;
const DEVICES_BY_ID = 'select * from devices';

export function createLoaders(em: EntityManager) {
  return {
    user: new DataLoader<string, User | null>((ids) => byIds<User>(em, User, USERS_BY_ID, ids)),
    /** Null for a device that is gone (events outlive forgotten devices). */
    device: new DataLoader<string, Device | null>((ids) => byIds<Device>(em, Device, DEVICES_BY_ID, ids)),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

const eventLoaders = new WeakMap<object, Loaders>();

/** Loaders shared by everyone resolving this one event (kept as long as the event object lives). */
export function loadersForEvent(event: object, em: EntityManager): Loaders {
  let loaders = eventLoaders.get(event);
  if (!loaders) {
    loaders = createLoaders(em.fork());
    eventLoaders.set(event, loaders);
  }
  return loaders;
}
