// GraphQL face of device keys: challenges, the known-device check, and signing in with a proof alone.
import { z } from 'zod';
import {
  ChallengeExpired,
  DeviceBlocked,
  DevicePendingApproval,
  InvalidSignature,
  TooManyAttempts,
  UnknownDevice,
} from '../errors.js';
import { builder } from '../graphql/builder.js';
import { observeSignIn } from '../graphql/context.js';
import { globalId } from '../graphql/ids.js';
import { DeviceProofInput, DeviceRef, DeviceStatusEnum, LoginResult } from '../graphql/refs.js';
import { loginWithDevice } from '../sessions/sessions.js';
import type { DeviceView } from './device.entity.js';
import { findVisibleDevice } from './devices.js';
import { issueChallenge, verifyDevice, type IssuedChallenge } from './verification.js';

const keyId = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'must be a JWK thumbprint (43 base64url characters)');

const DeviceChallengeRef = builder.objectRef<IssuedChallenge>('DeviceChallenge').implement({
  description: 'Sign `nonce` (its UTF-8 bytes) with the device key and send the signature as a DeviceProof within 120 s',
  fields: (t) => ({
    challengeId: t.id({ description: 'Send it back as DeviceProof.challengeId', resolve: (c) => c.challengeId }),
    nonce: t.exposeString('nonce', { description: '32 random bytes, base64url: the text to sign' }),
    expiresAt: t.expose('expiresAt', { type: 'DateTime', description: 'After this a proof of it answers ChallengeExpired' }),
  }),
});

DeviceProofInput.implement({
  description: 'A signature of a challenge: ES256 in the IEEE P1363 form (r || s) WebCrypto makes, or Ed25519; base64url',
  fields: (t) => ({
    keyId: t.string({ required: true, description: 'The JWK thumbprint of the signing key, as sent to deviceChallenge', validate: keyId }),
    challengeId: t.id({
      required: true,
      description: 'The challengeId deviceChallenge gave; each challenge answers one proof',
      validate: z.uuid('must be a challengeId from deviceChallenge'),
    }),
    signature: t.string({
      required: true,
      description: "The signature of the challenge's nonce, base64url",
      validate: z.string().regex(/^[A-Za-z0-9_-]{1,200}$/, 'must be a base64url signature'),
    }),
  }),
});

interface KnownDeviceShape {
  known: DeviceView;
}

const KnownDeviceRef = builder.objectRef<KnownDeviceShape>('KnownDevice').implement({
  description: 'The key belongs to an APPROVED device and signed the challenge',
  isTypeOf: (value) => typeof value === 'object' && value !== null && 'known' in value,
  fields: (t) => ({
    deviceId: t.id({ description: "The device's global id", resolve: (k) => globalId('Device', k.known.id) }),
    status: t.field({ type: DeviceStatusEnum, description: 'Always APPROVED (any other status is an error member)', resolve: (k) => k.known.status }),
    device: t.field({
      type: DeviceRef,
      nullable: true,
      description: 'The device itself, for callers with a session that may see it (without one: only id and status)',
      resolve: (k, _args, ctx) => (ctx.actor ? findVisibleDevice(ctx, k.known.id) : null),
    }),
  }),
});

const VerifyDeviceResult = builder.errorUnion('VerifyDeviceResult', {
  description:
    'KnownDevice, or why not: UnknownDevice, DevicePendingApproval, DeviceBlocked, InvalidSignature, ChallengeExpired or TooManyAttempts',
  types: [KnownDeviceRef, UnknownDevice, DevicePendingApproval, DeviceBlocked, InvalidSignature, ChallengeExpired, TooManyAttempts],
  resolveType: () => 'KnownDevice',
});

const DeviceChallengeResult = builder.errorUnion('DeviceChallengeResult', {
  description: 'A fresh challenge, or TooManyAttempts when this address asked for too many',
  types: [DeviceChallengeRef, TooManyAttempts],
  resolveType: () => 'DeviceChallenge',
});

builder.mutationFields((t) => ({
  deviceChallenge: t.field({
    type: DeviceChallengeResult,
    description: 'A challenge for a device key; an unknown keyId gets one exactly like a known one',
    args: { keyId: t.arg.string({ required: true, description: 'The JWK thumbprint (43 base64url characters) of the device key', validate: keyId }) },
    resolve: (_root, args, ctx) => issueChallenge(ctx, args.keyId),
  }),
  verifyDevice: t.field({
    type: VerifyDeviceResult,
    description: 'The known-device check: succeeds only for an APPROVED device whose key signed the challenge',
    args: { proof: t.arg({ type: DeviceProofInput, required: true, description: 'A fresh challenge signed by the device key' }) },
    resolve: async (_root, args, ctx) => {
      const outcome = await verifyDevice(ctx, args.proof);
      return 'device' in outcome && !(outcome instanceof Error) ? { known: outcome.device } : outcome;
    },
  }),
  loginWithDevice: t.field({
    type: LoginResult,
    description: "Sign in as the device's owner with a proof by its key alone, no password",
    args: { proof: t.arg({ type: DeviceProofInput, required: true, description: 'A fresh challenge signed by the device key' }) },
    resolve: async (_root, args, ctx) => observeSignIn(ctx, await loginWithDevice(ctx, args.proof)),
  }),
}));
