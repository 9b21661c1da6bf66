/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** What an API key may do. No key manages keys, users or the device policy */
export type ApiKeyScope =
  /** Read users, devices and events (queries, node, and the subscriptions) as an admin reads them */
  | 'DEVICES_READ'
  /** Approve, block, unblock, rename and forget devices as an admin would (events name the key as actorKey) */
  | 'DEVICES_WRITE'
  /** Manage webhook endpoints */
  | 'WEBHOOKS_MANAGE';

/** Whether new devices wait for an administrator */
export type ApprovalMode =
  /** A new device is APPROVED at once */
  | 'AUTOMATIC'
  /** A new device is PENDING until an admin approves it */
  | 'REQUIRED';

/** What a matching approval rule does to the device registering */
export type ApprovalRuleAction =
  /** Approve it at once (decision.by RULE) */
  | 'APPROVE'
  /** Block it at once (decision.by RULE; an unblock returns it to PENDING) */
  | 'BLOCK';

/** What the rule checks: at least one condition; a list must not be empty (leave it out not to check it) */
export type ApprovalRuleConditionsInput = {
  /** The app is one of these (case-insensitive) */
  appNames?: Array<string> | null | undefined;
  /** The user's email domain is one of these (example.com; no subdomains implied) */
  emailDomains?: Array<string> | null | undefined;
  /** true: the user already has an APPROVED device; false: they have none */
  hasApprovedDevice?: boolean | null | undefined;
  /** true: the device bound a key at registration; false: it bound none */
  keyBound?: boolean | null | undefined;
  /** The user owns fewer than this many devices (1 to 10000) */
  maxDevices?: number | null | undefined;
  /** Per platform, the lowest OS version accepted */
  minOsVersions?: Array<MinOsVersionInput> | null | undefined;
  /** The device runs one of these */
  platforms?: Array<Platform> | null | undefined;
  /** The user's role is one of these */
  roles?: Array<Role> | null | undefined;
};

/** A whole approval rule */
export type ApprovalRuleInput = {
  /** What it does when it matches */
  action: ApprovalRuleAction;
  /** What must all hold */
  conditions: ApprovalRuleConditionsInput;
  /** Unique, 1 to 100 printable characters, trimmed */
  name: string;
};

/** Which rule of device attributes a change broke */
export type AttributeProblem =
  /** A key is not 1 to 64 characters of A-Z, a-z, 0-9, "_", "." or "-" */
  | 'BAD_KEY'
  /** A value is not a string, a finite number or a boolean (null included: use unset) */
  | 'BAD_VALUE'
  /** A key is both in set and in unset */
  | 'SET_AND_UNSET'
  /** The attributes would take more than 4096 bytes as JSON (UTF-8) */
  | 'TOO_LARGE'
  /** The device would have more than 50 attributes */
  | 'TOO_MANY_KEYS';

/** A new API key */
export type CreateApiKeyInput = {
  /** Days until it stops working, 1 to 3650; left out or null: it never expires (revoke it instead) */
  expiresInDays?: number | null | undefined;
  /** What it is for, shown in the audit log; 1 to 64 printable characters, trimmed */
  name: string;
  /** What it may do: at least one scope */
  scopes: Array<ApiKeyScope>;
};

/** A new enrolment code; emailDomain and userId, when both given, must both hold */
export type CreateEnrolmentCodeInput = {
  /** Only users whose email is at this domain (example.com) */
  emailDomain?: string | null | undefined;
  /** Hours until it stops working, 1 to 2160; left out: 168 */
  expiresInHours?: number | null | undefined;
  /** What it is for; 1 to 100 printable characters, trimmed */
  name: string;
  /** Only this user (global id) */
  userId?: string | number | null | undefined;
  /** How many devices it may approve, 1 to 100000 */
  uses: number;
};

/** An account an administrator creates */
export type CreateUserInput = {
  /** The name to show; up to 128 printable characters, trimmed */
  displayName?: string | null | undefined;
  /** The email to sign in with; stored lower-cased */
  email: string;
  /** Their first password, 12 to 256 characters */
  password: string;
  /** USER unless given */
  role?: Role | null | undefined;
};

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

/** One attribute and its value: a device matches when its attribute has that value, of the same type ("1" is not 1) */
export type DeviceAttributeFilter = {
  /** The attribute key */
  key: string;
  /** A string, a number or a boolean */
  value: unknown;
};

/** Narrows a device listing; every field given must match, a field left out matches all */
export type DeviceFilter = {
  /** Only devices with this attribute set to this value */
  attribute?: DeviceAttributeFilter | null | undefined;
  /** Only devices on this platform */
  platform?: Platform | null | undefined;
  /** Part of the name, model, app name or installation id */
  search?: string | null | undefined;
  /** Only stale devices (true) or only those that are not (false) */
  stale?: boolean | null | undefined;
  /** Only devices with this status */
  status?: DeviceStatus | null | undefined;
  /** Devices this user owns or has used */
  userId?: string | number | null | undefined;
};

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

