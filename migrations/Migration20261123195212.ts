import { Migration } from '@mikro-orm/migrations';

export class Migration20261123195212 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "device_challenges" ("id" uuid not null, "key_id" varchar(43) not null, "nonce" varchar(43) not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, constraint "device_challenges_pkey" primary key ("id"));`);
    this.addSql(`create index "device_challenges_expires_at_index" on "device_challenges" ("expires_at");`);

    this.addSql(`alter table "events" drop constraint if exists "events_kind_check";`);

    this.addSql(`alter table "events" add constraint "events_kind_check" check("kind" in ('USER_CREATED', 'LOGIN_SUCCEEDED', 'LOGIN_FAILED', 'LOGIN_DENIED', 'DEVICE_REGISTERED', 'DEVICE_APPROVED', 'DEVICE_BLOCKED', 'DEVICE_UNBLOCKED', 'DEVICE_RENAMED', 'DEVICE_FORGOTTEN', 'SESSION_REVOKED', 'POLICY_CHANGED', 'DEVICE_VERIFIED', 'DEVICE_VERIFICATION_FAILED'));`);

    this.addSql(`alter table "devices" add column "key_id" varchar(43) null, add column "key_algorithm" text check ("key_algorithm" in ('ES256', 'EdDSA')) null, add column "public_key" jsonb null;`);
    this.addSql(`alter table "devices" add constraint "devices_key_id_unique" unique ("key_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "device_challenges" cascade;`);

    this.addSql(`alter table "events" drop constraint if exists "events_kind_check";`);

    this.addSql(`alter table "devices" drop constraint "devices_key_id_unique";`);
    this.addSql(`alter table "devices" drop column "key_id", drop column "key_algorithm", drop column "public_key";`);

    this.addSql(`alter table "events" add constraint "events_kind_check" check("kind" in ('USER_CREATED', 'LOGIN_SUCCEEDED', 'LOGIN_FAILED', 'LOGIN_DENIED', 'DEVICE_REGISTERED', 'DEVICE_APPROVED', 'DEVICE_BLOCKED', 'DEVICE_UNBLOCKED', 'DEVICE_RENAMED', 'DEVICE_FORGOTTEN', 'SESSION_REVOKED', 'POLICY_CHANGED'));`);
  }

}
