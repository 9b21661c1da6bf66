import { Migration } from '@mikro-orm/migrations';

export class Migration20261124070000 extends Migration {

  override async up(): Promise<void> {
    // The commit trigger now carries the event itself in its NOTIFY, so each instance's feed hands it over without
    // reading it back. Ids and positions as text, as pg reads bigints. A payload over PostgreSQL's limit (8000 bytes;
    // a long detail and user agent, escaped) goes out empty, and the feeds read that event as before.
    this.addSql(`create or replace function "events_assign_position"() returns trigger language plpgsql as $$
      declare
        assigned "events";
        payload text;
      begin
        perform pg_advisory_xact_lock(7316853);
        update "events" set "position" = nextval('events_position_seq') where "id" = new."id" returning * into assigned;
        payload := (to_jsonb(assigned) || jsonb_build_object('id', assigned."id"::text, 'position', assigned."position"::text))::text;
        perform pg_notify('gatehouse_events', case when octet_length(payload) < 7900 then payload else '' end);
        return null;
      end
    $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`create or replace function "events_assign_position"() returns trigger language plpgsql as $$
      begin
        perform pg_advisory_xact_lock(7316853);
        update "events" set "position" = nextval('events_position_seq') where "id" = new."id";
        perform pg_notify('gatehouse_events', '');
        return null;
      end
    $$;`);
  }

}
