import { Migration } from '@mikro-orm/migrations';

/**
 * Statistics of the trigrams of the device search columns, by hand (the ORM has no statistics objects): ANALYZE keeps
 * their most common elements with frequencies, which tell device search which trigrams of a term to leave out of the
 * index scan (src/devices/search.ts).
 */
export class Migration20261207141900 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create statistics "devices_search_trgm_stats" on (show_trgm(coalesce("name", '') || ' ' || coalesce("model", '') || ' ' || "installation_id" || ' ' || coalesce("app_name", ''))) from "devices";`);
    this.addSql(`analyze "devices";`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop statistics if exists "devices_search_trgm_stats";`);
  }

}
