// GraphQL face of approval from the owner's trusted device: the open requests (listed and live) and approveOwnDevice.
import { isEntityOf } from '../db/orm.js';
import {
  ApprovalRequestClosed,
  ApproverNotApproved,
  InvalidSignature,
  NotFound,
  TooManyAttempts,
} from '../errors.js';
import { deviceApprovalRequests } from '../events/subscriptions.js';
import { builder } from '../graphql/builder.js';
import { globalId, localId } from '../graphql/ids.js';
import { createLoaders } from '../graphql/loaders.js';
import { DeviceProofInput, DeviceRef, PlatformEnum } from '../graphql/refs.js';
import { approveOwnDevice, listOwnerApprovalRequests, ownerApprovalMessage } from './owner-approval.js';
import { OwnerApprovalRequest } from './owner-request.entity.js';

const DeviceApprovalRequestRef = builder.objectRef<OwnerApprovalRequest>('DeviceApprovalRequest').implement({
  description:
    "A new PENDING device of yours asking to be approved from one of your APPROVED, key-bound devices: sign `message` with that device's key " +
    'and send approveOwnDevice(requestId: id, proof: { keyId, challengeId, signature })',
  isTypeOf: (value) => isEntityOf(OwnerApprovalRequest, value),
  fields: (t) => ({
    id: t.id({ description: 'Global id: approveOwnDevice takes it as requestId', resolve: (r) => globalId('DeviceApprovalRequest', r.id) }),
    challengeId: t.id({ description: "Send it as the proof's challengeId", resolve: (r) => r.id }),
    nonce: t.exposeString('nonce', { description: '32 random bytes, base64url, bound to this request' }),
    message: t.string({
      description: 'The exact text to sign (its UTF-8 bytes): gatehouse-owner-approval:<challengeId>:<nonce>',
      resolve: (r) => ownerApprovalMessage(r.id, r.nonce),
    }),
    device: t.field({ type: DeviceRef, description: 'The device asking (PENDING)', resolve: (r) => r.device }),
    model: t.string({ nullable: true, description: 'The asking device’s model, as its app reports it', resolve: (r) => r.device.model ?? null }),
    platform: t.field({ type: PlatformEnum, description: 'The asking device’s platform', resolve: (r) => r.device.platform }),
    osVersion: t.string({ nullable: true, description: 'The asking device’s OS version', resolve: (r) => r.device.osVersion ?? null }),
    appName: t.string({ nullable: true, description: 'The app it signed in with', resolve: (r) => r.device.appName ?? null }),
    ip: t.string({ nullable: true, description: 'The address it registered from (as its DEVICE_REGISTERED event has it)', resolve: (r) => r.ip ?? null }),
    requestedAt: t.expose('createdAt', { type: 'DateTime', description: 'When it registered and asked' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', description: 'After this only an admin may approve it' }),
  }),
});

const ApproveOwnDeviceResult = builder.errorUnion('ApproveOwnDeviceResult', {
  description:
    'The device, now APPROVED (decision.by OWNER_DEVICE), or why not: NotFound (no such request of yours), ApprovalRequestClosed (used, ' +
    "expired or decided meanwhile), InvalidSignature (bad signature, unknown key or another user's key), ApproverNotApproved, TooManyAttempts",
  types: [DeviceRef, NotFound, ApprovalRequestClosed, InvalidSignature, ApproverNotApproved, TooManyAttempts],
  resolveType: () => 'Device',
});

builder.queryFields((t) => ({
  deviceApprovalRequests: t.field({
    type: [DeviceApprovalRequestRef],
    description:
      'Signed-in people (any session of theirs): their own open owner approval requests, newest first (not resolved, not expired, ' +
      'device still PENDING). Empty unless the policy has ownerApproval when their devices register',
    authScopes: { authenticated: true },
    resolve: (_root, _args, ctx) => listOwnerApprovalRequests(ctx),
  }),
}));

builder.mutationFields((t) => ({
  approveOwnDevice: t.field({
    type: ApproveOwnDeviceResult,
    description:
      "Signed-in people: approve your own PENDING device with a proof by the key of another of your devices that is APPROVED; the proof's " +
      'challengeId is the request’s challengeId and its signature is over the request’s message. Each request approves once; every refusal is ' +
      'recorded (OWNER_APPROVAL_FAILED) and changes nothing else',
    authScopes: { authenticated: true },
    args: {
      requestId: t.arg.id({ required: true, description: 'The DeviceApprovalRequest id' }),
      proof: t.arg({ type: DeviceProofInput, required: true, description: "The request's message signed by the approving device's key" }),
    },
    resolve: (_root, args, ctx) => approveOwnDevice(ctx, localId(args.requestId, 'DeviceApprovalRequest') ?? '', args.proof),
  }),
}));

builder.subscriptionFields((t) => ({
  deviceApprovalRequests: t.field({
    type: DeviceApprovalRequestRef,
    description:
      "Signed-in people: each new owner approval request of theirs as it opens (one of their devices registered PENDING while the policy has ownerApproval)",
    authScopes: { authenticated: true },
    subscribe: (_root, _args, ctx) => deviceApprovalRequests(ctx),
    resolve: (request, _args, ctx) => {
      ctx.loaders = createLoaders(ctx.sql);
      return request;
    },
  }),
}));
