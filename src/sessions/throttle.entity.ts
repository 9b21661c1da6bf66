// The rate_limits table of rate-limiter-flexible's PostgreSQL store, declared here so migrations create it.
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export const ThrottleEntry = defineEntity({
  name: 'ThrottleEntry',
  tableName: 'rate_limits',
  properties: {
    key: p.string().length(255).primary(),
    points: p.integer().default(0),
    /** Epoch milliseconds; null: never. */
    expire: p.bigint('number').nullable(),
  },
});
export type ThrottleEntry = InferEntity<typeof ThrottleEntry>;
