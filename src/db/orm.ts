// MikroORM set-up: the entity list, the migrator, and opening / migrating a database.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DataloaderType, helper, Utils, type Constructor } from '@mikro-orm/core';
import { Migrator, type Migration } from '@mikro-orm/migrations';
import { defineConfig, MikroORM, type Options } from '@mikro-orm/postgresql';
import { AlertCursor, AlertDigest, AlertSettings, PendingAlert } from '../alerts/alert.entity.js';
import { ApiKey } from '../apikeys/apikey.entity.js';
import { OwnerApprovalRequest } from '../approval/owner-request.entity.js';
import { ApprovalRule } from '../approval/rule.entity.js';
import { EnrolmentCode } from '../enrolment/code.entity.js';
import { DeviceChallenge } from '../devices/challenge.entity.js';
// Installs the AsyncLocalStorage gate before the ORM's first flush (see the file).
import './async-context.js';
import { Device, DeviceUser } from '../devices/device.entity.js';
import { Event } from '../events/event.entity.js';
import { PROJECT_ROOT } from '../paths.js';
import { DevicePolicy } from '../policy/policy.entity.js';
import { Session } from '../sessions/session.entity.js';
import { ThrottleEntry } from '../sessions/throttle.entity.js';
import { User } from '../users/user.entity.js';
import { WebhookDelivery, WebhookEndpoint } from '../webhooks/webhook.entity.js';

export const entities = [User, ApprovalRule, Device, DeviceUser, DeviceChallenge, Session, Event, DevicePolicy, ThrottleEntry, ApiKey, EnrolmentCode, OwnerApprovalRequest, WebhookEndpoint, WebhookDelivery, AlertSettings, AlertCursor, AlertDigest, PendingAlert];

/** The migrations' TypeScript, where `npm run migration:create` writes. */
export const migrationsDir = path.join(PROJECT_ROOT, 'migrations');
/**
 * Where this build's migrations load from: beside src/ (migrations/*.ts, under tsx and vitest), or beside dist/src/
 * (dist/migrations/*.js, built with the server for `npm start`).
 */
const migrationsBuild = { dir: path.resolve(import.meta.dirname, '../../migrations'), ext: path.extname(fileURLToPath(import.meta.url)) };

type MigrationClass = Constructor<Migration>;

/**
 * The committed migrations, imported by this module rather than by the migrator, so that they load the same way
 * under tsx, vitest and plain Node.
 */
export async function loadMigrations(): Promise<{ name: string; class: MigrationClass }[]> {
  const { dir, ext } = migrationsBuild;
  const names = readdirSync(dir)
    .filter((file) => file.endsWith(ext) && /^Migration\d+$/.test(path.basename(file, ext)))
    .map((file) => path.basename(file, ext))
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const module = (await import(pathToFileURL(path.join(dir, name + ext)).href)) as Record<string, MigrationClass>;
      const migration = module[name];
      if (!migration) throw new Error(`${path.join(dir, name + ext)} does not export class ${name}`);
      return { name, class: migration };
    }),
  );
}

export function ormConfig(databaseUrl: string, extra: Partial<Options> = {}, migrationsList?: Awaited<ReturnType<typeof loadMigrations>>): Options {
  return defineConfig({
    clientUrl: databaseUrl,
    entities,
    extensions: [Migrator],
    // Every request and WebSocket operation works on its own fork; the global EntityManager is off limits.
    allowGlobalContext: false,
    forceUtcTimezone: true,
    dataloader: DataloaderType.ALL,
    // Fail fast while the database is down (a clear SERVICE_UNAVAILABLE), and reconnect by itself when it is back.
    pool: { min: 0, max: 10, acquireTimeoutMillis: 3_000 },
    driverOptions: { connection: { connectionTimeoutMillis: 3_000, statement_timeout: 15_000 } },
    migrations: {
      path: migrationsDir,
      pathTs: migrationsDir,
      glob: '!(*.d).{js,ts}',
      emit: 'ts',
      // Diff against the database the migrations built, not a snapshot file that can drift.
      snapshot: false,
      transactional: true,
      allOrNothing: true,
      // Start-up logs what was applied through the app's logger instead.
      silent: true,
      ...(migrationsList ? { migrationsList } : {}),
    },
    ...extra,
  });
}

export type Orm = MikroORM;

/** Connects and applies every pending migration; returns the ORM and the names of the migrations it applied. */
export async function openDatabase(databaseUrl: string, extra: Partial<Options> = {}): Promise<{ orm: Orm; applied: string[] }> {
  const orm = await MikroORM.init(ormConfig(databaseUrl, extra, await loadMigrations()));
  const applied = await orm.getMigrator().up();
  return { orm, applied: applied.map((m) => m.name) };
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
