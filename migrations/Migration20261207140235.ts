import { Migration } from '@mikro-orm/migrations';

export class Migration20261207140235 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "events" add column "decision_by" text check ("decision_by" in ('ADMIN', 'RULE', 'ENROLMENT_CODE', 'OWNER_DEVICE', 'AUTOMATIC_MODE')) null;`);

    this.addSql(`alter table "devices" add column "decision_by" text check ("decision_by" in ('ADMIN', 'RULE', 'ENROLMENT_CODE', 'OWNER_DEVICE', 'AUTOMATIC_MODE')) null, add column "decision_admin_id" uuid null, add column "decision_key_id" uuid null, add column "decision_at" timestamptz null, add column "decision_reason" varchar(500) null;`);
    this.addSql(`alter table "devices" add constraint "devices_decision_admin_id_foreign" foreign key ("decision_admin_id") references "users" ("id") on update cascade on delete set null;`);
    // Devices decided before decisions were recorded: a status set at registration was AUTOMATIC mode's, any later
    // change an admin's (status_changed_by; null when that admin is gone). The API key, if one was used, is not known.
    this.addSql(`update "devices" set
      "decision_by" = case when "status_changed_at" > "created_at" then 'ADMIN' else 'AUTOMATIC_MODE' end,
      "decision_admin_id" = case when "status_changed_at" > "created_at" then "status_changed_by_id" end,
      "decision_at" = "status_changed_at",
      "decision_reason" = case when "status" = 'BLOCKED' then "blocked_reason" when "status_changed_at" > "created_at" then null else 'approval mode is AUTOMATIC' end
      where "status" <> 'PENDING';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "devices" drop constraint "devices_decision_admin_id_foreign";`);

    this.addSql(`alter table "devices" drop column "decision_by", drop column "decision_admin_id", drop column "decision_key_id", drop column "decision_at", drop column "decision_reason";`);

    this.addSql(`alter table "events" drop column "decision_by";`);
  }

}
