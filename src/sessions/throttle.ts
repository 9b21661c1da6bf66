// Brute-force defence: failures counted per account, per client address and per device key in PostgreSQL (so every
// instance enforces one limit), with exponential back-off once the allowance is spent; and plain caps (challenges
// per address). Counted per operation, so aliases in one request count as separate attempts.
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { DomainContext } from '../actor.js';
import type { Sql } from '../db/sql.js';

/** Allowances before back-off starts, and the window they are counted in. Scaled by THROTTLE_SCALE. */
export const THROTTLE_SCOPES = {
  /** Failed password sign-ins for one email (known or not, so unknown emails look the same). */
  account: { allowed: 5, windowSec: 15 * 60 },
  /** Failed sign-ins and proofs from one client address. */
  address: { allowed: 50, windowSec: 15 * 60 },
  /** Failed proofs for one device key. */
  deviceKey: { allowed: 10, windowSec: 15 * 60 },
} as const;

/**
 * Plain caps: every call counts, refused ones too, and past the allowance calls are refused until the window that
 * began with the first call ends. One statement per call (rate-limiter-flexible's consume), where a back-off needs
 * two (is the key held back? then count).
 */
export const THROTTLE_CAPS = {
  /** Challenges asked for from one client address: they are cheap to ask for and each one is a row. */
  challenges: { allowed: 120, windowSec: 60 },
} as const;

const ALLOWANCES = { ...THROTTLE_SCOPES, ...THROTTLE_CAPS };

export type ThrottleScope = keyof typeof THROTTLE_SCOPES;
export type ThrottleCap = keyof typeof THROTTLE_CAPS;
export type ThrottleKey = [scope: ThrottleScope, key: string];

/** The first block lasts this long and doubles with each further failure, up to the maximum. */
const BASE_BLOCK_SEC = 1;
const MAX_BLOCK_SEC = 15 * 60;

interface Limiters {
  failures: RateLimiterPostgres;
  blocks: RateLimiterPostgres;
}

class Throttle {
  private readonly limiters = new Map<ThrottleScope, Limiters>();
  private readonly caps = new Map<ThrottleCap, RateLimiterPostgres>();

  /**
   * rate-limiter-flexible's PostgreSQL store, on the ORM's connections as a pool (the table is migrated with the
   * others): its statements go the way of the hand-written ones (src/db/sql.ts), prepared unless prepared statements
   * are off, and need no EntityManager (forking one per call for its knex cost 11-12% of a key sign-in's CPU,
   * measured with bench/ab.ts).
   */
  private readonly store: { storeClient: { query: Sql['poolQuery'] }; storeType: 'pool'; tableName: string; tableCreated: true };

  constructor(
    sql: Sql,
    private readonly scale: number,
  ) {
    this.store = { storeClient: { query: (config) => sql.poolQuery(config) }, storeType: 'pool', tableName: 'rate_limits', tableCreated: true };
  }

  private allowed(scope: ThrottleScope | ThrottleCap): number {
    return Math.max(1, Math.round(ALLOWANCES[scope].allowed * this.scale));
  }

  private of(scope: ThrottleScope): Limiters {
    let limiters = this.limiters.get(scope);
    if (!limiters) {
      limiters = {
        failures: new RateLimiterPostgres({
          ...this.store,
          keyPrefix: `fail:${scope}`,
          points: this.allowed(scope),
          duration: THROTTLE_SCOPES[scope].windowSec,
        }),
        blocks: new RateLimiterPostgres({ ...this.store, keyPrefix: `block:${scope}`, points: 1, duration: MAX_BLOCK_SEC }),
      };
      this.limiters.set(scope, limiters);
    }
    return limiters;
  }

  /** Counts one call against a capped key: 0 when it is within the allowance, else the seconds until the window ends. */
  async take(cap: ThrottleCap, key: string): Promise<number> {
    let limiter = this.caps.get(cap);
    if (!limiter) {
      limiter = new RateLimiterPostgres({ ...this.store, keyPrefix: `cap:${cap}`, points: this.allowed(cap), duration: THROTTLE_CAPS[cap].windowSec });
      this.caps.set(cap, limiter);
    }
    try {
      await limiter.consume(key);
      return 0;
    } catch (refused) {
      // Past the allowance consume rejects with the key's state; anything else is a failure of the store.
      if (refused instanceof RateLimiterRes) return Math.max(1, Math.ceil(refused.msBeforeNext / 1000));
      throw refused;
    }
  }

  /** Seconds until all of these keys may try again; 0 when none is held back. */
  async retryAfter(keys: ThrottleKey[]): Promise<number> {
    const held = await Promise.all(keys.map(([scope, key]) => this.of(scope).blocks.get(key)));
    const ms = Math.max(0, ...held.map((r) => (r && r.consumedPoints > 0 ? r.msBeforeNext : 0)));
    return Math.ceil(ms / 1000);
  }

  /** Counts a failure against each key; past its allowance, holds the key back for 1, 2, 4 ... seconds. */
  async fail(keys: ThrottleKey[]): Promise<void> {
    await Promise.all(
      keys.map(async ([scope, key]) => {
        const { failures, blocks } = this.of(scope);
        const counted = await failures.penalty(key, 1);
        const excess = counted.consumedPoints - this.allowed(scope);
        if (excess > 0) await blocks.block(key, Math.min(BASE_BLOCK_SEC * 2 ** (excess - 1), MAX_BLOCK_SEC));
      }),
    );
  }

  /** Forgets the failures of these keys (a successful sign-in clears its account). */
  async clear(keys: ThrottleKey[]): Promise<void> {
    await Promise.all(keys.map(([scope, key]) => this.of(scope).failures.delete(key)));
  }
}

const throttles = new WeakMap<object, Throttle>();

/** The throttle of this database and scale; null when throttling is off (THROTTLE_SCALE=0). */
export function throttleFor(dc: Pick<DomainContext, 'sql' | 'settings'>): Throttle | null {
  if (dc.settings.throttleScale <= 0) return null;
  let throttle = throttles.get(dc.sql);
  if (!throttle) {
    throttle = new Throttle(dc.sql, dc.settings.throttleScale);
    throttles.set(dc.sql, throttle);
  }
  return throttle;
}

/** The client address a throttle key names (requests without one share a key). */
export function addressKey(dc: Pick<DomainContext, 'meta'>): ThrottleKey {
  return ['address', dc.meta.ip ?? 'unknown'];
}
