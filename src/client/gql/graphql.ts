/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Who took a device's approve/block decision */
export type DecisionSource =
  /** An administrator (in person, or through an API key, which the decision names) */
  | 'ADMIN'
  /** The policy approved every new device (approvalMode AUTOMATIC) */
  | 'AUTOMATIC_MODE'
  /** An enrolment code sent with the first sign-in */
  | 'ENROLMENT_CODE'
  /** Its owner, from another of their APPROVED, key-bound devices (approveOwnDevice; the reason names that device) */
  | 'OWNER_DEVICE'
  /** An approval rule, at registration */
  | 'RULE';

/** What a device says about itself when it signs in or registers */
export type DeviceInput = {
  /** The app signing in; up to 128 characters, left out: none */
  appName?: string | null | undefined;
  /** The app's version; up to 64 characters, left out: none */
  appVersion?: string | null | undefined;
  /** The OS-provided id of this app installation (not the IMEI) */
  installationId: string;
  /** The hardware model; up to 128 characters, left out: none */
  model?: string | null | undefined;
  /** A name for the device, kept from its registration (renameDevice changes it); 1 to 64 printable characters */
  name?: string | null | undefined;
  /** The OS version; up to 64 characters, left out: none */
  osVersion?: string | null | undefined;
  /** The operating system the app runs on */
  platform: Platform;
  /** A public JWK to bind to the device at registration: EC P-256 (ES256) or OKP Ed25519 (EdDSA). Bound for good: a different key means a different device */
  publicKey?: unknown;
  /** The push service token of this installation; stored, never shown, and makes mobileAuth PUSH_ENABLED */
  pushToken?: string | null | undefined;
};

/** A signature of a challenge: ES256 in the IEEE P1363 form (r || s) WebCrypto makes, or Ed25519; base64url */
export type DeviceProof = {
  /** The challengeId deviceChallenge gave; each challenge answers one proof */
  challengeId: string | number;
  /** The JWK thumbprint of the signing key, as sent to deviceChallenge */
  keyId: string;
  /** The signature of the challenge's nonce, base64url */
  signature: string;
};

/** Where a device is in its lifecycle: only an APPROVED device gets sessions */
export type DeviceStatus =
  /** May sign in: sign-ins from it get a session */
  | 'APPROVED'
  /** Refused by an administrator: its sessions ended and sign-ins answer DeviceBlocked */
  | 'BLOCKED'
  /** Registered, waiting for an administrator: sign-ins answer DevicePendingApproval */
  | 'PENDING';

/** Who is signing in, and from which device */
export type LoginInput = {
  /** Required for users; admins may leave it out */
  device?: DeviceInput | null | undefined;
  /** The account email, in any case */
  email: string;
  /** An enrolment code (ghe_…) from an administrator: a new device registers APPROVED with it (one use spent); a code that cannot be used answers InvalidEnrolmentCode and registers nothing. Ignored for a device already registered and while approval is AUTOMATIC */
  enrolmentCode?: string | null | undefined;
  /** The account's password */
  password: string;
  /** Required once the device has a key: a fresh challenge signed by it (see deviceChallenge) */
  proof?: DeviceProof | null | undefined;
};

/** The operating system a device runs, as its app reports it */
export type Platform =
  /** Android phones and tablets */
  | 'ANDROID'
  /** iOS (iPhone) */
  | 'IOS'
  /** iPadOS (iPad) */
  | 'IPADOS'
  /** Linux desktops */
  | 'LINUX'
  /** Apple macOS */
  | 'MACOS'
  /** Anything else */
  | 'OTHER'
  /** A web browser */
  | 'WEB'
  /** Microsoft Windows */
  | 'WINDOWS';

/** A new account of your own (role USER) */
export type SignUpInput = {
  /** The name to show; up to 128 printable characters, trimmed */
  displayName?: string | null | undefined;
  /** The email to sign in with; stored lower-cased */
  email: string;
  /** 12 to 256 characters */
  password: string;
};

export type ClientDeviceFieldsFragment = { id: string, installationId: string, name: string | null, status: DeviceStatus, platform: Platform, keyId: string | null, keyAlgorithm: string | null };

export type ClientLoginMutationVariables = Exact<{
  input: LoginInput;
}>;