/** A field left out stays as it is; maxDevicesPerUser: null removes the limit, staleAfterDays: null stops the stale sweep */
export type DevicePolicyInput = {
  /** Whether to open signUp; cannot be null */
  allowSignUp?: boolean | null | undefined;
  /** The new approval mode; cannot be null */
  approvalMode?: ApprovalMode | null | undefined;
  /** The new device limit, 1 to 10000; null removes the limit */
  maxDevicesPerUser?: number | null | undefined;
  /** Whether users may approve their new devices from an approved, key-bound one; cannot be null */
  ownerApproval?: boolean | null | undefined;
  /** Whether users are told why their device is pending; cannot be null */
  showPendingReasonToUsers?: boolean | null | undefined;
  /** What happens to a stale device; cannot be null */
  staleAction?: StaleAction | null | undefined;
  /** Days without use after which a device is stale, 1 to 3650; null: off */
  staleAfterDays?: number | null | undefined;
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

/** Narrows a list of events; every field given must match, a field left out matches all */
export type EventFilter = {
  /** Only events about this device (a Device's global id; forgotten devices too) */
  deviceId?: string | number | null | undefined;
  /** Only events of these kinds; empty or left out: every kind */
  kinds?: Array<EventKind> | null | undefined;
  /** Only events about this user's account or devices (a User's global id) */
  userId?: string | number | null | undefined;
};

/** What an audit event records */
export type EventKind =
  /** An administrator created an API key (detail: its name, id and scopes) */
  | 'API_KEY_CREATED'
  /** An administrator revoked an API key, ending it at once (detail: its name, id and scopes) */
  | 'API_KEY_REVOKED'
  /** An administrator put the approval rules in a new order (detail: their names in that order) */
  | 'APPROVAL_RULES_REORDERED'
  /** An administrator created an approval rule (detail: its name, id, action and conditions) */
  | 'APPROVAL_RULE_CREATED'
  /** An administrator deleted an approval rule (detail: the rule as it was) */
  | 'APPROVAL_RULE_DELETED'
  /** An administrator changed an approval rule (detail: the rule before -> after) */
  | 'APPROVAL_RULE_UPDATED'
  /** An administrator, or its owner from a trusted device (decisionBy OWNER_DEVICE), approved the device */
  | 'DEVICE_APPROVED'
  /** An administrator blocked the device (detail: the reason given) */
  | 'DEVICE_BLOCKED'
  /** The device and its sessions were deleted (deviceId and deviceName keep what it was) */
  | 'DEVICE_FORGOTTEN'
  /** The system marked a device stale: not used for the policy's staleAfterDays (detail: how long) */
  | 'DEVICE_MARKED_STALE'
  /** A new device was recorded, by a first sign-in or registerDevice (toStatus: its first status) */
  | 'DEVICE_REGISTERED'
  /** The device was renamed (deviceName: the new name, detail: the old one) */
  | 'DEVICE_RENAMED'
  /** An administrator unblocked the device (toStatus: the status it returned to) */
  | 'DEVICE_UNBLOCKED'
  /** The device's attributes were changed by updateDeviceAttributes (detail: the keys set and unset, never their values) */
  | 'DEVICE_UPDATED'
  /** verifyDevice did not confirm the device (detail: the error code) */
  | 'DEVICE_VERIFICATION_FAILED'
  /** verifyDevice confirmed an APPROVED device by its key */
  | 'DEVICE_VERIFIED'
  /** An administrator created an enrolment code (detail: its name, id, uses, expiry and limits) */
  | 'ENROLMENT_CODE_CREATED'
  /** An administrator revoked an enrolment code (detail: its name, id, uses, expiry and limits) */
  | 'ENROLMENT_CODE_REVOKED'
  /** A first sign-in carried an enrolment code that could not be used; nothing was registered (detail: unknown, revoked, expired, spent or not for this user) */
  | 'ENROLMENT_FAILED'
  /** Right credentials, but no session: no device sent, device pending or blocked, device limit or key refused (see detail) */
  | 'LOGIN_DENIED'
  /** A sign-in was refused for its credentials: wrong password, unknown email or a failed device proof */
  | 'LOGIN_FAILED'
  /** A session was issued */
  | 'LOGIN_SUCCEEDED'
  /** approveOwnDevice was refused; nothing changed (deviceId: the device asking; detail: the error code and why, e.g. a bad signature, another user's key, an approver not APPROVED, a request expired or already resolved) */
  | 'OWNER_APPROVAL_FAILED'
  /** A password was changed by its user or reset by an administrator (detail: which) */
  | 'PASSWORD_CHANGED'
  /** An administrator changed the device policy (detail: each setting, before -> after) */
  | 'POLICY_CHANGED'
  /** Sessions ended: a sign-out, or a password change or reset (detail: why) */
  | 'SESSION_REVOKED'
  /** An account was created: by sign-up, by an administrator, or the first administrator at start-up (detail: its role) */
  | 'USER_CREATED'
  /** An administrator changed a user's role (detail: before -> after, e.g. USER -> SUPPORT) */
  | 'USER_ROLE_CHANGED'
  /** A webhook endpoint whose every attempt had failed for WEBHOOK_DISABLE_AFTER was disabled (detail: its id and URL) */
  | 'WEBHOOK_DISABLED';

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

/** The lowest OS version accepted on one platform */
export type MinOsVersionInput = {
  /** The platform */
  platform: Platform;
  /** Dotted numbers, up to four parts: 17, 17.4, 14.0.1 */
  version: string;
};

/** How far the app on a device has got: registered, signed in, able to receive pushes */
export type MobileAuth =
  /** Signed in from while approved */
  | 'ACTIVATED'
  /** Registered, but no sign-in has completed from it yet */
  | 'NOT_ACTIVATED'
  /** Activated, and it gave a push token */
  | 'PUSH_ENABLED';

/** The signed-in admin's new notification settings */
export type NotificationSettingsInput = {
  /** Email me when a device is waiting for approval */
  newDevicePending: boolean;
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

/** What an account may do */
export type Role =
  /** Does everything, and may sign in without a device (a dashboard session) */
  | 'ADMIN'
  /** Help desk: may sign in without a device; reads every user, device and event (queries and subscriptions) and renames and forgets any device, but may not approve, block or unblock, nor manage the policy, roles, API keys, webhooks or alerts */
  | 'SUPPORT'
  /** Signs in from approved devices; sees themself and the devices they own or have used */
  | 'USER';

/** A new account of your own (role USER) */
export type SignUpInput = {
  /** The name to show; up to 128 printable characters, trimmed */
  displayName?: string | null | undefined;
  /** The email to sign in with; stored lower-cased */
  email: string;
  /** 12 to 256 characters */
  password: string;
};

/** What the maintenance sweep does to a device not used for staleAfterDays (each with its event, by the system) */
export type StaleAction =
  /** Block it as blockDevice does (DEVICE_BLOCKED, reason "Not used for N days"); a device already blocked is only marked */
  | 'BLOCK'
  /** Forget it as forgetDevice does (DEVICE_FORGOTTEN); a blocked device is only marked, so that its block stays */
  | 'FORGET'
  /** Set Device.stale (DEVICE_MARKED_STALE); the device may still sign in, which clears it */
  | 'MARK';

/** Narrows a list of users; every field given must match, a field left out matches all */
export type UserFilter = {
  /** Exact email, case-insensitive */
  email?: string | null | undefined;
  /** Only users with this role */
  role?: Role | null | undefined;
  /** Part of the email or display name */
  search?: string | null | undefined;
};

/** Where one event's delivery to one endpoint stands */
export type WebhookDeliveryStatus =
  /** Every attempt of the retry schedule failed; the endpoint went on to the next event */
  | 'FAILED'
  /** Not delivered yet: waiting its turn, or its next attempt (nextAttemptAt) */
  | 'PENDING'
  /** The endpoint answered 2xx */
  | 'SUCCEEDED';

/** A new endpoint */
export type WebhookEndpointInput = {
  /** What it is for */
  description?: string | null | undefined;
  /** Only these event kinds; left out or empty: every kind */
  kinds?: Array<EventKind> | null | undefined;
  /** http(s) URL of a public address (private ones only with WEBHOOKS_ALLOW_PRIVATE) */
  url: string;
};

export type AlertsCreateHookMutationVariables = Exact<{
  input: WebhookEndpointInput;
}>;


export type AlertsCreateHookMutation = { createWebhookEndpoint:
    | { __typename: 'WebhookEndpointCreated' }
    | { __typename: 'WebhookUrlRefused' }
   };

export type AlertsSettingsQueryVariables = Exact<{ [key: string]: never; }>;


export type AlertsSettingsQuery = { notificationSettings: { newDevicePending: boolean } };

export type AlertsUpdateSettingsMutationVariables = Exact<{
  input: NotificationSettingsInput;
}>;


export type AlertsUpdateSettingsMutation = { updateNotificationSettings: { __typename: 'NotificationSettings', newDevicePending: boolean } };

export type AlertsAddUserMutationVariables = Exact<{
  input: CreateUserInput;
}>;


export type AlertsAddUserMutation = { createUser:
    | { __typename: 'EmailTaken', code: string }
    | { __typename: 'User', id: string, email: string }
   };

export type CreateApiKeyMutationVariables = Exact<{
  input: CreateApiKeyInput;
}>;


export type CreateApiKeyMutation = { createApiKey: { __typename: 'ApiKeyCreated', secret: string, apiKey: { id: string, name: string, scopes: Array<ApiKeyScope>, expiresAt: string | null, lastUsedAt: string | null, revokedAt: string | null, createdBy: { email: string } } } };

export type ApiKeysQueryVariables = Exact<{ [key: string]: never; }>;


export type ApiKeysQuery = { apiKeys: Array<{ id: string, name: string, scopes: Array<ApiKeyScope>, createdAt: string, expiresAt: string | null, lastUsedAt: string | null, revokedAt: string | null, createdBy: { email: string } }> };

export type RevokeApiKeyMutationVariables = Exact<{
  id: string | number;
}>;


export type RevokeApiKeyMutation = { revokeApiKey:
    | { __typename: 'ApiKey', id: string, revokedAt: string | null }
    | { __typename: 'NotFound', code: string, message: string }
   };

export type KeyEventsQueryVariables = Exact<{
  filter?: EventFilter | null | undefined;
}>;


export type KeyEventsQuery = { events: { edges: Array<{ node: { kind: EventKind, detail: string | null, deviceId: string | null, actor: { email: string } | null, actorKey: { id: string, name: string } | null } }> } };

export type KeyLiveEventsSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type KeyLiveEventsSubscription = { deviceEvents: { kind: EventKind, deviceId: string | null } };

export type ApprovalDecisionQueryVariables = Exact<{
  id: string | number;
}>;


export type ApprovalDecisionQuery = { device: { id: string, status: DeviceStatus, pendingReason: string | null, decision: { by: DecisionSource, at: string, reason: string | null, admin: { email: string } | null, apiKey: { name: string } | null, rule: { id: string | null, name: string } | null } | null, events: { edges: Array<{ node: { kind: EventKind, decisionBy: DecisionSource | null, detail: string | null } }> } } | null };

export type ApprovalCreateKeyMutationVariables = Exact<{
  input: CreateApiKeyInput;
}>;


export type ApprovalCreateKeyMutation = { createApiKey: { __typename: 'ApiKeyCreated', secret: string } };

export type ApprovalRulesQueryVariables = Exact<{ [key: string]: never; }>;


export type ApprovalRulesQuery = { approvalRules: Array<{ id: string, name: string, position: number, action: ApprovalRuleAction, conditions: { emailDomains: Array<string> | null, roles: Array<Role> | null, platforms: Array<Platform> | null, appNames: Array<string> | null, keyBound: boolean | null, hasApprovedDevice: boolean | null, maxDevices: number | null, minOsVersions: Array<{ platform: Platform, version: string }> | null } }> };

export type ApprovalCreateRuleMutationVariables = Exact<{
  input: ApprovalRuleInput;
}>;


export type ApprovalCreateRuleMutation = { createApprovalRule:
    | { __typename: 'ApprovalRule', id: string, name: string, position: number }
    | { __typename: 'InvalidApprovalRule', code: string, reason: string, message: string }
    | { __typename: 'NotFound', message: string }
   };

export type ApprovalUpdateRuleMutationVariables = Exact<{
  id: string | number;
  input: ApprovalRuleInput;
}>;


export type ApprovalUpdateRuleMutation = { updateApprovalRule:
    | { __typename: 'ApprovalRule', id: string, name: string, action: ApprovalRuleAction }
    | { __typename: 'InvalidApprovalRule', reason: string, code: string }
    | { __typename: 'NotFound', code: string }
   };

export type ApprovalDeleteRuleMutationVariables = Exact<{
  id: string | number;
}>;


export type ApprovalDeleteRuleMutation = { deleteApprovalRule:
    | { __typename: 'ApprovalRule', id: string }
    | { __typename: 'NotFound', code: string }
   };

export type ApprovalReorderRulesMutationVariables = Exact<{
  ids: Array<string | number> | string | number;
}>;


export type ApprovalReorderRulesMutation = { reorderApprovalRules:
    | { __typename: 'ApprovalRuleList', rules: Array<{ id: string, position: number }> }
    | { __typename: 'InvalidApprovalRule', reason: string }
   };

export type ApprovalPreviewRuleQueryVariables = Exact<{
  input: ApprovalRuleInput;
}>;


export type ApprovalPreviewRuleQuery = { previewApprovalRule:
    | { __typename: 'ApprovalRulePreview', action: ApprovalRuleAction, matching: number, devices: Array<{ id: string }> }
    | { __typename: 'InvalidApprovalRule', reason: string }
   };

export type ApprovalLoginMutationVariables = Exact<{
  input: LoginInput;
}>;


export type ApprovalLoginMutation = { login:
    | { __typename: 'ChallengeExpired', code: string, message: string }
    | { __typename: 'DeviceBlocked', code: string, message: string }
    | { __typename: 'DeviceLimitReached', code: string, message: string }
    | { __typename: 'DevicePendingApproval', pendingReason: string | null, code: string, message: string, device: { id: string, status: DeviceStatus, pendingReason: string | null } | null }
    | { __typename: 'DeviceRequired', code: string, message: string }
    | { __typename: 'InvalidCredentials', code: string, message: string }
    | { __typename: 'InvalidEnrolmentCode', code: string, message: string }
    | { __typename: 'InvalidSignature', code: string, message: string }
    | { __typename: 'Session', device: { id: string, status: DeviceStatus } | null }
    | { __typename: 'TooManyAttempts', code: string, message: string }
    | { __typename: 'UnknownDevice', code: string, message: string }
   };

export type ApprovalCreateCodeMutationVariables = Exact<{
  input: CreateEnrolmentCodeInput;
}>;


export type ApprovalCreateCodeMutation = { createEnrolmentCode:
    | { __typename: 'EnrolmentCodeCreated', code: string, enrolmentCode: { id: string, name: string, uses: number, usesLeft: number, expiresAt: string, emailDomain: string | null, user: { email: string } | null } }
    | { __typename: 'NotFound', code: string, message: string }
   };

export type ApprovalCodesQueryVariables = Exact<{ [key: string]: never; }>;


export type ApprovalCodesQuery = { enrolmentCodes: Array<{ id: string, name: string, uses: number, usesLeft: number, revokedAt: string | null, lastUsedAt: string | null }> };

export type ApprovalRevokeCodeMutationVariables = Exact<{
  id: string | number;
}>;


export type ApprovalRevokeCodeMutation = { revokeEnrolmentCode:
    | { __typename: 'EnrolmentCode', id: string, revokedAt: string | null }
    | { __typename: 'NotFound', code: string }
   };

export type AuthzChangePasswordMutationVariables = Exact<{
  current: string;
  next: string;
}>;


export type AuthzChangePasswordMutation = { changePassword:
    | { __typename: 'InvalidCredentials', code: string }
    | { __typename: 'TooManyAttempts', code: string }
    | { __typename: 'User' }
   };

export type AuthzResetPasswordMutationVariables = Exact<{
  userId: string | number;
  next: string;
}>;


export type AuthzResetPasswordMutation = { resetPassword:
    | { __typename: 'NotFound', code: string }
    | { __typename: 'User' }
   };

export type AuthzSetUserRoleMutationVariables = Exact<{
  userId: string | number;
  role: Role;
}>;


export type AuthzSetUserRoleMutation = { setUserRole:
    | { __typename: 'LastAdmin', code: string }
    | { __typename: 'NotFound', code: string }
    | { __typename: 'User', id: string, role: Role }
   };

export type AuthzChallengeMutationVariables = Exact<{
  keyId: string;
}>;


export type AuthzChallengeMutation = { deviceChallenge:
    | { __typename: 'DeviceChallenge', challengeId: string, nonce: string }
    | { __typename: 'TooManyAttempts' }
   };

export type AuthzVerifyMutationVariables = Exact<{
  proof: DeviceProof;
}>;


export type AuthzVerifyMutation = { verifyDevice:
    | { __typename: 'ChallengeExpired', code: string }
    | { __typename: 'DeviceBlocked', code: string }
    | { __typename: 'DevicePendingApproval', code: string }
    | { __typename: 'InvalidSignature', code: string }
    | { __typename: 'KnownDevice', deviceId: string, device: { id: string } | null }
    | { __typename: 'TooManyAttempts', code: string }
    | { __typename: 'UnknownDevice', code: string }
   };

export type AuthzLoginWithDeviceMutationVariables = Exact<{
  proof: DeviceProof;
}>;


export type AuthzLoginWithDeviceMutation = { loginWithDevice:
    | { __typename: 'ChallengeExpired', code: string }
    | { __typename: 'DeviceBlocked', code: string }
    | { __typename: 'DeviceLimitReached', code: string }
    | { __typename: 'DevicePendingApproval', code: string }
    | { __typename: 'DeviceRequired', code: string }
    | { __typename: 'InvalidCredentials', code: string }
    | { __typename: 'InvalidEnrolmentCode', code: string }
    | { __typename: 'InvalidSignature', code: string }
    | { __typename: 'Session', user: { email: string } }
    | { __typename: 'TooManyAttempts', code: string }
    | { __typename: 'UnknownDevice', code: string }
   };

export type AuthzMeQueryVariables = Exact<{ [key: string]: never; }>;


export type AuthzMeQuery = { me: { id: string, email: string, devices: { totalCount: number }, events: { totalCount: number } } | null };

export type AuthzUserQueryVariables = Exact<{
  id: string | number;
}>;


export type AuthzUserQuery = { user: { id: string, email: string } | null };

export type AuthzOwnerDevicesQueryVariables = Exact<{
  id: string | number;
}>;


export type AuthzOwnerDevicesQuery = { device: { id: string, owner: { id: string, devices: { totalCount: number } } } | null };

export type AuthzOwnerEventsQueryVariables = Exact<{
  id: string | number;
}>;


export type AuthzOwnerEventsQuery = { device: { id: string, owner: { id: string, events: { totalCount: number } } } | null };

export type AuthzActorDevicesQueryVariables = Exact<{ [key: string]: never; }>;


export type AuthzActorDevicesQuery = { me: { id: string, events: { edges: Array<{ node: { kind: EventKind, actor: { id: string, devices: { totalCount: number } } | null } }> } } | null };

export type AuthzActorEventsQueryVariables = Exact<{ [key: string]: never; }>;


export type AuthzActorEventsQuery = { me: { id: string, events: { edges: Array<{ node: { kind: EventKind, actor: { id: string, events: { totalCount: number } } | null } }> } } | null };

export type AuthzApiKeysQueryVariables = Exact<{ [key: string]: never; }>;


export type AuthzApiKeysQuery = { apiKeys: Array<{ id: string, name: string }> };

export type AuthzApprovalRulesQueryVariables = Exact<{ [key: string]: never; }>;


export type AuthzApprovalRulesQuery = { approvalRules: Array<{ id: string, name: string }> };

export type AuthzPreviewRuleQueryVariables = Exact<{
  input: ApprovalRuleInput;
}>;


export type AuthzPreviewRuleQuery = { previewApprovalRule:
    | { __typename: 'ApprovalRulePreview', matching: number }
    | { __typename: 'InvalidApprovalRule' }
   };

export type AuthzCreateRuleMutationVariables = Exact<{
  input: ApprovalRuleInput;
}>;


export type AuthzCreateRuleMutation = { createApprovalRule:
    | { __typename: 'ApprovalRule', id: string }
    | { __typename: 'InvalidApprovalRule' }
    | { __typename: 'NotFound' }
   };

export type AuthzUpdateRuleMutationVariables = Exact<{
  id: string | number;
  input: ApprovalRuleInput;
}>;


export type AuthzUpdateRuleMutation = { updateApprovalRule:
    | { __typename: 'ApprovalRule', id: string }
    | { __typename: 'InvalidApprovalRule' }
    | { __typename: 'NotFound' }
   };

export type AuthzDeleteRuleMutationVariables = Exact<{
  id: string | number;
}>;


export type AuthzDeleteRuleMutation = { deleteApprovalRule:
    | { __typename: 'ApprovalRule', id: string }
    | { __typename: 'NotFound' }
   };

export type AuthzReorderRulesMutationVariables = Exact<{
  ids: Array<string | number> | string | number;
}>;


export type AuthzReorderRulesMutation = { reorderApprovalRules:
    | { __typename: 'ApprovalRuleList', rules: Array<{ id: string }> }
    | { __typename: 'InvalidApprovalRule' }
   };

export type AuthzEnrolmentCodesQueryVariables = Exact<{ [key: string]: never; }>;


export type AuthzEnrolmentCodesQuery = { enrolmentCodes: Array<{ id: string, name: string, usesLeft: number }> };

export type AuthzCreateCodeMutationVariables = Exact<{
  input: CreateEnrolmentCodeInput;
}>;


export type AuthzCreateCodeMutation = { createEnrolmentCode:
    | { __typename: 'EnrolmentCodeCreated', code: string, enrolmentCode: { id: string } }
    | { __typename: 'NotFound' }
   };

export type AuthzRevokeCodeMutationVariables = Exact<{
  id: string | number;
}>;


export type AuthzRevokeCodeMutation = { revokeEnrolmentCode:
    | { __typename: 'EnrolmentCode', id: string }
    | { __typename: 'NotFound' }
   };

export type AuthzApprovalRequestsQueryVariables = Exact<{ [key: string]: never; }>;


export type AuthzApprovalRequestsQuery = { deviceApprovalRequests: Array<{ id: string, challengeId: string, message: string }> };

export type AuthzApproveOwnDeviceMutationVariables = Exact<{
  requestId: string | number;
  proof: DeviceProof;
}>;


export type AuthzApproveOwnDeviceMutation = { approveOwnDevice:
    | { __typename: 'ApprovalRequestClosed', code: string }
    | { __typename: 'ApproverNotApproved', code: string }
    | { __typename: 'Device', id: string }
    | { __typename: 'InvalidSignature', code: string }
    | { __typename: 'NotFound', code: string }
    | { __typename: 'TooManyAttempts', code: string }
   };

export type AuthzNotificationSettingsQueryVariables = Exact<{ [key: string]: never; }>;


export type AuthzNotificationSettingsQuery = { notificationSettings: { newDevicePending: boolean } };

export type AuthzUpdateNotificationSettingsMutationVariables = Exact<{
  input: NotificationSettingsInput;
}>;


export type AuthzUpdateNotificationSettingsMutation = { updateNotificationSettings: { __typename: 'NotificationSettings', newDevicePending: boolean } };

export type AuthzCreateApiKeyMutationVariables = Exact<{
  input: CreateApiKeyInput;
}>;


export type AuthzCreateApiKeyMutation = { createApiKey: { __typename: 'ApiKeyCreated', secret: string, apiKey: { id: string, name: string } } };

export type AuthzRevokeApiKeyMutationVariables = Exact<{
  id: string | number;
}>;


export type AuthzRevokeApiKeyMutation = { revokeApiKey:
    | { __typename: 'ApiKey', id: string, revokedAt: string | null }
    | { __typename: 'NotFound', code: string }
   };

export type AuthzWebhookEndpointsQueryVariables = Exact<{ [key: string]: never; }>;


export type AuthzWebhookEndpointsQuery = { webhookEndpoints: Array<{ id: string, url: string }> };

export type AuthzWebhookEndpointQueryVariables = Exact<{
  id: string | number;
}>;


export type AuthzWebhookEndpointQuery = { webhookEndpoint: { id: string, url: string } | null };

export type AuthzCreateWebhookMutationVariables = Exact<{
  input: WebhookEndpointInput;
}>;


export type AuthzCreateWebhookMutation = { createWebhookEndpoint:
    | { __typename: 'WebhookEndpointCreated', secret: string, endpoint: { id: string } }
    | { __typename: 'WebhookUrlRefused', code: string }
   };

export type AuthzUpdateWebhookMutationVariables = Exact<{
  id: string | number;
}>;


export type AuthzUpdateWebhookMutation = { updateWebhookEndpoint:
    | { __typename: 'NotFound', code: string }
    | { __typename: 'WebhookEndpoint', id: string, description: string | null }
    | { __typename: 'WebhookUrlRefused', code: string }
   };

export type AuthzRotateWebhookMutationVariables = Exact<{
  id: string | number;
}>;


export type AuthzRotateWebhookMutation = { rotateWebhookSecret:
    | { __typename: 'NotFound', code: string }
    | { __typename: 'WebhookEndpointCreated', secret: string }
   };

export type AuthzDeleteWebhookMutationVariables = Exact<{
  id: string | number;
}>;


export type AuthzDeleteWebhookMutation = { deleteWebhookEndpoint:
    | { __typename: 'NotFound', code: string }
    | { __typename: 'WebhookEndpoint', id: string }
   };

export type AuthzUpdateAttributesMutationVariables = Exact<{
  id: string | number;
  set?: Record<string, unknown> | null | undefined;
}>;


export type AuthzUpdateAttributesMutation = { updateDeviceAttributes:
    | { __typename: 'Device', id: string, attributes: Record<string, unknown> }
    | { __typename: 'InvalidAttributes', code: string }
    | { __typename: 'NotFound', code: string }
   };

export type AuthzTestWebhookMutationVariables = Exact<{
  id: string | number;
}>;


export type AuthzTestWebhookMutation = { sendTestWebhook:
    | { __typename: 'NotFound', code: string }
    | { __typename: 'WebhookTest', ok: boolean }
   };

export type AuthzRedeliverWebhookMutationVariables = Exact<{
  id: string | number;
}>;


export type AuthzRedeliverWebhookMutation = { redeliverWebhook:
    | { __typename: 'NotFound', code: string }
    | { __typename: 'WebhookDelivery', id: string }
   };

export type AuthzReplayWebhooksMutationVariables = Exact<{
  id: string | number;
}>;


export type AuthzReplayWebhooksMutation = { replayWebhooks:
    | { __typename: 'NotFound', code: string }
    | { __typename: 'WebhookEndpoint', id: string }
   };

export type BulkCreateKeyMutationVariables = Exact<{
  input: CreateApiKeyInput;
}>;


export type BulkCreateKeyMutation = { createApiKey: { __typename: 'ApiKeyCreated', secret: string } };

export type BulkEventsSubscriptionVariables = Exact<{
  filter?: EventFilter | null | undefined;
}>;


export type BulkEventsSubscription = { deviceEvents: { kind: EventKind, deviceId: string | null } };

export type UpdateAttributesMutationVariables = Exact<{
  id: string | number;
  set?: Record<string, unknown> | null | undefined;
  unset?: Array<string> | string | null | undefined;
}>;


export type UpdateAttributesMutation = { updateDeviceAttributes:
    | { __typename: 'Device', id: string, attributes: Record<string, unknown> }
    | { __typename: 'InvalidAttributes', code: string, message: string, problem: AttributeProblem, key: string | null }
    | { __typename: 'NotFound', code: string, message: string }
   };

export type AttributesApiKeyMutationVariables = Exact<{
  input: CreateApiKeyInput;
}>;


export type AttributesApiKeyMutation = { createApiKey: { __typename: 'ApiKeyCreated', secret: string } };

export type AttributeEventsLiveSubscriptionVariables = Exact<{
  filter?: EventFilter | null | undefined;
  after?: string | null | undefined;
}>;


export type AttributeEventsLiveSubscription = { deviceEvents: { kind: EventKind, detail: string | null, device: { id: string, attributes: Record<string, unknown> } | null } };

export type DeviceAttributesQueryVariables = Exact<{
  id: string | number;
}>;


export type DeviceAttributesQuery = { device: { id: string, attributes: Record<string, unknown> } | null };

export type DevicesByAttributeQueryVariables = Exact<{
  key: string;
  value: unknown;
}>;


export type DevicesByAttributeQuery = { devices: { totalCount: number, edges: Array<{ node: { id: string, attributes: Record<string, unknown> } }> } };

export type AttributeEventsQueryVariables = Exact<{
  deviceId: string | number;
}>;


export type AttributeEventsQuery = { events: { edges: Array<{ node: { kind: EventKind, detail: string | null, actor: { email: string } | null } }> } };

export type KeysChallengeMutationVariables = Exact<{
  keyId: string;
}>;


export type KeysChallengeMutation = { deviceChallenge:
    | { __typename: 'DeviceChallenge', challengeId: string, nonce: string, expiresAt: string }
    | { __typename: 'TooManyAttempts', retryAfter: number, message: string }
   };

export type KeysVerifyMutationVariables = Exact<{
  proof: DeviceProof;
}>;


export type KeysVerifyMutation = { verifyDevice:
    | { __typename: 'ChallengeExpired', code: string, message: string }
    | { __typename: 'DeviceBlocked', code: string, message: string }
    | { __typename: 'DevicePendingApproval', watchToken: string, code: string, message: string }
    | { __typename: 'InvalidSignature', code: string, message: string }
    | { __typename: 'KnownDevice', deviceId: string, status: DeviceStatus, device: { id: string, keyId: string | null, keyAlgorithm: string | null, owner: { email: string } } | null }
    | { __typename: 'TooManyAttempts', code: string, message: string }
    | { __typename: 'UnknownDevice', code: string, message: string }
   };

export type KeysLoginWithDeviceMutationVariables = Exact<{
  proof: DeviceProof;
}>;


export type KeysLoginWithDeviceMutation = { loginWithDevice:
    | { __typename: 'ChallengeExpired', code: string, message: string }
    | { __typename: 'DeviceBlocked', code: string, message: string }
    | { __typename: 'DeviceLimitReached', code: string, message: string }
    | { __typename: 'DevicePendingApproval', code: string, message: string }
    | { __typename: 'DeviceRequired', code: string, message: string }
    | { __typename: 'InvalidCredentials', code: string, message: string }
    | { __typename: 'InvalidEnrolmentCode', code: string, message: string }
    | { __typename: 'InvalidSignature', code: string, message: string }
    | { __typename: 'Session', token: string, user: { email: string }, device: { id: string } | null }
    | { __typename: 'TooManyAttempts', code: string, message: string }
    | { __typename: 'UnknownDevice', code: string, message: string }
   };

export type KeysKeyIdQueryVariables = Exact<{
  id: string | number;
}>;


export type KeysKeyIdQuery = { device: { keyId: string | null } | null };

export type SearchAllQueryVariables = Exact<{
  search: string;
}>;


export type SearchAllQuery = { devices: { totalCount: number, edges: Array<{ node: { installationId: string, name: string | null, model: string | null, appName: string | null } }> } };

export type FeedOrderSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type FeedOrderSubscription = { deviceEvents: { cursor: string, kind: EventKind, detail: string | null } };

export type EventLogFeedSubscriptionVariables = Exact<{
  after?: string | null | undefined;
}>;


export type EventLogFeedSubscription = { deviceEvents: { id: string, cursor: string, kind: EventKind, detail: string | null } };

export type ExportApiKeyMutationVariables = Exact<{
  input: CreateApiKeyInput;
}>;


export type ExportApiKeyMutation = { createApiKey: { __typename: 'ApiKeyCreated', secret: string } };

export type ExportAttributesMutationVariables = Exact<{
  id: string | number;
  set?: Record<string, unknown> | null | undefined;
}>;


export type ExportAttributesMutation = { updateDeviceAttributes:
    | { __typename: 'Device' }
    | { __typename: 'InvalidAttributes' }
    | { __typename: 'NotFound' }
   };

export type LanePhoneReadQueryVariables = Exact<{ [key: string]: never; }>;


export type LanePhoneReadQuery = { me: { id: string, devices: { totalCount: number, edges: Array<{ node: { id: string, name: string | null, status: DeviceStatus, platform: Platform, model: string | null, appName: string | null, lastUsedAt: string | null, owner: { id: string, email: string }, lastUser: { id: string, email: string } | null } }> } } | null };

export type LaneDevicesQueryVariables = Exact<{
  first?: number | null | undefined;
}>;


export type LaneDevicesQuery = { me: { id: string, devices: { totalCount: number } } | null };

export type LaneLoginMutationVariables = Exact<{
  email: string;
  password: string;
}>;


export type LaneLoginMutation = { login:
    | { __typename: 'ChallengeExpired', code: string, message: string }
    | { __typename: 'DeviceBlocked', code: string, message: string }
    | { __typename: 'DeviceLimitReached', code: string, message: string }
    | { __typename: 'DevicePendingApproval', code: string, message: string }
    | { __typename: 'DeviceRequired', code: string, message: string }
    | { __typename: 'InvalidCredentials', code: string, message: string }
    | { __typename: 'InvalidEnrolmentCode', code: string, message: string }
    | { __typename: 'InvalidSignature', code: string, message: string }
    | { __typename: 'Session' }
    | { __typename: 'TooManyAttempts', code: string, message: string }
    | { __typename: 'UnknownDevice', code: string, message: string }
   };

export type LaneDeviceEventsSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type LaneDeviceEventsSubscription = { deviceEvents: { kind: EventKind } };

export type MetricsEventsSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type MetricsEventsSubscription = { deviceEvents: { id: string, kind: EventKind } };

export type MetricsUsersQueryVariables = Exact<{ [key: string]: never; }>;


export type MetricsUsersQuery = { users: { totalCount: number } };

export type DeviceFieldsFragment = { id: string, installationId: string, name: string | null, status: DeviceStatus, platform: Platform, osVersion: string | null, model: string | null, appName: string | null, appVersion: string | null, mobileAuth: MobileAuth, lastUsedAt: string | null, createdAt: string, statusChangedAt: string, blockedReason: string | null, owner: { id: string, email: string }, lastUser: { id: string, email: string } | null, statusChangedBy: { id: string, email: string } | null };

export type SignUpMutationVariables = Exact<{
  input: SignUpInput;
}>;


export type SignUpMutation = { signUp:
    | { __typename: 'EmailTaken', code: string, message: string }
    | { __typename: 'SignUpDisabled', code: string, message: string }
    | { __typename: 'User', id: string, email: string, displayName: string | null, role: Role }
   };

export type CreateUserMutationVariables = Exact<{
  input: CreateUserInput;
}>;


export type CreateUserMutation = { createUser:
    | { __typename: 'EmailTaken', code: string, message: string }
    | { __typename: 'User', id: string, email: string, role: Role }
   };

export type LoginMutationVariables = Exact<{
  input: LoginInput;
}>;


export type LoginMutation = { login:
    | { __typename: 'ChallengeExpired', code: string, message: string }
    | { __typename: 'DeviceBlocked', code: string, message: string }
    | { __typename: 'DeviceLimitReached', limit: number, code: string, message: string }
    | { __typename: 'DevicePendingApproval', code: string, message: string, pendingDevice: { id: string, installationId: string, name: string | null, status: DeviceStatus, platform: Platform, osVersion: string | null, model: string | null, appName: string | null, appVersion: string | null, mobileAuth: MobileAuth, lastUsedAt: string | null, createdAt: string, statusChangedAt: string, blockedReason: string | null, owner: { id: string, email: string }, lastUser: { id: string, email: string } | null, statusChangedBy: { id: string, email: string } | null } | null }
    | { __typename: 'DeviceRequired', code: string, message: string }
    | { __typename: 'InvalidCredentials', code: string, message: string }
    | { __typename: 'InvalidEnrolmentCode', code: string, message: string }
    | { __typename: 'InvalidSignature', code: string, message: string }
    | { __typename: 'Session', token: string, expiresAt: string, user: { id: string, email: string, role: Role }, device: { id: string, installationId: string, name: string | null, status: DeviceStatus, platform: Platform, osVersion: string | null, model: string | null, appName: string | null, appVersion: string | null, mobileAuth: MobileAuth, lastUsedAt: string | null, createdAt: string, statusChangedAt: string, blockedReason: string | null, owner: { id: string, email: string }, lastUser: { id: string, email: string } | null, statusChangedBy: { id: string, email: string } | null } | null }
    | { __typename: 'TooManyAttempts', retryAfter: number, code: string, message: string }
    | { __typename: 'UnknownDevice', code: string, message: string }
   };

export type LogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogoutMutation = { logout: boolean };

export type MeQueryVariables = Exact<{ [key: string]: never; }>;


export type MeQuery = { me: { id: string, email: string, role: Role, displayName: string | null, lastLoginAt: string | null, deviceCount: number } | null };

export type MyDevicesQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
  filter?: DeviceFilter | null | undefined;
}>;


export type MyDevicesQuery = { me: { id: string, devices: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, installationId: string, name: string | null, status: DeviceStatus, platform: Platform, osVersion: string | null, model: string | null, appName: string | null, appVersion: string | null, mobileAuth: MobileAuth, lastUsedAt: string | null, createdAt: string, statusChangedAt: string, blockedReason: string | null, owner: { id: string, email: string }, lastUser: { id: string, email: string } | null, statusChangedBy: { id: string, email: string } | null } }> } } | null };

