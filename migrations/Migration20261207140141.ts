import { Migration } from '@mikro-orm/migrations';

export class Migration20261207140141 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "events" drop constraint if exists "events_kind_check";`);

    this.addSql(`alter table "events" add constraint "events_kind_check" check("kind" in ('USER_CREATED', 'LOGIN_SUCCEEDED', 'LOGIN_FAILED', 'LOGIN_DENIED', 'DEVICE_REGISTERED', 'DEVICE_APPROVED', 'DEVICE_BLOCKED', 'DEVICE_UNBLOCKED', 'DEVICE_RENAMED', 'DEVICE_FORGOTTEN', 'SESSION_REVOKED', 'POLICY_CHANGED', 'DEVICE_VERIFIED', 'DEVICE_VERIFICATION_FAILED', 'PASSWORD_CHANGED', 'API_KEY_CREATED', 'API_KEY_REVOKED', 'WEBHOOK_DISABLED', 'DEVICE_UPDATED'));`);

    this.addSql(`alter table "devices" add column "attributes" jsonb not null default '{}';`);
    this.addSql(`create index "devices_attributes_index" on "devices" using gin ("attributes" jsonb_path_ops);`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "events" drop constraint if exists "events_kind_check";`);

    this.addSql(`drop index "devices_attributes_index";`);
    this.addSql(`alter table "devices" drop column "attributes";`);

    this.addSql(`alter table "events" add constraint "events_kind_check" check("kind" in ('USER_CREATED', 'LOGIN_SUCCEEDED', 'LOGIN_FAILED', 'LOGIN_DENIED', 'DEVICE_REGISTERED', 'DEVICE_APPROVED', 'DEVICE_BLOCKED', 'DEVICE_UNBLOCKED', 'DEVICE_RENAMED', 'DEVICE_FORGOTTEN', 'SESSION_REVOKED', 'POLICY_CHANGED', 'DEVICE_VERIFIED', 'DEVICE_VERIFICATION_FAILED', 'PASSWORD_CHANGED', 'API_KEY_CREATED', 'API_KEY_REVOKED', 'WEBHOOK_DISABLED'));`);
  }

}
