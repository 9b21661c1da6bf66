import { Migration } from '@mikro-orm/migrations';

export class Migration20261123194634 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "device_policy" ("id" int not null, "approval_mode" text check ("approval_mode" in ('REQUIRED', 'AUTOMATIC')) not null, "max_devices_per_user" int null, "allow_sign_up" boolean not null, "updated_by" uuid null, "updated_at" timestamptz not null, constraint "device_policy_pkey" primary key ("id"));`);

    this.addSql(`create table "events" ("id" bigserial primary key, "position" bigint null, "kind" text check ("kind" in ('USER_CREATED', 'LOGIN_SUCCEEDED', 'LOGIN_FAILED', 'LOGIN_DENIED', 'DEVICE_REGISTERED', 'DEVICE_APPROVED', 'DEVICE_BLOCKED', 'DEVICE_UNBLOCKED', 'DEVICE_RENAMED', 'DEVICE_FORGOTTEN', 'SESSION_REVOKED', 'POLICY_CHANGED')) not null, "at" timestamptz not null, "actor_id" uuid null, "user_id" uuid null, "device_id" uuid null, "device_name" varchar(64) null, "from_status" text check ("from_status" in ('PENDING', 'APPROVED', 'BLOCKED')) null, "to_status" text check ("to_status" in ('PENDING', 'APPROVED', 'BLOCKED')) null, "ip" varchar(64) null, "user_agent" varchar(512) null, "detail" varchar(1000) null);`);
    this.addSql(`alter table "events" add constraint "events_position_unique" unique ("position");`);
    this.addSql(`create index "events_user_id_position_index" on "events" ("user_id", "position");`);
    this.addSql(`create index "events_device_id_position_index" on "events" ("device_id", "position");`);
    this.addSql(`create index "events_kind_position_index" on "events" ("kind", "position");`);

    // Commit order for the audit log (hand-written: MikroORM does not model sequences or triggers).
    // A deferred trigger runs at commit, after every other statement of the transaction, takes a transaction-scoped
    // advisory lock (held only until that commit ends), gives each new event the next position and wakes the
    // listeners of every instance. Positions therefore never commit out of order, and NOTIFY is delivered only if
    // the transaction commits.
    this.addSql(`create sequence "events_position_seq";`);
    this.addSql(`create function "events_assign_position"() returns trigger language plpgsql as $$
      begin
        perform pg_advisory_xact_lock(7316853);
        update "events" set "position" = nextval('events_position_seq') where "id" = new."id";
        perform pg_notify('gatehouse_events', '');
        return null;
      end
    $$;`);
    this.addSql(`create constraint trigger "events_assign_position" after insert on "events"
      deferrable initially deferred for each row execute function "events_assign_position"();`);

    this.addSql(`create table "users" ("id" uuid not null, "email" varchar(254) not null, "display_name" varchar(128) null, "role" text check ("role" in ('USER', 'ADMIN')) not null default 'USER', "password_hash" varchar(255) not null, "created_at" timestamptz not null, "last_login_at" timestamptz null, constraint "users_pkey" primary key ("id"));`);
    this.addSql(`alter table "users" add constraint "users_email_unique" unique ("email");`);
    this.addSql(`create index "users_created_at_index" on "users" ("created_at");`);
    this.addSql(`create index "users_role_index" on "users" ("role");`);

    this.addSql(`create table "devices" ("id" uuid not null, "installation_id" varchar(200) not null, "name" varchar(64) null, "status" text check ("status" in ('PENDING', 'APPROVED', 'BLOCKED')) not null, "status_before_block" text check ("status_before_block" in ('PENDING', 'APPROVED', 'BLOCKED')) null, "platform" text check ("platform" in ('ANDROID', 'IOS', 'IPADOS', 'WINDOWS', 'MACOS', 'LINUX', 'WEB', 'OTHER')) not null, "os_version" varchar(64) null, "model" varchar(128) null, "app_name" varchar(128) null, "app_version" varchar(64) null, "push_token" varchar(4096) null, "has_push_token" boolean not null default false, "owner_id" uuid not null, "last_user_id" uuid null, "last_used_at" timestamptz null, "created_at" timestamptz not null, "status_changed_at" timestamptz not null, "status_changed_by_id" uuid null, "blocked_reason" varchar(500) null, "version" int not null default 1, constraint "devices_pkey" primary key ("id"));`);
    this.addSql(`alter table "devices" add constraint "devices_installation_id_unique" unique ("installation_id");`);
    this.addSql(`create index "devices_owner_id_index" on "devices" ("owner_id");`);
    this.addSql(`create index "devices_created_at_id_index" on "devices" ("created_at", "id");`);
    this.addSql(`create index "devices_status_created_at_id_index" on "devices" ("status", "created_at", "id");`);
    this.addSql(`create index "devices_platform_created_at_id_index" on "devices" ("platform", "created_at", "id");`);

    this.addSql(`create table "sessions" ("id" uuid not null, "token_hash" varchar(64) not null, "kind" text check ("kind" in ('SESSION', 'WATCH')) not null default 'SESSION', "user_id" uuid not null, "device_id" uuid null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "revoked_at" timestamptz null, constraint "sessions_pkey" primary key ("id"));`);
    this.addSql(`alter table "sessions" add constraint "sessions_token_hash_unique" unique ("token_hash");`);
    this.addSql(`create index "sessions_user_id_index" on "sessions" ("user_id");`);
    this.addSql(`create index "sessions_device_id_index" on "sessions" ("device_id");`);

    this.addSql(`create table "device_users" ("device_id" uuid not null, "user_id" uuid not null, "first_seen_at" timestamptz not null, "last_seen_at" timestamptz not null, constraint "device_users_pkey" primary key ("device_id", "user_id"));`);
    this.addSql(`create index "device_users_user_id_device_id_index" on "device_users" ("user_id", "device_id");`);

    this.addSql(`alter table "devices" add constraint "devices_owner_id_foreign" foreign key ("owner_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "devices" add constraint "devices_last_user_id_foreign" foreign key ("last_user_id") references "users" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "devices" add constraint "devices_status_changed_by_id_foreign" foreign key ("status_changed_by_id") references "users" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "sessions" add constraint "sessions_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "sessions" add constraint "sessions_device_id_foreign" foreign key ("device_id") references "devices" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "device_users" add constraint "device_users_device_id_foreign" foreign key ("device_id") references "devices" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "device_users" add constraint "device_users_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "devices" drop constraint "devices_owner_id_foreign";`);

    this.addSql(`alter table "devices" drop constraint "devices_last_user_id_foreign";`);

    this.addSql(`alter table "devices" drop constraint "devices_status_changed_by_id_foreign";`);

    this.addSql(`alter table "sessions" drop constraint "sessions_user_id_foreign";`);

    this.addSql(`alter table "device_users" drop constraint "device_users_user_id_foreign";`);

    this.addSql(`alter table "sessions" drop constraint "sessions_device_id_foreign";`);

    this.addSql(`alter table "device_users" drop constraint "device_users_device_id_foreign";`);

    this.addSql(`drop table if exists "device_policy" cascade;`);

    this.addSql(`drop table if exists "events" cascade;`);
    this.addSql(`drop function if exists "events_assign_position"();`);
    this.addSql(`drop sequence if exists "events_position_seq";`);

    this.addSql(`drop table if exists "users" cascade;`);

    this.addSql(`drop table if exists "devices" cascade;`);

    this.addSql(`drop table if exists "sessions" cascade;`);

    this.addSql(`drop table if exists "device_users" cascade;`);
  }

}
