// The job queue (graphile-worker, in PostgreSQL's graphile_worker schema): work that must happen later or again,
// survive a restart, and run on one instance at a time. Jobs arrive at once through LISTEN/NOTIFY.
import { Logger as WorkerLogger, run, type Runner, type TaskList } from 'graphile-worker';
import type { Logger } from 'pino';

export interface JobQueueOptions {
  connectionString: string;
  logger: Logger;
  tasks: TaskList;
  /** Jobs this instance runs at once. */
  concurrency?: number;
}

export interface JobQueue {
  /**
   * Adds a job, or with `key` updates the one waiting under that key (a running one is left to finish, and a new one
   * waits behind it). `keepRunAt` leaves a waiting job's time as it is, so a job deferred for a retry stays deferred.
   */
  add(task: string, payload: object, options?: { key?: string; runAt?: Date; keepRunAt?: boolean }): Promise<void>;
  stop(): Promise<void>;
}

function workerLogger(logger: Logger) {
  return new WorkerLogger((scope) => (level, message, meta) => {
    const fields = { ...scope, ...meta };
    // LogLevel is a const enum of these strings, which an ESM import cannot reach at run time.
    const name: string = level;
    if (name === 'error') logger.error(fields, message);
    else if (name === 'warning') logger.warn(fields, message);
    else if (name === 'info') logger.debug(fields, message);
    else logger.trace(fields, message);
  });
}

/** Starts this instance's worker (installing or upgrading the queue's schema first). */
export async function startJobQueue(options: JobQueueOptions): Promise<JobQueue> {
  const runner: Runner = await run({
    connectionString: options.connectionString,
    concurrency: options.concurrency ?? 4,
    maxPoolSize: (options.concurrency ?? 4) + 2,
    noHandleSignals: true,
    // New jobs arrive by NOTIFY; jobs deferred to a later time (retries) are found by this poll.
    pollInterval: 1_000,
    taskList: options.tasks,
    logger: workerLogger(options.logger),
  });
  return {
    async add(task, payload, { key, runAt, keepRunAt } = {}) {
      await runner.addJob(task, payload, { jobKey: key, runAt, jobKeyMode: keepRunAt ? 'preserve_run_at' : 'replace', maxAttempts: 25 });
    },
    stop: () => runner.stop(),
  };
}
