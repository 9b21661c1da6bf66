// Device attributes: what admins, API keys and the device itself record about a device (a department, an asset tag),
// their limits, changing them under the device's row lock, and the filter that finds devices by one.
import { LockMode } from '@mikro-orm/postgresql';
import { isAdmin, readsFleet, requireActor, type DomainContext } from '../actor.js';
import { InvalidAttributes, NotAllowed, NotFound } from '../errors.js';
import { recordEvent } from '../events/events.js';
import { Device, DeviceUser, type DeviceAttributes } from './device.entity.js';

export const MAX_ATTRIBUTES = 50;
/** UTF-8 bytes of the whole object as JSON.stringify writes it. */
export const MAX_ATTRIBUTES_BYTES = 4096;
const KEY = /^[A-Za-z0-9_.-]{1,64}$/;

export type AttributeValue = string | number | boolean;

export function isAttributeKey(key: string): boolean {
  return KEY.test(key);
}

export function isAttributeValue(value: unknown): value is AttributeValue {
  return typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

const quoted = (key: string) => JSON.stringify(key.length > 64 ? `${key.slice(0, 64)}…` : key);

function checkKey(key: string): void {
  if (!isAttributeKey(key)) {
    throw new InvalidAttributes('BAD_KEY', `The key ${quoted(key)} is not 1 to 64 characters of A-Z, a-z, 0-9, "_", "." or "-"`, key);
  }
}

/**
 * The attributes after `set` and `unset`, or InvalidAttributes naming the first problem. A null value is refused,
 * not read as "remove": removing is what `unset` says, so a client's missing value never deletes a key by accident.
 */
export function applyAttributeChange(current: DeviceAttributes, set: Record<string, unknown>, unset: readonly string[]): DeviceAttributes {
  for (const key of unset) checkKey(key);
  const next: DeviceAttributes = { ...current };
  for (const [key, value] of Object.entries(set)) {
    checkKey(key);
    if (unset.includes(key)) throw new InvalidAttributes('SET_AND_UNSET', `The key ${quoted(key)} is both set and unset`, key);
    if (!isAttributeValue(value)) {
      throw new InvalidAttributes('BAD_VALUE', `The value of ${quoted(key)} must be a string, a finite number or a boolean (use unset to remove a key)`, key);
    }
    next[key] = value;
  }
  for (const key of unset) delete next[key];
  const keys = Object.keys(next).length;
  if (keys > MAX_ATTRIBUTES) throw new InvalidAttributes('TOO_MANY_KEYS', `A device has at most ${MAX_ATTRIBUTES} attributes; this change leaves ${keys}`);
  const bytes = Buffer.byteLength(JSON.stringify(next), 'utf8');
  if (bytes > MAX_ATTRIBUTES_BYTES) {
    throw new InvalidAttributes('TOO_LARGE', `A device's attributes take at most ${MAX_ATTRIBUTES_BYTES} bytes as JSON; this change makes ${bytes}`);
  }
  return next;
}

/**
 * Admins (and API keys with DEVICES_WRITE) change any device's attributes; its owner only from a session on the device
 * itself (what the device says about itself); anyone else who has used it is refused, and to everyone else it is not
 * there. The device row is locked for the read-modify-write, so concurrent changes of different keys all survive.
 * A DEVICE_UPDATED event names the keys that changed (never their values); a change that changes nothing writes none.
 */
export async function updateDeviceAttributes(
  dc: DomainContext,
  id: string,
  set: Record<string, unknown>,
  unset: readonly string[],
): Promise<Device> {
  const actor = requireActor(dc);
  return dc.em.transactional(async (tx) => {
    const device = await tx.findOne(Device, id, { lockMode: LockMode.PESSIMISTIC_WRITE });
    const admin = isAdmin(actor);
    // Support staff see every device, so to them it is there but not theirs to change.
    if (!device || (!admin && !readsFleet(actor) && !(await tx.count(DeviceUser, { device: id, user: actor.user.id })))) throw new NotFound();
    if (!admin) {
      if (device.owner.id !== actor.user.id) throw new NotAllowed("Only the device's owner or an administrator may change its attributes");
      if (actor.session.device?.id !== id) throw new NotAllowed("A device's owner changes its attributes only from a session on that device");
    }
    const before = device.attributes;
    const after = applyAttributeChange(before, set, unset);
    const changed = Object.keys(set).filter((key) => before[key] !== after[key]);
    const removed = unset.filter((key) => key in before);
    if (!changed.length && !removed.length) return device;
    device.attributes = after;
    const detail = [changed.length ? `set: ${changed.join(', ')}` : '', removed.length ? `unset: ${removed.join(', ')}` : ''].filter(Boolean).join('; ');
    recordEvent(tx, dc, { kind: 'DEVICE_UPDATED', userId: device.owner.id, device, detail });
    return device;
  });
}

/** The containment document `filter: { attribute }` looks for: `attributes @> {"key": value}` uses the GIN index. */
export function attributeContainment(key: string, value: AttributeValue): string {
  return JSON.stringify({ [key]: value });
}
