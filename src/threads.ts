// Keeps the event loop ahead of password hashing: argon2 runs on libuv's thread pool, and on a busy machine those
// threads would otherwise take CPU time the event loop needs (every request waits on the loop). Lowering the
// other threads' scheduling priority costs the hashes nothing while a core is idle.
import { readdirSync } from 'node:fs';
import { setPriority } from 'node:os';
import type { Logger } from 'pino';

/**
 * Lowers every thread of this process but the main one (libuv's pool, V8's helpers) to `nice`. Linux only (a
 * thread is a task there, with its own priority); call it once the pool has started. Returns how many it lowered.
 */
export function lowerHelperThreads(nice: number, logger: Logger): number {
  if (process.platform !== 'linux' || nice === 0) return 0;
  let lowered = 0;
  try {
    for (const task of readdirSync('/proc/self/task')) {
      const tid = Number(task);
      if (tid === process.pid) continue;
      setPriority(tid, nice);
      lowered++;
    }
  } catch (err) {
    logger.warn({ err }, 'could not lower the priority of the hashing threads');
  }
  return lowered;
}
