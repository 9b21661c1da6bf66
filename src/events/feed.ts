// The live event feed of one instance: woken when any instance commits events, it reads the new events once, in
// commit order, and hands them to every local listener. Only committed events are ever read.
import pg from 'pg';
import type { Logger } from 'pino';
import type { Sql } from '../db/sql.js';
import { EVENT_COLUMNS, EventRow } from './event.entity.js';

/**
 * What tells this instance that events were committed somewhere. PostgreSQL LISTEN/NOTIFY by default (the NOTIFY
 * is issued by the commit trigger, inside the writing transaction); another transport (Redis pub/sub) can implement
 * this without touching the feed, the resolvers or the domain.
 */
export interface WakeSignal {
  start(onWake: () => void): Promise<void>;
  stop(): Promise<void>;
}

export const EVENTS_CHANNEL = 'gatehouse_events';

export class PostgresWakeSignal implements WakeSignal {
  private client: pg.Client | null = null;
  private stopped = false;
  private retry: NodeJS.Timeout | undefined;

  constructor(
    private readonly connectionString: string,
    private readonly logger: Logger,
  ) {}

  async start(onWake: () => void): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString });
    client.on('notification', () => onWake());
    client.on('error', (err) => {
      this.logger.warn({ err }, 'event listener connection lost; reconnecting');
      void client.end().catch(() => undefined);
      this.scheduleReconnect(onWake);
    });
    await client.connect();
    await client.query(`LISTEN ${EVENTS_CHANNEL}`);
    this.client = client;
    // Anything committed while we were not listening is picked up now.
    onWake();
  }

  private scheduleReconnect(onWake: () => void) {
    if (this.stopped || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      this.start(onWake).catch(() => this.scheduleReconnect(onWake));
    }, 1000);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    await this.client?.end().catch(() => undefined);
  }
}

type Listener = (event: EventRow) => void;

const BATCH = 500;

export class EventFeed {
  private position = 0n;
  private readonly listeners = new Set<Listener>();
  private reading: Promise<void> | null = null;
  private wakeAgain = false;

  constructor(
    private readonly sql: Sql,
    private readonly signal: WakeSignal,
    private readonly logger: Logger,
  ) {}

  async start(): Promise<void> {
    const [row] = await this.sql.query<{ max: string | null }>('select max(position) as max from events');
    this.position = BigInt(row?.max ?? 0);
    await this.signal.start(() => this.wake());
  }

  stop(): Promise<void> {
    return this.signal.stop();
  }

  /** The position of the last event handed to listeners. */
  get current(): bigint {
    return this.position;
  }

  /** Reads what was committed since the last read; overlapping wake-ups collapse into one more read. */
  wake(): void {
    if (this.reading) {
      this.wakeAgain = true;
      return;
    }
    this.reading = this.readNew()
      .catch((err: unknown) => this.logger.error({ err }, 'reading new events failed'))
      .finally(() => {
        this.reading = null;
        if (this.wakeAgain) {
          this.wakeAgain = false;
          this.wake();
        }
      });
  }

  private async readNew(): Promise<void> {
    for (;;) {
      // By hand into plain rows: every instance reads every event once, and this runs on each sign-in's commit.
      const events = await this.read(this.position);
      for (const event of events) {
        this.position = BigInt(event.position!);
        for (const listener of this.listeners) listener(event);
      }
      if (events.length < BATCH) return;
    }
  }

  /** Events after position `after` (and at most `upTo`), in commit order, a batch at a time. */
  private async read(after: bigint, upTo?: bigint): Promise<EventRow[]> {
    const rows = await this.sql.query(
      `select ${EVENT_COLUMNS.join(', ')} from events where position > $1${upTo === undefined ? '' : ' and position <= $3'}
       order by position limit $2`,
      upTo === undefined ? [after.toString(), BATCH] : [after.toString(), BATCH, upTo.toString()],
    );
    return rows.map((row) => new EventRow(row));
  }

  /** Every event from now on, in commit order. Returns the position it starts after, and how to stop. */
  listen(listener: Listener): { from: bigint; stop: () => void } {
    this.listeners.add(listener);
    return { from: this.position, stop: () => this.listeners.delete(listener) };
  }

  /**
   * Every event after `after` (replayed from the database), then every later one live, with no gap and no
   * duplicate at the switch: the live part starts exactly where the replay ends. Listening starts at this call,
   * not at the first read, so nothing committed in between is missed. Ends when `signal` aborts.
   */
  follow(after: bigint | null, signal: AbortSignal): AsyncGenerator<EventRow> {
    const queue: EventRow[] = [];
    let notify: (() => void) | null = null;
    const live = this.listen((event) => {
      queue.push(event);
      notify?.();
    });
    const onAbort = () => {
      // Also when the generator was never started (its finally would not run).
      live.stop();
      notify?.();
    };
    signal.addEventListener('abort', onAbort);
    const readReplay = (from: bigint) => this.read(from, live.from);

    async function* run(): AsyncGenerator<EventRow> {
      try {
        let from = after ?? live.from;
        while (from < live.from && !signal.aborted) {
          const replay = await readReplay(from);
          if (!replay.length) break;
          for (const event of replay) yield event;
          from = BigInt(replay.at(-1)!.position!);
        }
        while (!signal.aborted) {
          const next = queue.shift();
          if (!next) {
            await new Promise<void>((resolve) => (notify = resolve));
            notify = null;
            continue;
          }
          // A cursor from another instance can be ahead of this one: skip what the client has seen.
          if (BigInt(next.position!) > from) yield next;
        }
      } finally {
        live.stop();
        signal.removeEventListener('abort', onAbort);
      }
    }
    return run();
  }
}
