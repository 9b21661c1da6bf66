import { Migration } from '@mikro-orm/migrations';

export class Migration20261207120956 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "api_keys" ("id" uuid not null, "name" varchar(64) not null, "secret_hash" varchar(64) not null, "scopes" text[] not null, "created_by_id" uuid not null, "created_at" timestamptz not null, "expires_at" timestamptz null, "last_used_at" timestamptz null, "revoked_at" timestamptz null, constraint "api_keys_pkey" primary key ("id"));`);
    this.addSql(`alter table "api_keys" add constraint "api_keys_secret_hash_unique" unique ("secret_hash");`);
    this.addSql(`create index "api_keys_created_by_id_index" on "api_keys" ("created_by_id");`);
    this.addSql(`create index "api_keys_created_at_index" on "api_keys" ("created_at");`);

    this.addSql(`alter table "api_keys" add constraint "api_keys_created_by_id_foreign" foreign key ("created_by_id") references "users" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "events" drop constraint if exists "events_kind_check";`);

    this.addSql(`alter table "events" add column "actor_key_id" uuid null;`);
    this.addSql(`alter table "events" add constraint "events_kind_check" check("kind" in ('USER_CREATED', 'LOGIN_SUCCEEDED', 'LOGIN_FAILED', 'LOGIN_DENIED', 'DEVICE_REGISTERED', 'DEVICE_APPROVED', 'DEVICE_BLOCKED', 'DEVICE_UNBLOCKED', 'DEVICE_RENAMED', 'DEVICE_FORGOTTEN', 'SESSION_REVOKED', 'POLICY_CHANGED', 'DEVICE_VERIFIED', 'DEVICE_VERIFICATION_FAILED', 'PASSWORD_CHANGED', 'API_KEY_CREATED', 'API_KEY_REVOKED'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "api_keys" cascade;`);

    this.addSql(`alter table "events" drop constraint if exists "events_kind_check";`);

    this.addSql(`alter table "events" drop column "actor_key_id";`);

    this.addSql(`alter table "events" add constraint "events_kind_check" check("kind" in ('USER_CREATED', 'LOGIN_SUCCEEDED', 'LOGIN_FAILED', 'LOGIN_DENIED', 'DEVICE_REGISTERED', 'DEVICE_APPROVED', 'DEVICE_BLOCKED', 'DEVICE_UNBLOCKED', 'DEVICE_RENAMED', 'DEVICE_FORGOTTEN', 'SESSION_REVOKED', 'POLICY_CHANGED', 'DEVICE_VERIFIED', 'DEVICE_VERIFICATION_FAILED', 'PASSWORD_CHANGED'));`);
  }

}
