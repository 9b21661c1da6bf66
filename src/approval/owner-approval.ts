// Approval from the owner's trusted device: a new PENDING device (while the policy has ownerApproval) opens a
// request; the owner approves it by signing the request's message with the key of another of their devices that is
// APPROVED. Every refusal is recorded (OWNER_APPROVAL_FAILED) and changes nothing else.
import { randomBytes, randomUUID } from 'node:crypto';
import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { requireActor, type DomainContext } from '../actor.js';
import { UUID } from '../db/sql.js';
import { Device } from '../devices/device.entity.js';
import { signatureIsValid, type PublicJwk } from '../devices/keys.js';
import type { DeviceProof } from '../devices/verification.js';
import { ApprovalRequestClosed, ApproverNotApproved, InvalidSignature, NotFound, TooManyAttempts } from '../errors.js';
import { recordEvent } from '../events/events.js';
import { addressKey, throttleFor, type ThrottleKey } from '../sessions/throttle.js';
import { User } from '../users/user.entity.js';
import { OwnerApprovalRequest } from './owner-request.entity.js';

/** How long a request stays open; the device stays PENDING after it, for an admin to decide. */
export const OWNER_APPROVAL_TTL_MS = 24 * 60 * 60 * 1000;

/** The text the approving device signs (its UTF-8 bytes): bound to this request and its nonce. */
export function ownerApprovalMessage(requestId: string, nonce: string): string {
  return `gatehouse-owner-approval:${requestId}:${nonce}`;
}

/** Opens the request of a device registered PENDING, in the registration's transaction. */
export function openOwnerApprovalRequest(
  tx: EntityManager,
  dc: Pick<DomainContext, 'meta'>,
  device: Device,
  ownerId: string,
  now: Date,
): OwnerApprovalRequest {
  return tx.create(OwnerApprovalRequest, {
    id: randomUUID(),
    device,
    user: tx.getReference(User, ownerId),
    nonce: randomBytes(32).toString('base64url'),
    ip: dc.meta.ip?.slice(0, 64) ?? null,
    createdAt: now,
    expiresAt: new Date(now.getTime() + OWNER_APPROVAL_TTL_MS),
  });
}

/** Closes a device's open request: an admin decided it (called in the decision's transaction). */
export async function resolveOwnerApprovalRequests(tx: EntityManager, deviceId: string, now: Date): Promise<void> {
  await tx.nativeUpdate(OwnerApprovalRequest, { device: deviceId, resolvedAt: null }, { resolvedAt: now });
}

const OPEN = () => ({ resolvedAt: null, expiresAt: { $gt: new Date() }, device: { status: 'PENDING' as const } });

/** The caller's open requests (not resolved, not expired, device still PENDING), newest first. */
export async function listOwnerApprovalRequests(dc: DomainContext): Promise<OwnerApprovalRequest[]> {
  const actor = requireActor(dc);
  return dc.em.find(OwnerApprovalRequest, { user: actor.user.id, ...OPEN() }, { populate: ['device'], orderBy: { createdAt: 'desc' } });
}

/** The open request of a device, if any (the live subscription). */
export function openRequestOfDevice(em: EntityManager, deviceId: string): Promise<OwnerApprovalRequest | null> {
  return em.findOne(OwnerApprovalRequest, { ...OPEN(), device: { id: deviceId, status: 'PENDING' } }, { populate: ['device'] });
}

type Refusal = ApprovalRequestClosed | InvalidSignature | ApproverNotApproved;

/**
 * The owner approves their PENDING device: `proof.challengeId` is the request's id, `proof.signature` the signature
 * of ownerApprovalMessage(id, nonce) by the key `proof.keyId` of another of the caller's devices, which must be
 * APPROVED. The request is locked and resolved in the same transaction, so a proof approves once (a replay finds it
 * resolved). Refusals (a request that is not the caller's: NotFound, unrecorded) count against the throttle (the key and the address) as a failed device proof does.
 */