export type UserViewQueryVariables = Exact<{
  id: string | number;
  first?: number | null | undefined;
}>;


export type UserViewQuery = { user: { id: string, email: string, deviceCount: number, devices: { totalCount: number, edges: Array<{ node: { id: string, installationId: string, name: string | null, status: DeviceStatus, platform: Platform, osVersion: string | null, model: string | null, appName: string | null, appVersion: string | null, mobileAuth: MobileAuth, lastUsedAt: string | null, createdAt: string, statusChangedAt: string, blockedReason: string | null, owner: { id: string, email: string }, lastUser: { id: string, email: string } | null, statusChangedBy: { id: string, email: string } | null } }> }, events: { totalCount: number, edges: Array<{ node: { kind: EventKind, at: string, deviceName: string | null } }> } } | null };

export type UsersQueryVariables = Exact<{
  filter?: UserFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type UsersQuery = { users: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, email: string, role: Role } }> } };

export type DeviceByIdQueryVariables = Exact<{
  id: string | number;
}>;


export type DeviceByIdQuery = { device: { id: string, installationId: string, name: string | null, status: DeviceStatus, platform: Platform, osVersion: string | null, model: string | null, appName: string | null, appVersion: string | null, mobileAuth: MobileAuth, lastUsedAt: string | null, createdAt: string, statusChangedAt: string, blockedReason: string | null, users: { totalCount: number, edges: Array<{ node: { id: string, email: string } }> }, owner: { id: string, email: string }, lastUser: { id: string, email: string } | null, statusChangedBy: { id: string, email: string } | null } | null };

export type DeviceEventsQueryVariables = Exact<{
  id: string | number;
}>;


export type DeviceEventsQuery = { device: { id: string, events: { totalCount: number, edges: Array<{ node: { kind: EventKind, fromStatus: DeviceStatus | null, toStatus: DeviceStatus | null } }> } } | null };

export type DevicesQueryVariables = Exact<{
  filter?: DeviceFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type DevicesQuery = { devices: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, installationId: string, name: string | null, status: DeviceStatus, platform: Platform, model: string | null } }> } };

export type EventsQueryVariables = Exact<{
  filter?: EventFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type EventsQuery = { events: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, cursor: string, kind: EventKind, at: string, deviceId: string | null, deviceName: string | null, fromStatus: DeviceStatus | null, toStatus: DeviceStatus | null, ip: string | null, userAgent: string | null, detail: string | null, actor: { id: string, email: string } | null, user: { id: string, email: string } | null, device: { id: string, status: DeviceStatus } | null } }> } };

export type NodeQueryVariables = Exact<{
  id: string | number;
}>;


export type NodeQuery = { node:
    | { __typename: 'Device', status: DeviceStatus, id: string }
    | { __typename: 'Event', kind: EventKind, id: string }
    | { __typename: 'User', email: string, id: string }
   | null };

export type RegisterDeviceMutationVariables = Exact<{
  input: DeviceInput;
}>;


export type RegisterDeviceMutation = { registerDevice:
    | { __typename: 'Device', id: string, installationId: string, name: string | null, status: DeviceStatus, platform: Platform, osVersion: string | null, model: string | null, appName: string | null, appVersion: string | null, mobileAuth: MobileAuth, lastUsedAt: string | null, createdAt: string, statusChangedAt: string, blockedReason: string | null, owner: { id: string, email: string }, lastUser: { id: string, email: string } | null, statusChangedBy: { id: string, email: string } | null }
    | { __typename: 'DeviceAlreadyRegistered', code: string, message: string }
    | { __typename: 'DeviceLimitReached', limit: number, code: string, message: string }
   };

export type ApproveDeviceMutationVariables = Exact<{
  id: string | number;
}>;


export type ApproveDeviceMutation = { approveDevice:
    | { __typename: 'Device', id: string, installationId: string, name: string | null, status: DeviceStatus, platform: Platform, osVersion: string | null, model: string | null, appName: string | null, appVersion: string | null, mobileAuth: MobileAuth, lastUsedAt: string | null, createdAt: string, statusChangedAt: string, blockedReason: string | null, owner: { id: string, email: string }, lastUser: { id: string, email: string } | null, statusChangedBy: { id: string, email: string } | null }
    | { __typename: 'InvalidTransition', action: string, currentStatus: DeviceStatus, code: string, message: string }
    | { __typename: 'NotFound', code: string, message: string }
   };

export type BlockDeviceMutationVariables = Exact<{
  id: string | number;
  reason?: string | null | undefined;
}>;


export type BlockDeviceMutation = { blockDevice:
    | { __typename: 'Device', id: string, installationId: string, name: string | null, status: DeviceStatus, platform: Platform, osVersion: string | null, model: string | null, appName: string | null, appVersion: string | null, mobileAuth: MobileAuth, lastUsedAt: string | null, createdAt: string, statusChangedAt: string, blockedReason: string | null, owner: { id: string, email: string }, lastUser: { id: string, email: string } | null, statusChangedBy: { id: string, email: string } | null }
    | { __typename: 'InvalidTransition', code: string, message: string }
    | { __typename: 'NotFound', code: string, message: string }
   };

export type UnblockDeviceMutationVariables = Exact<{
  id: string | number;
}>;


export type UnblockDeviceMutation = { unblockDevice:
    | { __typename: 'Device', id: string, installationId: string, name: string | null, status: DeviceStatus, platform: Platform, osVersion: string | null, model: string | null, appName: string | null, appVersion: string | null, mobileAuth: MobileAuth, lastUsedAt: string | null, createdAt: string, statusChangedAt: string, blockedReason: string | null, owner: { id: string, email: string }, lastUser: { id: string, email: string } | null, statusChangedBy: { id: string, email: string } | null }
    | { __typename: 'InvalidTransition', code: string, message: string }
    | { __typename: 'NotFound', code: string, message: string }
   };

export type RenameDeviceMutationVariables = Exact<{
  id: string | number;
  name: string;
}>;


