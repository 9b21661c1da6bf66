import { Migration } from '@mikro-orm/migrations';

/** Device search: one trigram index over the four columns as one text (DEVICE_SEARCH_TEXT), one scan and one check a row. */
export class Migration20261207151905 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`drop index "devices_search_trgm_index";`);

    this.addSql(`create index "devices_search_text_trgm_index" on "devices" using gin ((coalesce("name", '') || E'\\x01' || coalesce("model", '') || E'\\x01' || "installation_id" || E'\\x01' || coalesce("app_name", '')) gin_trgm_ops);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "devices_search_text_trgm_index";`);

    this.addSql(`create index "devices_search_trgm_index" on "devices" using gin ("name" gin_trgm_ops, "model" gin_trgm_ops, "installation_id" gin_trgm_ops, "app_name" gin_trgm_ops);`);
  }

}
