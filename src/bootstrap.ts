// What a database needs before it serves: the device policy from the environment and a first administrator.
import type { Config } from './config.js';
import type { Orm } from './db/orm.js';
import { sqlOf } from './db/sql.js';
import { seedPolicy, type EnvironmentPolicy } from './policy/policy.js';
import { ensureFirstAdmin } from './users/users.js';

export function policyFromConfig(config: Config): EnvironmentPolicy {
  return {
    approvalMode: config.DEVICE_APPROVAL === 'automatic' ? 'AUTOMATIC' : 'REQUIRED',
    maxDevicesPerUser: config.MAX_DEVICES_PER_USER ?? null,
    allowSignUp: config.ALLOW_SIGNUP,
    // Not in the environment: an admin switches it on (setDevicePolicy).
    showPendingReasonToUsers: false,
  };
}

export async function bootstrap(orm: Orm, config: Config) {
  const policy = await seedPolicy(orm.em.fork(), policyFromConfig(config));
  const firstAdmin = await ensureFirstAdmin(orm.em.fork(), sqlOf(orm, { prepared: config.DATABASE_PREPARED_STATEMENTS }), { email: config.ADMIN_EMAIL, password: config.ADMIN_PASSWORD });
  return { policy, firstAdmin };
}