export type ClientLoginMutation = { login:
    | { __typename: 'ChallengeExpired', code: string, message: string }
    | { __typename: 'DeviceBlocked', code: string, message: string }
    | { __typename: 'DeviceLimitReached', code: string, message: string }
    | { __typename: 'DevicePendingApproval', watchToken: string, pendingReason: string | null, code: string, message: string, pendingDevice: { id: string, installationId: string, name: string | null, status: DeviceStatus, platform: Platform, keyId: string | null, keyAlgorithm: string | null } | null }
    | { __typename: 'DeviceRequired', code: string, message: string }
    | { __typename: 'InvalidCredentials', code: string, message: string }
    | { __typename: 'InvalidEnrolmentCode', code: string, message: string }
    | { __typename: 'InvalidSignature', code: string, message: string }
    | { __typename: 'Session', token: string, expiresAt: string, device: { id: string, installationId: string, name: string | null, status: DeviceStatus, platform: Platform, keyId: string | null, keyAlgorithm: string | null } | null }
    | { __typename: 'TooManyAttempts', code: string, message: string }
    | { __typename: 'UnknownDevice', code: string, message: string }
   };

export type ClientRegisterDeviceMutationVariables = Exact<{
  input: DeviceInput;
}>;


export type ClientRegisterDeviceMutation = { registerDevice:
    | { __typename: 'Device', id: string, installationId: string, name: string | null, status: DeviceStatus, platform: Platform, keyId: string | null, keyAlgorithm: string | null }
    | { __typename: 'DeviceAlreadyRegistered', code: string, message: string }
    | { __typename: 'DeviceLimitReached', code: string, message: string }
   };

export type ClientChallengeMutationVariables = Exact<{
  keyId: string;
}>;


export type ClientChallengeMutation = { deviceChallenge:
    | { __typename: 'DeviceChallenge', challengeId: string, nonce: string, expiresAt: string }
    | { __typename: 'TooManyAttempts', retryAfter: number, message: string }
   };

export type ClientVerifyMutationVariables = Exact<{
  proof: DeviceProof;
}>;


export type ClientVerifyMutation = { verifyDevice:
    | { __typename: 'ChallengeExpired', code: string, message: string }
    | { __typename: 'DeviceBlocked', code: string, message: string }
    | { __typename: 'DevicePendingApproval', watchToken: string, code: string, message: string }
    | { __typename: 'InvalidSignature', code: string, message: string }
    | { __typename: 'KnownDevice', deviceId: string, status: DeviceStatus }
    | { __typename: 'TooManyAttempts', code: string, message: string }
    | { __typename: 'UnknownDevice', code: string, message: string }
   };

export type ClientLoginWithDeviceMutationVariables = Exact<{
  proof: DeviceProof;
}>;


export type ClientLoginWithDeviceMutation = { loginWithDevice:
    | { __typename: 'ChallengeExpired', code: string, message: string }
    | { __typename: 'DeviceBlocked', code: string, message: string }
    | { __typename: 'DeviceLimitReached', code: string, message: string }
    | { __typename: 'DevicePendingApproval', watchToken: string, code: string, message: string }
    | { __typename: 'DeviceRequired', code: string, message: string }
    | { __typename: 'InvalidCredentials', code: string, message: string }
    | { __typename: 'InvalidEnrolmentCode', code: string, message: string }
    | { __typename: 'InvalidSignature', code: string, message: string }
    | { __typename: 'Session', token: string, expiresAt: string, user: { email: string }, device: { id: string, installationId: string, name: string | null, status: DeviceStatus, platform: Platform, keyId: string | null, keyAlgorithm: string | null } | null }
    | { __typename: 'TooManyAttempts', code: string, message: string }
    | { __typename: 'UnknownDevice', code: string, message: string }
   };

export type ClientApproveMutationVariables = Exact<{
  id: string | number;
}>;


export type ClientApproveMutation = { approveDevice:
    | { __typename: 'Device', id: string, installationId: string, name: string | null, status: DeviceStatus, platform: Platform, keyId: string | null, keyAlgorithm: string | null }
    | { __typename: 'InvalidTransition', code: string, message: string }
    | { __typename: 'NotFound', code: string, message: string }
   };

export type ClientSignUpMutationVariables = Exact<{
  input: SignUpInput;
}>;


export type ClientSignUpMutation = { signUp:
    | { __typename: 'EmailTaken', code: string, message: string }
    | { __typename: 'SignUpDisabled', code: string, message: string }
    | { __typename: 'User', id: string, email: string }
   };