export type RenameDeviceMutation = { renameDevice:
    | { __typename: 'Device', id: string, installationId: string, name: string | null, status: DeviceStatus, platform: Platform, osVersion: string | null, model: string | null, appName: string | null, appVersion: string | null, mobileAuth: MobileAuth, lastUsedAt: string | null, createdAt: string, statusChangedAt: string, blockedReason: string | null, owner: { id: string, email: string }, lastUser: { id: string, email: string } | null, statusChangedBy: { id: string, email: string } | null }
    | { __typename: 'InvalidTransition', code: string, message: string }
    | { __typename: 'NotFound', code: string, message: string }
   };

export type ForgetDeviceMutationVariables = Exact<{
  id: string | number;
}>;


export type ForgetDeviceMutation = { forgetDevice:
    | { __typename: 'ForgottenDevice', id: string, name: string | null }
    | { __typename: 'NotFound', code: string, message: string }
   };

export type ApproveDevicesMutationVariables = Exact<{
  ids: Array<string | number> | string | number;
}>;


export type ApproveDevicesMutation = { approveDevices: Array<
    | { __typename: 'Device', id: string, status: DeviceStatus }
    | { __typename: 'InvalidTransition', action: string, currentStatus: DeviceStatus, code: string, message: string }
    | { __typename: 'NotFound', code: string, message: string }
  > };

export type BlockDevicesMutationVariables = Exact<{
  ids: Array<string | number> | string | number;
  reason?: string | null | undefined;
}>;


export type BlockDevicesMutation = { blockDevices: Array<
    | { __typename: 'Device', id: string, status: DeviceStatus, blockedReason: string | null }
    | { __typename: 'InvalidTransition', action: string, currentStatus: DeviceStatus, code: string, message: string }
    | { __typename: 'NotFound', code: string, message: string }
  > };

export type UnblockDevicesMutationVariables = Exact<{
  ids: Array<string | number> | string | number;
}>;


export type UnblockDevicesMutation = { unblockDevices: Array<
    | { __typename: 'Device', id: string, status: DeviceStatus }
    | { __typename: 'InvalidTransition', action: string, currentStatus: DeviceStatus, code: string, message: string }
    | { __typename: 'NotFound', code: string, message: string }
  > };

export type ForgetDevicesMutationVariables = Exact<{
  ids: Array<string | number> | string | number;
}>;


export type ForgetDevicesMutation = { forgetDevices: Array<
    | { __typename: 'ForgottenDevice', id: string, name: string | null }
    | { __typename: 'NotFound', code: string, message: string }
  > };

export type DevicePolicyQueryVariables = Exact<{ [key: string]: never; }>;


export type DevicePolicyQuery = { devicePolicy: { approvalMode: ApprovalMode, maxDevicesPerUser: number | null, allowSignUp: boolean } };

export type SetDevicePolicyMutationVariables = Exact<{
  input: DevicePolicyInput;
}>;


export type SetDevicePolicyMutation = { setDevicePolicy: { __typename: 'DevicePolicy', approvalMode: ApprovalMode, maxDevicesPerUser: number | null, allowSignUp: boolean } };

export type OwnerPolicyMutationVariables = Exact<{
  on: boolean;
}>;


export type OwnerPolicyMutation = { setDevicePolicy: { __typename: 'DevicePolicy', ownerApproval: boolean } };

export type OwnerReadPolicyQueryVariables = Exact<{ [key: string]: never; }>;


export type OwnerReadPolicyQuery = { devicePolicy: { ownerApproval: boolean } };

export type OwnerWatchRequestsSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type OwnerWatchRequestsSubscription = { deviceApprovalRequests: { id: string, challengeId: string, message: string, model: string | null, platform: Platform, osVersion: string | null, appName: string | null, ip: string | null, device: { id: string, status: DeviceStatus } } };

export type OwnerWatchStatusSubscriptionVariables = Exact<{
  deviceId: string | number;
}>;


export type OwnerWatchStatusSubscription = { deviceStatusChanged: { id: string, status: DeviceStatus } };

export type OwnerDecisionQueryVariables = Exact<{
  id: string | number;
}>;


export type OwnerDecisionQuery = { device: { id: string, status: DeviceStatus, decision: { by: DecisionSource, reason: string | null } | null } | null };

export type OwnerApproveOwnMutationVariables = Exact<{
  requestId: string | number;
  proof: DeviceProof;
}>;


export type OwnerApproveOwnMutation = { approveOwnDevice:
    | { __typename: 'ApprovalRequestClosed', reason: string, code: string, message: string }
    | { __typename: 'ApproverNotApproved', code: string, message: string }
    | { __typename: 'Device', id: string, status: DeviceStatus }
    | { __typename: 'InvalidSignature', code: string, message: string }
    | { __typename: 'NotFound', code: string, message: string }
    | { __typename: 'TooManyAttempts', code: string, message: string }
   };

export type QueriesDevicePageQueryVariables = Exact<{
  filter?: DeviceFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type QueriesDevicePageQuery = { devices: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, name: string | null, status: DeviceStatus, platform: Platform, model: string | null, appName: string | null, installationId: string, createdAt: string, owner: { id: string } } }> } };

export type QueriesUserDevicesPageQueryVariables = Exact<{
  id: string | number;
  filter?: DeviceFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type QueriesUserDevicesPageQuery = { user: { id: string, devices: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, name: string | null, createdAt: string } }> } } | null };

export type QueriesUserEventsPageQueryVariables = Exact<{
  id: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type QueriesUserEventsPageQuery = { user: { id: string, events: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, kind: EventKind, at: string } }> } } | null };

export type QueriesDeviceUsersPageQueryVariables = Exact<{
  id: string | number;
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type QueriesDeviceUsersPageQuery = { device: { id: string, users: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, email: string } }> } } | null };

export type QueriesUsersPageQueryVariables = Exact<{
  filter?: UserFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type QueriesUsersPageQuery = { users: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, email: string, displayName: string | null, role: Role } }> } };

export type QueriesEventsPageQueryVariables = Exact<{
  filter?: EventFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
  last?: number | null | undefined;
  before?: string | null | undefined;
}>;


export type QueriesEventsPageQuery = { events: { totalCount: number, pageInfo: { hasNextPage: boolean, hasPreviousPage: boolean, startCursor: string | null, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, kind: EventKind, at: string, deviceId: string | null } }> } };

export type QueriesDashboardUserQueryVariables = Exact<{
  id: string | number;
}>;


export type QueriesDashboardUserQuery = { user: { id: string, email: string, deviceCount: number, lastLoginAt: string | null, devices: { totalCount: number, edges: Array<{ node: { id: string, name: string | null, status: DeviceStatus, appName: string | null, platform: Platform, model: string | null, lastUsedAt: string | null, lastUser: { id: string, email: string } | null, owner: { id: string, email: string } } }> }, events: { totalCount: number, edges: Array<{ node: { id: string, kind: EventKind, at: string, deviceId: string | null, deviceName: string | null, fromStatus: DeviceStatus | null, toStatus: DeviceStatus | null, ip: string | null, userAgent: string | null, actor: { id: string, email: string } | null, user: { id: string } | null } }> } } | null };

export type RealtimeLoginMutationVariables = Exact<{
  input: LoginInput;
}>;


export type RealtimeLoginMutation = { login:
    | { __typename: 'ChallengeExpired', code: string, message: string }
    | { __typename: 'DeviceBlocked', code: string, message: string }
    | { __typename: 'DeviceLimitReached', code: string, message: string }
    | { __typename: 'DevicePendingApproval', watchToken: string, code: string, message: string, device: { id: string, status: DeviceStatus } | null }
    | { __typename: 'DeviceRequired', code: string, message: string }
    | { __typename: 'InvalidCredentials', code: string, message: string }
    | { __typename: 'InvalidEnrolmentCode', code: string, message: string }
    | { __typename: 'InvalidSignature', code: string, message: string }
    | { __typename: 'Session', token: string, sessionDevice: { id: string, status: DeviceStatus } | null }
    | { __typename: 'TooManyAttempts', code: string, message: string }
    | { __typename: 'UnknownDevice', code: string, message: string }
   };

export type RealtimeEventsSubscriptionVariables = Exact<{
  filter?: EventFilter | null | undefined;
  after?: string | null | undefined;
}>;


export type RealtimeEventsSubscription = { deviceEvents: { id: string, cursor: string, kind: EventKind, deviceId: string | null, detail: string | null } };

export type RealtimeEventLogSubscriptionVariables = Exact<{
  after?: string | null | undefined;
}>;


export type RealtimeEventLogSubscription = { deviceEvents: { id: string, cursor: string, kind: EventKind, deviceId: string | null, detail: string | null, device: { id: string, status: DeviceStatus } | null } };

export type RealtimeStatusSubscriptionVariables = Exact<{
  deviceId: string | number;
}>;


export type RealtimeStatusSubscription = { deviceStatusChanged: { id: string, status: DeviceStatus, statusChangedAt: string, blockedReason: string | null } };

export type RealtimeDevicesQueryVariables = Exact<{ [key: string]: never; }>;


export type RealtimeDevicesQuery = { devices: { totalCount: number } };

export type RealtimeWhoAmIQueryVariables = Exact<{ [key: string]: never; }>;


export type RealtimeWhoAmIQuery = { me: { id: string } | null };

export type ResilienceEventFeedSubscriptionVariables = Exact<{
  filter?: EventFilter | null | undefined;
}>;


export type ResilienceEventFeedSubscription = { deviceEvents: { kind: EventKind, user: { email: string } | null } };

export type SetUserRoleMutationVariables = Exact<{
  userId: string | number;
  role: Role;
}>;


export type SetUserRoleMutation = { setUserRole:
    | { __typename: 'LastAdmin', code: string, message: string }
    | { __typename: 'NotFound', code: string, message: string }
    | { __typename: 'User', id: string, role: Role }
   };

export type RolesEventsSubscriptionVariables = Exact<{
  filter?: EventFilter | null | undefined;
}>;


export type RolesEventsSubscription = { deviceEvents: { kind: EventKind, deviceId: string | null, user: { id: string } | null } };

export type RolesCreateKeyMutationVariables = Exact<{
  input: CreateApiKeyInput;
}>;


export type RolesCreateKeyMutation = { createApiKey: { __typename: 'ApiKeyCreated', secret: string } };

export type SecurityUserOverviewQueryVariables = Exact<{
  id: string | number;
}>;


export type SecurityUserOverviewQuery = { user: { id: string, email: string, displayName: string | null, role: Role, deviceCount: number, lastLoginAt: string | null, createdAt: string, devices: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ cursor: string, node: { id: string, installationId: string, name: string | null, status: DeviceStatus, platform: Platform, osVersion: string | null, model: string | null, appName: string | null, appVersion: string | null, mobileAuth: MobileAuth, lastUsedAt: string | null, createdAt: string, statusChangedAt: string, blockedReason: string | null, owner: { id: string, email: string }, lastUser: { id: string, email: string } | null, statusChangedBy: { id: string, email: string } | null, events: { totalCount: number } } }> }, events: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, kind: EventKind, at: string, deviceId: string | null, deviceName: string | null, fromStatus: DeviceStatus | null, toStatus: DeviceStatus | null, ip: string | null, userAgent: string | null, detail: string | null, actor: { id: string, email: string } | null, device: { id: string, name: string | null, status: DeviceStatus } | null } }> } } | null };

export type SecurityLatestEventQueryVariables = Exact<{ [key: string]: never; }>;


export type SecurityLatestEventQuery = { events: { edges: Array<{ node: { cursor: string } }> } };

export type SecurityUsersCreatedSubscriptionVariables = Exact<{
  after?: string | null | undefined;
}>;


export type SecurityUsersCreatedSubscription = { deviceEvents: { kind: EventKind, user: { email: string } | null } };

export type WhoamiQueryVariables = Exact<{ [key: string]: never; }>;


export type WhoamiQuery = { devices: { totalCount: number } };

export type SessionsChangePasswordMutationVariables = Exact<{
  current: string;
  next: string;
}>;


export type SessionsChangePasswordMutation = { changePassword:
    | { __typename: 'InvalidCredentials', code: string, message: string }
    | { __typename: 'TooManyAttempts', code: string, message: string }
    | { __typename: 'User', id: string }
   };

export type SessionsResetPasswordMutationVariables = Exact<{
  userId: string | number;
  next: string;
}>;


export type SessionsResetPasswordMutation = { resetPassword:
    | { __typename: 'NotFound', code: string, message: string }
    | { __typename: 'User', id: string }
   };

export type SessionsWhoamiQueryVariables = Exact<{ [key: string]: never; }>;


export type SessionsWhoamiQuery = { me: { email: string } | null };

export type SharedEventViewSubscriptionVariables = Exact<{
  first?: number | null | undefined;
}>;


export type SharedEventViewSubscription = { deviceEvents: { id: string, deviceName: string | null, user: { email: string, devices: { totalCount: number, edges: Array<{ node: { id: string } }> } } | null, actor: { email: string, devices: { totalCount: number } } | null } };

export type MaskedEventViewSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type MaskedEventViewSubscription = { deviceEvents: { kind: EventKind, user: { email: string, displayName: string | null } | null } };

export type MaskedStatusViewSubscriptionVariables = Exact<{
  deviceId: string | number;
}>;


export type MaskedStatusViewSubscription = { deviceStatusChanged: { id: string, status: DeviceStatus } };

export type StalePolicyMutationVariables = Exact<{
  input: DevicePolicyInput;
}>;


export type StalePolicyMutation = { setDevicePolicy: { __typename: 'DevicePolicy', staleAfterDays: number | null, staleAction: StaleAction } };

export type StaleDevicesQueryVariables = Exact<{
  filter?: DeviceFilter | null | undefined;
}>;


export type StaleDevicesQuery = { devices: { totalCount: number, edges: Array<{ node: { id: string, installationId: string, stale: boolean, status: DeviceStatus } }> } };

export type StaleEventsQueryVariables = Exact<{
  deviceId: string | number;
}>;


export type StaleEventsQuery = { events: { edges: Array<{ node: { kind: EventKind, bySystem: boolean, fromStatus: DeviceStatus | null, toStatus: DeviceStatus | null, detail: string | null, actor: { id: string } | null } }> } };

export type StaleLiveSubscriptionVariables = Exact<{
  filter?: EventFilter | null | undefined;
}>;


export type StaleLiveSubscription = { deviceEvents: { kind: EventKind, bySystem: boolean, deviceId: string | null, detail: string | null, actor: { id: string } | null } };

export type StaleApiKeyMutationVariables = Exact<{
  input: CreateApiKeyInput;
}>;


export type StaleApiKeyMutation = { createApiKey: { __typename: 'ApiKeyCreated', secret: string } };

export type StalePolicyReadQueryVariables = Exact<{ [key: string]: never; }>;


export type StalePolicyReadQuery = { devicePolicy: { staleAfterDays: number | null, staleAction: StaleAction } };

export type StaleBlockMutationVariables = Exact<{
  id: string | number;
}>;


export type StaleBlockMutation = { blockDevice:
    | { __typename: 'Device' }
    | { __typename: 'InvalidTransition' }
    | { __typename: 'NotFound' }
   };

export type StatementsPhoneReadQueryVariables = Exact<{ [key: string]: never; }>;


export type StatementsPhoneReadQuery = { me: { id: string, email: string, devices: { totalCount: number, edges: Array<{ node: { id: string, name: string | null, status: DeviceStatus, platform: Platform, model: string | null, appName: string | null, lastUsedAt: string | null, owner: { id: string, email: string }, lastUser: { id: string, email: string } | null } }> } } | null };

export type StatementsUsersWithCountsQueryVariables = Exact<{
  first: number;
}>;


export type StatementsUsersWithCountsQuery = { users: { edges: Array<{ node: { id: string, email: string, deviceCount: number } }> } };

export type ThrottleChallengeMutationVariables = Exact<{
  keyId: string;
}>;


export type ThrottleChallengeMutation = { deviceChallenge:
    | { __typename: 'DeviceChallenge', challengeId: string, nonce: string }
    | { __typename: 'TooManyAttempts', retryAfter: number }
   };

export type ThrottleVerifyMutationVariables = Exact<{
  proof: DeviceProof;
}>;


