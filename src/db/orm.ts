// MikroORM set-up: the entity list, the migrator, and opening / migrating a database.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataloaderType, helper, Utils } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, MikroORM, type Options } from '@mikro-orm/postgresql';
import { Device, DeviceUser } from '../devices/device.entity.js';
import { Event } from '../events/event.entity.js';
import { DevicePolicy } from '../policy/policy.entity.js';
import { Session } from '../sessions/session.entity.js';
import { User } from '../users/user.entity.js';

export const entities = [User, Device, DeviceUser, Session, Event, DevicePolicy];

export const migrationsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations');

export function ormConfig(databaseUrl: string, extra: Partial<Options> = {}): Options {
  return defineConfig({
    clientUrl: databaseUrl,
    entities,
    extensions: [Migrator],
    // Every request and WebSocket operation works on its own fork; the global EntityManager is off limits.
    allowGlobalContext: false,
    forceUtcTimezone: true,
    dataloader: DataloaderType.ALL,
    pool: { min: 0, max: 10 },
    migrations: {
      path: migrationsDir,
      pathTs: migrationsDir,
      glob: '!(*.d).{js,ts}',
      emit: 'ts',
      // Diff against the database the migrations built, not a snapshot file that can drift.
      snapshot: false,
      transactional: true,
      allOrNothing: true,
    },
    ...extra,
  });
}

export type Orm = MikroORM;

/** Connects and applies every pending migration. */
export async function openDatabase(databaseUrl: string, extra: Partial<Options> = {}): Promise<Orm> {
  const orm = await MikroORM.init(ormConfig(databaseUrl, extra));
  await orm.getMigrator().up();
  return orm;
}

/** True when `value` is a managed entity of the given schema (GraphQL uses it to resolve union and node types). */
export function isEntityOf(schema: { meta: { className: string } }, value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    Utils.isEntity(value) &&
    helper(value).__meta.className === schema.meta.className
  );
}
