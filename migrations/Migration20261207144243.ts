import { Migration } from '@mikro-orm/migrations';

export class Migration20261207144243 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "enrolment_codes" ("id" uuid not null, "name" varchar(100) not null, "code_hash" varchar(64) not null, "uses" int not null, "uses_left" int not null, "expires_at" timestamptz not null, "email_domain" varchar(253) null, "user_id" uuid null, "created_by_id" uuid null, "created_at" timestamptz not null, "revoked_at" timestamptz null, "last_used_at" timestamptz null, constraint "enrolment_codes_pkey" primary key ("id"));`);
    this.addSql(`alter table "enrolment_codes" add constraint "enrolment_codes_code_hash_unique" unique ("code_hash");`);

    this.addSql(`alter table "enrolment_codes" add constraint "enrolment_codes_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "enrolment_codes" add constraint "enrolment_codes_created_by_id_foreign" foreign key ("created_by_id") references "users" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "events" drop constraint if exists "events_kind_check";`);

    this.addSql(`alter table "events" add constraint "events_kind_check" check("kind" in ('USER_CREATED', 'LOGIN_SUCCEEDED', 'LOGIN_FAILED', 'LOGIN_DENIED', 'DEVICE_REGISTERED', 'DEVICE_APPROVED', 'DEVICE_BLOCKED', 'DEVICE_UNBLOCKED', 'DEVICE_RENAMED', 'DEVICE_FORGOTTEN', 'SESSION_REVOKED', 'POLICY_CHANGED', 'DEVICE_VERIFIED', 'DEVICE_VERIFICATION_FAILED', 'PASSWORD_CHANGED', 'API_KEY_CREATED', 'API_KEY_REVOKED', 'WEBHOOK_DISABLED', 'APPROVAL_RULE_CREATED', 'APPROVAL_RULE_UPDATED', 'APPROVAL_RULE_DELETED', 'APPROVAL_RULES_REORDERED', 'ENROLMENT_CODE_CREATED', 'ENROLMENT_CODE_REVOKED', 'ENROLMENT_FAILED'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "enrolment_codes" cascade;`);

    this.addSql(`alter table "events" drop constraint if exists "events_kind_check";`);

    this.addSql(`alter table "events" add constraint "events_kind_check" check("kind" in ('USER_CREATED', 'LOGIN_SUCCEEDED', 'LOGIN_FAILED', 'LOGIN_DENIED', 'DEVICE_REGISTERED', 'DEVICE_APPROVED', 'DEVICE_BLOCKED', 'DEVICE_UNBLOCKED', 'DEVICE_RENAMED', 'DEVICE_FORGOTTEN', 'SESSION_REVOKED', 'POLICY_CHANGED', 'DEVICE_VERIFIED', 'DEVICE_VERIFICATION_FAILED', 'PASSWORD_CHANGED', 'API_KEY_CREATED', 'API_KEY_REVOKED', 'WEBHOOK_DISABLED', 'APPROVAL_RULE_CREATED', 'APPROVAL_RULE_UPDATED', 'APPROVAL_RULE_DELETED', 'APPROVAL_RULES_REORDERED'));`);
  }

}
