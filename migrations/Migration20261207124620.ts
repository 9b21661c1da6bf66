import { Migration } from '@mikro-orm/migrations';

export class Migration20261207124620 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "webhook_endpoints" add column "wake_requested" boolean not null default false;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "webhook_endpoints" drop column "wake_requested";`);
  }

}