export type ClientWatchStatusSubscriptionVariables = Exact<{
  deviceId: string | number;
}>;


export type ClientWatchStatusSubscription = { deviceStatusChanged: { id: string, installationId: string, name: string | null, status: DeviceStatus, platform: Platform, keyId: string | null, keyAlgorithm: string | null } };

export type ClientApprovalRequestFieldsFragment = { id: string, challengeId: string, message: string, model: string | null, platform: Platform, osVersion: string | null, appName: string | null, ip: string | null, requestedAt: string, expiresAt: string, device: { id: string, name: string | null, status: DeviceStatus } };

export type ClientApprovalRequestsQueryVariables = Exact<{ [key: string]: never; }>;


export type ClientApprovalRequestsQuery = { deviceApprovalRequests: Array<{ id: string, challengeId: string, message: string, model: string | null, platform: Platform, osVersion: string | null, appName: string | null, ip: string | null, requestedAt: string, expiresAt: string, device: { id: string, name: string | null, status: DeviceStatus } }> };

export type ClientWatchApprovalRequestsSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type ClientWatchApprovalRequestsSubscription = { deviceApprovalRequests: { id: string, challengeId: string, message: string, model: string | null, platform: Platform, osVersion: string | null, appName: string | null, ip: string | null, requestedAt: string, expiresAt: string, device: { id: string, name: string | null, status: DeviceStatus } } };

export type ClientApproveOwnDeviceMutationVariables = Exact<{
  requestId: string | number;
  proof: DeviceProof;
}>;


export type ClientApproveOwnDeviceMutation = { approveOwnDevice:
    | { __typename: 'ApprovalRequestClosed', code: string, message: string }
    | { __typename: 'ApproverNotApproved', code: string, message: string }
    | { __typename: 'Device', id: string, installationId: string, name: string | null, status: DeviceStatus, platform: Platform, keyId: string | null, keyAlgorithm: string | null, decision: { by: DecisionSource, reason: string | null } | null }
    | { __typename: 'InvalidSignature', code: string, message: string }
    | { __typename: 'NotFound', code: string, message: string }
    | { __typename: 'TooManyAttempts', code: string, message: string }
   };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const ClientDeviceFieldsFragmentDoc = new TypedDocumentString(`
    fragment ClientDeviceFields on Device {
  id
  installationId
  name
  status
  platform
  keyId
  keyAlgorithm
}
    `, {"fragmentName":"ClientDeviceFields"}) as unknown as TypedDocumentString<ClientDeviceFieldsFragment, unknown>;
export const ClientApprovalRequestFieldsFragmentDoc = new TypedDocumentString(`
    fragment ClientApprovalRequestFields on DeviceApprovalRequest {
  id
  challengeId
  message
  model
  platform
  osVersion
  appName
  ip
  requestedAt
  expiresAt
  device {
    id
    name
    status
  }
}
    `, {"fragmentName":"ClientApprovalRequestFields"}) as unknown as TypedDocumentString<ClientApprovalRequestFieldsFragment, unknown>;
