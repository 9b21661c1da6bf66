// The live event feed of one instance: it hands the events of the log, in log order, to every local listener, as
// soon as they have their positions (src/events/sequencer.ts): straight from this instance's own sequencer, else
// read once from the database when a NOTIFY says another instance's sequencer gave positions. Only committed events
// ever have a position, so only they are handed over.
import pg from 'pg';
import type { Logger } from 'pino';
import type { Sql } from '../db/sql.js';
import { EVENT_COLUMNS, EventRow } from './event.entity.js';
import { EventSequencer, SEQUENCER_TIMING, type SequencerTiming } from './sequencer.js';

/**
 * What tells this instance that events were given positions somewhere. PostgreSQL LISTEN/NOTIFY by default (the
 * NOTIFY is issued by each pass of a sequencer, never by a writing transaction); another transport (Redis pub/sub)
 * can implement this without touching the feed, the resolvers or the domain. A wake-up may carry the last position
 * given (decimal digits); without it, the feed reads what is new.
 */
export interface WakeSignal {
  start(onWake: (payload?: string) => void): Promise<void>;
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

  async start(onWake: (payload?: string) => void): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString });
    client.on('notification', (message) => onWake(message.payload));
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

  private scheduleReconnect(onWake: (payload?: string) => void) {
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

/** Whether `events` are exactly the positions after `position`, one by one, in order. */
function follows(events: EventRow[], position: bigint): boolean {
  let next = position + 1n;
  for (const event of events) {
    if (BigInt(event.position!) !== next) return false;
    next++;
  }
  return true;
}

const BATCH = 500;

export class EventFeed {
  private position = 0n;
  private readonly listeners = new Set<Listener>();
  private reading: Promise<void> | null = null;
  private wakeAgain = false;
  /** The last position a NOTIFY named while this instance's own pass was under way. */
  private notifiedDuringPass = 0n;
  private readonly sequencer: EventSequencer;

  constructor(
    private readonly sql: Sql,
    private readonly signal: WakeSignal,
    private readonly logger: Logger,
    timing: SequencerTiming = SEQUENCER_TIMING,
    /** Where the sequencer's passes run: by default the pool; an instance gives it a connection of its own (app.ts). */
    sequencerSql: Pick<Sql, 'query'> = sql,
  ) {
    this.sequencer = new EventSequencer(sequencerSql, (events) => this.offer(events), logger, timing);
  }

  async start(): Promise<void> {
    const [row] = await this.sql.query<{ max: string | null }>('select max(position) as max from events');
    this.position = BigInt(row?.max ?? 0);
    await this.signal.start((payload) => this.wake(payload));
    this.sequencer.start();
  }

  /** Stops giving positions (a stopping instance leaves its last events to the others, or to its next start). */
  stopSequencing(): Promise<void> {
    return this.sequencer.stop();
  }

  async stop(): Promise<void> {
    await this.sequencer.stop();
    await this.signal.stop();
  }

  /** A transaction of this instance that may have written events has committed: sequence them now. */
  written(): void {
    this.sequencer.nudge();
  }

  /**
   * Once the events this instance wrote have their positions (at most `timeoutMs`): a listing of the log read right
   * after a change on this instance shows its event.
   */
  settled(timeoutMs?: number): Promise<void> {
    return this.sequencer.settled(timeoutMs);
  }

  /** The position of the last event handed to listeners. */
  get current(): bigint {
    return this.position;
  }

  /**
   * The events a pass of this instance's sequencer gave positions to (consecutive ones in order, maybe none), once it
   * is over: handed over without reading them back when they are the next ones, in order, and no read is under way;
   * else read in order.
   * Then a NOTIFY that arrived during the pass (its own, usually) is looked at.
   */
  private offer(events: EventRow[]): void {
    if (events.length) {
      if (!this.reading && follows(events, this.position)) for (const event of events) this.handOver(event);
      else this.wake();
    }
    const notified = this.notifiedDuringPass;
    this.notifiedDuringPass = 0n;
    if (notified > this.position) this.wake();
  }

  /**
   * Drops a wake-up whose last position was handed over already (this instance's own passes, whose events `offer`
   * had), and otherwise reads what was given positions since the last event handed over. One that arrives while this
   * instance's own pass is under way waits for it to end (it is that pass's, usually: no need to read its events
   * back). Overlapping wake-ups collapse into one more read.
   */
  wake(payload?: string): void {
    if (payload && /^\d{1,19}$/.test(payload)) {
      const last = BigInt(payload);
      if (last <= this.position) return;
      if (this.sequencer.passing) {
        if (last > this.notifiedDuringPass) this.notifiedDuringPass = last;
        return;
      }
    }
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
      for (const event of events) this.handOver(event);
      if (events.length < BATCH) return;
    }
  }

  /**
   * To every listener, each on its own: one that throws is logged and the others still get the event (this runs from
   * the listening connection's event emitter too, which must not see the error).
   */
  private handOver(event: EventRow): void {
    this.position = BigInt(event.position!);
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (err) {
        this.logger.error({ err, position: event.position }, 'an event listener failed');
      }
    }
  }

  /** Events after position `after` (and at most `upTo`), in log order, a batch at a time. */
  private async read(after: bigint, upTo?: bigint): Promise<EventRow[]> {
    const rows = await this.sql.query(
      `select ${EVENT_COLUMNS.join(', ')} from events where position > $1${upTo === undefined ? '' : ' and position <= $3'}
       order by position limit $2`,
      upTo === undefined ? [after.toString(), BATCH] : [after.toString(), BATCH, upTo.toString()],
    );
    return rows.map((row) => new EventRow(row));
  }

  /** Every event from now on, in log order. Returns the position it starts after, and how to stop. */
  listen(listener: Listener): { from: bigint; stop: () => void } {
    this.listeners.add(listener);
    return { from: this.position, stop: () => this.listeners.delete(listener) };
  }

  /**
   * Every event after `after` (replayed from the database), then every later one live, with no gap and no
   * duplicate at the switch: the live part starts exactly where the replay ends. Listening starts at this call,
   * not at the first read, so nothing committed in between is missed. `accept` (called once per event, in order)
   * drops what the follower does not want before it is handed over. Ends when `signal` aborts or the consumer
   * returns; `onEnd` runs then, once.
   *
   * Written by hand rather than as an async generator: a dashboard's event passes through it once per subscriber,
   * so with a thousand subscribers every promise hop here is paid a thousand times per event. Live, an event goes
   * straight from the listener to the waiting consumer's promise.
   */
  follow(
    after: bigint | null,
    signal: AbortSignal,
    { accept = () => true, onEnd }: { accept?: (event: EventRow) => boolean; onEnd?: () => void } = {},
  ): AsyncIterableIterator<EventRow> {
    const queue: EventRow[] = [];
    let waiting: ((step: IteratorResult<EventRow>) => void) | null = null;
    let ended = false;
    const live = this.listen((event) => {
      if (!waiting) return void queue.push(event);
      // A consumer waits only once the replay is over and the queue is empty, so this is the next event in order.
      if (!wanted(event)) return;
      const deliver = waiting;
      waiting = null;
      deliver({ value: event, done: false });
    });
    // The position the consumer has had everything up to; a cursor from another instance can be ahead of this one.
    let from = after ?? live.from;
    let replaying = from < live.from;
    const replayed: EventRow[] = [];
    const wanted = (event: EventRow) => BigInt(event.position!) > from && accept(event);
    const done: IteratorReturnResult<undefined> = { value: undefined, done: true };

    const end = () => {
      if (ended) return;
      ended = true;
      live.stop();
      signal.removeEventListener('abort', end);
      queue.length = 0;
      const deliver = waiting;
      waiting = null;
      deliver?.(done);
      onEnd?.();
    };
    if (signal.aborted) end();
    else signal.addEventListener('abort', end);

    const take = (): Promise<IteratorResult<EventRow>> => {
      for (let event = queue.shift(); event; event = queue.shift()) {
        if (wanted(event)) return Promise.resolve({ value: event, done: false });
      }
      return ended ? Promise.resolve(done) : new Promise((resolve) => (waiting = resolve));
    };
    const replay = async (): Promise<IteratorResult<EventRow>> => {
      while (!ended) {
        const event = replayed.shift();
        if (event) {
          from = BigInt(event.position!);
          if (accept(event)) return { value: event, done: false };
          continue;
        }
        const batch = from < live.from ? await this.read(from, live.from) : [];
        if (!batch.length) break;
        replayed.push(...batch);
      }
      replaying = false;
      return take();
    };
    return {
      next: () => (ended ? Promise.resolve(done) : replaying ? replay() : take()),
      return: () => {
        end();
        return Promise.resolve(done);
      },
      throw: (error: unknown) => {
        end();
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }
}