export type ThrottleVerifyMutation = { verifyDevice:
    | { __typename: 'ChallengeExpired', code: string }
    | { __typename: 'DeviceBlocked', code: string }
    | { __typename: 'DevicePendingApproval', code: string }
    | { __typename: 'InvalidSignature', code: string }
    | { __typename: 'KnownDevice' }
    | { __typename: 'TooManyAttempts', retryAfter: number, code: string }
    | { __typename: 'UnknownDevice', code: string }
   };

export type WebhooksCreateMutationVariables = Exact<{
  input: WebhookEndpointInput;
}>;


export type WebhooksCreateMutation = { createWebhookEndpoint:
    | { __typename: 'WebhookEndpointCreated', secret: string, endpoint: { id: string, url: string, kinds: Array<EventKind> | null, enabled: boolean } }
    | { __typename: 'WebhookUrlRefused', code: string, message: string }
   };

export type WebhooksTestMutationVariables = Exact<{
  id: string | number;
}>;


export type WebhooksTestMutation = { sendTestWebhook:
    | { __typename: 'NotFound', code: string }
    | { __typename: 'WebhookTest', ok: boolean, responseStatus: number | null, durationMs: number, error: string | null }
   };

export type WebhooksRedeliverMutationVariables = Exact<{
  id: string | number;
}>;


export type WebhooksRedeliverMutation = { redeliverWebhook:
    | { __typename: 'NotFound', code: string }
    | { __typename: 'WebhookDelivery', id: string, status: WebhookDeliveryStatus }
   };

export type WebhooksReplayMutationVariables = Exact<{
  id: string | number;
  after: string;
}>;


export type WebhooksReplayMutation = { replayWebhooks:
    | { __typename: 'NotFound', code: string }
    | { __typename: 'WebhookEndpoint', id: string }
   };

export type WebhooksRotateMutationVariables = Exact<{
  id: string | number;
}>;


export type WebhooksRotateMutation = { rotateWebhookSecret:
    | { __typename: 'NotFound', code: string }
    | { __typename: 'WebhookEndpointCreated', secret: string }
   };

export type WebhooksDisabledQueryVariables = Exact<{
  id: string | number;
}>;


export type WebhooksDisabledQuery = { webhookEndpoint: { enabled: boolean, failingSince: string | null } | null, events: { edges: Array<{ node: { kind: EventKind, detail: string | null, actor: { id: string } | null } }> } };

export type WebhooksDeliveriesQueryVariables = Exact<{
  id: string | number;
}>;


export type WebhooksDeliveriesQuery = { webhookEndpoint: { id: string, failingSince: string | null, deliveries: Array<{ id: string, eventCursor: string, status: WebhookDeliveryStatus, attempts: number, responseStatus: number | null, lastError: string | null, nextAttemptAt: string | null }> } | null };

export type WebhooksUserMutationVariables = Exact<{
  input: CreateUserInput;
}>;


