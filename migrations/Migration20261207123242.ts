import { Migration } from '@mikro-orm/migrations';

export class Migration20261207123242 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "alert_cursor" ("id" int not null, "position" bigint not null default '0', constraint "alert_cursor_pkey" primary key ("id"));`);
    // One row: alerts are decided for events after this position; an existing log's past raises none.
    this.addSql(`insert into "alert_cursor" ("id", "position") select 1, coalesce(max("position"), 0) from "events";`);

    this.addSql(`create table "alert_settings" ("user_id" uuid not null, "new_device_pending" boolean not null default true, "updated_at" timestamptz not null, constraint "alert_settings_pkey" primary key ("user_id"));`);

    this.addSql(`create table "alert_digests" ("id" uuid not null, "admin_id" uuid not null, "recipient" varchar(254) not null, "status" text check ("status" in ('SENDING', 'SENT')) not null default 'SENDING', "alerts" int not null, "message" text not null, "message_id" varchar(255) not null, "attempts" int not null default 0, "last_error" varchar(1024) null, "next_attempt_at" timestamptz null, "lease_owner" uuid null, "lease_until" timestamptz null, "created_at" timestamptz not null, "sent_at" timestamptz null, constraint "alert_digests_pkey" primary key ("id"));`);
    this.addSql(`create index "alert_digests_admin_id_status_index" on "alert_digests" ("admin_id", "status");`);

    this.addSql(`create table "pending_alerts" ("id" uuid not null, "admin_id" uuid not null, "event_id" bigint not null, "event_position" bigint not null, "device_id" uuid null, "created_at" timestamptz not null, "digest_id" uuid null, constraint "pending_alerts_pkey" primary key ("id"));`);
    this.addSql(`create index "pending_alerts_admin_id_digest_id_index" on "pending_alerts" ("admin_id", "digest_id");`);
    this.addSql(`alter table "pending_alerts" add constraint "pending_alerts_admin_id_event_id_unique" unique ("admin_id", "event_id");`);

    this.addSql(`alter table "alert_settings" add constraint "alert_settings_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "alert_digests" add constraint "alert_digests_admin_id_foreign" foreign key ("admin_id") references "users" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "pending_alerts" add constraint "pending_alerts_admin_id_foreign" foreign key ("admin_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "pending_alerts" add constraint "pending_alerts_digest_id_foreign" foreign key ("digest_id") references "alert_digests" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "pending_alerts" drop constraint "pending_alerts_digest_id_foreign";`);

    this.addSql(`drop table if exists "alert_cursor" cascade;`);

    this.addSql(`drop table if exists "alert_settings" cascade;`);

    this.addSql(`drop table if exists "alert_digests" cascade;`);

    this.addSql(`drop table if exists "pending_alerts" cascade;`);
  }

}
