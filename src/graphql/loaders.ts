// Per-request DataLoaders: users and devices by id, batched into one query per type and tick.
import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { Device } from '../devices/device.entity.js';
import { User } from '../users/user.entity.js';

async function byIds<T extends { id: string }>(
  em: EntityManager,
  entity: typeof User | typeof Device,
  ids: readonly string[],
): Promise<(T | null)[]> {
  const rows = (await em.find(entity as never, { id: { $in: [...ids] } } as never)) as T[];
  const found = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => found.get(id) ?? null);
}

export function createLoaders(em: EntityManager) {
  return {
    user: new DataLoader<string, User | null>((ids) => byIds<User>(em, User, ids)),
    /** Null for a device that is gone (events outlive forgotten devices). */
    device: new DataLoader<string, Device | null>((ids) => byIds<Device>(em, Device, ids)),
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
