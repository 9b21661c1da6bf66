// The sequencer of the event log: gives committed events their positions, in (xid, id) order, once no older
// transaction can still commit, so writers never wait for one another at commit (docs/event-log.md).
import type { Logger } from 'pino';
import type { Sql } from '../db/sql.js';
import { EVENT_COLUMNS, EventRow } from './event.entity.js';

export interface SequencerTiming {
  /**
   * Between the starts of two passes, at least: under a steady stream of writes, passes then give positions to a
   * batch each instead of running back to back for a few events each (a pass is a transaction of its own).
   */
  spacingMs: number;
  /** Between passes while nothing is known to wait: picks up events written by other processes (the CLI, psql). */
  idleMs: number;
  /** After a pass that left events waiting for an older transaction to end: first this, doubling up to `retryMaxMs`. */
  retryMs: number;
  retryMaxMs: number;
}

export const SEQUENCER_TIMING: SequencerTiming = { spacingMs: 25, idleMs: 250, retryMs: 5, retryMaxMs: 50 };

/** Events given positions by one pass, at most. */
export const SEQUENCE_BATCH = 1000;

/**
 * One pass (the migration's `events_sequence`): the events it gave positions to, in the log's order, and whether
 * events without a position existed when it started (then another pass may find more). The function returns its
 * rows as its update met them (a hash join gives the table's order), hence the sort.
 */
export const SEQUENCE_PASS = `select w.waiting, ${EVENT_COLUMNS.map((c) => `s.${c}`).join(', ')}
  from (select exists (select 1 from events where position is null) as waiting) w
  left join lateral events_sequence($1) s on true
  order by s.position`;

/**
 * Runs passes on this instance: right after a local write commits (`nudge`), again while events wait for an older
 * transaction, and every `idleMs` otherwise. Every instance runs one; their passes take turns (the function's lock),
 * and whichever runs gives the same positions. Hands what each of its own passes gave (maybe nothing) to
 * `onSequenced` (the local feed) once the pass is over; the other instances learn of them from the pass's NOTIFY.
 */
export class EventSequencer {
  private running = false;
  /** The pass under way. */
  private current: Promise<void> | null = null;
  private lastStart = -Infinity;
  /** A nudge waits for its pass (spacingMs after the last one started). */
  private deferred = false;
  /** When the pass a timer is set for is due (Infinity: none set). */
  private dueAt = Infinity;

  /** A pass of this instance is under way (its NOTIFY may arrive before its result does). */
  get passing(): boolean {
    return this.running;
  }
  private again = false;
  private waiting = false;
  private retryMs: number;
  private timer: NodeJS.Timeout | undefined;
  private stopped = true;
  private readonly settledWaiters = new Set<() => void>();

  constructor(
    private readonly sql: Pick<Sql, 'query'>,
    private readonly onSequenced: (events: EventRow[]) => void,
    private readonly logger: Logger,
    private readonly timing: SequencerTiming = SEQUENCER_TIMING,
  ) {
    this.retryMs = timing.retryMs;
  }

  start(): void {
    this.stopped = false;
    this.nudge();
  }

  /** No more passes; resolves once the one under way (if any) is over, so that the pool can close without waiting. */
  stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    for (const resolve of this.settledWaiters) resolve();
    this.settledWaiters.clear();
    return this.current ?? Promise.resolve();
  }

  /** Events may have been committed: a pass now, or right after the one under way. */
  nudge(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    const wait = this.lastStart + this.timing.spacingMs - performance.now();
    if (wait > 0) {
      // Soon enough: a pass is due within spacingMs anyway (a timer already set for later is brought forward).
      this.deferred = true;
      if (this.dueAt > performance.now() + wait) {
        clearTimeout(this.timer);
        this.schedule(wait);
      }
      return;
    }
    clearTimeout(this.timer);
    this.dueAt = Infinity;
    this.lastStart = performance.now();
    this.running = true;
    this.again = false;
    this.deferred = false;
    this.current = this.pass().then(
      (next) => this.after(next),
      (err: unknown) => {
        if (!this.stopped) this.logger.error({ err }, 'giving events their positions failed');
        this.onSequenced([]);
        this.after('idle');
      },
    );
  }

  private async pass(): Promise<'now' | 'soon' | 'idle'> {
    const rows = await this.sql.query(SEQUENCE_PASS, [SEQUENCE_BATCH]);
    const events = rows.filter((row) => row.id !== null).map((row) => new EventRow(row));
    this.waiting = rows[0]?.waiting === true;
    if (events.length) this.retryMs = this.timing.retryMs;
    this.onSequenced(events);
    if (events.length === SEQUENCE_BATCH) return 'now';
    return this.waiting ? 'soon' : 'idle';
  }

  private after(next: 'now' | 'soon' | 'idle'): void {
    this.running = false;
    this.current = null;
    if (this.stopped) return;
    if (this.again || next === 'now') return this.nudge();
    if (next === 'soon') {
      this.schedule(this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, this.timing.retryMaxMs);
      return;
    }
    this.retryMs = this.timing.retryMs;
    this.schedule(this.timing.idleMs);
    for (const resolve of this.settledWaiters) resolve();
    this.settledWaiters.clear();
  }

  private schedule(ms: number): void {
    this.dueAt = performance.now() + ms;
    this.timer = setTimeout(() => {
      this.dueAt = Infinity;
      this.nudge();
    }, ms);
  }

  /**
   * Resolves once every event this instance knew of has its position (at once when nothing waits), or after
   * `timeoutMs` (a long transaction holding older events back): a listing read right after a write on this instance
   * then shows it.
   */
  settled(timeoutMs = 1000): Promise<void> {
    if (this.stopped || (!this.running && !this.again && !this.deferred && !this.waiting)) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timeout);
        this.settledWaiters.delete(done);
        resolve();
      };
      const timeout = setTimeout(done, timeoutMs);
      this.settledWaiters.add(done);
    });
  }
}
