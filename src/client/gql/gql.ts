/* eslint-disable */
import * as types from './graphql.js';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment ClientDeviceFields on Device {\n    id\n    installationId\n    name\n    status\n    platform\n    keyId\n    keyAlgorithm\n  }\n": typeof types.ClientDeviceFieldsFragmentDoc,
    "\n  mutation ClientLogin($input: LoginInput!) {\n    login(input: $input) {\n      __typename\n      ... on Session { token expiresAt device { ...ClientDeviceFields } }\n      ... on DevicePendingApproval { watchToken pendingReason pendingDevice: device { ...ClientDeviceFields } }\n      ... on Error { code message }\n    }\n  }\n": typeof types.ClientLoginDocument,
    "\n  mutation ClientRegisterDevice($input: DeviceInput!) {\n    registerDevice(input: $input) {\n      __typename\n      ... on Device { ...ClientDeviceFields }\n      ... on Error { code message }\n    }\n  }\n": typeof types.ClientRegisterDeviceDocument,
    "\n  mutation ClientChallenge($keyId: String!) {\n    deviceChallenge(keyId: $keyId) {\n      __typename\n      ... on DeviceChallenge { challengeId nonce expiresAt }\n      ... on TooManyAttempts { retryAfter message }\n    }\n  }\n": typeof types.ClientChallengeDocument,
    "\n  mutation ClientVerify($proof: DeviceProof!) {\n    verifyDevice(proof: $proof) {\n      __typename\n      ... on KnownDevice { deviceId status }\n      ... on DevicePendingApproval { watchToken }\n      ... on Error { code message }\n    }\n  }\n": typeof types.ClientVerifyDocument,
    "\n  mutation ClientLoginWithDevice($proof: DeviceProof!) {\n    loginWithDevice(proof: $proof) {\n      __typename\n      ... on Session { token expiresAt user { email } device { ...ClientDeviceFields } }\n      ... on DevicePendingApproval { watchToken }\n      ... on Error { code message }\n    }\n  }\n": typeof types.ClientLoginWithDeviceDocument,
    "\n  mutation ClientApprove($id: ID!) {\n    approveDevice(id: $id) {\n      __typename\n      ... on Device { ...ClientDeviceFields }\n      ... on Error { code message }\n    }\n  }\n": typeof types.ClientApproveDocument,
    "\n  mutation ClientSignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      __typename\n      ... on User { id email }\n      ... on Error { code message }\n    }\n  }\n": typeof types.ClientSignUpDocument,
    "\n  subscription ClientWatchStatus($deviceId: ID!) {\n    deviceStatusChanged(deviceId: $deviceId) { ...ClientDeviceFields }\n  }\n": typeof types.ClientWatchStatusDocument,
    "\n  fragment ClientApprovalRequestFields on DeviceApprovalRequest {\n    id\n    challengeId\n    message\n    model\n    platform\n    osVersion\n    appName\n    ip\n    requestedAt\n    expiresAt\n    device { id name status }\n  }\n": typeof types.ClientApprovalRequestFieldsFragmentDoc,
    "\n  query ClientApprovalRequests {\n    deviceApprovalRequests { ...ClientApprovalRequestFields }\n  }\n": typeof types.ClientApprovalRequestsDocument,
    "\n  subscription ClientWatchApprovalRequests {\n    deviceApprovalRequests { ...ClientApprovalRequestFields }\n  }\n": typeof types.ClientWatchApprovalRequestsDocument,
    "\n  mutation ClientApproveOwnDevice($requestId: ID!, $proof: DeviceProof!) {\n    approveOwnDevice(requestId: $requestId, proof: $proof) {\n      __typename\n      ... on Device { ...ClientDeviceFields decision { by reason } }\n      ... on Error { code message }\n    }\n  }\n": typeof types.ClientApproveOwnDeviceDocument,
};
const documents: Documents = {
    "\n  fragment ClientDeviceFields on Device {\n    id\n    installationId\n    name\n    status\n    platform\n    keyId\n    keyAlgorithm\n  }\n": types.ClientDeviceFieldsFragmentDoc,
    "\n  mutation ClientLogin($input: LoginInput!) {\n    login(input: $input) {\n      __typename\n      ... on Session { token expiresAt device { ...ClientDeviceFields } }\n      ... on DevicePendingApproval { watchToken pendingReason pendingDevice: device { ...ClientDeviceFields } }\n      ... on Error { code message }\n    }\n  }\n": types.ClientLoginDocument,
    "\n  mutation ClientRegisterDevice($input: DeviceInput!) {\n    registerDevice(input: $input) {\n      __typename\n      ... on Device { ...ClientDeviceFields }\n      ... on Error { code message }\n    }\n  }\n": types.ClientRegisterDeviceDocument,
    "\n  mutation ClientChallenge($keyId: String!) {\n    deviceChallenge(keyId: $keyId) {\n      __typename\n      ... on DeviceChallenge { challengeId nonce expiresAt }\n      ... on TooManyAttempts { retryAfter message }\n    }\n  }\n": types.ClientChallengeDocument,
    "\n  mutation ClientVerify($proof: DeviceProof!) {\n    verifyDevice(proof: $proof) {\n      __typename\n      ... on KnownDevice { deviceId status }\n      ... on DevicePendingApproval { watchToken }\n      ... on Error { code message }\n    }\n  }\n": types.ClientVerifyDocument,
    "\n  mutation ClientLoginWithDevice($proof: DeviceProof!) {\n    loginWithDevice(proof: $proof) {\n      __typename\n      ... on Session { token expiresAt user { email } device { ...ClientDeviceFields } }\n      ... on DevicePendingApproval { watchToken }\n      ... on Error { code message }\n    }\n  }\n": types.ClientLoginWithDeviceDocument,
    "\n  mutation ClientApprove($id: ID!) {\n    approveDevice(id: $id) {\n      __typename\n      ... on Device { ...ClientDeviceFields }\n      ... on Error { code message }\n    }\n  }\n": types.ClientApproveDocument,
    "\n  mutation ClientSignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      __typename\n      ... on User { id email }\n      ... on Error { code message }\n    }\n  }\n": types.ClientSignUpDocument,
    "\n  subscription ClientWatchStatus($deviceId: ID!) {\n    deviceStatusChanged(deviceId: $deviceId) { ...ClientDeviceFields }\n  }\n": types.ClientWatchStatusDocument,
    "\n  fragment ClientApprovalRequestFields on DeviceApprovalRequest {\n    id\n    challengeId\n    message\n    model\n    platform\n    osVersion\n    appName\n    ip\n    requestedAt\n    expiresAt\n    device { id name status }\n  }\n": types.ClientApprovalRequestFieldsFragmentDoc,
    "\n  query ClientApprovalRequests {\n    deviceApprovalRequests { ...ClientApprovalRequestFields }\n  }\n": types.ClientApprovalRequestsDocument,
    "\n  subscription ClientWatchApprovalRequests {\n    deviceApprovalRequests { ...ClientApprovalRequestFields }\n  }\n": types.ClientWatchApprovalRequestsDocument,
    "\n  mutation ClientApproveOwnDevice($requestId: ID!, $proof: DeviceProof!) {\n    approveOwnDevice(requestId: $requestId, proof: $proof) {\n      __typename\n      ... on Device { ...ClientDeviceFields decision { by reason } }\n      ... on Error { code message }\n    }\n  }\n": types.ClientApproveOwnDeviceDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ClientDeviceFields on Device {\n    id\n    installationId\n    name\n    status\n    platform\n    keyId\n    keyAlgorithm\n  }\n"): typeof import('./graphql.js').ClientDeviceFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClientLogin($input: LoginInput!) {\n    login(input: $input) {\n      __typename\n      ... on Session { token expiresAt device { ...ClientDeviceFields } }\n      ... on DevicePendingApproval { watchToken pendingReason pendingDevice: device { ...ClientDeviceFields } }\n      ... on Error { code message }\n    }\n  }\n"): typeof import('./graphql.js').ClientLoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClientRegisterDevice($input: DeviceInput!) {\n    registerDevice(input: $input) {\n      __typename\n      ... on Device { ...ClientDeviceFields }\n      ... on Error { code message }\n    }\n  }\n"): typeof import('./graphql.js').ClientRegisterDeviceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClientChallenge($keyId: String!) {\n    deviceChallenge(keyId: $keyId) {\n      __typename\n      ... on DeviceChallenge { challengeId nonce expiresAt }\n      ... on TooManyAttempts { retryAfter message }\n    }\n  }\n"): typeof import('./graphql.js').ClientChallengeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClientVerify($proof: DeviceProof!) {\n    verifyDevice(proof: $proof) {\n      __typename\n      ... on KnownDevice { deviceId status }\n      ... on DevicePendingApproval { watchToken }\n      ... on Error { code message }\n    }\n  }\n"): typeof import('./graphql.js').ClientVerifyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClientLoginWithDevice($proof: DeviceProof!) {\n    loginWithDevice(proof: $proof) {\n      __typename\n      ... on Session { token expiresAt user { email } device { ...ClientDeviceFields } }\n      ... on DevicePendingApproval { watchToken }\n      ... on Error { code message }\n    }\n  }\n"): typeof import('./graphql.js').ClientLoginWithDeviceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClientApprove($id: ID!) {\n    approveDevice(id: $id) {\n      __typename\n      ... on Device { ...ClientDeviceFields }\n      ... on Error { code message }\n    }\n  }\n"): typeof import('./graphql.js').ClientApproveDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClientSignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      __typename\n      ... on User { id email }\n      ... on Error { code message }\n    }\n  }\n"): typeof import('./graphql.js').ClientSignUpDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ClientWatchStatus($deviceId: ID!) {\n    deviceStatusChanged(deviceId: $deviceId) { ...ClientDeviceFields }\n  }\n"): typeof import('./graphql.js').ClientWatchStatusDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ClientApprovalRequestFields on DeviceApprovalRequest {\n    id\n    challengeId\n    message\n    model\n    platform\n    osVersion\n    appName\n    ip\n    requestedAt\n    expiresAt\n    device { id name status }\n  }\n"): typeof import('./graphql.js').ClientApprovalRequestFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClientApprovalRequests {\n    deviceApprovalRequests { ...ClientApprovalRequestFields }\n  }\n"): typeof import('./graphql.js').ClientApprovalRequestsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ClientWatchApprovalRequests {\n    deviceApprovalRequests { ...ClientApprovalRequestFields }\n  }\n"): typeof import('./graphql.js').ClientWatchApprovalRequestsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClientApproveOwnDevice($requestId: ID!, $proof: DeviceProof!) {\n    approveOwnDevice(requestId: $requestId, proof: $proof) {\n      __typename\n      ... on Device { ...ClientDeviceFields decision { by reason } }\n      ... on Error { code message }\n    }\n  }\n"): typeof import('./graphql.js').ClientApproveOwnDeviceDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