export async function approveOwnDevice(
  dc: DomainContext,
  requestId: string,
  proof: DeviceProof,
): Promise<Device | Refusal | NotFound | TooManyAttempts> {
  const actor = requireActor(dc);
  const throttle = throttleFor(dc);
  const keys: ThrottleKey[] = [['deviceKey', proof.keyId], addressKey(dc)];
  const retryAfter = (await throttle?.retryAfter(keys)) ?? 0;
  if (retryAfter > 0) return new TooManyAttempts(retryAfter);
  const outcome = await dc.em.transactional(async (tx) => {
    // The device is locked first, before anything of this transaction takes a lock or writes: as every change of a
    // device does (an administrator's decision locks the device, then its requests), so the two never deadlock, and
    // the event log's order of this device's events is the order of its changes (the log orders by transaction id,
    // which PostgreSQL gives a transaction at its first lock or write: docs/event-log.md). A plain read of the
    // request finds its device; the request is locked once the device is, and read again.
    const named = UUID.test(requestId) ? await tx.findOne(OwnerApprovalRequest, requestId) : null;
    // Someone else's request is refused exactly like one that does not exist, and (as for a hidden device) unrecorded.
    if (!named || named.user.id !== actor.user.id) return new NotFound('Approval request');
    const device = await tx.findOne(Device, named.device.id, { lockMode: LockMode.PESSIMISTIC_WRITE });
    // Gone meanwhile: its device was forgotten, which deletes its requests.
    const request = device ? await tx.findOne(OwnerApprovalRequest, requestId, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true }) : null;
    if (!device || !request) return new NotFound('Approval request');
    const refuse = (error: Refusal, why: string) => {
      recordEvent(tx, dc, {
        kind: 'OWNER_APPROVAL_FAILED',
        userId: actor.user.id,
        device: { id: device.id },
        detail: `${error.code}: ${why} (key ${proof.keyId})`,
      });
      return error;
    };
    const now = new Date();
    if (request.resolvedAt) return refuse(new ApprovalRequestClosed('already resolved'), 'request already resolved (replay)');
    if (device.status !== 'PENDING') return refuse(new ApprovalRequestClosed('the device is no longer PENDING'), `device is ${device.status}`);
    if (request.expiresAt <= now) return refuse(new ApprovalRequestClosed('expired'), 'request expired');
    if (proof.challengeId !== request.id) {
      return refuse(new InvalidSignature('The proof must name this request as its challengeId'), 'proof names another challenge');
    }
    // The approving device's status is read locked (FOR SHARE, always after the device it approves), so a block of it
    // under way ends first and is seen.
    const approver = await tx.findOne(Device, { keyId: proof.keyId }, { lockMode: LockMode.PESSIMISTIC_READ, refresh: true });
    const valid =
      approver?.publicKey != null &&
      signatureIsValid(proof.keyId, approver.publicKey as unknown as PublicJwk, ownerApprovalMessage(request.id, request.nonce), proof.signature);
    if (!approver || !valid) return refuse(new InvalidSignature(), approver ? 'bad signature' : 'no device has this key');
    if (approver.owner.id !== actor.user.id) {
      return refuse(new InvalidSignature('The key is not one of your devices'), `key of another user's device ${approver.id}`);
    }
    if (approver.status !== 'APPROVED') return refuse(new ApproverNotApproved(approver.status), `approver ${approver.id} is ${approver.status}`);

    const reason = `approved by its owner from device ${approver.name ? `"${approver.name}" ` : ''}(${approver.id})`;
    tx.assign(device, {
      status: 'APPROVED',
      statusChangedAt: now,
      statusChangedBy: tx.getReference(User, actor.user.id),
      decisionBy: 'OWNER_DEVICE',
      decisionAdmin: null,
      decisionKeyId: null,
      decisionRule: null,
      decisionRuleName: null,
      decisionAt: now,
      decisionReason: reason,
    });
    request.resolvedAt = now;
    recordEvent(tx, dc, {
      kind: 'DEVICE_APPROVED',
      userId: actor.user.id,
      device,
      fromStatus: 'PENDING',
      toStatus: 'APPROVED',
      detail: reason,
      decisionBy: 'OWNER_DEVICE',
    });
    return device;
  });
  if (outcome instanceof Error) await throttle?.fail(keys);
  return outcome;
}
