// The DeviceChallenge entity: a nonce a device key must sign, bound to its keyId, consumed on the first attempt.
import { randomUUID } from 'node:crypto';
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export const DeviceChallenge = defineEntity({
  name: 'DeviceChallenge',
  tableName: 'device_challenges',
  properties: {
    id: p.uuid().primary().onCreate(() => randomUUID()),
    keyId: p.string().length(43),
    nonce: p.string().length(43),
    createdAt: p.datetime().onCreate(() => new Date()),
    /** Expired rows are swept as new challenges are made. */
    expiresAt: p.datetime().index(),
  },
});
export type DeviceChallenge = InferEntity<typeof DeviceChallenge>;
