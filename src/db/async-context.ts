// MikroORM enters an AsyncLocalStorage on every flush (UnitOfWork's "inside flush" flag) and transaction
// (TransactionContext). Before Node 24, an AsyncLocalStorage once entered stays enabled for the life of the process,
// and while any is enabled Node runs async hooks on every promise the process creates, the GraphQL executor's many
// included: measured +20-35% on a GraphQL execution, and 12% of Gatehouse's CPU on a phone's read
// (docs/performance.md). This gate counts the runs under way on each storage and disables the storage when its last
// run has settled, so the hooks cost only while a flush or transaction is under way. A run's store still reaches
// everything its callback awaits; what it left running after it settled no longer sees the store (none of MikroORM's
// does).
// Node 24 keeps async context without hooks (AsyncContextFrame), so there the gate is not installed.
import { AsyncLocalStorage } from 'node:async_hooks';

// Counts by storage, weakly held (a library that makes storages as it goes must not leak them through the gate).
const runs = new WeakMap<AsyncLocalStorage<unknown>, number>();
const seen = new Set<WeakRef<AsyncLocalStorage<unknown>>>();
const NODE_MAJOR = Number(process.versions.node.split('.')[0]);

/** True when the gate is installed (Node before 24). */
export const asyncContextGated = NODE_MAJOR < 24;

/**
 * How many AsyncLocalStorages have been run, how many of them are still enabled (Node's own flag), and how many runs
 * are under way: the last two are 0 once every flush and transaction has settled.
 */
export function asyncContextState(): { storagesRun: number; enabledStorages: number; runsUnderWay: number } {
  let enabledStorages = 0;
  let runsUnderWay = 0;
  for (const ref of seen) {
    const storage = ref.deref();
    if (!storage) {
      seen.delete(ref);
      continue;
    }
    if ((storage as unknown as { enabled?: boolean }).enabled === true) enabledStorages++;
    runsUnderWay += runs.get(storage) ?? 0;
  }
  return { storagesRun: seen.size, enabledStorages, runsUnderWay };
}

if (asyncContextGated && !(AsyncLocalStorage.prototype.run as { gated?: true }).gated) {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with the storage as `this`
  const run = AsyncLocalStorage.prototype.run;
  const gatedRun = function <R>(this: AsyncLocalStorage<unknown>, store: unknown, callback: (...args: unknown[]) => R, ...args: unknown[]): R {
    const under = runs.get(this);
    if (under === undefined) seen.add(new WeakRef(this));
    runs.set(this, (under ?? 0) + 1);
    const settled = () => {
      const left = runs.get(this)! - 1;
      runs.set(this, left);
      if (left === 0) this.disable();
    };
    let result: R;
    try {
      result = run.call(this, store, callback, ...args) as R;
    } catch (error) {
      settled();
      throw error;
    }
    if (result !== null && typeof result === 'object' && typeof (result as { then?: unknown }).then === 'function') {
      (result as unknown as PromiseLike<unknown>).then(settled, settled);
    } else {
      settled();
    }
    return result;
  };
  Object.defineProperty(gatedRun, 'gated', { value: true });
  AsyncLocalStorage.prototype.run = gatedRun as typeof run;
}
