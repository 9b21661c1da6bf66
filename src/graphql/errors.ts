// GraphQL shapes of the domain's expected failures, and the mapping of the rest to top-level error codes.
import { PothosValidationError } from '@pothos/core';
import { createGraphQLError, maskError as yogaMaskError, type YogaServerOptions } from 'graphql-yoga';
import { GraphQLError } from 'graphql';
import { ConnectionException } from '@mikro-orm/core';
import { InvalidCursor } from '../db/keyset.js';
import type {
  DomainError} from '../errors.js';
import {
  DeviceAlreadyRegistered,
  DeviceBlocked,
  DeviceLimitReached,
  EmailTaken,
  InvalidCredentials,
  LastAdmin,
  InvalidEnrolmentCode,
  NotAllowed,
  NotFound,
  SignUpDisabled,
  UnknownDevice,
  InvalidSignature,
  ChallengeExpired,
  TooManyAttempts,
  DeviceRequired,
  ApprovalRequestClosed,
  ApproverNotApproved,
} from '../errors.js';
import { builder } from './builder.js';
import { DeviceStatusEnum } from './refs.js';

export const ErrorInterface = builder.interfaceRef<DomainError>('Error').implement({
  description: 'An expected failure: a stable machine-readable `code` and a message to show people',
  fields: (t) => ({
    message: t.exposeString('message', { description: 'A sentence to show people; its wording may change, so never branch on it' }),
    code: t.exposeString('code', {
      description: 'Stable and machine-readable, one per error type (NOT_FOUND for NotFound, and so on): branch on it or on __typename',
    }),
  }),
});

// The error classes have different constructor signatures; Pothos only needs them for instanceof and the shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ErrorClass<T extends DomainError> = new (...args: any[]) => T;

export function errorType<T extends DomainError>(
  cls: ErrorClass<T>,
  name: string,
  description: string,
  fields?: (t: PothosSchemaTypes.ObjectFieldBuilder<typeof builder extends { $inferSchemaTypes: infer S } ? S : never, T>) => object,
) {
  builder.objectType(cls, {
    name,
    description,
    interfaces: [ErrorInterface] as never,
    isTypeOf: (value) => value instanceof cls,
    fields: (t) => ({ ...(fields?.(t as never) ?? {}) }),
  });
}

errorType(NotFound, 'NotFound', 'The thing does not exist, or the caller may not see it (the two are not told apart)');
errorType(InvalidCredentials, 'InvalidCredentials', 'Wrong email or password (the two are not told apart)');
errorType(DeviceRequired, 'DeviceRequired', 'Users sign in from a device: send `device` with the login');
errorType(DeviceBlocked, 'DeviceBlocked', 'An administrator blocked this device');
errorType(DeviceLimitReached, 'DeviceLimitReached', 'The user already has as many devices as the policy allows', (t) => ({
  limit: t.exposeInt('limit', { description: "The policy's maxDevicesPerUser: how many devices one user may own" }),
}));
errorType(DeviceAlreadyRegistered, 'DeviceAlreadyRegistered', 'A device with this installation id exists already');
errorType(EmailTaken, 'EmailTaken', 'An account with this email exists already');
errorType(LastAdmin, 'LastAdmin', 'The change would leave no administrator: promote another account to ADMIN first');
errorType(SignUpDisabled, 'SignUpDisabled', 'Self sign-up is switched off by the device policy');
errorType(UnknownDevice, 'UnknownDevice', 'No device is bound to the key that answered');
errorType(InvalidSignature, 'InvalidSignature', 'The proof is not a valid signature of the challenge by the device key it names');
errorType(TooManyAttempts, 'TooManyAttempts', 'Too many attempts from this account, address or key: wait retryAfter seconds', (t) => ({
  retryAfter: t.exposeInt('retryAfter', { description: 'Seconds until the next attempt may be made' }),
}));
errorType(
  InvalidEnrolmentCode,
  'InvalidEnrolmentCode',
  'The enrolment code cannot be used by this user (mistyped, spent, expired, revoked or for someone else): no device was registered',
);
errorType(ApprovalRequestClosed, 'ApprovalRequestClosed', 'The owner approval request approves nothing any more: already used, expired, or the device was decided meanwhile', (t) => ({
  reason: t.exposeString('reason', { description: 'Why: "already resolved", "expired" or "the device is no longer PENDING"' }),
}));
errorType(ApproverNotApproved, 'ApproverNotApproved', 'The signing device is one of your devices but is not APPROVED (PENDING or BLOCKED)', (t) => ({
  status: t.field({ type: DeviceStatusEnum, description: 'The status of the signing device', resolve: (e) => e.status }),
}));
errorType(ChallengeExpired, 'ChallengeExpired', 'The challenge expired or was already used (each is good for one attempt): ask for a new one');

/** Connection failures (refused, reset, shut down, timed out waiting for a pooled connection), not query errors. */
export function databaseUnavailable(error: unknown): boolean {
  if (error instanceof ConnectionException) return true;
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  // 08P01 (protocol violation) is what PostgreSQL answers to a NUL in text: bad input, not an outage.
  if (typeof code === 'string' && (/^(ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|57P0[1-3])$/.test(code) || (code.startsWith('08') && code !== '08P01'))) {
    return true;
  }
  // A connection that died mid-transaction fails its next statement with a plain Error and only this message.
  return (
    typeof message === 'string' &&
    /Timeout acquiring a connection|Connection terminated|connect ECONNREFUSED|not queryable|Connection ended unexpectedly|terminating connection|Transaction query already complete/.test(
      message,
    )
  );
}

const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/** The same error without graphql-js's "Did you mean …?" hints, which would name fields, types and enum values. */
export function withoutSuggestions(error: GraphQLError): GraphQLError {
  if (!SUGGESTION.test(error.message)) return error;
  SUGGESTION.lastIndex = 0;
  return new GraphQLError(error.message.replace(SUGGESTION, ''), {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    extensions: error.extensions,
  });
}

/**
 * Yoga's error masking, plus the domain's top-level failures: NotAllowed is FORBIDDEN, a bad cursor or page size
 * is BAD_USER_INPUT. Anything else unexpected stays masked.
 */
export const maskError: NonNullable<NonNullable<Exclude<YogaServerOptions<object, object>['maskedErrors'], boolean>>['maskError']> = (
  error,
  message,
  isDev,
) => {
  const original = error instanceof GraphQLError ? error.originalError : error;
  if (original instanceof NotAllowed) {
    return createGraphQLError(original.message, { extensions: { code: 'FORBIDDEN' } });
  }
  if (original instanceof InvalidCursor || original instanceof PothosValidationError) {
    return createGraphQLError(original.message, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  if (databaseUnavailable(original)) {
    return createGraphQLError('The database is unavailable; nothing was changed. Try again shortly', {
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    });
  }
  return yogaMaskError(error, message, isDev);
};
