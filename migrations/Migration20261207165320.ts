import { Migration } from '@mikro-orm/migrations';

export class Migration20261207165320 extends Migration {

  override async up(): Promise<void> {
    // Each event records its writing transaction. The default is set apart from the column so that adding it does
    // not rewrite the table: events written before keep a null xid (they all have their positions already).
    this.addSql(`alter table "events" add column "xid" xid8 null;`);
    this.addSql(`alter table "events" alter column "xid" set default pg_current_xact_id();`);
    this.addSql(`create index "events_unsequenced_index" on "events" ("xid", "id") where "position" is null;`);
    // The log's indexes hold only events that have their positions, so that a write inserts into none of them: the
    // pass that gives an event its position does (an update of an indexed column, never HOT), once.
    this.addSql(`alter table "events" drop constraint "events_position_unique";`);
    this.addSql(`create unique index "events_position_unique" on "events" ("position") where "position" is not null;`);
    for (const column of ['user_id', 'device_id', 'kind']) {
      this.addSql(`drop index "events_${column}_position_index";`);
      this.addSql(`create index "events_${column}_position_index" on "events" ("${column}", "position") where "position" is not null;`);
    }

    // No more lock at commit: positions are given after commit, by the sequencer (hand-written: MikroORM does not
    // model functions). See docs/event-log.md.
    this.addSql(`drop trigger "events_assign_position" on "events";`);
    this.addSql(`drop function "events_assign_position"();`);
    this.addSql(`drop sequence "events_position_seq";`);

    // One pass of the sequencer: gives the next positions, in (xid, id) order, to the events whose transaction is
    // older than every transaction still running (pg_snapshot_xmin of a snapshot taken now): such a transaction has
    // ended, so no event can ever join them, and the order is the same whichever instance runs the pass. At most
    // `batch` events; returns them. One pass at a time, cluster-wide (the advisory lock, held until the pass
    // commits); every statement after the lock takes a snapshot of its own (a volatile function in READ COMMITTED),
    // so it sees the positions the previous pass committed. The NOTIFY (the last position given) wakes every
    // instance's feed: one per pass, from the pass's own transaction, never from a writer's.
    this.addSql(`create function "events_sequence"("batch" int) returns setof "events" language plpgsql as $$
      declare
        horizon xid8;
        head bigint;
        given bigint;
      begin
        perform pg_advisory_xact_lock(7316853);
        horizon := pg_snapshot_xmin(pg_current_snapshot());
        select coalesce(max("position"), 0) into head from "events";
        return query
          update "events" e set "position" = head + next.rank
          from (
            select "id", row_number() over (order by "xid", "id") as rank from "events"
            where "position" is null and "xid" < horizon
            order by "xid", "id" limit "batch"
          ) next
          where e."id" = next."id"
          returning e.*;
        get diagnostics given = row_count;
        if given > 0 then
          perform pg_notify('gatehouse_events', (head + given)::text);
        end if;
      end
    $$;`);
  }

  override async down(): Promise<void> {
    // Positions for the events still waiting, then the commit-time lock again.
    this.addSql(`select count(*) from "events_sequence"(2147483647);`);
    this.addSql(`drop function "events_sequence"(int);`);
    this.addSql(`create sequence "events_position_seq";`);
    this.addSql(`select setval('events_position_seq', coalesce(max("position"), 0) + 1, false) from "events";`);
    this.addSql(`create function "events_assign_position"() returns trigger language plpgsql as $$
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
    this.addSql(`create constraint trigger "events_assign_position" after insert on "events"
      deferrable initially deferred for each row execute function "events_assign_position"();`);
    for (const column of ['user_id', 'device_id', 'kind']) {
      this.addSql(`drop index "events_${column}_position_index";`);
      this.addSql(`create index "events_${column}_position_index" on "events" ("${column}", "position");`);
    }
    this.addSql(`drop index "events_position_unique";`);
    this.addSql(`alter table "events" add constraint "events_position_unique" unique ("position");`);
    this.addSql(`drop index "events_unsequenced_index";`);
    this.addSql(`alter table "events" drop column "xid";`);
  }

}
