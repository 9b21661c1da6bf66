import { Migration } from '@mikro-orm/migrations';

export class Migration20261207140405 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "events" drop constraint if exists "events_kind_check";`);

    this.addSql(`alter table "users" drop constraint if exists "users_role_check";`);

    this.addSql(`alter table "events" add constraint "events_kind_check" check("kind" in ('USER_CREATED', 'LOGIN_SUCCEEDED', 'LOGIN_FAILED', 'LOGIN_DENIED', 'DEVICE_REGISTERED', 'DEVICE_APPROVED', 'DEVICE_BLOCKED', 'DEVICE_UNBLOCKED', 'DEVICE_RENAMED', 'DEVICE_FORGOTTEN', 'SESSION_REVOKED', 'POLICY_CHANGED', 'DEVICE_VERIFIED', 'DEVICE_VERIFICATION_FAILED', 'PASSWORD_CHANGED', 'API_KEY_CREATED', 'API_KEY_REVOKED', 'WEBHOOK_DISABLED', 'USER_ROLE_CHANGED'));`);

    this.addSql(`alter table "users" add constraint "users_role_check" check("role" in ('USER', 'SUPPORT', 'ADMIN'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "events" drop constraint if exists "events_kind_check";`);

    this.addSql(`alter table "users" drop constraint if exists "users_role_check";`);

    this.addSql(`alter table "events" add constraint "events_kind_check" check("kind" in ('USER_CREATED', 'LOGIN_SUCCEEDED', 'LOGIN_FAILED', 'LOGIN_DENIED', 'DEVICE_REGISTERED', 'DEVICE_APPROVED', 'DEVICE_BLOCKED', 'DEVICE_UNBLOCKED', 'DEVICE_RENAMED', 'DEVICE_FORGOTTEN', 'SESSION_REVOKED', 'POLICY_CHANGED', 'DEVICE_VERIFIED', 'DEVICE_VERIFICATION_FAILED', 'PASSWORD_CHANGED', 'API_KEY_CREATED', 'API_KEY_REVOKED', 'WEBHOOK_DISABLED'));`);

    this.addSql(`alter table "users" add constraint "users_role_check" check("role" in ('USER', 'ADMIN'));`);
  }

}
