import { Migration } from '@mikro-orm/migrations';

export class Migration20261207152740 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "owner_approval_requests" ("id" uuid not null, "device_id" uuid not null, "user_id" uuid not null, "nonce" varchar(43) not null, "ip" varchar(64) null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "resolved_at" timestamptz null, constraint "owner_approval_requests_pkey" primary key ("id"));`);
    this.addSql(`alter table "owner_approval_requests" add constraint "owner_approval_requests_device_id_unique" unique ("device_id");`);
    this.addSql(`create index "owner_approval_requests_user_id_created_at_index" on "owner_approval_requests" ("user_id", "created_at");`);

    this.addSql(`alter table "owner_approval_requests" add constraint "owner_approval_requests_device_id_foreign" foreign key ("device_id") references "devices" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "owner_approval_requests" add constraint "owner_approval_requests_user_id_foreign" foreign key ("user_id") references "users" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "events" drop constraint if exists "events_kind_check";`);

    this.addSql(`alter table "device_policy" add column "owner_approval" boolean not null default false;`);

    this.addSql(`alter table "events" add constraint "events_kind_check" check("kind" in ('USER_CREATED', 'LOGIN_SUCCEEDED', 'LOGIN_FAILED', 'LOGIN_DENIED', 'DEVICE_REGISTERED', 'DEVICE_APPROVED', 'DEVICE_BLOCKED', 'DEVICE_UNBLOCKED', 'DEVICE_RENAMED', 'DEVICE_FORGOTTEN', 'SESSION_REVOKED', 'POLICY_CHANGED', 'DEVICE_VERIFIED', 'DEVICE_VERIFICATION_FAILED', 'PASSWORD_CHANGED', 'API_KEY_CREATED', 'API_KEY_REVOKED', 'WEBHOOK_DISABLED', 'DEVICE_MARKED_STALE', 'USER_ROLE_CHANGED', 'APPROVAL_RULE_CREATED', 'APPROVAL_RULE_UPDATED', 'APPROVAL_RULE_DELETED', 'APPROVAL_RULES_REORDERED', 'ENROLMENT_CODE_CREATED', 'ENROLMENT_CODE_REVOKED', 'ENROLMENT_FAILED', 'OWNER_APPROVAL_FAILED'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "owner_approval_requests" cascade;`);

    this.addSql(`alter table "events" drop constraint if exists "events_kind_check";`);

    this.addSql(`alter table "device_policy" drop column "owner_approval";`);

    this.addSql(`alter table "events" add constraint "events_kind_check" check("kind" in ('USER_CREATED', 'LOGIN_SUCCEEDED', 'LOGIN_FAILED', 'LOGIN_DENIED', 'DEVICE_REGISTERED', 'DEVICE_APPROVED', 'DEVICE_BLOCKED', 'DEVICE_UNBLOCKED', 'DEVICE_RENAMED', 'DEVICE_FORGOTTEN', 'SESSION_REVOKED', 'POLICY_CHANGED', 'DEVICE_VERIFIED', 'DEVICE_VERIFICATION_FAILED', 'PASSWORD_CHANGED', 'API_KEY_CREATED', 'API_KEY_REVOKED', 'WEBHOOK_DISABLED', 'DEVICE_MARKED_STALE', 'USER_ROLE_CHANGED', 'APPROVAL_RULE_CREATED', 'APPROVAL_RULE_UPDATED', 'APPROVAL_RULE_DELETED', 'APPROVAL_RULES_REORDERED', 'ENROLMENT_CODE_CREATED', 'ENROLMENT_CODE_REVOKED', 'ENROLMENT_FAILED'));`);
  }

}