export const ClientLoginDocument = new TypedDocumentString(`
    mutation ClientLogin($input: LoginInput!) {
  login(input: $input) {
    __typename
    ... on Session {
      token
      expiresAt
      device {
        ...ClientDeviceFields
      }
    }
    ... on DevicePendingApproval {
      watchToken
      pendingReason
      pendingDevice: device {
        ...ClientDeviceFields
      }
    }
    ... on Error {
      code
      message
    }
  }
}
    fragment ClientDeviceFields on Device {
  id
  installationId
  name
  status
  platform
  keyId
  keyAlgorithm
}`) as unknown as TypedDocumentString<ClientLoginMutation, ClientLoginMutationVariables>;
export const ClientRegisterDeviceDocument = new TypedDocumentString(`
    mutation ClientRegisterDevice($input: DeviceInput!) {
  registerDevice(input: $input) {
    __typename
    ... on Device {
      ...ClientDeviceFields
    }
    ... on Error {
      code
      message
    }
  }
}
    fragment ClientDeviceFields on Device {
  id
  installationId
  name
  status
  platform
  keyId
  keyAlgorithm
}`) as unknown as TypedDocumentString<ClientRegisterDeviceMutation, ClientRegisterDeviceMutationVariables>;
export const ClientChallengeDocument = new TypedDocumentString(`
    mutation ClientChallenge($keyId: String!) {
  deviceChallenge(keyId: $keyId) {
    __typename
    ... on DeviceChallenge {
      challengeId
      nonce
      expiresAt
    }
    ... on TooManyAttempts {
      retryAfter
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ClientChallengeMutation, ClientChallengeMutationVariables>;
export const ClientVerifyDocument = new TypedDocumentString(`
    mutation ClientVerify($proof: DeviceProof!) {
  verifyDevice(proof: $proof) {
    __typename
    ... on KnownDevice {
      deviceId
      status
    }
    ... on DevicePendingApproval {
      watchToken
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ClientVerifyMutation, ClientVerifyMutationVariables>;
export const ClientLoginWithDeviceDocument = new TypedDocumentString(`
    mutation ClientLoginWithDevice($proof: DeviceProof!) {
  loginWithDevice(proof: $proof) {
    __typename
    ... on Session {
      token
      expiresAt
      user {
        email
      }
      device {
        ...ClientDeviceFields
      }
    }
    ... on DevicePendingApproval {
      watchToken
    }
    ... on Error {
      code
      message
    }
  }
}
    fragment ClientDeviceFields on Device {
  id
  installationId
  name
  status
  platform
  keyId
  keyAlgorithm
}`) as unknown as TypedDocumentString<ClientLoginWithDeviceMutation, ClientLoginWithDeviceMutationVariables>;
export const ClientApproveDocument = new TypedDocumentString(`
    mutation ClientApprove($id: ID!) {
  approveDevice(id: $id) {
    __typename
    ... on Device {
      ...ClientDeviceFields
    }
    ... on Error {
      code
      message
    }
  }
}
    fragment ClientDeviceFields on Device {
  id
  installationId
  name
  status
  platform
  keyId
  keyAlgorithm
}`) as unknown as TypedDocumentString<ClientApproveMutation, ClientApproveMutationVariables>;
export const ClientSignUpDocument = new TypedDocumentString(`
    mutation ClientSignUp($input: SignUpInput!) {
  signUp(input: $input) {
    __typename
    ... on User {
      id
      email
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ClientSignUpMutation, ClientSignUpMutationVariables>;
export const ClientWatchStatusDocument = new TypedDocumentString(`
    subscription ClientWatchStatus($deviceId: ID!) {
  deviceStatusChanged(deviceId: $deviceId) {
    ...ClientDeviceFields
  }
}
    fragment ClientDeviceFields on Device {
  id
  installationId
  name
  status
  platform
  keyId
  keyAlgorithm
}`) as unknown as TypedDocumentString<ClientWatchStatusSubscription, ClientWatchStatusSubscriptionVariables>;
export const ClientApprovalRequestsDocument = new TypedDocumentString(`
    query ClientApprovalRequests {
  deviceApprovalRequests {
    ...ClientApprovalRequestFields
  }
}
    fragment ClientApprovalRequestFields on DeviceApprovalRequest {
  id
  challengeId
  message
  model
  platform
  osVersion
  appName
  ip
  requestedAt
  expiresAt
  device {
    id
    name
    status
  }
}`) as unknown as TypedDocumentString<ClientApprovalRequestsQuery, ClientApprovalRequestsQueryVariables>;
export const ClientWatchApprovalRequestsDocument = new TypedDocumentString(`
    subscription ClientWatchApprovalRequests {
  deviceApprovalRequests {
    ...ClientApprovalRequestFields
  }
}
    fragment ClientApprovalRequestFields on DeviceApprovalRequest {
  id
  challengeId
  message
  model
  platform
  osVersion
  appName
  ip
  requestedAt
  expiresAt
  device {
    id
    name
    status
  }
}`) as unknown as TypedDocumentString<ClientWatchApprovalRequestsSubscription, ClientWatchApprovalRequestsSubscriptionVariables>;
export const ClientApproveOwnDeviceDocument = new TypedDocumentString(`
    mutation ClientApproveOwnDevice($requestId: ID!, $proof: DeviceProof!) {
  approveOwnDevice(requestId: $requestId, proof: $proof) {
    __typename
    ... on Device {
      ...ClientDeviceFields
      decision {
        by
        reason
      }
    }
    ... on Error {
      code
      message
    }
  }
}
    fragment ClientDeviceFields on Device {
  id
  installationId
  name
  status
  platform
  keyId
  keyAlgorithm
}`) as unknown as TypedDocumentString<ClientApproveOwnDeviceMutation, ClientApproveOwnDeviceMutationVariables>;