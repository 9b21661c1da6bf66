/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

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
    "\n  query ConsoleMe {\n    me { id email displayName role }\n  }\n": typeof types.ConsoleMeDocument,
    "\n  query PendingDevices {\n    devices(filter: { status: PENDING }, first: 50) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          model\n          platform\n          osVersion\n          appName\n          appVersion\n          createdAt\n          owner { id email displayName }\n        }\n      }\n    }\n  }\n": typeof types.PendingDevicesDocument,
    "\n  mutation ConsoleLogout {\n    logout\n  }\n": typeof types.ConsoleLogoutDocument,
    "\n  mutation ConsoleApproveDevice($id: ID!) {\n    approveDevice(id: $id) {\n      __typename\n      ... on Device { id status statusChangedAt blockedReason }\n      ... on Error { code message }\n    }\n  }\n": typeof types.ConsoleApproveDeviceDocument,
    "\n  mutation ConsoleApproveDevices($ids: [ID!]!) {\n    approveDevices(ids: $ids) {\n      __typename\n      ... on Device { id status statusChangedAt blockedReason }\n      ... on Error { code message }\n    }\n  }\n": typeof types.ConsoleApproveDevicesDocument,
    "\n  mutation ConsoleBlockDevices($ids: [ID!]!, $reason: String) {\n    blockDevices(ids: $ids, reason: $reason) {\n      __typename\n      ... on Device { id status statusChangedAt blockedReason }\n      ... on Error { code message }\n    }\n  }\n": typeof types.ConsoleBlockDevicesDocument,
    "\n  mutation ConsoleUnblockDevice($id: ID!) {\n    unblockDevice(id: $id) {\n      __typename\n      ... on Device { id status statusChangedAt blockedReason }\n      ... on Error { code message }\n    }\n  }\n": typeof types.ConsoleUnblockDeviceDocument,
    "\n  mutation ConsoleRenameDevice($id: ID!, $name: String!) {\n    renameDevice(id: $id, name: $name) {\n      __typename\n      ... on Device { id name }\n      ... on Error { code message }\n    }\n  }\n": typeof types.ConsoleRenameDeviceDocument,
    "\n  mutation ConsoleForgetDevice($id: ID!) {\n    forgetDevice(id: $id) {\n      __typename\n      ... on ForgottenDevice { id name }\n      ... on Error { code message }\n    }\n  }\n": typeof types.ConsoleForgetDeviceDocument,
    "\n  subscription ConsoleFeed($after: String) {\n    deviceEvents(after: $after) {\n      id\n      cursor\n      kind\n      at\n      deviceId\n      deviceName\n      fromStatus\n      toStatus\n      detail\n      ip\n      actor { id email }\n      bySystem\n      user { id email }\n    }\n  }\n": typeof types.ConsoleFeedDocument,
    "\n  query NewestEvent {\n    events(first: 1) { edges { node { id cursor } } }\n  }\n": typeof types.NewestEventDocument,
    "\n  query ConsoleApiKeys {\n    apiKeys { id name scopes createdAt expiresAt lastUsedAt revokedAt createdBy { id email } }\n  }\n": typeof types.ConsoleApiKeysDocument,
    "\n  mutation ConsoleCreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      __typename\n      ... on ApiKeyCreated { secret apiKey { id name } }\n    }\n  }\n": typeof types.ConsoleCreateApiKeyDocument,
    "\n  mutation ConsoleRevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      __typename\n      ... on ApiKey { id revokedAt }\n      ... on Error { code message }\n    }\n  }\n": typeof types.ConsoleRevokeApiKeyDocument,
    "\n  query ConsoleDevice($id: ID!) {\n    device(id: $id) {\n      id\n      name\n      status\n      blockedReason\n      platform\n      osVersion\n      model\n      appName\n      appVersion\n      installationId\n      keyAlgorithm\n      keyId\n      mobileAuth\n      createdAt\n      lastUsedAt\n      stale\n      statusChangedAt\n      statusChangedBy { id email }\n      owner { id email displayName }\n      lastUser { id email }\n      users(first: 10) { totalCount edges { node { id email displayName } } }\n      events(first: 20) { totalCount edges { node { ...ConsoleEventRow } } }\n    }\n  }\n": typeof types.ConsoleDeviceDocument,
    "\n  query ConsoleDevices($filter: DeviceFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    devices(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { node { ...ConsoleDeviceRow } }\n    }\n  }\n": typeof types.ConsoleDevicesDocument,
    "\n  query ConsoleEvents($filter: EventFilter, $after: String) {\n    events(filter: $filter, first: 25, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { ...ConsoleEventRow } }\n    }\n  }\n": typeof types.ConsoleEventsDocument,
    "\n  query ConsoleEventsFindUser($email: String!) {\n    users(filter: { email: $email }, first: 1) { edges { node { id email } } }\n  }\n": typeof types.ConsoleEventsFindUserDocument,
    "\n  query ConsoleEventsFindDevices($search: String!, $userId: ID) {\n    devices(filter: { search: $search, userId: $userId }, first: 10) {\n      totalCount\n      edges { node { id name model owner { id email } } }\n    }\n  }\n": typeof types.ConsoleEventsFindDevicesDocument,
    "\n  query ConsolePolicy {\n    devicePolicy { approvalMode maxDevicesPerUser allowSignUp }\n  }\n": typeof types.ConsolePolicyDocument,
    "\n  mutation ConsoleSetPolicy($input: DevicePolicyInput!) {\n    setDevicePolicy(input: $input) {\n      __typename\n      ... on DevicePolicy { approvalMode maxDevicesPerUser allowSignUp }\n    }\n  }\n": typeof types.ConsoleSetPolicyDocument,
    "\n  mutation ConsoleLogin($input: LoginInput!) {\n    login(input: $input) {\n      __typename\n      ... on Session { token user { id role } }\n      ... on Error { code message }\n    }\n  }\n": typeof types.ConsoleLoginDocument,
    "\n  query ConsoleUser($id: ID!) {\n    user(id: $id) {\n      id\n      email\n      displayName\n      role\n      createdAt\n      lastLoginAt\n      deviceCount\n      devices(first: 12) { totalCount edges { node { ...ConsoleDeviceRow } } }\n      events(first: 10) { edges { node { ...ConsoleEventRow } } }\n    }\n  }\n": typeof types.ConsoleUserDocument,
    "\n  query ConsoleSearchUsers($search: String, $after: String) {\n    users(filter: { search: $search }, first: 50, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id email displayName role deviceCount lastLoginAt } }\n    }\n  }\n": typeof types.ConsoleSearchUsersDocument,
    "\n  query ConsoleWebhookEndpoints {\n    webhookEndpoints { id url description kinds enabled failingSince cursor createdAt }\n  }\n": typeof types.ConsoleWebhookEndpointsDocument,
    "\n  query ConsoleWebhookDeliveries($after: String) {\n    webhookEndpoints {\n      id\n      deliveries(first: 20, after: $after) {\n        id eventCursor status attempts responseStatus lastError nextAttemptAt deliveredAt durationMs\n      }\n    }\n  }\n": typeof types.ConsoleWebhookDeliveriesDocument,
    "\n  mutation ConsoleCreateWebhookEndpoint($input: WebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      __typename\n      ... on WebhookEndpointCreated { secret endpoint { id url } }\n      ... on Error { code message }\n    }\n  }\n": typeof types.ConsoleCreateWebhookEndpointDocument,
    "\n  mutation ConsoleUpdateWebhookEndpoint($id: ID!, $input: WebhookEndpointChanges!) {\n    updateWebhookEndpoint(id: $id, input: $input) {\n      __typename\n      ... on WebhookEndpoint { id url description kinds enabled failingSince }\n      ... on Error { code message }\n    }\n  }\n": typeof types.ConsoleUpdateWebhookEndpointDocument,
    "\n  mutation ConsoleRotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) {\n      __typename\n      ... on WebhookEndpointCreated { secret endpoint { id url } }\n      ... on Error { code message }\n    }\n  }\n": typeof types.ConsoleRotateWebhookSecretDocument,
    "\n  mutation ConsoleDeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id) {\n      __typename\n      ... on WebhookEndpoint { id }\n      ... on Error { code message }\n    }\n  }\n": typeof types.ConsoleDeleteWebhookEndpointDocument,
    "\n  mutation ConsoleSendTestWebhook($id: ID!) {\n    sendTestWebhook(id: $id) {\n      __typename\n      ... on WebhookTest { ok responseStatus durationMs error }\n      ... on Error { code message }\n    }\n  }\n": typeof types.ConsoleSendTestWebhookDocument,
    "\n  mutation ConsoleRedeliverWebhook($deliveryId: ID!) {\n    redeliverWebhook(deliveryId: $deliveryId) {\n      __typename\n      ... on WebhookDelivery { id status attempts nextAttemptAt }\n      ... on Error { code message }\n    }\n  }\n": typeof types.ConsoleRedeliverWebhookDocument,
    "\n  fragment ConsoleDeviceRow on Device {\n    id\n    name\n    status\n    platform\n    osVersion\n    model\n    appName\n    appVersion\n    mobileAuth\n    lastUsedAt\n    createdAt\n    stale\n    owner { id email displayName }\n    lastUser { id email }\n  }\n": typeof types.ConsoleDeviceRowFragmentDoc,
    "\n  fragment ConsoleEventRow on Event {\n    id\n    cursor\n    kind\n    at\n    deviceId\n    deviceName\n    fromStatus\n    toStatus\n    detail\n    ip\n    actor { id email }\n    bySystem\n    user { id email }\n  }\n": typeof types.ConsoleEventRowFragmentDoc,
};
const documents: Documents = {
    "\n  query ConsoleMe {\n    me { id email displayName role }\n  }\n": types.ConsoleMeDocument,
    "\n  query PendingDevices {\n    devices(filter: { status: PENDING }, first: 50) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          model\n          platform\n          osVersion\n          appName\n          appVersion\n          createdAt\n          owner { id email displayName }\n        }\n      }\n    }\n  }\n": types.PendingDevicesDocument,
    "\n  mutation ConsoleLogout {\n    logout\n  }\n": types.ConsoleLogoutDocument,
    "\n  mutation ConsoleApproveDevice($id: ID!) {\n    approveDevice(id: $id) {\n      __typename\n      ... on Device { id status statusChangedAt blockedReason }\n      ... on Error { code message }\n    }\n  }\n": types.ConsoleApproveDeviceDocument,
    "\n  mutation ConsoleApproveDevices($ids: [ID!]!) {\n    approveDevices(ids: $ids) {\n      __typename\n      ... on Device { id status statusChangedAt blockedReason }\n      ... on Error { code message }\n    }\n  }\n": types.ConsoleApproveDevicesDocument,
    "\n  mutation ConsoleBlockDevices($ids: [ID!]!, $reason: String) {\n    blockDevices(ids: $ids, reason: $reason) {\n      __typename\n      ... on Device { id status statusChangedAt blockedReason }\n      ... on Error { code message }\n    }\n  }\n": types.ConsoleBlockDevicesDocument,
    "\n  mutation ConsoleUnblockDevice($id: ID!) {\n    unblockDevice(id: $id) {\n      __typename\n      ... on Device { id status statusChangedAt blockedReason }\n      ... on Error { code message }\n    }\n  }\n": types.ConsoleUnblockDeviceDocument,
    "\n  mutation ConsoleRenameDevice($id: ID!, $name: String!) {\n    renameDevice(id: $id, name: $name) {\n      __typename\n      ... on Device { id name }\n      ... on Error { code message }\n    }\n  }\n": types.ConsoleRenameDeviceDocument,
    "\n  mutation ConsoleForgetDevice($id: ID!) {\n    forgetDevice(id: $id) {\n      __typename\n      ... on ForgottenDevice { id name }\n      ... on Error { code message }\n    }\n  }\n": types.ConsoleForgetDeviceDocument,
    "\n  subscription ConsoleFeed($after: String) {\n    deviceEvents(after: $after) {\n      id\n      cursor\n      kind\n      at\n      deviceId\n      deviceName\n      fromStatus\n      toStatus\n      detail\n      ip\n      actor { id email }\n      bySystem\n      user { id email }\n    }\n  }\n": types.ConsoleFeedDocument,
    "\n  query NewestEvent {\n    events(first: 1) { edges { node { id cursor } } }\n  }\n": types.NewestEventDocument,
    "\n  query ConsoleApiKeys {\n    apiKeys { id name scopes createdAt expiresAt lastUsedAt revokedAt createdBy { id email } }\n  }\n": types.ConsoleApiKeysDocument,
    "\n  mutation ConsoleCreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      __typename\n      ... on ApiKeyCreated { secret apiKey { id name } }\n    }\n  }\n": types.ConsoleCreateApiKeyDocument,
    "\n  mutation ConsoleRevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      __typename\n      ... on ApiKey { id revokedAt }\n      ... on Error { code message }\n    }\n  }\n": types.ConsoleRevokeApiKeyDocument,
    "\n  query ConsoleDevice($id: ID!) {\n    device(id: $id) {\n      id\n      name\n      status\n      blockedReason\n      platform\n      osVersion\n      model\n      appName\n      appVersion\n      installationId\n      keyAlgorithm\n      keyId\n      mobileAuth\n      createdAt\n      lastUsedAt\n      stale\n      statusChangedAt\n      statusChangedBy { id email }\n      owner { id email displayName }\n      lastUser { id email }\n      users(first: 10) { totalCount edges { node { id email displayName } } }\n      events(first: 20) { totalCount edges { node { ...ConsoleEventRow } } }\n    }\n  }\n": types.ConsoleDeviceDocument,
    "\n  query ConsoleDevices($filter: DeviceFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    devices(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { node { ...ConsoleDeviceRow } }\n    }\n  }\n": types.ConsoleDevicesDocument,
    "\n  query ConsoleEvents($filter: EventFilter, $after: String) {\n    events(filter: $filter, first: 25, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { ...ConsoleEventRow } }\n    }\n  }\n": types.ConsoleEventsDocument,
    "\n  query ConsoleEventsFindUser($email: String!) {\n    users(filter: { email: $email }, first: 1) { edges { node { id email } } }\n  }\n": types.ConsoleEventsFindUserDocument,
    "\n  query ConsoleEventsFindDevices($search: String!, $userId: ID) {\n    devices(filter: { search: $search, userId: $userId }, first: 10) {\n      totalCount\n      edges { node { id name model owner { id email } } }\n    }\n  }\n": types.ConsoleEventsFindDevicesDocument,
    "\n  query ConsolePolicy {\n    devicePolicy { approvalMode maxDevicesPerUser allowSignUp }\n  }\n": types.ConsolePolicyDocument,
    "\n  mutation ConsoleSetPolicy($input: DevicePolicyInput!) {\n    setDevicePolicy(input: $input) {\n      __typename\n      ... on DevicePolicy { approvalMode maxDevicesPerUser allowSignUp }\n    }\n  }\n": types.ConsoleSetPolicyDocument,
    "\n  mutation ConsoleLogin($input: LoginInput!) {\n    login(input: $input) {\n      __typename\n      ... on Session { token user { id role } }\n      ... on Error { code message }\n    }\n  }\n": types.ConsoleLoginDocument,
    "\n  query ConsoleUser($id: ID!) {\n    user(id: $id) {\n      id\n      email\n      displayName\n      role\n      createdAt\n      lastLoginAt\n      deviceCount\n      devices(first: 12) { totalCount edges { node { ...ConsoleDeviceRow } } }\n      events(first: 10) { edges { node { ...ConsoleEventRow } } }\n    }\n  }\n": types.ConsoleUserDocument,
    "\n  query ConsoleSearchUsers($search: String, $after: String) {\n    users(filter: { search: $search }, first: 50, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id email displayName role deviceCount lastLoginAt } }\n    }\n  }\n": types.ConsoleSearchUsersDocument,
    "\n  query ConsoleWebhookEndpoints {\n    webhookEndpoints { id url description kinds enabled failingSince cursor createdAt }\n  }\n": types.ConsoleWebhookEndpointsDocument,
    "\n  query ConsoleWebhookDeliveries($after: String) {\n    webhookEndpoints {\n      id\n      deliveries(first: 20, after: $after) {\n        id eventCursor status attempts responseStatus lastError nextAttemptAt deliveredAt durationMs\n      }\n    }\n  }\n": types.ConsoleWebhookDeliveriesDocument,
    "\n  mutation ConsoleCreateWebhookEndpoint($input: WebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      __typename\n      ... on WebhookEndpointCreated { secret endpoint { id url } }\n      ... on Error { code message }\n    }\n  }\n": types.ConsoleCreateWebhookEndpointDocument,
    "\n  mutation ConsoleUpdateWebhookEndpoint($id: ID!, $input: WebhookEndpointChanges!) {\n    updateWebhookEndpoint(id: $id, input: $input) {\n      __typename\n      ... on WebhookEndpoint { id url description kinds enabled failingSince }\n      ... on Error { code message }\n    }\n  }\n": types.ConsoleUpdateWebhookEndpointDocument,
    "\n  mutation ConsoleRotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) {\n      __typename\n      ... on WebhookEndpointCreated { secret endpoint { id url } }\n      ... on Error { code message }\n    }\n  }\n": types.ConsoleRotateWebhookSecretDocument,
    "\n  mutation ConsoleDeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id) {\n      __typename\n      ... on WebhookEndpoint { id }\n      ... on Error { code message }\n    }\n  }\n": types.ConsoleDeleteWebhookEndpointDocument,
    "\n  mutation ConsoleSendTestWebhook($id: ID!) {\n    sendTestWebhook(id: $id) {\n      __typename\n      ... on WebhookTest { ok responseStatus durationMs error }\n      ... on Error { code message }\n    }\n  }\n": types.ConsoleSendTestWebhookDocument,
    "\n  mutation ConsoleRedeliverWebhook($deliveryId: ID!) {\n    redeliverWebhook(deliveryId: $deliveryId) {\n      __typename\n      ... on WebhookDelivery { id status attempts nextAttemptAt }\n      ... on Error { code message }\n    }\n  }\n": types.ConsoleRedeliverWebhookDocument,
    "\n  fragment ConsoleDeviceRow on Device {\n    id\n    name\n    status\n    platform\n    osVersion\n    model\n    appName\n    appVersion\n    mobileAuth\n    lastUsedAt\n    createdAt\n    stale\n    owner { id email displayName }\n    lastUser { id email }\n  }\n": types.ConsoleDeviceRowFragmentDoc,
    "\n  fragment ConsoleEventRow on Event {\n    id\n    cursor\n    kind\n    at\n    deviceId\n    deviceName\n    fromStatus\n    toStatus\n    detail\n    ip\n    actor { id email }\n    bySystem\n    user { id email }\n  }\n": types.ConsoleEventRowFragmentDoc,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleMe {\n    me { id email displayName role }\n  }\n"): (typeof documents)["\n  query ConsoleMe {\n    me { id email displayName role }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PendingDevices {\n    devices(filter: { status: PENDING }, first: 50) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          model\n          platform\n          osVersion\n          appName\n          appVersion\n          createdAt\n          owner { id email displayName }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query PendingDevices {\n    devices(filter: { status: PENDING }, first: 50) {\n      totalCount\n      edges {\n        node {\n          id\n          name\n          model\n          platform\n          osVersion\n          appName\n          appVersion\n          createdAt\n          owner { id email displayName }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleLogout {\n    logout\n  }\n"): (typeof documents)["\n  mutation ConsoleLogout {\n    logout\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleApproveDevice($id: ID!) {\n    approveDevice(id: $id) {\n      __typename\n      ... on Device { id status statusChangedAt blockedReason }\n      ... on Error { code message }\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleApproveDevice($id: ID!) {\n    approveDevice(id: $id) {\n      __typename\n      ... on Device { id status statusChangedAt blockedReason }\n      ... on Error { code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleApproveDevices($ids: [ID!]!) {\n    approveDevices(ids: $ids) {\n      __typename\n      ... on Device { id status statusChangedAt blockedReason }\n      ... on Error { code message }\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleApproveDevices($ids: [ID!]!) {\n    approveDevices(ids: $ids) {\n      __typename\n      ... on Device { id status statusChangedAt blockedReason }\n      ... on Error { code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleBlockDevices($ids: [ID!]!, $reason: String) {\n    blockDevices(ids: $ids, reason: $reason) {\n      __typename\n      ... on Device { id status statusChangedAt blockedReason }\n      ... on Error { code message }\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleBlockDevices($ids: [ID!]!, $reason: String) {\n    blockDevices(ids: $ids, reason: $reason) {\n      __typename\n      ... on Device { id status statusChangedAt blockedReason }\n      ... on Error { code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleUnblockDevice($id: ID!) {\n    unblockDevice(id: $id) {\n      __typename\n      ... on Device { id status statusChangedAt blockedReason }\n      ... on Error { code message }\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleUnblockDevice($id: ID!) {\n    unblockDevice(id: $id) {\n      __typename\n      ... on Device { id status statusChangedAt blockedReason }\n      ... on Error { code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleRenameDevice($id: ID!, $name: String!) {\n    renameDevice(id: $id, name: $name) {\n      __typename\n      ... on Device { id name }\n      ... on Error { code message }\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleRenameDevice($id: ID!, $name: String!) {\n    renameDevice(id: $id, name: $name) {\n      __typename\n      ... on Device { id name }\n      ... on Error { code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleForgetDevice($id: ID!) {\n    forgetDevice(id: $id) {\n      __typename\n      ... on ForgottenDevice { id name }\n      ... on Error { code message }\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleForgetDevice($id: ID!) {\n    forgetDevice(id: $id) {\n      __typename\n      ... on ForgottenDevice { id name }\n      ... on Error { code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ConsoleFeed($after: String) {\n    deviceEvents(after: $after) {\n      id\n      cursor\n      kind\n      at\n      deviceId\n      deviceName\n      fromStatus\n      toStatus\n      detail\n      ip\n      actor { id email }\n      bySystem\n      user { id email }\n    }\n  }\n"): (typeof documents)["\n  subscription ConsoleFeed($after: String) {\n    deviceEvents(after: $after) {\n      id\n      cursor\n      kind\n      at\n      deviceId\n      deviceName\n      fromStatus\n      toStatus\n      detail\n      ip\n      actor { id email }\n      bySystem\n      user { id email }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NewestEvent {\n    events(first: 1) { edges { node { id cursor } } }\n  }\n"): (typeof documents)["\n  query NewestEvent {\n    events(first: 1) { edges { node { id cursor } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleApiKeys {\n    apiKeys { id name scopes createdAt expiresAt lastUsedAt revokedAt createdBy { id email } }\n  }\n"): (typeof documents)["\n  query ConsoleApiKeys {\n    apiKeys { id name scopes createdAt expiresAt lastUsedAt revokedAt createdBy { id email } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleCreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      __typename\n      ... on ApiKeyCreated { secret apiKey { id name } }\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleCreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      __typename\n      ... on ApiKeyCreated { secret apiKey { id name } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleRevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      __typename\n      ... on ApiKey { id revokedAt }\n      ... on Error { code message }\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleRevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      __typename\n      ... on ApiKey { id revokedAt }\n      ... on Error { code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleDevice($id: ID!) {\n    device(id: $id) {\n      id\n      name\n      status\n      blockedReason\n      platform\n      osVersion\n      model\n      appName\n      appVersion\n      installationId\n      keyAlgorithm\n      keyId\n      mobileAuth\n      createdAt\n      lastUsedAt\n      stale\n      statusChangedAt\n      statusChangedBy { id email }\n      owner { id email displayName }\n      lastUser { id email }\n      users(first: 10) { totalCount edges { node { id email displayName } } }\n      events(first: 20) { totalCount edges { node { ...ConsoleEventRow } } }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleDevice($id: ID!) {\n    device(id: $id) {\n      id\n      name\n      status\n      blockedReason\n      platform\n      osVersion\n      model\n      appName\n      appVersion\n      installationId\n      keyAlgorithm\n      keyId\n      mobileAuth\n      createdAt\n      lastUsedAt\n      stale\n      statusChangedAt\n      statusChangedBy { id email }\n      owner { id email displayName }\n      lastUser { id email }\n      users(first: 10) { totalCount edges { node { id email displayName } } }\n      events(first: 20) { totalCount edges { node { ...ConsoleEventRow } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleDevices($filter: DeviceFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    devices(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { node { ...ConsoleDeviceRow } }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleDevices($filter: DeviceFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    devices(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { node { ...ConsoleDeviceRow } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleEvents($filter: EventFilter, $after: String) {\n    events(filter: $filter, first: 25, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { ...ConsoleEventRow } }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleEvents($filter: EventFilter, $after: String) {\n    events(filter: $filter, first: 25, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { ...ConsoleEventRow } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleEventsFindUser($email: String!) {\n    users(filter: { email: $email }, first: 1) { edges { node { id email } } }\n  }\n"): (typeof documents)["\n  query ConsoleEventsFindUser($email: String!) {\n    users(filter: { email: $email }, first: 1) { edges { node { id email } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleEventsFindDevices($search: String!, $userId: ID) {\n    devices(filter: { search: $search, userId: $userId }, first: 10) {\n      totalCount\n      edges { node { id name model owner { id email } } }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleEventsFindDevices($search: String!, $userId: ID) {\n    devices(filter: { search: $search, userId: $userId }, first: 10) {\n      totalCount\n      edges { node { id name model owner { id email } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsolePolicy {\n    devicePolicy { approvalMode maxDevicesPerUser allowSignUp }\n  }\n"): (typeof documents)["\n  query ConsolePolicy {\n    devicePolicy { approvalMode maxDevicesPerUser allowSignUp }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleSetPolicy($input: DevicePolicyInput!) {\n    setDevicePolicy(input: $input) {\n      __typename\n      ... on DevicePolicy { approvalMode maxDevicesPerUser allowSignUp }\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleSetPolicy($input: DevicePolicyInput!) {\n    setDevicePolicy(input: $input) {\n      __typename\n      ... on DevicePolicy { approvalMode maxDevicesPerUser allowSignUp }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleLogin($input: LoginInput!) {\n    login(input: $input) {\n      __typename\n      ... on Session { token user { id role } }\n      ... on Error { code message }\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleLogin($input: LoginInput!) {\n    login(input: $input) {\n      __typename\n      ... on Session { token user { id role } }\n      ... on Error { code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleUser($id: ID!) {\n    user(id: $id) {\n      id\n      email\n      displayName\n      role\n      createdAt\n      lastLoginAt\n      deviceCount\n      devices(first: 12) { totalCount edges { node { ...ConsoleDeviceRow } } }\n      events(first: 10) { edges { node { ...ConsoleEventRow } } }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleUser($id: ID!) {\n    user(id: $id) {\n      id\n      email\n      displayName\n      role\n      createdAt\n      lastLoginAt\n      deviceCount\n      devices(first: 12) { totalCount edges { node { ...ConsoleDeviceRow } } }\n      events(first: 10) { edges { node { ...ConsoleEventRow } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleSearchUsers($search: String, $after: String) {\n    users(filter: { search: $search }, first: 50, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id email displayName role deviceCount lastLoginAt } }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleSearchUsers($search: String, $after: String) {\n    users(filter: { search: $search }, first: 50, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id email displayName role deviceCount lastLoginAt } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleWebhookEndpoints {\n    webhookEndpoints { id url description kinds enabled failingSince cursor createdAt }\n  }\n"): (typeof documents)["\n  query ConsoleWebhookEndpoints {\n    webhookEndpoints { id url description kinds enabled failingSince cursor createdAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ConsoleWebhookDeliveries($after: String) {\n    webhookEndpoints {\n      id\n      deliveries(first: 20, after: $after) {\n        id eventCursor status attempts responseStatus lastError nextAttemptAt deliveredAt durationMs\n      }\n    }\n  }\n"): (typeof documents)["\n  query ConsoleWebhookDeliveries($after: String) {\n    webhookEndpoints {\n      id\n      deliveries(first: 20, after: $after) {\n        id eventCursor status attempts responseStatus lastError nextAttemptAt deliveredAt durationMs\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleCreateWebhookEndpoint($input: WebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      __typename\n      ... on WebhookEndpointCreated { secret endpoint { id url } }\n      ... on Error { code message }\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleCreateWebhookEndpoint($input: WebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      __typename\n      ... on WebhookEndpointCreated { secret endpoint { id url } }\n      ... on Error { code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleUpdateWebhookEndpoint($id: ID!, $input: WebhookEndpointChanges!) {\n    updateWebhookEndpoint(id: $id, input: $input) {\n      __typename\n      ... on WebhookEndpoint { id url description kinds enabled failingSince }\n      ... on Error { code message }\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleUpdateWebhookEndpoint($id: ID!, $input: WebhookEndpointChanges!) {\n    updateWebhookEndpoint(id: $id, input: $input) {\n      __typename\n      ... on WebhookEndpoint { id url description kinds enabled failingSince }\n      ... on Error { code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleRotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) {\n      __typename\n      ... on WebhookEndpointCreated { secret endpoint { id url } }\n      ... on Error { code message }\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleRotateWebhookSecret($id: ID!) {\n    rotateWebhookSecret(id: $id) {\n      __typename\n      ... on WebhookEndpointCreated { secret endpoint { id url } }\n      ... on Error { code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleDeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id) {\n      __typename\n      ... on WebhookEndpoint { id }\n      ... on Error { code message }\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleDeleteWebhookEndpoint($id: ID!) {\n    deleteWebhookEndpoint(id: $id) {\n      __typename\n      ... on WebhookEndpoint { id }\n      ... on Error { code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleSendTestWebhook($id: ID!) {\n    sendTestWebhook(id: $id) {\n      __typename\n      ... on WebhookTest { ok responseStatus durationMs error }\n      ... on Error { code message }\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleSendTestWebhook($id: ID!) {\n    sendTestWebhook(id: $id) {\n      __typename\n      ... on WebhookTest { ok responseStatus durationMs error }\n      ... on Error { code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConsoleRedeliverWebhook($deliveryId: ID!) {\n    redeliverWebhook(deliveryId: $deliveryId) {\n      __typename\n      ... on WebhookDelivery { id status attempts nextAttemptAt }\n      ... on Error { code message }\n    }\n  }\n"): (typeof documents)["\n  mutation ConsoleRedeliverWebhook($deliveryId: ID!) {\n    redeliverWebhook(deliveryId: $deliveryId) {\n      __typename\n      ... on WebhookDelivery { id status attempts nextAttemptAt }\n      ... on Error { code message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConsoleDeviceRow on Device {\n    id\n    name\n    status\n    platform\n    osVersion\n    model\n    appName\n    appVersion\n    mobileAuth\n    lastUsedAt\n    createdAt\n    stale\n    owner { id email displayName }\n    lastUser { id email }\n  }\n"): (typeof documents)["\n  fragment ConsoleDeviceRow on Device {\n    id\n    name\n    status\n    platform\n    osVersion\n    model\n    appName\n    appVersion\n    mobileAuth\n    lastUsedAt\n    createdAt\n    stale\n    owner { id email displayName }\n    lastUser { id email }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConsoleEventRow on Event {\n    id\n    cursor\n    kind\n    at\n    deviceId\n    deviceName\n    fromStatus\n    toStatus\n    detail\n    ip\n    actor { id email }\n    bySystem\n    user { id email }\n  }\n"): (typeof documents)["\n  fragment ConsoleEventRow on Event {\n    id\n    cursor\n    kind\n    at\n    deviceId\n    deviceName\n    fromStatus\n    toStatus\n    detail\n    ip\n    actor { id email }\n    bySystem\n    user { id email }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;