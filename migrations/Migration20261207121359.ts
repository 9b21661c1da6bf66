import { Migration } from '@mikro-orm/migrations';

export class Migration20261207121359 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "webhook_endpoints" ("id" uuid not null, "url" varchar(2048) not null, "description" varchar(500) null, "kinds" text[] null, "secret" varchar(128) not null, "previous_secret" varchar(128) null, "previous_secret_until" timestamptz null, "cursor" bigint not null default '0', "enabled" boolean not null default true, "lease_owner" uuid null, "lease_until" timestamptz null, "failing_since" timestamptz null, "created_by_id" uuid null, "created_at" timestamptz not null, constraint "webhook_endpoints_pkey" primary key ("id"));`);

    this.addSql(`create table "webhook_deliveries" ("id" uuid not null, "endpoint_id" uuid not null, "event_id" bigint not null, "event_position" bigint not null, "status" text check ("status" in ('PENDING', 'SUCCEEDED', 'FAILED')) not null default 'PENDING', "attempts" int not null default 0, "response_status" int null, "duration_ms" int null, "last_error" varchar(1024) null, "response_body" varchar(1024) null, "next_attempt_at" timestamptz null, "created_at" timestamptz not null, "delivered_at" timestamptz null, constraint "webhook_deliveries_pkey" primary key ("id"));`);
    this.addSql(`create index "webhook_deliveries_endpoint_id_event_position_index" on "webhook_deliveries" ("endpoint_id", "event_position");`);
    this.addSql(`alter table "webhook_deliveries" add constraint "webhook_deliveries_endpoint_id_event_id_unique" unique ("endpoint_id", "event_id");`);

    this.addSql(`alter table "webhook_endpoints" add constraint "webhook_endpoints_created_by_id_foreign" foreign key ("created_by_id") references "users" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "webhook_deliveries" add constraint "webhook_deliveries_endpoint_id_foreign" foreign key ("endpoint_id") references "webhook_endpoints" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "webhook_deliveries" drop constraint "webhook_deliveries_endpoint_id_foreign";`);

    this.addSql(`drop table if exists "webhook_endpoints" cascade;`);

    this.addSql(`drop table if exists "webhook_deliveries" cascade;`);
  }

}
