// The GraphQL refs several feature schemas share (types, connections, enums, inputs, LoginResult); each feature's
// *.schema.ts implements its own and imports the others' from here, so no schema module imports another.
import { z } from 'zod';
import { DEVICE_STATUSES, PLATFORMS, type DeviceView } from '../devices/device.entity.js';
import type { DeviceDetails, DeviceFilter } from '../devices/devices.js';
import type { DeviceProof } from '../devices/verification.js';
import {
  ChallengeExpired,
  DeviceBlocked,
  DeviceLimitReached,
  DevicePendingApproval,
  DeviceRequired,
  InvalidCredentials,
  InvalidSignature,
  TooManyAttempts,
  UnknownDevice,
} from '../errors.js';
import type { EventView } from '../events/event.entity.js';
import type { IssuedSession } from '../sessions/tokens.js';
import type { UserView } from '../users/user.entity.js';
import { builder } from './builder.js';
import { filterId } from './ids.js';

export const DeviceStatusEnum = builder.enumType('DeviceStatus', { values: DEVICE_STATUSES });
export const PlatformEnum = builder.enumType('Platform', { values: PLATFORMS });

// Implemented in users/user.schema.ts, devices/device.schema.ts and events/event.schema.ts.
export const UserRef = builder.objectRef<UserView>('User');
export const DeviceRef = builder.objectRef<DeviceView>('Device');
export const EventRef = builder.objectRef<EventView>('Event');

export const UserConnection = builder.connectionObject({ type: UserRef, name: 'UserConnection' }, { name: 'UserEdge' });
export const DeviceConnection = builder.connectionObject({ type: DeviceRef, name: 'DeviceConnection' }, { name: 'DeviceEdge' });
export const EventConnection = builder.connectionObject({ type: EventRef, name: 'EventConnection' }, { name: 'EventEdge' });

// Implemented in devices/device.schema.ts; Query.devices and User.devices filter with it, login sends it.
export const DeviceFilterInput = builder.inputRef<DeviceFilter>('DeviceFilter');
export const DeviceInput = builder.inputRef<DeviceDetails, false>('DeviceInput');
// Implemented in devices/verification.schema.ts; login and loginWithDevice take it.
export const DeviceProofInput = builder.inputRef<DeviceProof>('DeviceProof');

// Implemented in sessions/session.schema.ts; login and loginWithDevice answer LoginResult.
export const SessionRef = builder.objectRef<IssuedSession>('Session');

export const LoginResult = builder.errorUnion('LoginResult', {
  types: [
    SessionRef,
    InvalidCredentials,
    DeviceRequired,
    DevicePendingApproval,
    DeviceBlocked,
    DeviceLimitReached,
    InvalidSignature,
    ChallengeExpired,
    UnknownDevice,
    TooManyAttempts,
  ],
  resolveType: () => 'Session',
});

/** A device filter with its userId (a global id) as a database id. */
export function filterOf<T extends { userId?: string | null | undefined }>(filter: T | null | undefined) {
  return filter ? { ...filter, userId: filterId(filter.userId, 'User') } : {};
}

/** Free text in a filter: bounded, and no control characters (PostgreSQL refuses NUL in text). */
export const searchText = (max: number) =>
  z.string().max(max, `must be at most ${max} characters`).regex(/^\P{C}*$/u, 'must be printable characters');
