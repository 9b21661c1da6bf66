import { Migration } from '@mikro-orm/migrations';

export class Migration20261207140653 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "events" drop constraint if exists "events_kind_check";`);

    this.addSql(`alter table "device_policy" add column "stale_after_days" int null, add column "stale_action" text check ("stale_action" in ('MARK', 'BLOCK', 'FORGET')) not null default 'MARK';`);

    // Stale devices (src/devices/stale.ts): the policy's two fields, Device.stale, and events by the system.
    this.addSql(`alter table "events" add column "by_system" boolean not null default false;`);
    // Disabling a failing webhook endpoint was the system's doing before the column existed.
    this.addSql(`update "events" set "by_system" = true where "kind" = 'WEBHOOK_DISABLED';`);
    this.addSql(`alter table "events" add constraint "events_kind_check" check("kind" in ('USER_CREATED', 'LOGIN_SUCCEEDED', 'LOGIN_FAILED', 'LOGIN_DENIED', 'DEVICE_REGISTERED', 'DEVICE_APPROVED', 'DEVICE_BLOCKED', 'DEVICE_UNBLOCKED', 'DEVICE_RENAMED', 'DEVICE_FORGOTTEN', 'SESSION_REVOKED', 'POLICY_CHANGED', 'DEVICE_VERIFIED', 'DEVICE_VERIFICATION_FAILED', 'PASSWORD_CHANGED', 'API_KEY_CREATED', 'API_KEY_REVOKED', 'WEBHOOK_DISABLED', 'DEVICE_MARKED_STALE'));`);

    this.addSql(`alter table "devices" add column "stale" boolean not null default false;`);
    // Partial: only devices not yet stale, least recently used first; what the sweep reads its batches from.
    this.addSql(`create index "devices_stale_candidates_index" on "devices" (coalesce("last_used_at", "created_at")) where not "stale";`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "events" drop constraint if exists "events_kind_check";`);

    this.addSql(`alter table "device_policy" drop column "stale_after_days", drop column "stale_action";`);

    this.addSql(`drop index "devices_stale_candidates_index";`);
    this.addSql(`alter table "devices" drop column "stale";`);

    this.addSql(`alter table "events" drop column "by_system";`);

    this.addSql(`alter table "events" add constraint "events_kind_check" check("kind" in ('USER_CREATED', 'LOGIN_SUCCEEDED', 'LOGIN_FAILED', 'LOGIN_DENIED', 'DEVICE_REGISTERED', 'DEVICE_APPROVED', 'DEVICE_BLOCKED', 'DEVICE_UNBLOCKED', 'DEVICE_RENAMED', 'DEVICE_FORGOTTEN', 'SESSION_REVOKED', 'POLICY_CHANGED', 'DEVICE_VERIFIED', 'DEVICE_VERIFICATION_FAILED', 'PASSWORD_CHANGED', 'API_KEY_CREATED', 'API_KEY_REVOKED', 'WEBHOOK_DISABLED'));`);
  }

}
