import { Migration } from '@mikro-orm/migrations';

export class Migration20261124034630 extends Migration {

  override async up(): Promise<void> {
    // Trigram operator classes for the search indexes (pg_trgm ships with PostgreSQL and is a trusted extension:
    // the database's owner may create it).
    this.addSql(`create extension if not exists pg_trgm;`);

    this.addSql(`create index "users_search_trgm_index" on "users" using gin ("email" gin_trgm_ops, "display_name" gin_trgm_ops);`);

    this.addSql(`create index "devices_search_trgm_index" on "devices" using gin ("name" gin_trgm_ops, "model" gin_trgm_ops, "installation_id" gin_trgm_ops, "app_name" gin_trgm_ops);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "devices_search_trgm_index";`);

    this.addSql(`drop index "users_search_trgm_index";`);
  }

}