export type WebhooksUserMutation = { createUser:
    | { __typename: 'EmailTaken' }
    | { __typename: 'User' }
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
export const DeviceFieldsFragmentDoc = new TypedDocumentString(`
    fragment DeviceFields on Device {
  id
  installationId
  name
  status
  platform
  osVersion
  model
  appName
  appVersion
  mobileAuth
  owner {
    id
    email
  }
  lastUser {
    id
    email
  }
  lastUsedAt
  createdAt
  statusChangedAt
  statusChangedBy {
    id
    email
  }
  blockedReason
}
    `, {"fragmentName":"DeviceFields"}) as unknown as TypedDocumentString<DeviceFieldsFragment, unknown>;
export const AlertsCreateHookDocument = new TypedDocumentString(`
    mutation AlertsCreateHook($input: WebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) {
    __typename
  }
}
    `) as unknown as TypedDocumentString<AlertsCreateHookMutation, AlertsCreateHookMutationVariables>;
export const AlertsSettingsDocument = new TypedDocumentString(`
    query AlertsSettings {
  notificationSettings {
    newDevicePending
  }
}
    `) as unknown as TypedDocumentString<AlertsSettingsQuery, AlertsSettingsQueryVariables>;
export const AlertsUpdateSettingsDocument = new TypedDocumentString(`
    mutation AlertsUpdateSettings($input: NotificationSettingsInput!) {
  updateNotificationSettings(input: $input) {
    __typename
    ... on NotificationSettings {
      newDevicePending
    }
  }
}
    `) as unknown as TypedDocumentString<AlertsUpdateSettingsMutation, AlertsUpdateSettingsMutationVariables>;
export const AlertsAddUserDocument = new TypedDocumentString(`
    mutation AlertsAddUser($input: CreateUserInput!) {
  createUser(input: $input) {
    __typename
    ... on User {
      id
      email
    }
    ... on Error {
      code
    }
  }
}
    `) as unknown as TypedDocumentString<AlertsAddUserMutation, AlertsAddUserMutationVariables>;
export const CreateApiKeyDocument = new TypedDocumentString(`
    mutation CreateApiKey($input: CreateApiKeyInput!) {
  createApiKey(input: $input) {
    __typename
    ... on ApiKeyCreated {
      secret
      apiKey {
        id
        name
        scopes
        expiresAt
        lastUsedAt
        revokedAt
        createdBy {
          email
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CreateApiKeyMutation, CreateApiKeyMutationVariables>;
export const ApiKeysDocument = new TypedDocumentString(`
    query ApiKeys {
  apiKeys {
    id
    name
    scopes
    createdBy {
      email
    }
    createdAt
    expiresAt
    lastUsedAt
    revokedAt
  }
}
    `) as unknown as TypedDocumentString<ApiKeysQuery, ApiKeysQueryVariables>;
export const RevokeApiKeyDocument = new TypedDocumentString(`
    mutation RevokeApiKey($id: ID!) {
  revokeApiKey(id: $id) {
    __typename
    ... on ApiKey {
      id
      revokedAt
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<RevokeApiKeyMutation, RevokeApiKeyMutationVariables>;
export const KeyEventsDocument = new TypedDocumentString(`
    query KeyEvents($filter: EventFilter) {
  events(filter: $filter, first: 20) {
    edges {
      node {
        kind
        detail
        deviceId
        actor {
          email
        }
        actorKey {
          id
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<KeyEventsQuery, KeyEventsQueryVariables>;
export const KeyLiveEventsDocument = new TypedDocumentString(`
    subscription KeyLiveEvents {
  deviceEvents {
    kind
    deviceId
  }
}
    `) as unknown as TypedDocumentString<KeyLiveEventsSubscription, KeyLiveEventsSubscriptionVariables>;
export const ApprovalDecisionDocument = new TypedDocumentString(`
    query ApprovalDecision($id: ID!) {
  device(id: $id) {
    id
    status
    decision {
      by
      at
      reason
      admin {
        email
      }
      apiKey {
        name
      }
      rule {
        id
        name
      }
    }
    pendingReason
    events(first: 10) {
      edges {
        node {
          kind
          decisionBy
          detail
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ApprovalDecisionQuery, ApprovalDecisionQueryVariables>;
export const ApprovalCreateKeyDocument = new TypedDocumentString(`
    mutation ApprovalCreateKey($input: CreateApiKeyInput!) {
  createApiKey(input: $input) {
    __typename
    ... on ApiKeyCreated {
      secret
    }
  }
}
    `) as unknown as TypedDocumentString<ApprovalCreateKeyMutation, ApprovalCreateKeyMutationVariables>;
export const ApprovalRulesDocument = new TypedDocumentString(`
    query ApprovalRules {
  approvalRules {
    id
    name
    position
    action
    conditions {
      emailDomains
      roles
      platforms
      minOsVersions {
        platform
        version
      }
      appNames
      keyBound
      hasApprovedDevice
      maxDevices
    }
  }
}
    `) as unknown as TypedDocumentString<ApprovalRulesQuery, ApprovalRulesQueryVariables>;
export const ApprovalCreateRuleDocument = new TypedDocumentString(`
    mutation ApprovalCreateRule($input: ApprovalRuleInput!) {
  createApprovalRule(input: $input) {
    __typename
    ... on ApprovalRule {
      id
      name
      position
    }
    ... on InvalidApprovalRule {
      code
      reason
    }
    ... on Error {
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ApprovalCreateRuleMutation, ApprovalCreateRuleMutationVariables>;
export const ApprovalUpdateRuleDocument = new TypedDocumentString(`
    mutation ApprovalUpdateRule($id: ID!, $input: ApprovalRuleInput!) {
  updateApprovalRule(id: $id, input: $input) {
    __typename
    ... on ApprovalRule {
      id
      name
      action
    }
    ... on InvalidApprovalRule {
      reason
    }
    ... on Error {
      code
    }
  }
}
    `) as unknown as TypedDocumentString<ApprovalUpdateRuleMutation, ApprovalUpdateRuleMutationVariables>;
export const ApprovalDeleteRuleDocument = new TypedDocumentString(`
    mutation ApprovalDeleteRule($id: ID!) {
  deleteApprovalRule(id: $id) {
    __typename
    ... on ApprovalRule {
      id
    }
    ... on Error {
      code
    }
  }
}
    `) as unknown as TypedDocumentString<ApprovalDeleteRuleMutation, ApprovalDeleteRuleMutationVariables>;
export const ApprovalReorderRulesDocument = new TypedDocumentString(`
    mutation ApprovalReorderRules($ids: [ID!]!) {
  reorderApprovalRules(ids: $ids) {
    __typename
    ... on ApprovalRuleList {
      rules {
        id
        position
      }
    }
    ... on InvalidApprovalRule {
      reason
    }
  }
}
    `) as unknown as TypedDocumentString<ApprovalReorderRulesMutation, ApprovalReorderRulesMutationVariables>;
export const ApprovalPreviewRuleDocument = new TypedDocumentString(`
    query ApprovalPreviewRule($input: ApprovalRuleInput!) {
  previewApprovalRule(input: $input) {
    __typename
    ... on ApprovalRulePreview {
      action
      matching
      devices {
        id
      }
    }
    ... on InvalidApprovalRule {
      reason
    }
  }
}
    `) as unknown as TypedDocumentString<ApprovalPreviewRuleQuery, ApprovalPreviewRuleQueryVariables>;
export const ApprovalLoginDocument = new TypedDocumentString(`
    mutation ApprovalLogin($input: LoginInput!) {
  login(input: $input) {
    __typename
    ... on Session {
      device {
        id
        status
      }
    }
    ... on DevicePendingApproval {
      pendingReason
      device {
        id
        status
        pendingReason
      }
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ApprovalLoginMutation, ApprovalLoginMutationVariables>;
export const ApprovalCreateCodeDocument = new TypedDocumentString(`
    mutation ApprovalCreateCode($input: CreateEnrolmentCodeInput!) {
  createEnrolmentCode(input: $input) {
    __typename
    ... on EnrolmentCodeCreated {
      code
      enrolmentCode {
        id
        name
        uses
        usesLeft
        expiresAt
        emailDomain
        user {
          email
        }
      }
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ApprovalCreateCodeMutation, ApprovalCreateCodeMutationVariables>;
export const ApprovalCodesDocument = new TypedDocumentString(`
    query ApprovalCodes {
  enrolmentCodes {
    id
    name
    uses
    usesLeft
    revokedAt
    lastUsedAt
  }
}
    `) as unknown as TypedDocumentString<ApprovalCodesQuery, ApprovalCodesQueryVariables>;
export const ApprovalRevokeCodeDocument = new TypedDocumentString(`
    mutation ApprovalRevokeCode($id: ID!) {
  revokeEnrolmentCode(id: $id) {
    __typename
    ... on EnrolmentCode {
      id
      revokedAt
    }
    ... on Error {
      code
    }
  }
}
    `) as unknown as TypedDocumentString<ApprovalRevokeCodeMutation, ApprovalRevokeCodeMutationVariables>;
export const AuthzChangePasswordDocument = new TypedDocumentString(`
    mutation AuthzChangePassword($current: String!, $next: String!) {
  changePassword(currentPassword: $current, newPassword: $next) {
    __typename
    ... on Error {
      code
    }
  }
}
    `) as unknown as TypedDocumentString<AuthzChangePasswordMutation, AuthzChangePasswordMutationVariables>;
export const AuthzResetPasswordDocument = new TypedDocumentString(`
    mutation AuthzResetPassword($userId: ID!, $next: String!) {
  resetPassword(userId: $userId, newPassword: $next) {
    __typename
    ... on Error {
      code
    }
  }
}
    `) as unknown as TypedDocumentString<AuthzResetPasswordMutation, AuthzResetPasswordMutationVariables>;
export const AuthzSetUserRoleDocument = new TypedDocumentString(`
    mutation AuthzSetUserRole($userId: ID!, $role: Role!) {
  setUserRole(userId: $userId, role: $role) {
    __typename
    ... on User {
      id
      role
    }
    ... on Error {
      code
    }
  }
}
    `) as unknown as TypedDocumentString<AuthzSetUserRoleMutation, AuthzSetUserRoleMutationVariables>;
export const AuthzChallengeDocument = new TypedDocumentString(`
    mutation AuthzChallenge($keyId: String!) {
  deviceChallenge(keyId: $keyId) {
    __typename
    ... on DeviceChallenge {
      challengeId
      nonce
    }
  }
}
    `) as unknown as TypedDocumentString<AuthzChallengeMutation, AuthzChallengeMutationVariables>;
export const AuthzVerifyDocument = new TypedDocumentString(`
    mutation AuthzVerify($proof: DeviceProof!) {
  verifyDevice(proof: $proof) {
    __typename
    ... on KnownDevice {
      deviceId
      device {
        id
      }
    }
    ... on Error {
      code
    }
  }
}
    `) as unknown as TypedDocumentString<AuthzVerifyMutation, AuthzVerifyMutationVariables>;
export const AuthzLoginWithDeviceDocument = new TypedDocumentString(`
    mutation AuthzLoginWithDevice($proof: DeviceProof!) {
  loginWithDevice(proof: $proof) {
    __typename
    ... on Session {
      user {
        email
      }
    }
    ... on Error {
      code
    }
  }
}
    `) as unknown as TypedDocumentString<AuthzLoginWithDeviceMutation, AuthzLoginWithDeviceMutationVariables>;
export const AuthzMeDocument = new TypedDocumentString(`
    query AuthzMe {
  me {
    id
    email
    devices(first: 1) {
      totalCount
    }
    events(first: 1) {
      totalCount
    }
  }
}
    `) as unknown as TypedDocumentString<AuthzMeQuery, AuthzMeQueryVariables>;
export const AuthzUserDocument = new TypedDocumentString(`
    query AuthzUser($id: ID!) {
  user(id: $id) {
    id
    email
  }
}
    `) as unknown as TypedDocumentString<AuthzUserQuery, AuthzUserQueryVariables>;
export const AuthzOwnerDevicesDocument = new TypedDocumentString(`
    query AuthzOwnerDevices($id: ID!) {
  device(id: $id) {
    id
    owner {
      id
      devices(first: 100) {
        totalCount
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AuthzOwnerDevicesQuery, AuthzOwnerDevicesQueryVariables>;
export const AuthzOwnerEventsDocument = new TypedDocumentString(`
    query AuthzOwnerEvents($id: ID!) {
  device(id: $id) {
    id
    owner {
      id
      events(first: 1) {
        totalCount
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AuthzOwnerEventsQuery, AuthzOwnerEventsQueryVariables>;
export const AuthzActorDevicesDocument = new TypedDocumentString(`
    query AuthzActorDevices {
  me {
    id
    events(first: 100) {
      edges {
        node {
          kind
          actor {
            id
            devices(first: 1) {
              totalCount
            }
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AuthzActorDevicesQuery, AuthzActorDevicesQueryVariables>;
export const AuthzActorEventsDocument = new TypedDocumentString(`
    query AuthzActorEvents {
  me {
    id
    events(first: 100) {
      edges {
        node {
          kind
          actor {
            id
            events(first: 1) {
              totalCount
            }
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AuthzActorEventsQuery, AuthzActorEventsQueryVariables>;
export const AuthzApiKeysDocument = new TypedDocumentString(`
    query AuthzApiKeys {
  apiKeys {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<AuthzApiKeysQuery, AuthzApiKeysQueryVariables>;
export const AuthzApprovalRulesDocument = new TypedDocumentString(`
    query AuthzApprovalRules {
  approvalRules {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<AuthzApprovalRulesQuery, AuthzApprovalRulesQueryVariables>;
export const AuthzPreviewRuleDocument = new TypedDocumentString(`
    query AuthzPreviewRule($input: ApprovalRuleInput!) {
  previewApprovalRule(input: $input) {
    __typename
    ... on ApprovalRulePreview {
      matching
    }
  }
}
    `) as unknown as TypedDocumentString<AuthzPreviewRuleQuery, AuthzPreviewRuleQueryVariables>;
export const AuthzCreateRuleDocument = new TypedDocumentString(`
    mutation AuthzCreateRule($input: ApprovalRuleInput!) {
  createApprovalRule(input: $input) {
    __typename
    ... on ApprovalRule {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<AuthzCreateRuleMutation, AuthzCreateRuleMutationVariables>;
export const AuthzUpdateRuleDocument = new TypedDocumentString(`
    mutation AuthzUpdateRule($id: ID!, $input: ApprovalRuleInput!) {
  updateApprovalRule(id: $id, input: $input) {
    __typename
    ... on ApprovalRule {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<AuthzUpdateRuleMutation, AuthzUpdateRuleMutationVariables>;
export const AuthzDeleteRuleDocument = new TypedDocumentString(`
    mutation AuthzDeleteRule($id: ID!) {
  deleteApprovalRule(id: $id) {
    __typename
    ... on ApprovalRule {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<AuthzDeleteRuleMutation, AuthzDeleteRuleMutationVariables>;
export const AuthzReorderRulesDocument = new TypedDocumentString(`
    mutation AuthzReorderRules($ids: [ID!]!) {
  reorderApprovalRules(ids: $ids) {
    __typename
    ... on ApprovalRuleList {
      rules {
        id
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AuthzReorderRulesMutation, AuthzReorderRulesMutationVariables>;
export const AuthzEnrolmentCodesDocument = new TypedDocumentString(`
    query AuthzEnrolmentCodes {
  enrolmentCodes {
    id
    name
    usesLeft
  }
}
    `) as unknown as TypedDocumentString<AuthzEnrolmentCodesQuery, AuthzEnrolmentCodesQueryVariables>;
export const AuthzCreateCodeDocument = new TypedDocumentString(`
    mutation AuthzCreateCode($input: CreateEnrolmentCodeInput!) {
  createEnrolmentCode(input: $input) {
    __typename
    ... on EnrolmentCodeCreated {
      code
      enrolmentCode {
        id
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AuthzCreateCodeMutation, AuthzCreateCodeMutationVariables>;
export const AuthzRevokeCodeDocument = new TypedDocumentString(`
    mutation AuthzRevokeCode($id: ID!) {
  revokeEnrolmentCode(id: $id) {
    __typename
    ... on EnrolmentCode {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<AuthzRevokeCodeMutation, AuthzRevokeCodeMutationVariables>;
export const AuthzApprovalRequestsDocument = new TypedDocumentString(`
    query AuthzApprovalRequests {
  deviceApprovalRequests {
    id
    challengeId
    message
  }
}
    `) as unknown as TypedDocumentString<AuthzApprovalRequestsQuery, AuthzApprovalRequestsQueryVariables>;
export const AuthzApproveOwnDeviceDocument = new TypedDocumentString(`
    mutation AuthzApproveOwnDevice($requestId: ID!, $proof: DeviceProof!) {
  approveOwnDevice(requestId: $requestId, proof: $proof) {
    __typename
    ... on Device {
      id
    }
    ... on Error {
      code
    }
  }
}
    `) as unknown as TypedDocumentString<AuthzApproveOwnDeviceMutation, AuthzApproveOwnDeviceMutationVariables>;
export const AuthzNotificationSettingsDocument = new TypedDocumentString(`
    query AuthzNotificationSettings {
  notificationSettings {
    newDevicePending
  }
}
    `) as unknown as TypedDocumentString<AuthzNotificationSettingsQuery, AuthzNotificationSettingsQueryVariables>;
export const AuthzUpdateNotificationSettingsDocument = new TypedDocumentString(`
    mutation AuthzUpdateNotificationSettings($input: NotificationSettingsInput!) {
  updateNotificationSettings(input: $input) {
    __typename
    ... on NotificationSettings {
      newDevicePending
    }
  }
}
    `) as unknown as TypedDocumentString<AuthzUpdateNotificationSettingsMutation, AuthzUpdateNotificationSettingsMutationVariables>;
export const AuthzCreateApiKeyDocument = new TypedDocumentString(`
    mutation AuthzCreateApiKey($input: CreateApiKeyInput!) {
  createApiKey(input: $input) {
    __typename
    ... on ApiKeyCreated {
      secret
      apiKey {
        id
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AuthzCreateApiKeyMutation, AuthzCreateApiKeyMutationVariables>;
export const AuthzRevokeApiKeyDocument = new TypedDocumentString(`
    mutation AuthzRevokeApiKey($id: ID!) {
  revokeApiKey(id: $id) {
    __typename
    ... on ApiKey {
      id
      revokedAt
    }
    ... on Error {
      code
    }
  }
}
    `) as unknown as TypedDocumentString<AuthzRevokeApiKeyMutation, AuthzRevokeApiKeyMutationVariables>;
export const AuthzWebhookEndpointsDocument = new TypedDocumentString(`
    query AuthzWebhookEndpoints {
  webhookEndpoints {
    id
    url
  }
}
    `) as unknown as TypedDocumentString<AuthzWebhookEndpointsQuery, AuthzWebhookEndpointsQueryVariables>;
export const AuthzWebhookEndpointDocument = new TypedDocumentString(`
    query AuthzWebhookEndpoint($id: ID!) {
  webhookEndpoint(id: $id) {
    id
    url
  }
}
    `) as unknown as TypedDocumentString<AuthzWebhookEndpointQuery, AuthzWebhookEndpointQueryVariables>;
export const AuthzCreateWebhookDocument = new TypedDocumentString(`
    mutation AuthzCreateWebhook($input: WebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) {
    __typename
    ... on WebhookEndpointCreated {
      secret
      endpoint {
        id
      }
    }
    ... on Error {
      code
    }
  }
}
    `) as unknown as TypedDocumentString<AuthzCreateWebhookMutation, AuthzCreateWebhookMutationVariables>;
export const AuthzUpdateWebhookDocument = new TypedDocumentString(`
    mutation AuthzUpdateWebhook($id: ID!) {
  updateWebhookEndpoint(id: $id, input: {description: "checked"}) {
    __typename
    ... on WebhookEndpoint {
      id
      description
    }
    ... on Error {
      code
    }
  }
}
    `) as unknown as TypedDocumentString<AuthzUpdateWebhookMutation, AuthzUpdateWebhookMutationVariables>;
export const AuthzRotateWebhookDocument = new TypedDocumentString(`
    mutation AuthzRotateWebhook($id: ID!) {
  rotateWebhookSecret(id: $id) {
    __typename
    ... on WebhookEndpointCreated {
      secret
    }
    ... on Error {
      code
    }
  }
}
    `) as unknown as TypedDocumentString<AuthzRotateWebhookMutation, AuthzRotateWebhookMutationVariables>;
export const AuthzDeleteWebhookDocument = new TypedDocumentString(`
    mutation AuthzDeleteWebhook($id: ID!) {
  deleteWebhookEndpoint(id: $id) {
    __typename
    ... on WebhookEndpoint {
      id
    }
    ... on Error {
      code
    }
  }
}
    `) as unknown as TypedDocumentString<AuthzDeleteWebhookMutation, AuthzDeleteWebhookMutationVariables>;
export const AuthzUpdateAttributesDocument = new TypedDocumentString(`
    mutation AuthzUpdateAttributes($id: ID!, $set: JSONObject) {
  updateDeviceAttributes(id: $id, set: $set) {
    __typename
    ... on Device {
      id
      attributes
    }
    ... on Error {
      code
    }
  }
}
    `) as unknown as TypedDocumentString<AuthzUpdateAttributesMutation, AuthzUpdateAttributesMutationVariables>;
export const AuthzTestWebhookDocument = new TypedDocumentString(`
    mutation AuthzTestWebhook($id: ID!) {
  sendTestWebhook(id: $id) {
    __typename
    ... on WebhookTest {
      ok
    }
    ... on Error {
      code
    }
  }
}
    `) as unknown as TypedDocumentString<AuthzTestWebhookMutation, AuthzTestWebhookMutationVariables>;
export const AuthzRedeliverWebhookDocument = new TypedDocumentString(`
    mutation AuthzRedeliverWebhook($id: ID!) {
  redeliverWebhook(deliveryId: $id) {
    __typename
    ... on WebhookDelivery {
      id
    }
    ... on Error {
      code
    }
  }
}
    `) as unknown as TypedDocumentString<AuthzRedeliverWebhookMutation, AuthzRedeliverWebhookMutationVariables>;
export const AuthzReplayWebhooksDocument = new TypedDocumentString(`
    mutation AuthzReplayWebhooks($id: ID!) {
  replayWebhooks(endpointId: $id, after: "MA") {
    __typename
    ... on WebhookEndpoint {
      id
    }
    ... on Error {
      code
    }
  }
}
    `) as unknown as TypedDocumentString<AuthzReplayWebhooksMutation, AuthzReplayWebhooksMutationVariables>;
export const BulkCreateKeyDocument = new TypedDocumentString(`
    mutation BulkCreateKey($input: CreateApiKeyInput!) {
  createApiKey(input: $input) {
    __typename
    ... on ApiKeyCreated {
      secret
    }
  }
}
    `) as unknown as TypedDocumentString<BulkCreateKeyMutation, BulkCreateKeyMutationVariables>;
export const BulkEventsDocument = new TypedDocumentString(`
    subscription BulkEvents($filter: EventFilter) {
  deviceEvents(filter: $filter) {
    kind
    deviceId
  }
}
    `) as unknown as TypedDocumentString<BulkEventsSubscription, BulkEventsSubscriptionVariables>;
export const UpdateAttributesDocument = new TypedDocumentString(`
    mutation UpdateAttributes($id: ID!, $set: JSONObject, $unset: [String!]) {
  updateDeviceAttributes(id: $id, set: $set, unset: $unset) {
    __typename
    ... on Device {
      id
      attributes
    }
    ... on InvalidAttributes {
      code
      message
      problem
      key
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<UpdateAttributesMutation, UpdateAttributesMutationVariables>;
export const AttributesApiKeyDocument = new TypedDocumentString(`
    mutation AttributesApiKey($input: CreateApiKeyInput!) {
  createApiKey(input: $input) {
    __typename
    ... on ApiKeyCreated {
      secret
    }
  }
}
    `) as unknown as TypedDocumentString<AttributesApiKeyMutation, AttributesApiKeyMutationVariables>;
export const AttributeEventsLiveDocument = new TypedDocumentString(`
    subscription AttributeEventsLive($filter: EventFilter, $after: String) {
  deviceEvents(filter: $filter, after: $after) {
    kind
    detail
    device {
      id
      attributes
    }
  }
}
    `) as unknown as TypedDocumentString<AttributeEventsLiveSubscription, AttributeEventsLiveSubscriptionVariables>;
export const DeviceAttributesDocument = new TypedDocumentString(`
    query DeviceAttributes($id: ID!) {
  device(id: $id) {
    id
    attributes
  }
}
    `) as unknown as TypedDocumentString<DeviceAttributesQuery, DeviceAttributesQueryVariables>;
export const DevicesByAttributeDocument = new TypedDocumentString(`
    query DevicesByAttribute($key: String!, $value: JSON!) {
  devices(filter: {attribute: {key: $key, value: $value}}, first: 50) {
    totalCount
    edges {
      node {
        id
        attributes
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DevicesByAttributeQuery, DevicesByAttributeQueryVariables>;
export const AttributeEventsDocument = new TypedDocumentString(`
    query AttributeEvents($deviceId: ID!) {
  events(filter: {deviceId: $deviceId, kinds: [DEVICE_UPDATED]}) {
    edges {
      node {
        kind
        detail
        actor {
          email
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AttributeEventsQuery, AttributeEventsQueryVariables>;
export const KeysChallengeDocument = new TypedDocumentString(`
    mutation KeysChallenge($keyId: String!) {
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
    `) as unknown as TypedDocumentString<KeysChallengeMutation, KeysChallengeMutationVariables>;
export const KeysVerifyDocument = new TypedDocumentString(`
    mutation KeysVerify($proof: DeviceProof!) {
  verifyDevice(proof: $proof) {
    __typename
    ... on KnownDevice {
      deviceId
      status
      device {
        id
        keyId
        keyAlgorithm
        owner {
          email
        }
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
    `) as unknown as TypedDocumentString<KeysVerifyMutation, KeysVerifyMutationVariables>;
export const KeysLoginWithDeviceDocument = new TypedDocumentString(`
    mutation KeysLoginWithDevice($proof: DeviceProof!) {
  loginWithDevice(proof: $proof) {
    __typename
    ... on Session {
      token
      user {
        email
      }
      device {
        id
      }
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<KeysLoginWithDeviceMutation, KeysLoginWithDeviceMutationVariables>;
export const KeysKeyIdDocument = new TypedDocumentString(`
    query KeysKeyId($id: ID!) {
  device(id: $id) {
    keyId
  }
}
    `) as unknown as TypedDocumentString<KeysKeyIdQuery, KeysKeyIdQueryVariables>;
export const SearchAllDocument = new TypedDocumentString(`
    query SearchAll($search: String!) {
  devices(filter: {search: $search}, first: 100) {
    totalCount
    edges {
      node {
        installationId
        name
        model
        appName
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SearchAllQuery, SearchAllQueryVariables>;
export const FeedOrderDocument = new TypedDocumentString(`
    subscription FeedOrder {
  deviceEvents {
    cursor
    kind
    detail
  }
}
    `) as unknown as TypedDocumentString<FeedOrderSubscription, FeedOrderSubscriptionVariables>;
export const EventLogFeedDocument = new TypedDocumentString(`
    subscription EventLogFeed($after: String) {
  deviceEvents(after: $after) {
    id
    cursor
    kind
    detail
  }
}
    `) as unknown as TypedDocumentString<EventLogFeedSubscription, EventLogFeedSubscriptionVariables>;
export const ExportApiKeyDocument = new TypedDocumentString(`
    mutation ExportApiKey($input: CreateApiKeyInput!) {
  createApiKey(input: $input) {
    __typename
    ... on ApiKeyCreated {
      secret
    }
  }
}
    `) as unknown as TypedDocumentString<ExportApiKeyMutation, ExportApiKeyMutationVariables>;
export const ExportAttributesDocument = new TypedDocumentString(`
    mutation ExportAttributes($id: ID!, $set: JSONObject) {
  updateDeviceAttributes(id: $id, set: $set) {
    __typename
  }
}
    `) as unknown as TypedDocumentString<ExportAttributesMutation, ExportAttributesMutationVariables>;
export const LanePhoneReadDocument = new TypedDocumentString(`
    query LanePhoneRead {
  me {
    id
    devices(first: 10) {
      totalCount
      edges {
        node {
          id
          name
          status
          platform
          model
          appName
          lastUsedAt
          owner {
            id
            email
          }
          lastUser {
            id
            email
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<LanePhoneReadQuery, LanePhoneReadQueryVariables>;
export const LaneDevicesDocument = new TypedDocumentString(`
    query LaneDevices($first: Int) {
  me {
    id
    devices(first: $first) {
      totalCount
    }
  }
}
    `) as unknown as TypedDocumentString<LaneDevicesQuery, LaneDevicesQueryVariables>;
export const LaneLoginDocument = new TypedDocumentString(`
    mutation LaneLogin($email: String!, $password: String!) {
  login(input: {email: $email, password: $password}) {
    __typename
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<LaneLoginMutation, LaneLoginMutationVariables>;
export const LaneDeviceEventsDocument = new TypedDocumentString(`
    subscription LaneDeviceEvents {
  deviceEvents {
    kind
  }
}
    `) as unknown as TypedDocumentString<LaneDeviceEventsSubscription, LaneDeviceEventsSubscriptionVariables>;
export const MetricsEventsDocument = new TypedDocumentString(`
    subscription MetricsEvents {
  deviceEvents {
    id
    kind
  }
}
    `) as unknown as TypedDocumentString<MetricsEventsSubscription, MetricsEventsSubscriptionVariables>;
export const MetricsUsersDocument = new TypedDocumentString(`
    query MetricsUsers {
  users(first: 1) {
    totalCount
  }
}
    `) as unknown as TypedDocumentString<MetricsUsersQuery, MetricsUsersQueryVariables>;
export const SignUpDocument = new TypedDocumentString(`
    mutation SignUp($input: SignUpInput!) {
  signUp(input: $input) {
    __typename
    ... on User {
      id
      email
      displayName
      role
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<SignUpMutation, SignUpMutationVariables>;
export const CreateUserDocument = new TypedDocumentString(`
    mutation CreateUser($input: CreateUserInput!) {
  createUser(input: $input) {
    __typename
    ... on User {
      id
      email
      role
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<CreateUserMutation, CreateUserMutationVariables>;
export const LoginDocument = new TypedDocumentString(`
    mutation Login($input: LoginInput!) {
  login(input: $input) {
    __typename
    ... on Session {
      token
      expiresAt
      user {
        id
        email
        role
      }
      device {
        ...DeviceFields
      }
    }
    ... on DevicePendingApproval {
      pendingDevice: device {
        ...DeviceFields
      }
    }
    ... on DeviceLimitReached {
      limit
    }
    ... on TooManyAttempts {
      retryAfter
    }
    ... on Error {
      code
      message
    }
  }
}
    fragment DeviceFields on Device {
  id
  installationId
  name
  status
  platform
  osVersion
  model
  appName
  appVersion
  mobileAuth
  owner {
    id
    email
  }
  lastUser {
    id
    email
  }
  lastUsedAt
  createdAt
  statusChangedAt
  statusChangedBy {
    id
    email
  }
  blockedReason
}`) as unknown as TypedDocumentString<LoginMutation, LoginMutationVariables>;
export const LogoutDocument = new TypedDocumentString(`
    mutation Logout {
  logout
}
    `) as unknown as TypedDocumentString<LogoutMutation, LogoutMutationVariables>;
export const MeDocument = new TypedDocumentString(`
    query Me {
  me {
    id
    email
    role
    displayName
    lastLoginAt
    deviceCount
  }
}
    `) as unknown as TypedDocumentString<MeQuery, MeQueryVariables>;
export const MyDevicesDocument = new TypedDocumentString(`
    query MyDevices($first: Int, $after: String, $filter: DeviceFilter) {
  me {
    id
    devices(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          ...DeviceFields
        }
      }
    }
  }
}
    fragment DeviceFields on Device {
  id
  installationId
  name
  status
  platform
  osVersion
  model
  appName
  appVersion
  mobileAuth
  owner {
    id
    email
  }
  lastUser {
    id
    email
  }
  lastUsedAt
  createdAt
  statusChangedAt
  statusChangedBy {
    id
    email
  }
  blockedReason
}`) as unknown as TypedDocumentString<MyDevicesQuery, MyDevicesQueryVariables>;
export const UserViewDocument = new TypedDocumentString(`
    query UserView($id: ID!, $first: Int) {
  user(id: $id) {
    id
    email
    deviceCount
    devices(first: $first) {
      totalCount
      edges {
        node {
          ...DeviceFields
        }
      }
    }
    events(first: $first) {
      totalCount
      edges {
        node {
          kind
          at
          deviceName
        }
      }
    }
  }
}
    fragment DeviceFields on Device {
  id
  installationId
  name
  status
  platform
  osVersion
  model
  appName
  appVersion
  mobileAuth
  owner {
    id
    email
  }
  lastUser {
    id
    email
  }
  lastUsedAt
  createdAt
  statusChangedAt
  statusChangedBy {
    id
    email
  }
  blockedReason
}`) as unknown as TypedDocumentString<UserViewQuery, UserViewQueryVariables>;
export const UsersDocument = new TypedDocumentString(`
    query Users($filter: UserFilter, $first: Int, $after: String) {
  users(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        email
        role
      }
    }
  }
}
    `) as unknown as TypedDocumentString<UsersQuery, UsersQueryVariables>;
export const DeviceByIdDocument = new TypedDocumentString(`
    query DeviceById($id: ID!) {
  device(id: $id) {
    ...DeviceFields
    users(first: 10) {
      totalCount
      edges {
        node {
          id
          email
        }
      }
    }
  }
}
    fragment DeviceFields on Device {
  id
  installationId
  name
  status
  platform
  osVersion
  model
  appName
  appVersion
  mobileAuth
  owner {
    id
    email
  }
  lastUser {
    id
    email
  }
  lastUsedAt
  createdAt
  statusChangedAt
  statusChangedBy {
    id
    email
  }
  blockedReason
}`) as unknown as TypedDocumentString<DeviceByIdQuery, DeviceByIdQueryVariables>;
export const DeviceEventsDocument = new TypedDocumentString(`
    query DeviceEvents($id: ID!) {
  device(id: $id) {
    id
    events(first: 50) {
      totalCount
      edges {
        node {
          kind
          fromStatus
          toStatus
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DeviceEventsQuery, DeviceEventsQueryVariables>;
export const DevicesDocument = new TypedDocumentString(`
    query Devices($filter: DeviceFilter, $first: Int, $after: String, $last: Int, $before: String) {
  devices(
    filter: $filter
    first: $first
    after: $after
    last: $last
    before: $before
  ) {
    totalCount
    pageInfo {
      hasNextPage
      hasPreviousPage
      startCursor
      endCursor
    }
    edges {
      cursor
      node {
        id
        installationId
        name
        status
        platform
        model
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DevicesQuery, DevicesQueryVariables>;
export const EventsDocument = new TypedDocumentString(`
    query Events($filter: EventFilter, $first: Int, $after: String) {
  events(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        cursor
        kind
        at
        actor {
          id
          email
        }
        user {
          id
          email
        }
        device {
          id
          status
        }
        deviceId
        deviceName
        fromStatus
        toStatus
        ip
        userAgent
        detail
      }
    }
  }
}
    `) as unknown as TypedDocumentString<EventsQuery, EventsQueryVariables>;
export const NodeDocument = new TypedDocumentString(`
    query Node($id: ID!) {
  node(id: $id) {
    __typename
    id
    ... on Device {
      status
    }
    ... on User {
      email
    }
    ... on Event {
      kind
    }
  }
}
    `) as unknown as TypedDocumentString<NodeQuery, NodeQueryVariables>;
export const RegisterDeviceDocument = new TypedDocumentString(`
    mutation RegisterDevice($input: DeviceInput!) {
  registerDevice(input: $input) {
    __typename
    ... on Device {
      ...DeviceFields
    }
    ... on DeviceLimitReached {
      limit
    }
    ... on Error {
      code
      message
    }
  }
}
    fragment DeviceFields on Device {
  id
  installationId
  name
  status
  platform
  osVersion
  model
  appName
  appVersion
  mobileAuth
  owner {
    id
    email
  }
  lastUser {
    id
    email
  }
  lastUsedAt
  createdAt
  statusChangedAt
  statusChangedBy {
    id
    email
  }
  blockedReason
}`) as unknown as TypedDocumentString<RegisterDeviceMutation, RegisterDeviceMutationVariables>;
export const ApproveDeviceDocument = new TypedDocumentString(`
    mutation ApproveDevice($id: ID!) {
  approveDevice(id: $id) {
    __typename
    ... on Device {
      ...DeviceFields
    }
    ... on InvalidTransition {
      action
      currentStatus
    }
    ... on Error {
      code
      message
    }
  }
}
    fragment DeviceFields on Device {
  id
  installationId
  name
  status
  platform
  osVersion
  model
  appName
  appVersion
  mobileAuth
  owner {
    id
    email
  }
  lastUser {
    id
    email
  }
  lastUsedAt
  createdAt
  statusChangedAt
  statusChangedBy {
    id
    email
  }
  blockedReason
}`) as unknown as TypedDocumentString<ApproveDeviceMutation, ApproveDeviceMutationVariables>;
export const BlockDeviceDocument = new TypedDocumentString(`
    mutation BlockDevice($id: ID!, $reason: String) {
  blockDevice(id: $id, reason: $reason) {
    __typename
    ... on Device {
      ...DeviceFields
    }
    ... on Error {
      code
      message
    }
  }
}
    fragment DeviceFields on Device {
  id
  installationId
  name
  status
  platform
  osVersion
  model
  appName
  appVersion
  mobileAuth
  owner {
    id
    email
  }
  lastUser {
    id
    email
  }
  lastUsedAt
  createdAt
  statusChangedAt
  statusChangedBy {
    id
    email
  }
  blockedReason
}`) as unknown as TypedDocumentString<BlockDeviceMutation, BlockDeviceMutationVariables>;
export const UnblockDeviceDocument = new TypedDocumentString(`
    mutation UnblockDevice($id: ID!) {
  unblockDevice(id: $id) {
    __typename
    ... on Device {
      ...DeviceFields
    }
    ... on Error {
      code
      message
    }
  }
}
    fragment DeviceFields on Device {
  id
  installationId
  name
  status
  platform
  osVersion
  model
  appName
  appVersion
  mobileAuth
  owner {
    id
    email
  }
  lastUser {
    id
    email
  }
  lastUsedAt
  createdAt
  statusChangedAt
  statusChangedBy {
    id
    email
  }
  blockedReason
}`) as unknown as TypedDocumentString<UnblockDeviceMutation, UnblockDeviceMutationVariables>;
export const RenameDeviceDocument = new TypedDocumentString(`
    mutation RenameDevice($id: ID!, $name: String!) {
  renameDevice(id: $id, name: $name) {
    __typename
    ... on Device {
      ...DeviceFields
    }
    ... on Error {
      code
      message
    }
  }
}
    fragment DeviceFields on Device {
  id
  installationId
  name
  status
  platform
  osVersion
  model
  appName
  appVersion
  mobileAuth
  owner {
    id
    email
  }
  lastUser {
    id
    email
  }
  lastUsedAt
  createdAt
  statusChangedAt
  statusChangedBy {
    id
    email
  }
  blockedReason
}`) as unknown as TypedDocumentString<RenameDeviceMutation, RenameDeviceMutationVariables>;
export const ForgetDeviceDocument = new TypedDocumentString(`
    mutation ForgetDevice($id: ID!) {
  forgetDevice(id: $id) {
    __typename
    ... on ForgottenDevice {
      id
      name
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ForgetDeviceMutation, ForgetDeviceMutationVariables>;
export const ApproveDevicesDocument = new TypedDocumentString(`
    mutation ApproveDevices($ids: [ID!]!) {
  approveDevices(ids: $ids) {
    __typename
    ... on Device {
      id
      status
    }
    ... on InvalidTransition {
      action
      currentStatus
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ApproveDevicesMutation, ApproveDevicesMutationVariables>;
export const BlockDevicesDocument = new TypedDocumentString(`
    mutation BlockDevices($ids: [ID!]!, $reason: String) {
  blockDevices(ids: $ids, reason: $reason) {
    __typename
    ... on Device {
      id
      status
      blockedReason
    }
    ... on InvalidTransition {
      action
      currentStatus
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<BlockDevicesMutation, BlockDevicesMutationVariables>;
export const UnblockDevicesDocument = new TypedDocumentString(`
    mutation UnblockDevices($ids: [ID!]!) {
  unblockDevices(ids: $ids) {
    __typename
    ... on Device {
      id
      status
    }
    ... on InvalidTransition {
      action
      currentStatus
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<UnblockDevicesMutation, UnblockDevicesMutationVariables>;
export const ForgetDevicesDocument = new TypedDocumentString(`
    mutation ForgetDevices($ids: [ID!]!) {
  forgetDevices(ids: $ids) {
    __typename
    ... on ForgottenDevice {
      id
      name
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<ForgetDevicesMutation, ForgetDevicesMutationVariables>;
export const DevicePolicyDocument = new TypedDocumentString(`
    query DevicePolicy {
  devicePolicy {
    approvalMode
    maxDevicesPerUser
    allowSignUp
  }
}
    `) as unknown as TypedDocumentString<DevicePolicyQuery, DevicePolicyQueryVariables>;
export const SetDevicePolicyDocument = new TypedDocumentString(`
    mutation SetDevicePolicy($input: DevicePolicyInput!) {
  setDevicePolicy(input: $input) {
    __typename
    ... on DevicePolicy {
      approvalMode
      maxDevicesPerUser
      allowSignUp
    }
  }
}
    `) as unknown as TypedDocumentString<SetDevicePolicyMutation, SetDevicePolicyMutationVariables>;
export const OwnerPolicyDocument = new TypedDocumentString(`
    mutation OwnerPolicy($on: Boolean!) {
  setDevicePolicy(input: {ownerApproval: $on}) {
    __typename
    ... on DevicePolicy {
      ownerApproval
    }
  }
}
    `) as unknown as TypedDocumentString<OwnerPolicyMutation, OwnerPolicyMutationVariables>;
export const OwnerReadPolicyDocument = new TypedDocumentString(`
    query OwnerReadPolicy {
  devicePolicy {
    ownerApproval
  }
}
    `) as unknown as TypedDocumentString<OwnerReadPolicyQuery, OwnerReadPolicyQueryVariables>;
export const OwnerWatchRequestsDocument = new TypedDocumentString(`
    subscription OwnerWatchRequests {
  deviceApprovalRequests {
    id
    challengeId
    message
    model
    platform
    osVersion
    appName
    ip
    device {
      id
      status
    }
  }
}
    `) as unknown as TypedDocumentString<OwnerWatchRequestsSubscription, OwnerWatchRequestsSubscriptionVariables>;
export const OwnerWatchStatusDocument = new TypedDocumentString(`
    subscription OwnerWatchStatus($deviceId: ID!) {
  deviceStatusChanged(deviceId: $deviceId) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<OwnerWatchStatusSubscription, OwnerWatchStatusSubscriptionVariables>;
export const OwnerDecisionDocument = new TypedDocumentString(`
    query OwnerDecision($id: ID!) {
  device(id: $id) {
    id
    status
    decision {
      by
      reason
    }
  }
}
    `) as unknown as TypedDocumentString<OwnerDecisionQuery, OwnerDecisionQueryVariables>;
export const OwnerApproveOwnDocument = new TypedDocumentString(`
    mutation OwnerApproveOwn($requestId: ID!, $proof: DeviceProof!) {
  approveOwnDevice(requestId: $requestId, proof: $proof) {
    __typename
    ... on Device {
      id
      status
    }
    ... on ApprovalRequestClosed {
      reason
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<OwnerApproveOwnMutation, OwnerApproveOwnMutationVariables>;
export const QueriesDevicePageDocument = new TypedDocumentString(`
    query QueriesDevicePage($filter: DeviceFilter, $first: Int, $after: String, $last: Int, $before: String) {
  devices(
    filter: $filter
    first: $first
    after: $after
    last: $last
    before: $before
  ) {
    totalCount
    pageInfo {
      hasNextPage
      hasPreviousPage
      startCursor
      endCursor
    }
    edges {
      cursor
      node {
        id
        name
        status
        platform
        model
        appName
        installationId
        createdAt
        owner {
          id
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<QueriesDevicePageQuery, QueriesDevicePageQueryVariables>;
export const QueriesUserDevicesPageDocument = new TypedDocumentString(`
    query QueriesUserDevicesPage($id: ID!, $filter: DeviceFilter, $first: Int, $after: String) {
  user(id: $id) {
    id
    devices(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      edges {
        cursor
        node {
          id
          name
          createdAt
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<QueriesUserDevicesPageQuery, QueriesUserDevicesPageQueryVariables>;
export const QueriesUserEventsPageDocument = new TypedDocumentString(`
    query QueriesUserEventsPage($id: ID!, $first: Int, $after: String) {
  user(id: $id) {
    id
    events(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      edges {
        cursor
        node {
          id
          kind
          at
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<QueriesUserEventsPageQuery, QueriesUserEventsPageQueryVariables>;
export const QueriesDeviceUsersPageDocument = new TypedDocumentString(`
    query QueriesDeviceUsersPage($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
  device(id: $id) {
    id
    users(first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      edges {
        cursor
        node {
          id
          email
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<QueriesDeviceUsersPageQuery, QueriesDeviceUsersPageQueryVariables>;
export const QueriesUsersPageDocument = new TypedDocumentString(`
    query QueriesUsersPage($filter: UserFilter, $first: Int, $after: String, $last: Int, $before: String) {
  users(
    filter: $filter
    first: $first
    after: $after
    last: $last
    before: $before
  ) {
    totalCount
    pageInfo {
      hasNextPage
      hasPreviousPage
      startCursor
      endCursor
    }
    edges {
      cursor
      node {
        id
        email
        displayName
        role
      }
    }
  }
}
    `) as unknown as TypedDocumentString<QueriesUsersPageQuery, QueriesUsersPageQueryVariables>;
export const QueriesEventsPageDocument = new TypedDocumentString(`
    query QueriesEventsPage($filter: EventFilter, $first: Int, $after: String, $last: Int, $before: String) {
  events(
    filter: $filter
    first: $first
    after: $after
    last: $last
    before: $before
  ) {
    totalCount
    pageInfo {
      hasNextPage
      hasPreviousPage
      startCursor
      endCursor
    }
    edges {
      cursor
      node {
        id
        kind
        at
        deviceId
      }
    }
  }
}
    `) as unknown as TypedDocumentString<QueriesEventsPageQuery, QueriesEventsPageQueryVariables>;
export const QueriesDashboardUserDocument = new TypedDocumentString(`
    query QueriesDashboardUser($id: ID!) {
  user(id: $id) {
    id
    email
    deviceCount
    lastLoginAt
    devices(first: 20) {
      totalCount
      edges {
        node {
          id
          name
          status
          appName
          platform
          model
          lastUsedAt
          lastUser {
            id
            email
          }
          owner {
            id
            email
          }
        }
      }
    }
    events(first: 10) {
      totalCount
      edges {
        node {
          id
          kind
          at
          actor {
            id
            email
          }
          user {
            id
          }
          deviceId
          deviceName
          fromStatus
          toStatus
          ip
          userAgent
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<QueriesDashboardUserQuery, QueriesDashboardUserQueryVariables>;
export const RealtimeLoginDocument = new TypedDocumentString(`
    mutation RealtimeLogin($input: LoginInput!) {
  login(input: $input) {
    __typename
    ... on Session {
      token
      sessionDevice: device {
        id
        status
      }
    }
    ... on DevicePendingApproval {
      watchToken
      device {
        id
        status
      }
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<RealtimeLoginMutation, RealtimeLoginMutationVariables>;
export const RealtimeEventsDocument = new TypedDocumentString(`
    subscription RealtimeEvents($filter: EventFilter, $after: String) {
  deviceEvents(filter: $filter, after: $after) {
    id
    cursor
    kind
    deviceId
    detail
  }
}
    `) as unknown as TypedDocumentString<RealtimeEventsSubscription, RealtimeEventsSubscriptionVariables>;
export const RealtimeEventLogDocument = new TypedDocumentString(`
    subscription RealtimeEventLog($after: String) {
  deviceEvents(after: $after) {
    id
    cursor
    kind
    deviceId
    detail
    device {
      id
      status
    }
  }
}
    `) as unknown as TypedDocumentString<RealtimeEventLogSubscription, RealtimeEventLogSubscriptionVariables>;
export const RealtimeStatusDocument = new TypedDocumentString(`
    subscription RealtimeStatus($deviceId: ID!) {
  deviceStatusChanged(deviceId: $deviceId) {
    id
    status
    statusChangedAt
    blockedReason
  }
}
    `) as unknown as TypedDocumentString<RealtimeStatusSubscription, RealtimeStatusSubscriptionVariables>;
export const RealtimeDevicesDocument = new TypedDocumentString(`
    query RealtimeDevices {
  devices(first: 5) {
    totalCount
  }
}
    `) as unknown as TypedDocumentString<RealtimeDevicesQuery, RealtimeDevicesQueryVariables>;
export const RealtimeWhoAmIDocument = new TypedDocumentString(`
    query RealtimeWhoAmI {
  me {
    id
  }
}
    `) as unknown as TypedDocumentString<RealtimeWhoAmIQuery, RealtimeWhoAmIQueryVariables>;
export const ResilienceEventFeedDocument = new TypedDocumentString(`
    subscription ResilienceEventFeed($filter: EventFilter) {
  deviceEvents(filter: $filter) {
    kind
    user {
      email
    }
  }
}
    `) as unknown as TypedDocumentString<ResilienceEventFeedSubscription, ResilienceEventFeedSubscriptionVariables>;
export const SetUserRoleDocument = new TypedDocumentString(`
    mutation SetUserRole($userId: ID!, $role: Role!) {
  setUserRole(userId: $userId, role: $role) {
    __typename
    ... on User {
      id
      role
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<SetUserRoleMutation, SetUserRoleMutationVariables>;
export const RolesEventsDocument = new TypedDocumentString(`
    subscription RolesEvents($filter: EventFilter) {
  deviceEvents(filter: $filter) {
    kind
    deviceId
    user {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<RolesEventsSubscription, RolesEventsSubscriptionVariables>;
export const RolesCreateKeyDocument = new TypedDocumentString(`
    mutation RolesCreateKey($input: CreateApiKeyInput!) {
  createApiKey(input: $input) {
    __typename
    ... on ApiKeyCreated {
      secret
    }
  }
}
    `) as unknown as TypedDocumentString<RolesCreateKeyMutation, RolesCreateKeyMutationVariables>;
export const SecurityUserOverviewDocument = new TypedDocumentString(`
    query SecurityUserOverview($id: ID!) {
  user(id: $id) {
    id
    email
    displayName
    role
    deviceCount
    lastLoginAt
    createdAt
    devices(first: 20) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          installationId
          name
          status
          platform
          osVersion
          model
          appName
          appVersion
          mobileAuth
          lastUsedAt
          createdAt
          statusChangedAt
          blockedReason
          owner {
            id
            email
          }
          lastUser {
            id
            email
          }
          statusChangedBy {
            id
            email
          }
          events(first: 1) {
            totalCount
          }
        }
      }
    }
    events(first: 20) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          kind
          at
          deviceId
          deviceName
          fromStatus
          toStatus
          ip
          userAgent
          detail
          actor {
            id
            email
          }
          device {
            id
            name
            status
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SecurityUserOverviewQuery, SecurityUserOverviewQueryVariables>;
export const SecurityLatestEventDocument = new TypedDocumentString(`
    query SecurityLatestEvent {
  events(first: 1) {
    edges {
      node {
        cursor
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SecurityLatestEventQuery, SecurityLatestEventQueryVariables>;
export const SecurityUsersCreatedDocument = new TypedDocumentString(`
    subscription SecurityUsersCreated($after: String) {
  deviceEvents(after: $after, filter: {kinds: [USER_CREATED]}) {
    kind
    user {
      email
    }
  }
}
    `) as unknown as TypedDocumentString<SecurityUsersCreatedSubscription, SecurityUsersCreatedSubscriptionVariables>;
export const WhoamiDocument = new TypedDocumentString(`
    query Whoami {
  devices(first: 1) {
    totalCount
  }
}
    `) as unknown as TypedDocumentString<WhoamiQuery, WhoamiQueryVariables>;
export const SessionsChangePasswordDocument = new TypedDocumentString(`
    mutation SessionsChangePassword($current: String!, $next: String!) {
  changePassword(currentPassword: $current, newPassword: $next) {
    __typename
    ... on User {
      id
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<SessionsChangePasswordMutation, SessionsChangePasswordMutationVariables>;
export const SessionsResetPasswordDocument = new TypedDocumentString(`
    mutation SessionsResetPassword($userId: ID!, $next: String!) {
  resetPassword(userId: $userId, newPassword: $next) {
    __typename
    ... on User {
      id
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<SessionsResetPasswordMutation, SessionsResetPasswordMutationVariables>;
export const SessionsWhoamiDocument = new TypedDocumentString(`
    query SessionsWhoami {
  me {
    email
  }
}
    `) as unknown as TypedDocumentString<SessionsWhoamiQuery, SessionsWhoamiQueryVariables>;
export const SharedEventViewDocument = new TypedDocumentString(`
    subscription SharedEventView($first: Int) {
  deviceEvents(filter: {kinds: [DEVICE_RENAMED]}) {
    id
    deviceName
    user {
      email
      devices(first: $first) {
        totalCount
        edges {
          node {
            id
          }
        }
      }
    }
    actor {
      email
      devices(first: 5) {
        totalCount
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SharedEventViewSubscription, SharedEventViewSubscriptionVariables>;
export const MaskedEventViewDocument = new TypedDocumentString(`
    subscription MaskedEventView {
  deviceEvents(filter: {kinds: [USER_CREATED]}) {
    kind
    user {
      email
      displayName
    }
  }
}
    `) as unknown as TypedDocumentString<MaskedEventViewSubscription, MaskedEventViewSubscriptionVariables>;
export const MaskedStatusViewDocument = new TypedDocumentString(`
    subscription MaskedStatusView($deviceId: ID!) {
  deviceStatusChanged(deviceId: $deviceId) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<MaskedStatusViewSubscription, MaskedStatusViewSubscriptionVariables>;
export const StalePolicyDocument = new TypedDocumentString(`
    mutation StalePolicy($input: DevicePolicyInput!) {
  setDevicePolicy(input: $input) {
    __typename
    ... on DevicePolicy {
      staleAfterDays
      staleAction
    }
  }
}
    `) as unknown as TypedDocumentString<StalePolicyMutation, StalePolicyMutationVariables>;
export const StaleDevicesDocument = new TypedDocumentString(`
    query StaleDevices($filter: DeviceFilter) {
  devices(filter: $filter, first: 100) {
    totalCount
    edges {
      node {
        id
        installationId
        stale
        status
      }
    }
  }
}
    `) as unknown as TypedDocumentString<StaleDevicesQuery, StaleDevicesQueryVariables>;
export const StaleEventsDocument = new TypedDocumentString(`
    query StaleEvents($deviceId: ID!) {
  events(filter: {deviceId: $deviceId}, first: 20) {
    edges {
      node {
        kind
        actor {
          id
        }
        bySystem
        fromStatus
        toStatus
        detail
      }
    }
  }
}
    `) as unknown as TypedDocumentString<StaleEventsQuery, StaleEventsQueryVariables>;
export const StaleLiveDocument = new TypedDocumentString(`
    subscription StaleLive($filter: EventFilter) {
  deviceEvents(filter: $filter) {
    kind
    bySystem
    deviceId
    detail
    actor {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<StaleLiveSubscription, StaleLiveSubscriptionVariables>;
export const StaleApiKeyDocument = new TypedDocumentString(`
    mutation StaleApiKey($input: CreateApiKeyInput!) {
  createApiKey(input: $input) {
    __typename
    ... on ApiKeyCreated {
      secret
    }
  }
}
    `) as unknown as TypedDocumentString<StaleApiKeyMutation, StaleApiKeyMutationVariables>;
export const StalePolicyReadDocument = new TypedDocumentString(`
    query StalePolicyRead {
  devicePolicy {
    staleAfterDays
    staleAction
  }
}
    `) as unknown as TypedDocumentString<StalePolicyReadQuery, StalePolicyReadQueryVariables>;
export const StaleBlockDocument = new TypedDocumentString(`
    mutation StaleBlock($id: ID!) {
  blockDevice(id: $id, reason: "lost") {
    __typename
  }
}
    `) as unknown as TypedDocumentString<StaleBlockMutation, StaleBlockMutationVariables>;
export const StatementsPhoneReadDocument = new TypedDocumentString(`
    query StatementsPhoneRead {
  me {
    id
    email
    devices(first: 10) {
      totalCount
      edges {
        node {
          id
          name
          status
          platform
          model
          appName
          lastUsedAt
          owner {
            id
            email
          }
          lastUser {
            id
            email
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<StatementsPhoneReadQuery, StatementsPhoneReadQueryVariables>;
export const StatementsUsersWithCountsDocument = new TypedDocumentString(`
    query StatementsUsersWithCounts($first: Int!) {
  users(first: $first) {
    edges {
      node {
        id
        email
        deviceCount
      }
    }
  }
}
    `) as unknown as TypedDocumentString<StatementsUsersWithCountsQuery, StatementsUsersWithCountsQueryVariables>;
export const ThrottleChallengeDocument = new TypedDocumentString(`
    mutation ThrottleChallenge($keyId: String!) {
  deviceChallenge(keyId: $keyId) {
    __typename
    ... on DeviceChallenge {
      challengeId
      nonce
    }
    ... on TooManyAttempts {
      retryAfter
    }
  }
}
    `) as unknown as TypedDocumentString<ThrottleChallengeMutation, ThrottleChallengeMutationVariables>;
export const ThrottleVerifyDocument = new TypedDocumentString(`
    mutation ThrottleVerify($proof: DeviceProof!) {
  verifyDevice(proof: $proof) {
    __typename
    ... on TooManyAttempts {
      retryAfter
    }
    ... on Error {
      code
    }
  }
}
    `) as unknown as TypedDocumentString<ThrottleVerifyMutation, ThrottleVerifyMutationVariables>;
export const WebhooksCreateDocument = new TypedDocumentString(`
    mutation WebhooksCreate($input: WebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) {
    __typename
    ... on WebhookEndpointCreated {
      secret
      endpoint {
        id
        url
        kinds
        enabled
      }
    }
    ... on Error {
      code
      message
    }
  }
}
    `) as unknown as TypedDocumentString<WebhooksCreateMutation, WebhooksCreateMutationVariables>;
export const WebhooksTestDocument = new TypedDocumentString(`
    mutation WebhooksTest($id: ID!) {
  sendTestWebhook(id: $id) {
    __typename
    ... on WebhookTest {
      ok
      responseStatus
      durationMs
      error
    }
    ... on Error {
      code
    }
  }
}
    `) as unknown as TypedDocumentString<WebhooksTestMutation, WebhooksTestMutationVariables>;
export const WebhooksRedeliverDocument = new TypedDocumentString(`
    mutation WebhooksRedeliver($id: ID!) {
  redeliverWebhook(deliveryId: $id) {
    __typename
    ... on WebhookDelivery {
      id
      status
    }
    ... on Error {
      code
    }
  }
}
    `) as unknown as TypedDocumentString<WebhooksRedeliverMutation, WebhooksRedeliverMutationVariables>;
export const WebhooksReplayDocument = new TypedDocumentString(`
    mutation WebhooksReplay($id: ID!, $after: String!) {
  replayWebhooks(endpointId: $id, after: $after) {
    __typename
    ... on WebhookEndpoint {
      id
    }
    ... on Error {
      code
    }
  }
}
    `) as unknown as TypedDocumentString<WebhooksReplayMutation, WebhooksReplayMutationVariables>;
export const WebhooksRotateDocument = new TypedDocumentString(`
    mutation WebhooksRotate($id: ID!) {
  rotateWebhookSecret(id: $id) {
    __typename
    ... on WebhookEndpointCreated {
      secret
    }
    ... on Error {
      code
    }
  }
}
    `) as unknown as TypedDocumentString<WebhooksRotateMutation, WebhooksRotateMutationVariables>;
export const WebhooksDisabledDocument = new TypedDocumentString(`
    query WebhooksDisabled($id: ID!) {
  webhookEndpoint(id: $id) {
    enabled
    failingSince
  }
  events(first: 5, filter: {kinds: [WEBHOOK_DISABLED]}) {
    edges {
      node {
        kind
        detail
        actor {
          id
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<WebhooksDisabledQuery, WebhooksDisabledQueryVariables>;
export const WebhooksDeliveriesDocument = new TypedDocumentString(`
    query WebhooksDeliveries($id: ID!) {
  webhookEndpoint(id: $id) {
    id
    failingSince
    deliveries(first: 50) {
      id
      eventCursor
      status
      attempts
      responseStatus
      lastError
      nextAttemptAt
    }
  }
}
    `) as unknown as TypedDocumentString<WebhooksDeliveriesQuery, WebhooksDeliveriesQueryVariables>;
export const WebhooksUserDocument = new TypedDocumentString(`
    mutation WebhooksUser($input: CreateUserInput!) {
  createUser(input: $input) {
    __typename
  }
}
    `) as unknown as TypedDocumentString<WebhooksUserMutation, WebhooksUserMutationVariables>;