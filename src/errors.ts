// The domain's expected failures: values with a stable code and message, which the GraphQL face maps to result types.
import type { DeviceStatus } from './devices/device.entity.js';

export abstract class DomainError extends Error {
  abstract readonly code: string;
}

export class NotFound extends DomainError {
  readonly code = 'NOT_FOUND';
  constructor(what = 'Device') {
    super(`${what} not found`);
  }
}

export class InvalidTransition extends DomainError {
  readonly code = 'INVALID_TRANSITION';
  constructor(
    readonly action: string,
    readonly status: DeviceStatus,
  ) {
    super(`Cannot ${action} a device that is ${status}`);
  }
}

export class InvalidCredentials extends DomainError {
  readonly code = 'INVALID_CREDENTIALS';
  constructor() {
    super('Invalid email or password');
  }
}

export class DeviceRequired extends DomainError {
  readonly code = 'DEVICE_REQUIRED';
  constructor() {
    super('Signing in requires the details of the device you are signing in from');
  }
}

export class DevicePendingApproval<TDevice = unknown> extends DomainError {
  readonly code = 'DEVICE_PENDING_APPROVAL';
  constructor(
    readonly device: TDevice,
    /** Lets the waiting app watch this device's status, and nothing else, for a few minutes. */
    readonly watchToken: string,
  ) {
    super('This device has yet to be approved by a system administrator');
  }
}

export class DeviceBlocked extends DomainError {
  readonly code = 'DEVICE_BLOCKED';
  constructor() {
    super('This device has been blocked by a system administrator');
  }
}

export class DeviceLimitReached extends DomainError {
  readonly code = 'DEVICE_LIMIT_REACHED';
  constructor(readonly limit: number) {
    super(`You have reached the limit of ${limit} device${limit === 1 ? '' : 's'}`);
  }
}

export class DeviceAlreadyRegistered extends DomainError {
  readonly code = 'DEVICE_ALREADY_REGISTERED';
  constructor() {
    super('This device is already registered');
  }
}

export class EmailTaken extends DomainError {
  readonly code = 'EMAIL_TAKEN';
  constructor() {
    super('An account with this email already exists');
  }
}

export class SignUpDisabled extends DomainError {
  readonly code = 'SIGN_UP_DISABLED';
  constructor() {
    super('Sign-up is disabled; ask an administrator for an account');
  }
}

export class LastAdmin extends DomainError {
  readonly code = 'LAST_ADMIN';
  constructor() {
    super('This is the last administrator: make another one first');
  }
}

/** The caller is known but may not do this; the GraphQL face reports it as a FORBIDDEN top-level error. */
export class NotAllowed extends Error {
  constructor(message = 'You may not do this') {
    super(message);
  }
}

export class UnknownDevice extends DomainError {
  readonly code = 'UNKNOWN_DEVICE';
  constructor() {
    super('No device is bound to this key');
  }
}

export class InvalidSignature extends DomainError {
  readonly code = 'INVALID_SIGNATURE';
  constructor(message = 'The proof is not a valid signature of this challenge by this key') {
    super(message);
  }
}

export class ChallengeExpired extends DomainError {
  readonly code = 'CHALLENGE_EXPIRED';
  constructor() {
    super('The challenge has expired or was already used: ask for a new one');
  }
}

export class TooManyAttempts extends DomainError {
  readonly code = 'TOO_MANY_ATTEMPTS';
  constructor(
    /** Seconds until the next attempt may be made. */
    readonly retryAfter: number,
  ) {
    super(`Too many attempts: try again in ${retryAfter} second${retryAfter === 1 ? '' : 's'}`);
  }
}

export class WebhookUrlRefused extends DomainError {
  readonly code = 'WEBHOOK_URL_REFUSED';
  constructor(reason: string) {
    super(`This URL cannot receive webhooks: ${reason}`);
  }
}

export class InvalidApprovalRule extends DomainError {
  readonly code = 'INVALID_APPROVAL_RULE';
  constructor(readonly reason: string) {
    super(`This approval rule cannot be saved: ${reason}`);
  }
}

/** A sign-in's enrolment code cannot be used; `reason` (for the audit log) says why, the message does not. */
export class InvalidEnrolmentCode extends DomainError {
  readonly code = 'INVALID_ENROLMENT_CODE';
  constructor(readonly reason: string) {
    super('This enrolment code is not valid for you: it may be mistyped, spent, expired or revoked. Ask an administrator for a new one');
  }
}

/** What is wrong with an attribute change: which rule it broke, and the key it broke it with (if one). */
export type AttributeProblem = 'BAD_KEY' | 'BAD_VALUE' | 'TOO_MANY_KEYS' | 'TOO_LARGE' | 'SET_AND_UNSET';

export class InvalidAttributes extends DomainError {
  readonly code = 'INVALID_ATTRIBUTES';
  constructor(
    readonly problem: AttributeProblem,
    message: string,
    readonly key: string | null = null,
  ) {
    super(message);
  }
}

/** approveOwnDevice: the request no longer approves anything (`reason`: resolved, expired or already decided). */
export class ApprovalRequestClosed extends DomainError {
  readonly code = 'APPROVAL_REQUEST_CLOSED';
  constructor(readonly reason: string) {
    super(`This approval request is closed: ${reason}`);
  }
}

/** approveOwnDevice: the signing device is the user's, but not APPROVED (PENDING or BLOCKED). */
export class ApproverNotApproved extends DomainError {
  readonly code = 'APPROVER_NOT_APPROVED';
  constructor(readonly status: DeviceStatus) {
    super(`Only an APPROVED device of yours may approve another; the signing device is ${status}`);
  }
}
