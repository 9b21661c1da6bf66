import { Migration } from '@mikro-orm/migrations';

export class Migration20261207141845 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "approval_rules" ("id" uuid not null, "name" varchar(100) not null, "position" int not null, "action" text check ("action" in ('APPROVE', 'BLOCK')) not null, "conditions" jsonb not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "approval_rules_pkey" primary key ("id"));`);
    this.addSql(`alter table "approval_rules" add constraint "approval_rules_name_unique" unique ("name");`);
    this.addSql(`create index "approval_rules_position_index" on "approval_rules" ("position");`);

    this.addSql(`alter table "events" drop constraint if exists "events_kind_check";`);

    this.addSql(`alter table "device_policy" add column "show_pending_reason_to_users" boolean not null default false;`);

    this.addSql(`alter table "events" add constraint "events_kind_check" check("kind" in ('USER_CREATED', 'LOGIN_SUCCEEDED', 'LOGIN_FAILED', 'LOGIN_DENIED', 'DEVICE_REGISTERED', 'DEVICE_APPROVED', 'DEVICE_BLOCKED', 'DEVICE_UNBLOCKED', 'DEVICE_RENAMED', 'DEVICE_FORGOTTEN', 'SESSION_REVOKED', 'POLICY_CHANGED', 'DEVICE_VERIFIED', 'DEVICE_VERIFICATION_FAILED', 'PASSWORD_CHANGED', 'API_KEY_CREATED', 'API_KEY_REVOKED', 'WEBHOOK_DISABLED', 'APPROVAL_RULE_CREATED', 'APPROVAL_RULE_UPDATED', 'APPROVAL_RULE_DELETED', 'APPROVAL_RULES_REORDERED'));`);

    this.addSql(`alter table "devices" add column "decision_rule_id" uuid null, add column "decision_rule_name" varchar(100) null, add column "pending_reason" varchar(2000) null;`);
    this.addSql(`alter table "devices" add constraint "devices_decision_rule_id_foreign" foreign key ("decision_rule_id") references "approval_rules" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "devices" drop constraint "devices_decision_rule_id_foreign";`);

    this.addSql(`drop table if exists "approval_rules" cascade;`);

    this.addSql(`alter table "events" drop constraint if exists "events_kind_check";`);

    this.addSql(`alter table "device_policy" drop column "show_pending_reason_to_users";`);

    this.addSql(`alter table "devices" drop column "decision_rule_id", drop column "decision_rule_name", drop column "pending_reason";`);

    this.addSql(`alter table "events" add constraint "events_kind_check" check("kind" in ('USER_CREATED', 'LOGIN_SUCCEEDED', 'LOGIN_FAILED', 'LOGIN_DENIED', 'DEVICE_REGISTERED', 'DEVICE_APPROVED', 'DEVICE_BLOCKED', 'DEVICE_UNBLOCKED', 'DEVICE_RENAMED', 'DEVICE_FORGOTTEN', 'SESSION_REVOKED', 'POLICY_CHANGED', 'DEVICE_VERIFIED', 'DEVICE_VERIFICATION_FAILED', 'PASSWORD_CHANGED', 'API_KEY_CREATED', 'API_KEY_REVOKED', 'WEBHOOK_DISABLED'));`);
  }

}
