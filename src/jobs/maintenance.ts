// The maintenance job: every MAINTENANCE_INTERVAL_S, one instance sweeps stale devices (src/devices/stale.ts).
// One job waits under a job key however many instances start; each run schedules the next. A run takes a PostgreSQL
// advisory lock on a connection of its own for the whole sweep, so two runs never sweep at once (a run that finds
// the lock taken does nothing), and a killed instance's lock goes with its connection.
import pg from 'pg';
import type { Logger } from 'pino';
import type { Sql } from '../db/sql.js';
import { stalePolicy, sweepStaleDevices } from '../devices/stale.js';
import type { JobQueue } from './queue.js';

const MAINTENANCE_TASK = 'maintenance';
const MAINTENANCE_KEY = 'maintenance';
/** pg_try_advisory_lock's key: hashtextextended('gatehouse:maintenance', 0), computed by PostgreSQL. */
const LOCK_NAME = 'gatehouse:maintenance';

export class Maintenance {
  private queue: JobQueue | null = null;
  private stopping = false;

  constructor(
    private readonly sql: Sql,
    private readonly connectionString: string,
    private readonly intervalS: number,
    private readonly logger: Logger,
  ) {}

  /** The job queue's tasks this part runs. */
  get tasks() {
    return { [MAINTENANCE_TASK]: () => this.run() };
  }

  /** Makes sure a run is waiting: now, unless one is already scheduled. */
  async start(queue: JobQueue): Promise<void> {
    this.queue = queue;
    await queue.add(MAINTENANCE_TASK, {}, { key: MAINTENANCE_KEY, keepRunAt: true });
  }

  /** A running sweep ends after its current batch; the next run stays scheduled for another instance. */
  stop(): void {
    this.stopping = true;
  }

  private async run(): Promise<void> {
    try {
      await this.sweep();
    } catch (err) {
      // Not thrown: a failed sweep is not retried by the queue, the next scheduled one goes on where it stopped.
      this.logger.error({ err }, 'maintenance sweep failed');
    } finally {
      await this.queue?.add(MAINTENANCE_TASK, {}, { key: MAINTENANCE_KEY, runAt: new Date(Date.now() + this.intervalS * 1000) });
    }
  }

  private async sweep(): Promise<void> {
    const lock = new pg.Client({ connectionString: this.connectionString });
    await lock.connect();
    try {
      const { rows } = await lock.query<{ locked: boolean }>('select pg_try_advisory_lock(hashtextextended($1, 0)) as locked', [LOCK_NAME]);
      if (!rows[0]?.locked) {
        this.logger.debug('another instance is sweeping');
        return;
      }
      const policy = await stalePolicy(this.sql);
      const result = await sweepStaleDevices(this.sql, policy, { shouldStop: () => this.stopping });
      if (result.devices) this.logger.info({ action: policy.staleAction, staleAfterDays: policy.staleAfterDays, ...result }, 'stale devices swept');
    } finally {
      // Closing the connection releases the lock.
      await lock.end();
    }
  }
}
