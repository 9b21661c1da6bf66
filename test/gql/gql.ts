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
    "\n  mutation AlertsCreateHook($input: WebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) { __typename }\n  }\n": typeof types.AlertsCreateHookDocument,
    "\n  query AlertsSettings {\n    notificationSettings { newDevicePending }\n  }\n": typeof types.AlertsSettingsDocument,
    "\n  mutation AlertsUpdateSettings($input: NotificationSettingsInput!) {\n    updateNotificationSettings(input: $input) {\n      __typename\n      ... on NotificationSettings { newDevicePending }\n    }\n  }\n": typeof types.AlertsUpdateSettingsDocument,
    "\n  mutation AlertsAddUser($input: CreateUserInput!) {\n    createUser(input: $input) { __typename ... on User { id email } ... on Error { code } }\n  }\n": typeof types.AlertsAddUserDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      __typename\n      ... on ApiKeyCreated { secret apiKey { id name scopes expiresAt lastUsedAt revokedAt createdBy { email } } }\n    }\n  }\n": typeof types.CreateApiKeyDocument,
    "\n  query ApiKeys {\n    apiKeys { id name scopes createdBy { email } createdAt expiresAt lastUsedAt revokedAt }\n  }\n": typeof types.ApiKeysDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      __typename\n      ... on ApiKey { id revokedAt }\n      ... on Error { code message }\n    }\n  }\n": typeof types.RevokeApiKeyDocument,
    "\n  query KeyEvents($filter: EventFilter) {\n    events(filter: $filter, first: 20) {\n      edges { node { kind detail deviceId actor { email } actorKey { id name } } }\n    }\n  }\n": typeof types.KeyEventsDocument,
    "\n  subscription KeyLiveEvents {\n    deviceEvents { kind deviceId }\n  }\n": typeof types.KeyLiveEventsDocument,
    "\n  query ApprovalDecision($id: ID!) {\n    device(id: $id) {\n      id\n      status\n      decision { by at reason admin { email } apiKey { name } rule { id name } }\n      pendingReason\n      events(first: 10) { edges { node { kind decisionBy detail } } }\n    }\n  }\n": typeof types.ApprovalDecisionDocument,
    "\n  mutation ApprovalCreateKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { __typename ... on ApiKeyCreated { secret } }\n  }\n": typeof types.ApprovalCreateKeyDocument,
    "\n  query ApprovalRules {\n    approvalRules { id name position action conditions { emailDomains roles platforms minOsVersions { platform version } appNames keyBound hasApprovedDevice maxDevices } }\n  }\n": typeof types.ApprovalRulesDocument,
    "\n  mutation ApprovalCreateRule($input: ApprovalRuleInput!) {\n    createApprovalRule(input: $input) {\n      __typename\n      ... on ApprovalRule { id name position }\n      ... on InvalidApprovalRule { code reason }\n      ... on Error { message }\n    }\n  }\n": typeof types.ApprovalCreateRuleDocument,
    "\n  mutation ApprovalUpdateRule($id: ID!, $input: ApprovalRuleInput!) {\n    updateApprovalRule(id: $id, input: $input) {\n      __typename\n      ... on ApprovalRule { id name action }\n      ... on InvalidApprovalRule { reason }\n      ... on Error { code }\n    }\n  }\n": typeof types.ApprovalUpdateRuleDocument,
    "\n  mutation ApprovalDeleteRule($id: ID!) {\n    deleteApprovalRule(id: $id) { __typename ... on ApprovalRule { id } ... on Error { code } }\n  }\n": typeof types.ApprovalDeleteRuleDocument,
    "\n  mutation ApprovalReorderRules($ids: [ID!]!) {\n    reorderApprovalRules(ids: $ids) {\n      __typename\n      ... on ApprovalRuleList { rules { id position } }\n      ... on InvalidApprovalRule { reason }\n    }\n  }\n": typeof types.ApprovalReorderRulesDocument,
    "\n  query ApprovalPreviewRule($input: ApprovalRuleInput!) {\n    previewApprovalRule(input: $input) {\n      __typename\n      ... on ApprovalRulePreview { action matching devices { id } }\n      ... on InvalidApprovalRule { reason }\n    }\n  }\n": typeof types.ApprovalPreviewRuleDocument,
    "\n  mutation ApprovalLogin($input: LoginInput!) {\n    login(input: $input) {\n      __typename\n      ... on Session { device { id status } }\n      ... on DevicePendingApproval { pendingReason device { id status pendingReason } }\n      ... on Error { code message }\n    }\n  }\n": typeof types.ApprovalLoginDocument,
    "\n  mutation ApprovalCreateCode($input: CreateEnrolmentCodeInput!) {\n    createEnrolmentCode(input: $input) {\n      __typename\n      ... on EnrolmentCodeCreated { code enrolmentCode { id name uses usesLeft expiresAt emailDomain user { email } } }\n      ... on Error { code message }\n    }\n  }\n": typeof types.ApprovalCreateCodeDocument,
    "\n  query ApprovalCodes {\n    enrolmentCodes { id name uses usesLeft revokedAt lastUsedAt }\n  }\n": typeof types.ApprovalCodesDocument,
    "\n  mutation ApprovalRevokeCode($id: ID!) {\n    revokeEnrolmentCode(id: $id) { __typename ... on EnrolmentCode { id revokedAt } ... on Error { code } }\n  }\n": typeof types.ApprovalRevokeCodeDocument,
    "\n  mutation AuthzChangePassword($current: String!, $next: String!) {\n    changePassword(currentPassword: $current, newPassword: $next) { __typename ... on Error { code } }\n  }\n": typeof types.AuthzChangePasswordDocument,
    "\n  mutation AuthzResetPassword($userId: ID!, $next: String!) {\n    resetPassword(userId: $userId, newPassword: $next) { __typename ... on Error { code } }\n  }\n": typeof types.AuthzResetPasswordDocument,
    "\n  mutation AuthzSetUserRole($userId: ID!, $role: Role!) {\n    setUserRole(userId: $userId, role: $role) { __typename ... on User { id role } ... on Error { code } }\n  }\n": typeof types.AuthzSetUserRoleDocument,
    "\n  mutation AuthzChallenge($keyId: String!) {\n    deviceChallenge(keyId: $keyId) { __typename ... on DeviceChallenge { challengeId nonce } }\n  }\n": typeof types.AuthzChallengeDocument,
    "\n  mutation AuthzVerify($proof: DeviceProof!) {\n    verifyDevice(proof: $proof) {\n      __typename\n      ... on KnownDevice { deviceId device { id } }\n      ... on Error { code }\n    }\n  }\n": typeof types.AuthzVerifyDocument,
    "\n  mutation AuthzLoginWithDevice($proof: DeviceProof!) {\n    loginWithDevice(proof: $proof) {\n      __typename\n      ... on Session { user { email } }\n      ... on Error { code }\n    }\n  }\n": typeof types.AuthzLoginWithDeviceDocument,
    "\n  query AuthzMe {\n    me {\n      id\n      email\n      devices(first: 1) { totalCount }\n      events(first: 1) { totalCount }\n    }\n  }\n": typeof types.AuthzMeDocument,
    "\n  query AuthzUser($id: ID!) {\n    user(id: $id) { id email }\n  }\n": typeof types.AuthzUserDocument,
    "\n  query AuthzOwnerDevices($id: ID!) {\n    device(id: $id) {\n      id\n      owner { id devices(first: 100) { totalCount } }\n    }\n  }\n": typeof types.AuthzOwnerDevicesDocument,
    "\n  query AuthzOwnerEvents($id: ID!) {\n    device(id: $id) {\n      id\n      owner { id events(first: 1) { totalCount } }\n    }\n  }\n": typeof types.AuthzOwnerEventsDocument,
    "\n  query AuthzActorDevices {\n    me {\n      id\n      events(first: 100) { edges { node { kind actor { id devices(first: 1) { totalCount } } } } }\n    }\n  }\n": typeof types.AuthzActorDevicesDocument,
    "\n  query AuthzActorEvents {\n    me {\n      id\n      events(first: 100) { edges { node { kind actor { id events(first: 1) { totalCount } } } } }\n    }\n  }\n": typeof types.AuthzActorEventsDocument,
    "\n  query AuthzApiKeys {\n    apiKeys { id name }\n  }\n": typeof types.AuthzApiKeysDocument,
    "\n  query AuthzApprovalRules {\n    approvalRules { id name }\n  }\n": typeof types.AuthzApprovalRulesDocument,
    "\n  query AuthzPreviewRule($input: ApprovalRuleInput!) {\n    previewApprovalRule(input: $input) { __typename ... on ApprovalRulePreview { matching } }\n  }\n": typeof types.AuthzPreviewRuleDocument,
    "\n  mutation AuthzCreateRule($input: ApprovalRuleInput!) {\n    createApprovalRule(input: $input) { __typename ... on ApprovalRule { id } }\n  }\n": typeof types.AuthzCreateRuleDocument,
    "\n  mutation AuthzUpdateRule($id: ID!, $input: ApprovalRuleInput!) {\n    updateApprovalRule(id: $id, input: $input) { __typename ... on ApprovalRule { id } }\n  }\n": typeof types.AuthzUpdateRuleDocument,
    "\n  mutation AuthzDeleteRule($id: ID!) {\n    deleteApprovalRule(id: $id) { __typename ... on ApprovalRule { id } }\n  }\n": typeof types.AuthzDeleteRuleDocument,
    "\n  mutation AuthzReorderRules($ids: [ID!]!) {\n    reorderApprovalRules(ids: $ids) { __typename ... on ApprovalRuleList { rules { id } } }\n  }\n": typeof types.AuthzReorderRulesDocument,
    "\n  query AuthzEnrolmentCodes {\n    enrolmentCodes { id name usesLeft }\n  }\n": typeof types.AuthzEnrolmentCodesDocument,
    "\n  mutation AuthzCreateCode($input: CreateEnrolmentCodeInput!) {\n    createEnrolmentCode(input: $input) { __typename ... on EnrolmentCodeCreated { code enrolmentCode { id } } }\n  }\n": typeof types.AuthzCreateCodeDocument,
    "\n  mutation AuthzRevokeCode($id: ID!) {\n    revokeEnrolmentCode(id: $id) { __typename ... on EnrolmentCode { id } }\n  }\n": typeof types.AuthzRevokeCodeDocument,
    "\n  query AuthzApprovalRequests {\n    deviceApprovalRequests { id challengeId message }\n  }\n": typeof types.AuthzApprovalRequestsDocument,
    "\n  mutation AuthzApproveOwnDevice($requestId: ID!, $proof: DeviceProof!) {\n    approveOwnDevice(requestId: $requestId, proof: $proof) { __typename ... on Device { id } ... on Error { code } }\n  }\n": typeof types.AuthzApproveOwnDeviceDocument,
    "\n  query AuthzNotificationSettings {\n    notificationSettings { newDevicePending }\n  }\n": typeof types.AuthzNotificationSettingsDocument,
    "\n  mutation AuthzUpdateNotificationSettings($input: NotificationSettingsInput!) {\n    updateNotificationSettings(input: $input) { __typename ... on NotificationSettings { newDevicePending } }\n  }\n": typeof types.AuthzUpdateNotificationSettingsDocument,
    "\n  mutation AuthzCreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { __typename ... on ApiKeyCreated { secret apiKey { id name } } }\n  }\n": typeof types.AuthzCreateApiKeyDocument,
    "\n  mutation AuthzRevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) { __typename ... on ApiKey { id revokedAt } ... on Error { code } }\n  }\n": typeof types.AuthzRevokeApiKeyDocument,
    "\n  query AuthzWebhookEndpoints {\n    webhookEndpoints { id url }\n  }\n": typeof types.AuthzWebhookEndpointsDocument,
    "\n  query AuthzWebhookEndpoint($id: ID!) {\n    webhookEndpoint(id: $id) { id url }\n  }\n": typeof types.AuthzWebhookEndpointDocument,
    "\n  mutation AuthzCreateWebhook($input: WebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) { __typename ... on WebhookEndpointCreated { secret endpoint { id } } ... on Error { code } }\n  }\n": typeof types.AuthzCreateWebhookDocument,
    "\n  mutation AuthzUpdateWebhook($id: ID!) {\n    updateWebhookEndpoint(id: $id, input: { description: \"checked\" }) { __typename ... on WebhookEndpoint { id description } ... on Error { code } }\n  }\n": typeof types.AuthzUpdateWebhookDocument,
    "\n  mutation AuthzRotateWebhook($id: ID!) {\n    rotateWebhookSecret(id: $id) { __typename ... on WebhookEndpointCreated { secret } ... on Error { code } }\n  }\n": typeof types.AuthzRotateWebhookDocument,
    "\n  mutation AuthzDeleteWebhook($id: ID!) {\n    deleteWebhookEndpoint(id: $id) { __typename ... on WebhookEndpoint { id } ... on Error { code } }\n  }\n": typeof types.AuthzDeleteWebhookDocument,
    "\n  mutation AuthzUpdateAttributes($id: ID!, $set: JSONObject) {\n    updateDeviceAttributes(id: $id, set: $set) { __typename ... on Device { id attributes } ... on Error { code } }\n  }\n": typeof types.AuthzUpdateAttributesDocument,
    "\n  mutation AuthzTestWebhook($id: ID!) {\n    sendTestWebhook(id: $id) { __typename ... on WebhookTest { ok } ... on Error { code } }\n  }\n": typeof types.AuthzTestWebhookDocument,
    "\n  mutation AuthzRedeliverWebhook($id: ID!) {\n    redeliverWebhook(deliveryId: $id) { __typename ... on WebhookDelivery { id } ... on Error { code } }\n  }\n": typeof types.AuthzRedeliverWebhookDocument,
    "\n  mutation AuthzReplayWebhooks($id: ID!) {\n    replayWebhooks(endpointId: $id, after: \"MA\") { __typename ... on WebhookEndpoint { id } ... on Error { code } }\n  }\n": typeof types.AuthzReplayWebhooksDocument,
    "\n  mutation BulkCreateKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { __typename ... on ApiKeyCreated { secret } }\n  }\n": typeof types.BulkCreateKeyDocument,
    "\n  subscription BulkEvents($filter: EventFilter) {\n    deviceEvents(filter: $filter) { kind deviceId }\n  }\n": typeof types.BulkEventsDocument,
    "\n  mutation UpdateAttributes($id: ID!, $set: JSONObject, $unset: [String!]) {\n    updateDeviceAttributes(id: $id, set: $set, unset: $unset) {\n      __typename\n      ... on Device { id attributes }\n      ... on InvalidAttributes { code message problem key }\n      ... on Error { code message }\n    }\n  }\n": typeof types.UpdateAttributesDocument,
    "\n  mutation AttributesApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { __typename ... on ApiKeyCreated { secret } }\n  }\n": typeof types.AttributesApiKeyDocument,
    "\n  subscription AttributeEventsLive($filter: EventFilter, $after: String) {\n    deviceEvents(filter: $filter, after: $after) { kind detail device { id attributes } }\n  }\n": typeof types.AttributeEventsLiveDocument,
    "\n  query DeviceAttributes($id: ID!) {\n    device(id: $id) { id attributes }\n  }\n": typeof types.DeviceAttributesDocument,
    "\n  query DevicesByAttribute($key: String!, $value: JSON!) {\n    devices(filter: { attribute: { key: $key, value: $value } }, first: 50) {\n      totalCount\n      edges { node { id attributes } }\n    }\n  }\n": typeof types.DevicesByAttributeDocument,
    "query AttributeEvents($deviceId: ID!) { events(filter: { deviceId: $deviceId, kinds: [DEVICE_UPDATED] }) { edges { node { kind detail actor { email } } } } }": typeof types.AttributeEventsDocument,
    "\n  mutation KeysChallenge($keyId: String!) {\n    deviceChallenge(keyId: $keyId) {\n      __typename\n      ... on DeviceChallenge { challengeId nonce expiresAt }\n      ... on TooManyAttempts { retryAfter message }\n    }\n  }\n": typeof types.KeysChallengeDocument,
    "\n  mutation KeysVerify($proof: DeviceProof!) {\n    verifyDevice(proof: $proof) {\n      __typename\n      ... on KnownDevice { deviceId status device { id keyId keyAlgorithm owner { email } } }\n      ... on DevicePendingApproval { watchToken }\n      ... on Error { code message }\n    }\n  }\n": typeof types.KeysVerifyDocument,
    "\n  mutation KeysLoginWithDevice($proof: DeviceProof!) {\n    loginWithDevice(proof: $proof) {\n      __typename\n      ... on Session { token user { email } device { id } }\n      ... on Error { code message }\n    }\n  }\n": typeof types.KeysLoginWithDeviceDocument,
    "query KeysKeyId($id: ID!) { device(id: $id) { keyId } }": typeof types.KeysKeyIdDocument,
    "\n  query SearchAll($search: String!) {\n    devices(filter: { search: $search }, first: 100) {\n      totalCount\n      edges { node { installationId name model appName } }\n    }\n  }\n": typeof types.SearchAllDocument,
    "\n  subscription FeedOrder {\n    deviceEvents { cursor kind detail }\n  }\n": typeof types.FeedOrderDocument,
    "\n  subscription EventLogFeed($after: String) {\n    deviceEvents(after: $after) { id cursor kind detail }\n  }\n": typeof types.EventLogFeedDocument,
    "\n  mutation ExportApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { __typename ... on ApiKeyCreated { secret } }\n  }\n": typeof types.ExportApiKeyDocument,
    "\n  mutation ExportAttributes($id: ID!, $set: JSONObject) {\n    updateDeviceAttributes(id: $id, set: $set) { __typename }\n  }\n": typeof types.ExportAttributesDocument,
    "\n  query LanePhoneRead {\n    me {\n      id\n      devices(first: 10) {\n        totalCount\n        edges { node { id name status platform model appName lastUsedAt owner { id email } lastUser { id email } } }\n      }\n    }\n  }\n": typeof types.LanePhoneReadDocument,
    "\n  query LaneDevices($first: Int) {\n    me { id devices(first: $first) { totalCount } }\n  }\n": typeof types.LaneDevicesDocument,
    "\n  mutation LaneLogin($email: String!, $password: String!) {\n    login(input: { email: $email, password: $password }) { __typename ... on Error { code message } }\n  }\n": typeof types.LaneLoginDocument,
    "\n  subscription LaneDeviceEvents {\n    deviceEvents { kind }\n  }\n": typeof types.LaneDeviceEventsDocument,
    "\n  subscription MetricsEvents {\n    deviceEvents { id kind }\n  }\n": typeof types.MetricsEventsDocument,
    "query MetricsUsers { users(first: 1) { totalCount } }": typeof types.MetricsUsersDocument,
    "\n  fragment DeviceFields on Device {\n    id\n    installationId\n    name\n    status\n    platform\n    osVersion\n    model\n    appName\n    appVersion\n    mobileAuth\n    owner { id email }\n    lastUser { id email }\n    lastUsedAt\n    createdAt\n    statusChangedAt\n    statusChangedBy { id email }\n    blockedReason\n  }\n": typeof types.DeviceFieldsFragmentDoc,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      __typename\n      ... on User { id email displayName role }\n      ... on Error { code message }\n    }\n  }\n": typeof types.SignUpDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      __typename\n      ... on User { id email role }\n      ... on Error { code message }\n    }\n  }\n": typeof types.CreateUserDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      __typename\n      ... on Session { token expiresAt user { id email role } device { ...DeviceFields } }\n      ... on DevicePendingApproval { pendingDevice: device { ...DeviceFields } }\n      ... on DeviceLimitReached { limit }\n      ... on TooManyAttempts { retryAfter }\n      ... on Error { code message }\n    }\n  }\n": typeof types.LoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": typeof types.LogoutDocument,
    "\n  query Me {\n    me { id email role displayName lastLoginAt deviceCount }\n  }\n": typeof types.MeDocument,
    "\n  query MyDevices($first: Int, $after: String, $filter: DeviceFilter) {\n    me {\n      id\n      devices(first: $first, after: $after, filter: $filter) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { cursor node { ...DeviceFields } }\n      }\n    }\n  }\n": typeof types.MyDevicesDocument,
    "\n  query UserView($id: ID!, $first: Int) {\n    user(id: $id) {\n      id\n      email\n      deviceCount\n      devices(first: $first) { totalCount edges { node { ...DeviceFields } } }\n      events(first: $first) { totalCount edges { node { kind at deviceName } } }\n    }\n  }\n": typeof types.UserViewDocument,
    "\n  query Users($filter: UserFilter, $first: Int, $after: String) {\n    users(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id email role } }\n    }\n  }\n": typeof types.UsersDocument,
    "\n  query DeviceById($id: ID!) {\n    device(id: $id) {\n      ...DeviceFields\n      users(first: 10) { totalCount edges { node { id email } } }\n    }\n  }\n": typeof types.DeviceByIdDocument,
    "\n  query DeviceEvents($id: ID!) {\n    device(id: $id) {\n      id\n      events(first: 50) { totalCount edges { node { kind fromStatus toStatus } } }\n    }\n  }\n": typeof types.DeviceEventsDocument,
    "\n  query Devices($filter: DeviceFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    devices(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { cursor node { id installationId name status platform model } }\n    }\n  }\n": typeof types.DevicesDocument,
    "\n  query Events($filter: EventFilter, $first: Int, $after: String) {\n    events(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id\n          cursor\n          kind\n          at\n          actor { id email }\n          user { id email }\n          device { id status }\n          deviceId\n          deviceName\n          fromStatus\n          toStatus\n          ip\n          userAgent\n          detail\n        }\n      }\n    }\n  }\n": typeof types.EventsDocument,
    "\n  query Node($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Device { status }\n      ... on User { email }\n      ... on Event { kind }\n    }\n  }\n": typeof types.NodeDocument,
    "\n  mutation RegisterDevice($input: DeviceInput!) {\n    registerDevice(input: $input) {\n      __typename\n      ... on Device { ...DeviceFields }\n      ... on DeviceLimitReached { limit }\n      ... on Error { code message }\n    }\n  }\n": typeof types.RegisterDeviceDocument,
    "\n  mutation ApproveDevice($id: ID!) {\n    approveDevice(id: $id) {\n      __typename\n      ... on Device { ...DeviceFields }\n      ... on InvalidTransition { action currentStatus }\n      ... on Error { code message }\n    }\n  }\n": typeof types.ApproveDeviceDocument,
    "\n  mutation BlockDevice($id: ID!, $reason: String) {\n    blockDevice(id: $id, reason: $reason) {\n      __typename\n      ... on Device { ...DeviceFields }\n      ... on Error { code message }\n    }\n  }\n": typeof types.BlockDeviceDocument,
    "\n  mutation UnblockDevice($id: ID!) {\n    unblockDevice(id: $id) {\n      __typename\n      ... on Device { ...DeviceFields }\n      ... on Error { code message }\n    }\n  }\n": typeof types.UnblockDeviceDocument,
    "\n  mutation RenameDevice($id: ID!, $name: String!) {\n    renameDevice(id: $id, name: $name) {\n      __typename\n      ... on Device { ...DeviceFields }\n      ... on Error { code message }\n    }\n  }\n": typeof types.RenameDeviceDocument,
    "\n  mutation ForgetDevice($id: ID!) {\n    forgetDevice(id: $id) {\n      __typename\n      ... on ForgottenDevice { id name }\n      ... on Error { code message }\n    }\n  }\n": typeof types.ForgetDeviceDocument,
    "\n  mutation ApproveDevices($ids: [ID!]!) {\n    approveDevices(ids: $ids) {\n      __typename\n      ... on Device { id status }\n      ... on InvalidTransition { action currentStatus }\n      ... on Error { code message }\n    }\n  }\n": typeof types.ApproveDevicesDocument,
    "\n  mutation BlockDevices($ids: [ID!]!, $reason: String) {\n    blockDevices(ids: $ids, reason: $reason) {\n      __typename\n      ... on Device { id status blockedReason }\n      ... on InvalidTransition { action currentStatus }\n      ... on Error { code message }\n    }\n  }\n": typeof types.BlockDevicesDocument,
    "\n  mutation UnblockDevices($ids: [ID!]!) {\n    unblockDevices(ids: $ids) {\n      __typename\n      ... on Device { id status }\n      ... on InvalidTransition { action currentStatus }\n      ... on Error { code message }\n    }\n  }\n": typeof types.UnblockDevicesDocument,
    "\n  mutation ForgetDevices($ids: [ID!]!) {\n    forgetDevices(ids: $ids) {\n      __typename\n      ... on ForgottenDevice { id name }\n      ... on Error { code message }\n    }\n  }\n": typeof types.ForgetDevicesDocument,
    "\n  query DevicePolicy {\n    devicePolicy { approvalMode maxDevicesPerUser allowSignUp }\n  }\n": typeof types.DevicePolicyDocument,
    "\n  mutation SetDevicePolicy($input: DevicePolicyInput!) {\n    setDevicePolicy(input: $input) {\n      __typename\n      ... on DevicePolicy { approvalMode maxDevicesPerUser allowSignUp }\n    }\n  }\n": typeof types.SetDevicePolicyDocument,
    "\n  mutation OwnerPolicy($on: Boolean!) {\n    setDevicePolicy(input: { ownerApproval: $on }) { __typename ... on DevicePolicy { ownerApproval } }\n  }\n": typeof types.OwnerPolicyDocument,
    "\n  query OwnerReadPolicy {\n    devicePolicy { ownerApproval }\n  }\n": typeof types.OwnerReadPolicyDocument,
    "\n  subscription OwnerWatchRequests {\n    deviceApprovalRequests { id challengeId message model platform osVersion appName ip device { id status } }\n  }\n": typeof types.OwnerWatchRequestsDocument,
    "\n  subscription OwnerWatchStatus($deviceId: ID!) {\n    deviceStatusChanged(deviceId: $deviceId) { id status }\n  }\n": typeof types.OwnerWatchStatusDocument,
    "\n  query OwnerDecision($id: ID!) {\n    device(id: $id) { id status decision { by reason } }\n  }\n": typeof types.OwnerDecisionDocument,
    "\n  mutation OwnerApproveOwn($requestId: ID!, $proof: DeviceProof!) {\n    approveOwnDevice(requestId: $requestId, proof: $proof) {\n      __typename\n      ... on Device { id status }\n      ... on ApprovalRequestClosed { reason }\n      ... on Error { code message }\n    }\n  }\n": typeof types.OwnerApproveOwnDocument,
    "\n  query QueriesDevicePage($filter: DeviceFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    devices(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { cursor node { id name status platform model appName installationId createdAt owner { id } } }\n    }\n  }\n": typeof types.QueriesDevicePageDocument,
    "\n  query QueriesUserDevicesPage($id: ID!, $filter: DeviceFilter, $first: Int, $after: String) {\n    user(id: $id) {\n      id\n      devices(filter: $filter, first: $first, after: $after) {\n        totalCount\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n        edges { cursor node { id name createdAt } }\n      }\n    }\n  }\n": typeof types.QueriesUserDevicesPageDocument,
    "\n  query QueriesUserEventsPage($id: ID!, $first: Int, $after: String) {\n    user(id: $id) {\n      id\n      events(first: $first, after: $after) {\n        totalCount\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n        edges { cursor node { id kind at } }\n      }\n    }\n  }\n": typeof types.QueriesUserEventsPageDocument,
    "\n  query QueriesDeviceUsersPage($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    device(id: $id) {\n      id\n      users(first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n        edges { cursor node { id email } }\n      }\n    }\n  }\n": typeof types.QueriesDeviceUsersPageDocument,
    "\n  query QueriesUsersPage($filter: UserFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    users(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { cursor node { id email displayName role } }\n    }\n  }\n": typeof types.QueriesUsersPageDocument,
    "\n  query QueriesEventsPage($filter: EventFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    events(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { cursor node { id kind at deviceId } }\n    }\n  }\n": typeof types.QueriesEventsPageDocument,
    "\n  query QueriesDashboardUser($id: ID!) {\n    user(id: $id) {\n      id\n      email\n      deviceCount\n      lastLoginAt\n      devices(first: 20) {\n        totalCount\n        edges {\n          node {\n            id\n            name\n            status\n            appName\n            platform\n            model\n            lastUsedAt\n            lastUser { id email }\n            owner { id email }\n          }\n        }\n      }\n      events(first: 10) {\n        totalCount\n        edges { node { id kind at actor { id email } user { id } deviceId deviceName fromStatus toStatus ip userAgent } }\n      }\n    }\n  }\n": typeof types.QueriesDashboardUserDocument,
    "\n  mutation RealtimeLogin($input: LoginInput!) {\n    login(input: $input) {\n      __typename\n      ... on Session { token sessionDevice: device { id status } }\n      ... on DevicePendingApproval { watchToken device { id status } }\n      ... on Error { code message }\n    }\n  }\n": typeof types.RealtimeLoginDocument,
    "\n  subscription RealtimeEvents($filter: EventFilter, $after: String) {\n    deviceEvents(filter: $filter, after: $after) { id cursor kind deviceId detail }\n  }\n": typeof types.RealtimeEventsDocument,
    "\n  subscription RealtimeEventLog($after: String) {\n    deviceEvents(after: $after) { id cursor kind deviceId detail device { id status } }\n  }\n": typeof types.RealtimeEventLogDocument,
    "\n  subscription RealtimeStatus($deviceId: ID!) {\n    deviceStatusChanged(deviceId: $deviceId) { id status statusChangedAt blockedReason }\n  }\n": typeof types.RealtimeStatusDocument,
    "\n  query RealtimeDevices {\n    devices(first: 5) { totalCount }\n  }\n": typeof types.RealtimeDevicesDocument,
    "\n  query RealtimeWhoAmI {\n    me { id }\n  }\n": typeof types.RealtimeWhoAmIDocument,
    "\n  subscription ResilienceEventFeed($filter: EventFilter) {\n    deviceEvents(filter: $filter) {\n      kind\n      user { email }\n    }\n  }\n": typeof types.ResilienceEventFeedDocument,
    "\n  mutation SetUserRole($userId: ID!, $role: Role!) {\n    setUserRole(userId: $userId, role: $role) {\n      __typename\n      ... on User { id role }\n      ... on Error { code message }\n    }\n  }\n": typeof types.SetUserRoleDocument,
    "\n  subscription RolesEvents($filter: EventFilter) {\n    deviceEvents(filter: $filter) { kind deviceId user { id } }\n  }\n": typeof types.RolesEventsDocument,
    "\n  mutation RolesCreateKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { __typename ... on ApiKeyCreated { secret } }\n  }\n": typeof types.RolesCreateKeyDocument,
    "\n  query SecurityUserOverview($id: ID!) {\n    user(id: $id) {\n      id\n      email\n      displayName\n      role\n      deviceCount\n      lastLoginAt\n      createdAt\n      devices(first: 20) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges {\n          cursor\n          node {\n            id\n            installationId\n            name\n            status\n            platform\n            osVersion\n            model\n            appName\n            appVersion\n            mobileAuth\n            lastUsedAt\n            createdAt\n            statusChangedAt\n            blockedReason\n            owner { id email }\n            lastUser { id email }\n            statusChangedBy { id email }\n            events(first: 1) { totalCount }\n          }\n        }\n      }\n      events(first: 20) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges {\n          node { id kind at deviceId deviceName fromStatus toStatus ip userAgent detail actor { id email } device { id name status } }\n        }\n      }\n    }\n  }\n": typeof types.SecurityUserOverviewDocument,
    "\n  query SecurityLatestEvent {\n    events(first: 1) { edges { node { cursor } } }\n  }\n": typeof types.SecurityLatestEventDocument,
    "\n  subscription SecurityUsersCreated($after: String) {\n    deviceEvents(after: $after, filter: { kinds: [USER_CREATED] }) { kind user { email } }\n  }\n": typeof types.SecurityUsersCreatedDocument,
    "\n    query Whoami {\n      devices(first: 1) { totalCount }\n    }\n  ": typeof types.WhoamiDocument,
    "\n    mutation SessionsChangePassword($current: String!, $next: String!) {\n      changePassword(currentPassword: $current, newPassword: $next) { __typename ... on User { id } ... on Error { code message } }\n    }\n  ": typeof types.SessionsChangePasswordDocument,
    "\n    mutation SessionsResetPassword($userId: ID!, $next: String!) {\n      resetPassword(userId: $userId, newPassword: $next) { __typename ... on User { id } ... on Error { code message } }\n    }\n  ": typeof types.SessionsResetPasswordDocument,
    "\n    query SessionsWhoami {\n      me { email }\n    }\n  ": typeof types.SessionsWhoamiDocument,
    "\n  subscription SharedEventView($first: Int) {\n    deviceEvents(filter: { kinds: [DEVICE_RENAMED] }) {\n      id\n      deviceName\n      user { email devices(first: $first) { totalCount edges { node { id } } } }\n      actor { email devices(first: 5) { totalCount } }\n    }\n  }\n": typeof types.SharedEventViewDocument,
    "\n  subscription MaskedEventView {\n    deviceEvents(filter: { kinds: [USER_CREATED] }) { kind user { email displayName } }\n  }\n": typeof types.MaskedEventViewDocument,
    "\n  subscription MaskedStatusView($deviceId: ID!) {\n    deviceStatusChanged(deviceId: $deviceId) { id status }\n  }\n": typeof types.MaskedStatusViewDocument,
    "\n  mutation StalePolicy($input: DevicePolicyInput!) {\n    setDevicePolicy(input: $input) {\n      __typename\n      ... on DevicePolicy { staleAfterDays staleAction }\n    }\n  }\n": typeof types.StalePolicyDocument,
    "\n  query StaleDevices($filter: DeviceFilter) {\n    devices(filter: $filter, first: 100) { totalCount edges { node { id installationId stale status } } }\n  }\n": typeof types.StaleDevicesDocument,
    "\n  query StaleEvents($deviceId: ID!) {\n    events(filter: { deviceId: $deviceId }, first: 20) { edges { node { kind actor { id } bySystem fromStatus toStatus detail } } }\n  }\n": typeof types.StaleEventsDocument,
    "\n  subscription StaleLive($filter: EventFilter) {\n    deviceEvents(filter: $filter) { kind bySystem deviceId detail actor { id } }\n  }\n": typeof types.StaleLiveDocument,
    "\n  mutation StaleApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { __typename ... on ApiKeyCreated { secret } }\n  }\n": typeof types.StaleApiKeyDocument,
    "\n        query StalePolicyRead { devicePolicy { staleAfterDays staleAction } }\n      ": typeof types.StalePolicyReadDocument,
    "\n        mutation StaleBlock($id: ID!) { blockDevice(id: $id, reason: \"lost\") { __typename } }\n      ": typeof types.StaleBlockDocument,
    "\n  query StatementsPhoneRead {\n    me {\n      id\n      email\n      devices(first: 10) {\n        totalCount\n        edges { node { id name status platform model appName lastUsedAt owner { id email } lastUser { id email } } }\n      }\n    }\n  }\n": typeof types.StatementsPhoneReadDocument,
    "\n  query StatementsUsersWithCounts($first: Int!) {\n    users(first: $first) { edges { node { id email deviceCount } } }\n  }\n": typeof types.StatementsUsersWithCountsDocument,
    "\n  mutation ThrottleChallenge($keyId: String!) {\n    deviceChallenge(keyId: $keyId) {\n      __typename\n      ... on DeviceChallenge { challengeId nonce }\n      ... on TooManyAttempts { retryAfter }\n    }\n  }\n": typeof types.ThrottleChallengeDocument,
    "\n  mutation ThrottleVerify($proof: DeviceProof!) {\n    verifyDevice(proof: $proof) { __typename ... on TooManyAttempts { retryAfter } ... on Error { code } }\n  }\n": typeof types.ThrottleVerifyDocument,
    "\n  mutation WebhooksCreate($input: WebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      __typename\n      ... on WebhookEndpointCreated { secret endpoint { id url kinds enabled } }\n      ... on Error { code message }\n    }\n  }\n": typeof types.WebhooksCreateDocument,
    "\n  mutation WebhooksTest($id: ID!) {\n    sendTestWebhook(id: $id) { __typename ... on WebhookTest { ok responseStatus durationMs error } ... on Error { code } }\n  }\n": typeof types.WebhooksTestDocument,
    "\n  mutation WebhooksRedeliver($id: ID!) {\n    redeliverWebhook(deliveryId: $id) { __typename ... on WebhookDelivery { id status } ... on Error { code } }\n  }\n": typeof types.WebhooksRedeliverDocument,
    "\n  mutation WebhooksReplay($id: ID!, $after: String!) {\n    replayWebhooks(endpointId: $id, after: $after) { __typename ... on WebhookEndpoint { id } ... on Error { code } }\n  }\n": typeof types.WebhooksReplayDocument,
    "\n  mutation WebhooksRotate($id: ID!) {\n    rotateWebhookSecret(id: $id) { __typename ... on WebhookEndpointCreated { secret } ... on Error { code } }\n  }\n": typeof types.WebhooksRotateDocument,
    "\n  query WebhooksDisabled($id: ID!) {\n    webhookEndpoint(id: $id) { enabled failingSince }\n    events(first: 5, filter: { kinds: [WEBHOOK_DISABLED] }) { edges { node { kind detail actor { id } } } }\n  }\n": typeof types.WebhooksDisabledDocument,
    "\n  query WebhooksDeliveries($id: ID!) {\n    webhookEndpoint(id: $id) {\n      id\n      failingSince\n      deliveries(first: 50) { id eventCursor status attempts responseStatus lastError nextAttemptAt }\n    }\n  }\n": typeof types.WebhooksDeliveriesDocument,
    "mutation WebhooksUser($input: CreateUserInput!) { createUser(input: $input) { __typename } }": typeof types.WebhooksUserDocument,
};
const documents: Documents = {
    "\n  mutation AlertsCreateHook($input: WebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) { __typename }\n  }\n": types.AlertsCreateHookDocument,
    "\n  query AlertsSettings {\n    notificationSettings { newDevicePending }\n  }\n": types.AlertsSettingsDocument,
    "\n  mutation AlertsUpdateSettings($input: NotificationSettingsInput!) {\n    updateNotificationSettings(input: $input) {\n      __typename\n      ... on NotificationSettings { newDevicePending }\n    }\n  }\n": types.AlertsUpdateSettingsDocument,
    "\n  mutation AlertsAddUser($input: CreateUserInput!) {\n    createUser(input: $input) { __typename ... on User { id email } ... on Error { code } }\n  }\n": types.AlertsAddUserDocument,
    "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      __typename\n      ... on ApiKeyCreated { secret apiKey { id name scopes expiresAt lastUsedAt revokedAt createdBy { email } } }\n    }\n  }\n": types.CreateApiKeyDocument,
    "\n  query ApiKeys {\n    apiKeys { id name scopes createdBy { email } createdAt expiresAt lastUsedAt revokedAt }\n  }\n": types.ApiKeysDocument,
    "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      __typename\n      ... on ApiKey { id revokedAt }\n      ... on Error { code message }\n    }\n  }\n": types.RevokeApiKeyDocument,
    "\n  query KeyEvents($filter: EventFilter) {\n    events(filter: $filter, first: 20) {\n      edges { node { kind detail deviceId actor { email } actorKey { id name } } }\n    }\n  }\n": types.KeyEventsDocument,
    "\n  subscription KeyLiveEvents {\n    deviceEvents { kind deviceId }\n  }\n": types.KeyLiveEventsDocument,
    "\n  query ApprovalDecision($id: ID!) {\n    device(id: $id) {\n      id\n      status\n      decision { by at reason admin { email } apiKey { name } rule { id name } }\n      pendingReason\n      events(first: 10) { edges { node { kind decisionBy detail } } }\n    }\n  }\n": types.ApprovalDecisionDocument,
    "\n  mutation ApprovalCreateKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { __typename ... on ApiKeyCreated { secret } }\n  }\n": types.ApprovalCreateKeyDocument,
    "\n  query ApprovalRules {\n    approvalRules { id name position action conditions { emailDomains roles platforms minOsVersions { platform version } appNames keyBound hasApprovedDevice maxDevices } }\n  }\n": types.ApprovalRulesDocument,
    "\n  mutation ApprovalCreateRule($input: ApprovalRuleInput!) {\n    createApprovalRule(input: $input) {\n      __typename\n      ... on ApprovalRule { id name position }\n      ... on InvalidApprovalRule { code reason }\n      ... on Error { message }\n    }\n  }\n": types.ApprovalCreateRuleDocument,
    "\n  mutation ApprovalUpdateRule($id: ID!, $input: ApprovalRuleInput!) {\n    updateApprovalRule(id: $id, input: $input) {\n      __typename\n      ... on ApprovalRule { id name action }\n      ... on InvalidApprovalRule { reason }\n      ... on Error { code }\n    }\n  }\n": types.ApprovalUpdateRuleDocument,
    "\n  mutation ApprovalDeleteRule($id: ID!) {\n    deleteApprovalRule(id: $id) { __typename ... on ApprovalRule { id } ... on Error { code } }\n  }\n": types.ApprovalDeleteRuleDocument,
    "\n  mutation ApprovalReorderRules($ids: [ID!]!) {\n    reorderApprovalRules(ids: $ids) {\n      __typename\n      ... on ApprovalRuleList { rules { id position } }\n      ... on InvalidApprovalRule { reason }\n    }\n  }\n": types.ApprovalReorderRulesDocument,
    "\n  query ApprovalPreviewRule($input: ApprovalRuleInput!) {\n    previewApprovalRule(input: $input) {\n      __typename\n      ... on ApprovalRulePreview { action matching devices { id } }\n      ... on InvalidApprovalRule { reason }\n    }\n  }\n": types.ApprovalPreviewRuleDocument,
    "\n  mutation ApprovalLogin($input: LoginInput!) {\n    login(input: $input) {\n      __typename\n      ... on Session { device { id status } }\n      ... on DevicePendingApproval { pendingReason device { id status pendingReason } }\n      ... on Error { code message }\n    }\n  }\n": types.ApprovalLoginDocument,
    "\n  mutation ApprovalCreateCode($input: CreateEnrolmentCodeInput!) {\n    createEnrolmentCode(input: $input) {\n      __typename\n      ... on EnrolmentCodeCreated { code enrolmentCode { id name uses usesLeft expiresAt emailDomain user { email } } }\n      ... on Error { code message }\n    }\n  }\n": types.ApprovalCreateCodeDocument,
    "\n  query ApprovalCodes {\n    enrolmentCodes { id name uses usesLeft revokedAt lastUsedAt }\n  }\n": types.ApprovalCodesDocument,
    "\n  mutation ApprovalRevokeCode($id: ID!) {\n    revokeEnrolmentCode(id: $id) { __typename ... on EnrolmentCode { id revokedAt } ... on Error { code } }\n  }\n": types.ApprovalRevokeCodeDocument,
    "\n  mutation AuthzChangePassword($current: String!, $next: String!) {\n    changePassword(currentPassword: $current, newPassword: $next) { __typename ... on Error { code } }\n  }\n": types.AuthzChangePasswordDocument,
    "\n  mutation AuthzResetPassword($userId: ID!, $next: String!) {\n    resetPassword(userId: $userId, newPassword: $next) { __typename ... on Error { code } }\n  }\n": types.AuthzResetPasswordDocument,
    "\n  mutation AuthzSetUserRole($userId: ID!, $role: Role!) {\n    setUserRole(userId: $userId, role: $role) { __typename ... on User { id role } ... on Error { code } }\n  }\n": types.AuthzSetUserRoleDocument,
    "\n  mutation AuthzChallenge($keyId: String!) {\n    deviceChallenge(keyId: $keyId) { __typename ... on DeviceChallenge { challengeId nonce } }\n  }\n": types.AuthzChallengeDocument,
    "\n  mutation AuthzVerify($proof: DeviceProof!) {\n    verifyDevice(proof: $proof) {\n      __typename\n      ... on KnownDevice { deviceId device { id } }\n      ... on Error { code }\n    }\n  }\n": types.AuthzVerifyDocument,
    "\n  mutation AuthzLoginWithDevice($proof: DeviceProof!) {\n    loginWithDevice(proof: $proof) {\n      __typename\n      ... on Session { user { email } }\n      ... on Error { code }\n    }\n  }\n": types.AuthzLoginWithDeviceDocument,
    "\n  query AuthzMe {\n    me {\n      id\n      email\n      devices(first: 1) { totalCount }\n      events(first: 1) { totalCount }\n    }\n  }\n": types.AuthzMeDocument,
    "\n  query AuthzUser($id: ID!) {\n    user(id: $id) { id email }\n  }\n": types.AuthzUserDocument,
    "\n  query AuthzOwnerDevices($id: ID!) {\n    device(id: $id) {\n      id\n      owner { id devices(first: 100) { totalCount } }\n    }\n  }\n": types.AuthzOwnerDevicesDocument,
    "\n  query AuthzOwnerEvents($id: ID!) {\n    device(id: $id) {\n      id\n      owner { id events(first: 1) { totalCount } }\n    }\n  }\n": types.AuthzOwnerEventsDocument,
    "\n  query AuthzActorDevices {\n    me {\n      id\n      events(first: 100) { edges { node { kind actor { id devices(first: 1) { totalCount } } } } }\n    }\n  }\n": types.AuthzActorDevicesDocument,
    "\n  query AuthzActorEvents {\n    me {\n      id\n      events(first: 100) { edges { node { kind actor { id events(first: 1) { totalCount } } } } }\n    }\n  }\n": types.AuthzActorEventsDocument,
    "\n  query AuthzApiKeys {\n    apiKeys { id name }\n  }\n": types.AuthzApiKeysDocument,
    "\n  query AuthzApprovalRules {\n    approvalRules { id name }\n  }\n": types.AuthzApprovalRulesDocument,
    "\n  query AuthzPreviewRule($input: ApprovalRuleInput!) {\n    previewApprovalRule(input: $input) { __typename ... on ApprovalRulePreview { matching } }\n  }\n": types.AuthzPreviewRuleDocument,
    "\n  mutation AuthzCreateRule($input: ApprovalRuleInput!) {\n    createApprovalRule(input: $input) { __typename ... on ApprovalRule { id } }\n  }\n": types.AuthzCreateRuleDocument,
    "\n  mutation AuthzUpdateRule($id: ID!, $input: ApprovalRuleInput!) {\n    updateApprovalRule(id: $id, input: $input) { __typename ... on ApprovalRule { id } }\n  }\n": types.AuthzUpdateRuleDocument,
    "\n  mutation AuthzDeleteRule($id: ID!) {\n    deleteApprovalRule(id: $id) { __typename ... on ApprovalRule { id } }\n  }\n": types.AuthzDeleteRuleDocument,
    "\n  mutation AuthzReorderRules($ids: [ID!]!) {\n    reorderApprovalRules(ids: $ids) { __typename ... on ApprovalRuleList { rules { id } } }\n  }\n": types.AuthzReorderRulesDocument,
    "\n  query AuthzEnrolmentCodes {\n    enrolmentCodes { id name usesLeft }\n  }\n": types.AuthzEnrolmentCodesDocument,
    "\n  mutation AuthzCreateCode($input: CreateEnrolmentCodeInput!) {\n    createEnrolmentCode(input: $input) { __typename ... on EnrolmentCodeCreated { code enrolmentCode { id } } }\n  }\n": types.AuthzCreateCodeDocument,
    "\n  mutation AuthzRevokeCode($id: ID!) {\n    revokeEnrolmentCode(id: $id) { __typename ... on EnrolmentCode { id } }\n  }\n": types.AuthzRevokeCodeDocument,
    "\n  query AuthzApprovalRequests {\n    deviceApprovalRequests { id challengeId message }\n  }\n": types.AuthzApprovalRequestsDocument,
    "\n  mutation AuthzApproveOwnDevice($requestId: ID!, $proof: DeviceProof!) {\n    approveOwnDevice(requestId: $requestId, proof: $proof) { __typename ... on Device { id } ... on Error { code } }\n  }\n": types.AuthzApproveOwnDeviceDocument,
    "\n  query AuthzNotificationSettings {\n    notificationSettings { newDevicePending }\n  }\n": types.AuthzNotificationSettingsDocument,
    "\n  mutation AuthzUpdateNotificationSettings($input: NotificationSettingsInput!) {\n    updateNotificationSettings(input: $input) { __typename ... on NotificationSettings { newDevicePending } }\n  }\n": types.AuthzUpdateNotificationSettingsDocument,
    "\n  mutation AuthzCreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { __typename ... on ApiKeyCreated { secret apiKey { id name } } }\n  }\n": types.AuthzCreateApiKeyDocument,
    "\n  mutation AuthzRevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) { __typename ... on ApiKey { id revokedAt } ... on Error { code } }\n  }\n": types.AuthzRevokeApiKeyDocument,
    "\n  query AuthzWebhookEndpoints {\n    webhookEndpoints { id url }\n  }\n": types.AuthzWebhookEndpointsDocument,
    "\n  query AuthzWebhookEndpoint($id: ID!) {\n    webhookEndpoint(id: $id) { id url }\n  }\n": types.AuthzWebhookEndpointDocument,
    "\n  mutation AuthzCreateWebhook($input: WebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) { __typename ... on WebhookEndpointCreated { secret endpoint { id } } ... on Error { code } }\n  }\n": types.AuthzCreateWebhookDocument,
    "\n  mutation AuthzUpdateWebhook($id: ID!) {\n    updateWebhookEndpoint(id: $id, input: { description: \"checked\" }) { __typename ... on WebhookEndpoint { id description } ... on Error { code } }\n  }\n": types.AuthzUpdateWebhookDocument,
    "\n  mutation AuthzRotateWebhook($id: ID!) {\n    rotateWebhookSecret(id: $id) { __typename ... on WebhookEndpointCreated { secret } ... on Error { code } }\n  }\n": types.AuthzRotateWebhookDocument,
    "\n  mutation AuthzDeleteWebhook($id: ID!) {\n    deleteWebhookEndpoint(id: $id) { __typename ... on WebhookEndpoint { id } ... on Error { code } }\n  }\n": types.AuthzDeleteWebhookDocument,
    "\n  mutation AuthzUpdateAttributes($id: ID!, $set: JSONObject) {\n    updateDeviceAttributes(id: $id, set: $set) { __typename ... on Device { id attributes } ... on Error { code } }\n  }\n": types.AuthzUpdateAttributesDocument,
    "\n  mutation AuthzTestWebhook($id: ID!) {\n    sendTestWebhook(id: $id) { __typename ... on WebhookTest { ok } ... on Error { code } }\n  }\n": types.AuthzTestWebhookDocument,
    "\n  mutation AuthzRedeliverWebhook($id: ID!) {\n    redeliverWebhook(deliveryId: $id) { __typename ... on WebhookDelivery { id } ... on Error { code } }\n  }\n": types.AuthzRedeliverWebhookDocument,
    "\n  mutation AuthzReplayWebhooks($id: ID!) {\n    replayWebhooks(endpointId: $id, after: \"MA\") { __typename ... on WebhookEndpoint { id } ... on Error { code } }\n  }\n": types.AuthzReplayWebhooksDocument,
    "\n  mutation BulkCreateKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { __typename ... on ApiKeyCreated { secret } }\n  }\n": types.BulkCreateKeyDocument,
    "\n  subscription BulkEvents($filter: EventFilter) {\n    deviceEvents(filter: $filter) { kind deviceId }\n  }\n": types.BulkEventsDocument,
    "\n  mutation UpdateAttributes($id: ID!, $set: JSONObject, $unset: [String!]) {\n    updateDeviceAttributes(id: $id, set: $set, unset: $unset) {\n      __typename\n      ... on Device { id attributes }\n      ... on InvalidAttributes { code message problem key }\n      ... on Error { code message }\n    }\n  }\n": types.UpdateAttributesDocument,
    "\n  mutation AttributesApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { __typename ... on ApiKeyCreated { secret } }\n  }\n": types.AttributesApiKeyDocument,
    "\n  subscription AttributeEventsLive($filter: EventFilter, $after: String) {\n    deviceEvents(filter: $filter, after: $after) { kind detail device { id attributes } }\n  }\n": types.AttributeEventsLiveDocument,
    "\n  query DeviceAttributes($id: ID!) {\n    device(id: $id) { id attributes }\n  }\n": types.DeviceAttributesDocument,
    "\n  query DevicesByAttribute($key: String!, $value: JSON!) {\n    devices(filter: { attribute: { key: $key, value: $value } }, first: 50) {\n      totalCount\n      edges { node { id attributes } }\n    }\n  }\n": types.DevicesByAttributeDocument,
    "query AttributeEvents($deviceId: ID!) { events(filter: { deviceId: $deviceId, kinds: [DEVICE_UPDATED] }) { edges { node { kind detail actor { email } } } } }": types.AttributeEventsDocument,
    "\n  mutation KeysChallenge($keyId: String!) {\n    deviceChallenge(keyId: $keyId) {\n      __typename\n      ... on DeviceChallenge { challengeId nonce expiresAt }\n      ... on TooManyAttempts { retryAfter message }\n    }\n  }\n": types.KeysChallengeDocument,
    "\n  mutation KeysVerify($proof: DeviceProof!) {\n    verifyDevice(proof: $proof) {\n      __typename\n      ... on KnownDevice { deviceId status device { id keyId keyAlgorithm owner { email } } }\n      ... on DevicePendingApproval { watchToken }\n      ... on Error { code message }\n    }\n  }\n": types.KeysVerifyDocument,
    "\n  mutation KeysLoginWithDevice($proof: DeviceProof!) {\n    loginWithDevice(proof: $proof) {\n      __typename\n      ... on Session { token user { email } device { id } }\n      ... on Error { code message }\n    }\n  }\n": types.KeysLoginWithDeviceDocument,
    "query KeysKeyId($id: ID!) { device(id: $id) { keyId } }": types.KeysKeyIdDocument,
    "\n  query SearchAll($search: String!) {\n    devices(filter: { search: $search }, first: 100) {\n      totalCount\n      edges { node { installationId name model appName } }\n    }\n  }\n": types.SearchAllDocument,
    "\n  subscription FeedOrder {\n    deviceEvents { cursor kind detail }\n  }\n": types.FeedOrderDocument,
    "\n  subscription EventLogFeed($after: String) {\n    deviceEvents(after: $after) { id cursor kind detail }\n  }\n": types.EventLogFeedDocument,
    "\n  mutation ExportApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { __typename ... on ApiKeyCreated { secret } }\n  }\n": types.ExportApiKeyDocument,
    "\n  mutation ExportAttributes($id: ID!, $set: JSONObject) {\n    updateDeviceAttributes(id: $id, set: $set) { __typename }\n  }\n": types.ExportAttributesDocument,
    "\n  query LanePhoneRead {\n    me {\n      id\n      devices(first: 10) {\n        totalCount\n        edges { node { id name status platform model appName lastUsedAt owner { id email } lastUser { id email } } }\n      }\n    }\n  }\n": types.LanePhoneReadDocument,
    "\n  query LaneDevices($first: Int) {\n    me { id devices(first: $first) { totalCount } }\n  }\n": types.LaneDevicesDocument,
    "\n  mutation LaneLogin($email: String!, $password: String!) {\n    login(input: { email: $email, password: $password }) { __typename ... on Error { code message } }\n  }\n": types.LaneLoginDocument,
    "\n  subscription LaneDeviceEvents {\n    deviceEvents { kind }\n  }\n": types.LaneDeviceEventsDocument,
    "\n  subscription MetricsEvents {\n    deviceEvents { id kind }\n  }\n": types.MetricsEventsDocument,
    "query MetricsUsers { users(first: 1) { totalCount } }": types.MetricsUsersDocument,
    "\n  fragment DeviceFields on Device {\n    id\n    installationId\n    name\n    status\n    platform\n    osVersion\n    model\n    appName\n    appVersion\n    mobileAuth\n    owner { id email }\n    lastUser { id email }\n    lastUsedAt\n    createdAt\n    statusChangedAt\n    statusChangedBy { id email }\n    blockedReason\n  }\n": types.DeviceFieldsFragmentDoc,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      __typename\n      ... on User { id email displayName role }\n      ... on Error { code message }\n    }\n  }\n": types.SignUpDocument,
    "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      __typename\n      ... on User { id email role }\n      ... on Error { code message }\n    }\n  }\n": types.CreateUserDocument,
    "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      __typename\n      ... on Session { token expiresAt user { id email role } device { ...DeviceFields } }\n      ... on DevicePendingApproval { pendingDevice: device { ...DeviceFields } }\n      ... on DeviceLimitReached { limit }\n      ... on TooManyAttempts { retryAfter }\n      ... on Error { code message }\n    }\n  }\n": types.LoginDocument,
    "\n  mutation Logout {\n    logout\n  }\n": types.LogoutDocument,
    "\n  query Me {\n    me { id email role displayName lastLoginAt deviceCount }\n  }\n": types.MeDocument,
    "\n  query MyDevices($first: Int, $after: String, $filter: DeviceFilter) {\n    me {\n      id\n      devices(first: $first, after: $after, filter: $filter) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { cursor node { ...DeviceFields } }\n      }\n    }\n  }\n": types.MyDevicesDocument,
    "\n  query UserView($id: ID!, $first: Int) {\n    user(id: $id) {\n      id\n      email\n      deviceCount\n      devices(first: $first) { totalCount edges { node { ...DeviceFields } } }\n      events(first: $first) { totalCount edges { node { kind at deviceName } } }\n    }\n  }\n": types.UserViewDocument,
    "\n  query Users($filter: UserFilter, $first: Int, $after: String) {\n    users(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id email role } }\n    }\n  }\n": types.UsersDocument,
    "\n  query DeviceById($id: ID!) {\n    device(id: $id) {\n      ...DeviceFields\n      users(first: 10) { totalCount edges { node { id email } } }\n    }\n  }\n": types.DeviceByIdDocument,
    "\n  query DeviceEvents($id: ID!) {\n    device(id: $id) {\n      id\n      events(first: 50) { totalCount edges { node { kind fromStatus toStatus } } }\n    }\n  }\n": types.DeviceEventsDocument,
    "\n  query Devices($filter: DeviceFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    devices(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { cursor node { id installationId name status platform model } }\n    }\n  }\n": types.DevicesDocument,
    "\n  query Events($filter: EventFilter, $first: Int, $after: String) {\n    events(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id\n          cursor\n          kind\n          at\n          actor { id email }\n          user { id email }\n          device { id status }\n          deviceId\n          deviceName\n          fromStatus\n          toStatus\n          ip\n          userAgent\n          detail\n        }\n      }\n    }\n  }\n": types.EventsDocument,
    "\n  query Node($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Device { status }\n      ... on User { email }\n      ... on Event { kind }\n    }\n  }\n": types.NodeDocument,
    "\n  mutation RegisterDevice($input: DeviceInput!) {\n    registerDevice(input: $input) {\n      __typename\n      ... on Device { ...DeviceFields }\n      ... on DeviceLimitReached { limit }\n      ... on Error { code message }\n    }\n  }\n": types.RegisterDeviceDocument,
    "\n  mutation ApproveDevice($id: ID!) {\n    approveDevice(id: $id) {\n      __typename\n      ... on Device { ...DeviceFields }\n      ... on InvalidTransition { action currentStatus }\n      ... on Error { code message }\n    }\n  }\n": types.ApproveDeviceDocument,
    "\n  mutation BlockDevice($id: ID!, $reason: String) {\n    blockDevice(id: $id, reason: $reason) {\n      __typename\n      ... on Device { ...DeviceFields }\n      ... on Error { code message }\n    }\n  }\n": types.BlockDeviceDocument,
    "\n  mutation UnblockDevice($id: ID!) {\n    unblockDevice(id: $id) {\n      __typename\n      ... on Device { ...DeviceFields }\n      ... on Error { code message }\n    }\n  }\n": types.UnblockDeviceDocument,
    "\n  mutation RenameDevice($id: ID!, $name: String!) {\n    renameDevice(id: $id, name: $name) {\n      __typename\n      ... on Device { ...DeviceFields }\n      ... on Error { code message }\n    }\n  }\n": types.RenameDeviceDocument,
    "\n  mutation ForgetDevice($id: ID!) {\n    forgetDevice(id: $id) {\n      __typename\n      ... on ForgottenDevice { id name }\n      ... on Error { code message }\n    }\n  }\n": types.ForgetDeviceDocument,
    "\n  mutation ApproveDevices($ids: [ID!]!) {\n    approveDevices(ids: $ids) {\n      __typename\n      ... on Device { id status }\n      ... on InvalidTransition { action currentStatus }\n      ... on Error { code message }\n    }\n  }\n": types.ApproveDevicesDocument,
    "\n  mutation BlockDevices($ids: [ID!]!, $reason: String) {\n    blockDevices(ids: $ids, reason: $reason) {\n      __typename\n      ... on Device { id status blockedReason }\n      ... on InvalidTransition { action currentStatus }\n      ... on Error { code message }\n    }\n  }\n": types.BlockDevicesDocument,
    "\n  mutation UnblockDevices($ids: [ID!]!) {\n    unblockDevices(ids: $ids) {\n      __typename\n      ... on Device { id status }\n      ... on InvalidTransition { action currentStatus }\n      ... on Error { code message }\n    }\n  }\n": types.UnblockDevicesDocument,
    "\n  mutation ForgetDevices($ids: [ID!]!) {\n    forgetDevices(ids: $ids) {\n      __typename\n      ... on ForgottenDevice { id name }\n      ... on Error { code message }\n    }\n  }\n": types.ForgetDevicesDocument,
    "\n  query DevicePolicy {\n    devicePolicy { approvalMode maxDevicesPerUser allowSignUp }\n  }\n": types.DevicePolicyDocument,
    "\n  mutation SetDevicePolicy($input: DevicePolicyInput!) {\n    setDevicePolicy(input: $input) {\n      __typename\n      ... on DevicePolicy { approvalMode maxDevicesPerUser allowSignUp }\n    }\n  }\n": types.SetDevicePolicyDocument,
    "\n  mutation OwnerPolicy($on: Boolean!) {\n    setDevicePolicy(input: { ownerApproval: $on }) { __typename ... on DevicePolicy { ownerApproval } }\n  }\n": types.OwnerPolicyDocument,
    "\n  query OwnerReadPolicy {\n    devicePolicy { ownerApproval }\n  }\n": types.OwnerReadPolicyDocument,
    "\n  subscription OwnerWatchRequests {\n    deviceApprovalRequests { id challengeId message model platform osVersion appName ip device { id status } }\n  }\n": types.OwnerWatchRequestsDocument,
    "\n  subscription OwnerWatchStatus($deviceId: ID!) {\n    deviceStatusChanged(deviceId: $deviceId) { id status }\n  }\n": types.OwnerWatchStatusDocument,
    "\n  query OwnerDecision($id: ID!) {\n    device(id: $id) { id status decision { by reason } }\n  }\n": types.OwnerDecisionDocument,
    "\n  mutation OwnerApproveOwn($requestId: ID!, $proof: DeviceProof!) {\n    approveOwnDevice(requestId: $requestId, proof: $proof) {\n      __typename\n      ... on Device { id status }\n      ... on ApprovalRequestClosed { reason }\n      ... on Error { code message }\n    }\n  }\n": types.OwnerApproveOwnDocument,
    "\n  query QueriesDevicePage($filter: DeviceFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    devices(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { cursor node { id name status platform model appName installationId createdAt owner { id } } }\n    }\n  }\n": types.QueriesDevicePageDocument,
    "\n  query QueriesUserDevicesPage($id: ID!, $filter: DeviceFilter, $first: Int, $after: String) {\n    user(id: $id) {\n      id\n      devices(filter: $filter, first: $first, after: $after) {\n        totalCount\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n        edges { cursor node { id name createdAt } }\n      }\n    }\n  }\n": types.QueriesUserDevicesPageDocument,
    "\n  query QueriesUserEventsPage($id: ID!, $first: Int, $after: String) {\n    user(id: $id) {\n      id\n      events(first: $first, after: $after) {\n        totalCount\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n        edges { cursor node { id kind at } }\n      }\n    }\n  }\n": types.QueriesUserEventsPageDocument,
    "\n  query QueriesDeviceUsersPage($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    device(id: $id) {\n      id\n      users(first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n        edges { cursor node { id email } }\n      }\n    }\n  }\n": types.QueriesDeviceUsersPageDocument,
    "\n  query QueriesUsersPage($filter: UserFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    users(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { cursor node { id email displayName role } }\n    }\n  }\n": types.QueriesUsersPageDocument,
    "\n  query QueriesEventsPage($filter: EventFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    events(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { cursor node { id kind at deviceId } }\n    }\n  }\n": types.QueriesEventsPageDocument,
    "\n  query QueriesDashboardUser($id: ID!) {\n    user(id: $id) {\n      id\n      email\n      deviceCount\n      lastLoginAt\n      devices(first: 20) {\n        totalCount\n        edges {\n          node {\n            id\n            name\n            status\n            appName\n            platform\n            model\n            lastUsedAt\n            lastUser { id email }\n            owner { id email }\n          }\n        }\n      }\n      events(first: 10) {\n        totalCount\n        edges { node { id kind at actor { id email } user { id } deviceId deviceName fromStatus toStatus ip userAgent } }\n      }\n    }\n  }\n": types.QueriesDashboardUserDocument,
    "\n  mutation RealtimeLogin($input: LoginInput!) {\n    login(input: $input) {\n      __typename\n      ... on Session { token sessionDevice: device { id status } }\n      ... on DevicePendingApproval { watchToken device { id status } }\n      ... on Error { code message }\n    }\n  }\n": types.RealtimeLoginDocument,
    "\n  subscription RealtimeEvents($filter: EventFilter, $after: String) {\n    deviceEvents(filter: $filter, after: $after) { id cursor kind deviceId detail }\n  }\n": types.RealtimeEventsDocument,
    "\n  subscription RealtimeEventLog($after: String) {\n    deviceEvents(after: $after) { id cursor kind deviceId detail device { id status } }\n  }\n": types.RealtimeEventLogDocument,
    "\n  subscription RealtimeStatus($deviceId: ID!) {\n    deviceStatusChanged(deviceId: $deviceId) { id status statusChangedAt blockedReason }\n  }\n": types.RealtimeStatusDocument,
    "\n  query RealtimeDevices {\n    devices(first: 5) { totalCount }\n  }\n": types.RealtimeDevicesDocument,
    "\n  query RealtimeWhoAmI {\n    me { id }\n  }\n": types.RealtimeWhoAmIDocument,
    "\n  subscription ResilienceEventFeed($filter: EventFilter) {\n    deviceEvents(filter: $filter) {\n      kind\n      user { email }\n    }\n  }\n": types.ResilienceEventFeedDocument,
    "\n  mutation SetUserRole($userId: ID!, $role: Role!) {\n    setUserRole(userId: $userId, role: $role) {\n      __typename\n      ... on User { id role }\n      ... on Error { code message }\n    }\n  }\n": types.SetUserRoleDocument,
    "\n  subscription RolesEvents($filter: EventFilter) {\n    deviceEvents(filter: $filter) { kind deviceId user { id } }\n  }\n": types.RolesEventsDocument,
    "\n  mutation RolesCreateKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { __typename ... on ApiKeyCreated { secret } }\n  }\n": types.RolesCreateKeyDocument,
    "\n  query SecurityUserOverview($id: ID!) {\n    user(id: $id) {\n      id\n      email\n      displayName\n      role\n      deviceCount\n      lastLoginAt\n      createdAt\n      devices(first: 20) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges {\n          cursor\n          node {\n            id\n            installationId\n            name\n            status\n            platform\n            osVersion\n            model\n            appName\n            appVersion\n            mobileAuth\n            lastUsedAt\n            createdAt\n            statusChangedAt\n            blockedReason\n            owner { id email }\n            lastUser { id email }\n            statusChangedBy { id email }\n            events(first: 1) { totalCount }\n          }\n        }\n      }\n      events(first: 20) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges {\n          node { id kind at deviceId deviceName fromStatus toStatus ip userAgent detail actor { id email } device { id name status } }\n        }\n      }\n    }\n  }\n": types.SecurityUserOverviewDocument,
    "\n  query SecurityLatestEvent {\n    events(first: 1) { edges { node { cursor } } }\n  }\n": types.SecurityLatestEventDocument,
    "\n  subscription SecurityUsersCreated($after: String) {\n    deviceEvents(after: $after, filter: { kinds: [USER_CREATED] }) { kind user { email } }\n  }\n": types.SecurityUsersCreatedDocument,
    "\n    query Whoami {\n      devices(first: 1) { totalCount }\n    }\n  ": types.WhoamiDocument,
    "\n    mutation SessionsChangePassword($current: String!, $next: String!) {\n      changePassword(currentPassword: $current, newPassword: $next) { __typename ... on User { id } ... on Error { code message } }\n    }\n  ": types.SessionsChangePasswordDocument,
    "\n    mutation SessionsResetPassword($userId: ID!, $next: String!) {\n      resetPassword(userId: $userId, newPassword: $next) { __typename ... on User { id } ... on Error { code message } }\n    }\n  ": types.SessionsResetPasswordDocument,
    "\n    query SessionsWhoami {\n      me { email }\n    }\n  ": types.SessionsWhoamiDocument,
    "\n  subscription SharedEventView($first: Int) {\n    deviceEvents(filter: { kinds: [DEVICE_RENAMED] }) {\n      id\n      deviceName\n      user { email devices(first: $first) { totalCount edges { node { id } } } }\n      actor { email devices(first: 5) { totalCount } }\n    }\n  }\n": types.SharedEventViewDocument,
    "\n  subscription MaskedEventView {\n    deviceEvents(filter: { kinds: [USER_CREATED] }) { kind user { email displayName } }\n  }\n": types.MaskedEventViewDocument,
    "\n  subscription MaskedStatusView($deviceId: ID!) {\n    deviceStatusChanged(deviceId: $deviceId) { id status }\n  }\n": types.MaskedStatusViewDocument,
    "\n  mutation StalePolicy($input: DevicePolicyInput!) {\n    setDevicePolicy(input: $input) {\n      __typename\n      ... on DevicePolicy { staleAfterDays staleAction }\n    }\n  }\n": types.StalePolicyDocument,
    "\n  query StaleDevices($filter: DeviceFilter) {\n    devices(filter: $filter, first: 100) { totalCount edges { node { id installationId stale status } } }\n  }\n": types.StaleDevicesDocument,
    "\n  query StaleEvents($deviceId: ID!) {\n    events(filter: { deviceId: $deviceId }, first: 20) { edges { node { kind actor { id } bySystem fromStatus toStatus detail } } }\n  }\n": types.StaleEventsDocument,
    "\n  subscription StaleLive($filter: EventFilter) {\n    deviceEvents(filter: $filter) { kind bySystem deviceId detail actor { id } }\n  }\n": types.StaleLiveDocument,
    "\n  mutation StaleApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { __typename ... on ApiKeyCreated { secret } }\n  }\n": types.StaleApiKeyDocument,
    "\n        query StalePolicyRead { devicePolicy { staleAfterDays staleAction } }\n      ": types.StalePolicyReadDocument,
    "\n        mutation StaleBlock($id: ID!) { blockDevice(id: $id, reason: \"lost\") { __typename } }\n      ": types.StaleBlockDocument,
    "\n  query StatementsPhoneRead {\n    me {\n      id\n      email\n      devices(first: 10) {\n        totalCount\n        edges { node { id name status platform model appName lastUsedAt owner { id email } lastUser { id email } } }\n      }\n    }\n  }\n": types.StatementsPhoneReadDocument,
    "\n  query StatementsUsersWithCounts($first: Int!) {\n    users(first: $first) { edges { node { id email deviceCount } } }\n  }\n": types.StatementsUsersWithCountsDocument,
    "\n  mutation ThrottleChallenge($keyId: String!) {\n    deviceChallenge(keyId: $keyId) {\n      __typename\n      ... on DeviceChallenge { challengeId nonce }\n      ... on TooManyAttempts { retryAfter }\n    }\n  }\n": types.ThrottleChallengeDocument,
    "\n  mutation ThrottleVerify($proof: DeviceProof!) {\n    verifyDevice(proof: $proof) { __typename ... on TooManyAttempts { retryAfter } ... on Error { code } }\n  }\n": types.ThrottleVerifyDocument,
    "\n  mutation WebhooksCreate($input: WebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      __typename\n      ... on WebhookEndpointCreated { secret endpoint { id url kinds enabled } }\n      ... on Error { code message }\n    }\n  }\n": types.WebhooksCreateDocument,
    "\n  mutation WebhooksTest($id: ID!) {\n    sendTestWebhook(id: $id) { __typename ... on WebhookTest { ok responseStatus durationMs error } ... on Error { code } }\n  }\n": types.WebhooksTestDocument,
    "\n  mutation WebhooksRedeliver($id: ID!) {\n    redeliverWebhook(deliveryId: $id) { __typename ... on WebhookDelivery { id status } ... on Error { code } }\n  }\n": types.WebhooksRedeliverDocument,
    "\n  mutation WebhooksReplay($id: ID!, $after: String!) {\n    replayWebhooks(endpointId: $id, after: $after) { __typename ... on WebhookEndpoint { id } ... on Error { code } }\n  }\n": types.WebhooksReplayDocument,
    "\n  mutation WebhooksRotate($id: ID!) {\n    rotateWebhookSecret(id: $id) { __typename ... on WebhookEndpointCreated { secret } ... on Error { code } }\n  }\n": types.WebhooksRotateDocument,
    "\n  query WebhooksDisabled($id: ID!) {\n    webhookEndpoint(id: $id) { enabled failingSince }\n    events(first: 5, filter: { kinds: [WEBHOOK_DISABLED] }) { edges { node { kind detail actor { id } } } }\n  }\n": types.WebhooksDisabledDocument,
    "\n  query WebhooksDeliveries($id: ID!) {\n    webhookEndpoint(id: $id) {\n      id\n      failingSince\n      deliveries(first: 50) { id eventCursor status attempts responseStatus lastError nextAttemptAt }\n    }\n  }\n": types.WebhooksDeliveriesDocument,
    "mutation WebhooksUser($input: CreateUserInput!) { createUser(input: $input) { __typename } }": types.WebhooksUserDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AlertsCreateHook($input: WebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) { __typename }\n  }\n"): typeof import('./graphql.js').AlertsCreateHookDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AlertsSettings {\n    notificationSettings { newDevicePending }\n  }\n"): typeof import('./graphql.js').AlertsSettingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AlertsUpdateSettings($input: NotificationSettingsInput!) {\n    updateNotificationSettings(input: $input) {\n      __typename\n      ... on NotificationSettings { newDevicePending }\n    }\n  }\n"): typeof import('./graphql.js').AlertsUpdateSettingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AlertsAddUser($input: CreateUserInput!) {\n    createUser(input: $input) { __typename ... on User { id email } ... on Error { code } }\n  }\n"): typeof import('./graphql.js').AlertsAddUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) {\n      __typename\n      ... on ApiKeyCreated { secret apiKey { id name scopes expiresAt lastUsedAt revokedAt createdBy { email } } }\n    }\n  }\n"): typeof import('./graphql.js').CreateApiKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApiKeys {\n    apiKeys { id name scopes createdBy { email } createdAt expiresAt lastUsedAt revokedAt }\n  }\n"): typeof import('./graphql.js').ApiKeysDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) {\n      __typename\n      ... on ApiKey { id revokedAt }\n      ... on Error { code message }\n    }\n  }\n"): typeof import('./graphql.js').RevokeApiKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query KeyEvents($filter: EventFilter) {\n    events(filter: $filter, first: 20) {\n      edges { node { kind detail deviceId actor { email } actorKey { id name } } }\n    }\n  }\n"): typeof import('./graphql.js').KeyEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription KeyLiveEvents {\n    deviceEvents { kind deviceId }\n  }\n"): typeof import('./graphql.js').KeyLiveEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApprovalDecision($id: ID!) {\n    device(id: $id) {\n      id\n      status\n      decision { by at reason admin { email } apiKey { name } rule { id name } }\n      pendingReason\n      events(first: 10) { edges { node { kind decisionBy detail } } }\n    }\n  }\n"): typeof import('./graphql.js').ApprovalDecisionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApprovalCreateKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { __typename ... on ApiKeyCreated { secret } }\n  }\n"): typeof import('./graphql.js').ApprovalCreateKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApprovalRules {\n    approvalRules { id name position action conditions { emailDomains roles platforms minOsVersions { platform version } appNames keyBound hasApprovedDevice maxDevices } }\n  }\n"): typeof import('./graphql.js').ApprovalRulesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApprovalCreateRule($input: ApprovalRuleInput!) {\n    createApprovalRule(input: $input) {\n      __typename\n      ... on ApprovalRule { id name position }\n      ... on InvalidApprovalRule { code reason }\n      ... on Error { message }\n    }\n  }\n"): typeof import('./graphql.js').ApprovalCreateRuleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApprovalUpdateRule($id: ID!, $input: ApprovalRuleInput!) {\n    updateApprovalRule(id: $id, input: $input) {\n      __typename\n      ... on ApprovalRule { id name action }\n      ... on InvalidApprovalRule { reason }\n      ... on Error { code }\n    }\n  }\n"): typeof import('./graphql.js').ApprovalUpdateRuleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApprovalDeleteRule($id: ID!) {\n    deleteApprovalRule(id: $id) { __typename ... on ApprovalRule { id } ... on Error { code } }\n  }\n"): typeof import('./graphql.js').ApprovalDeleteRuleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApprovalReorderRules($ids: [ID!]!) {\n    reorderApprovalRules(ids: $ids) {\n      __typename\n      ... on ApprovalRuleList { rules { id position } }\n      ... on InvalidApprovalRule { reason }\n    }\n  }\n"): typeof import('./graphql.js').ApprovalReorderRulesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApprovalPreviewRule($input: ApprovalRuleInput!) {\n    previewApprovalRule(input: $input) {\n      __typename\n      ... on ApprovalRulePreview { action matching devices { id } }\n      ... on InvalidApprovalRule { reason }\n    }\n  }\n"): typeof import('./graphql.js').ApprovalPreviewRuleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApprovalLogin($input: LoginInput!) {\n    login(input: $input) {\n      __typename\n      ... on Session { device { id status } }\n      ... on DevicePendingApproval { pendingReason device { id status pendingReason } }\n      ... on Error { code message }\n    }\n  }\n"): typeof import('./graphql.js').ApprovalLoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApprovalCreateCode($input: CreateEnrolmentCodeInput!) {\n    createEnrolmentCode(input: $input) {\n      __typename\n      ... on EnrolmentCodeCreated { code enrolmentCode { id name uses usesLeft expiresAt emailDomain user { email } } }\n      ... on Error { code message }\n    }\n  }\n"): typeof import('./graphql.js').ApprovalCreateCodeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApprovalCodes {\n    enrolmentCodes { id name uses usesLeft revokedAt lastUsedAt }\n  }\n"): typeof import('./graphql.js').ApprovalCodesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApprovalRevokeCode($id: ID!) {\n    revokeEnrolmentCode(id: $id) { __typename ... on EnrolmentCode { id revokedAt } ... on Error { code } }\n  }\n"): typeof import('./graphql.js').ApprovalRevokeCodeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthzChangePassword($current: String!, $next: String!) {\n    changePassword(currentPassword: $current, newPassword: $next) { __typename ... on Error { code } }\n  }\n"): typeof import('./graphql.js').AuthzChangePasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthzResetPassword($userId: ID!, $next: String!) {\n    resetPassword(userId: $userId, newPassword: $next) { __typename ... on Error { code } }\n  }\n"): typeof import('./graphql.js').AuthzResetPasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthzSetUserRole($userId: ID!, $role: Role!) {\n    setUserRole(userId: $userId, role: $role) { __typename ... on User { id role } ... on Error { code } }\n  }\n"): typeof import('./graphql.js').AuthzSetUserRoleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthzChallenge($keyId: String!) {\n    deviceChallenge(keyId: $keyId) { __typename ... on DeviceChallenge { challengeId nonce } }\n  }\n"): typeof import('./graphql.js').AuthzChallengeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthzVerify($proof: DeviceProof!) {\n    verifyDevice(proof: $proof) {\n      __typename\n      ... on KnownDevice { deviceId device { id } }\n      ... on Error { code }\n    }\n  }\n"): typeof import('./graphql.js').AuthzVerifyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthzLoginWithDevice($proof: DeviceProof!) {\n    loginWithDevice(proof: $proof) {\n      __typename\n      ... on Session { user { email } }\n      ... on Error { code }\n    }\n  }\n"): typeof import('./graphql.js').AuthzLoginWithDeviceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuthzMe {\n    me {\n      id\n      email\n      devices(first: 1) { totalCount }\n      events(first: 1) { totalCount }\n    }\n  }\n"): typeof import('./graphql.js').AuthzMeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuthzUser($id: ID!) {\n    user(id: $id) { id email }\n  }\n"): typeof import('./graphql.js').AuthzUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuthzOwnerDevices($id: ID!) {\n    device(id: $id) {\n      id\n      owner { id devices(first: 100) { totalCount } }\n    }\n  }\n"): typeof import('./graphql.js').AuthzOwnerDevicesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuthzOwnerEvents($id: ID!) {\n    device(id: $id) {\n      id\n      owner { id events(first: 1) { totalCount } }\n    }\n  }\n"): typeof import('./graphql.js').AuthzOwnerEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuthzActorDevices {\n    me {\n      id\n      events(first: 100) { edges { node { kind actor { id devices(first: 1) { totalCount } } } } }\n    }\n  }\n"): typeof import('./graphql.js').AuthzActorDevicesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuthzActorEvents {\n    me {\n      id\n      events(first: 100) { edges { node { kind actor { id events(first: 1) { totalCount } } } } }\n    }\n  }\n"): typeof import('./graphql.js').AuthzActorEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuthzApiKeys {\n    apiKeys { id name }\n  }\n"): typeof import('./graphql.js').AuthzApiKeysDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuthzApprovalRules {\n    approvalRules { id name }\n  }\n"): typeof import('./graphql.js').AuthzApprovalRulesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuthzPreviewRule($input: ApprovalRuleInput!) {\n    previewApprovalRule(input: $input) { __typename ... on ApprovalRulePreview { matching } }\n  }\n"): typeof import('./graphql.js').AuthzPreviewRuleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthzCreateRule($input: ApprovalRuleInput!) {\n    createApprovalRule(input: $input) { __typename ... on ApprovalRule { id } }\n  }\n"): typeof import('./graphql.js').AuthzCreateRuleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthzUpdateRule($id: ID!, $input: ApprovalRuleInput!) {\n    updateApprovalRule(id: $id, input: $input) { __typename ... on ApprovalRule { id } }\n  }\n"): typeof import('./graphql.js').AuthzUpdateRuleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthzDeleteRule($id: ID!) {\n    deleteApprovalRule(id: $id) { __typename ... on ApprovalRule { id } }\n  }\n"): typeof import('./graphql.js').AuthzDeleteRuleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthzReorderRules($ids: [ID!]!) {\n    reorderApprovalRules(ids: $ids) { __typename ... on ApprovalRuleList { rules { id } } }\n  }\n"): typeof import('./graphql.js').AuthzReorderRulesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuthzEnrolmentCodes {\n    enrolmentCodes { id name usesLeft }\n  }\n"): typeof import('./graphql.js').AuthzEnrolmentCodesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthzCreateCode($input: CreateEnrolmentCodeInput!) {\n    createEnrolmentCode(input: $input) { __typename ... on EnrolmentCodeCreated { code enrolmentCode { id } } }\n  }\n"): typeof import('./graphql.js').AuthzCreateCodeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthzRevokeCode($id: ID!) {\n    revokeEnrolmentCode(id: $id) { __typename ... on EnrolmentCode { id } }\n  }\n"): typeof import('./graphql.js').AuthzRevokeCodeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuthzApprovalRequests {\n    deviceApprovalRequests { id challengeId message }\n  }\n"): typeof import('./graphql.js').AuthzApprovalRequestsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthzApproveOwnDevice($requestId: ID!, $proof: DeviceProof!) {\n    approveOwnDevice(requestId: $requestId, proof: $proof) { __typename ... on Device { id } ... on Error { code } }\n  }\n"): typeof import('./graphql.js').AuthzApproveOwnDeviceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuthzNotificationSettings {\n    notificationSettings { newDevicePending }\n  }\n"): typeof import('./graphql.js').AuthzNotificationSettingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthzUpdateNotificationSettings($input: NotificationSettingsInput!) {\n    updateNotificationSettings(input: $input) { __typename ... on NotificationSettings { newDevicePending } }\n  }\n"): typeof import('./graphql.js').AuthzUpdateNotificationSettingsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthzCreateApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { __typename ... on ApiKeyCreated { secret apiKey { id name } } }\n  }\n"): typeof import('./graphql.js').AuthzCreateApiKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthzRevokeApiKey($id: ID!) {\n    revokeApiKey(id: $id) { __typename ... on ApiKey { id revokedAt } ... on Error { code } }\n  }\n"): typeof import('./graphql.js').AuthzRevokeApiKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuthzWebhookEndpoints {\n    webhookEndpoints { id url }\n  }\n"): typeof import('./graphql.js').AuthzWebhookEndpointsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuthzWebhookEndpoint($id: ID!) {\n    webhookEndpoint(id: $id) { id url }\n  }\n"): typeof import('./graphql.js').AuthzWebhookEndpointDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthzCreateWebhook($input: WebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) { __typename ... on WebhookEndpointCreated { secret endpoint { id } } ... on Error { code } }\n  }\n"): typeof import('./graphql.js').AuthzCreateWebhookDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthzUpdateWebhook($id: ID!) {\n    updateWebhookEndpoint(id: $id, input: { description: \"checked\" }) { __typename ... on WebhookEndpoint { id description } ... on Error { code } }\n  }\n"): typeof import('./graphql.js').AuthzUpdateWebhookDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthzRotateWebhook($id: ID!) {\n    rotateWebhookSecret(id: $id) { __typename ... on WebhookEndpointCreated { secret } ... on Error { code } }\n  }\n"): typeof import('./graphql.js').AuthzRotateWebhookDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthzDeleteWebhook($id: ID!) {\n    deleteWebhookEndpoint(id: $id) { __typename ... on WebhookEndpoint { id } ... on Error { code } }\n  }\n"): typeof import('./graphql.js').AuthzDeleteWebhookDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthzUpdateAttributes($id: ID!, $set: JSONObject) {\n    updateDeviceAttributes(id: $id, set: $set) { __typename ... on Device { id attributes } ... on Error { code } }\n  }\n"): typeof import('./graphql.js').AuthzUpdateAttributesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthzTestWebhook($id: ID!) {\n    sendTestWebhook(id: $id) { __typename ... on WebhookTest { ok } ... on Error { code } }\n  }\n"): typeof import('./graphql.js').AuthzTestWebhookDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthzRedeliverWebhook($id: ID!) {\n    redeliverWebhook(deliveryId: $id) { __typename ... on WebhookDelivery { id } ... on Error { code } }\n  }\n"): typeof import('./graphql.js').AuthzRedeliverWebhookDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthzReplayWebhooks($id: ID!) {\n    replayWebhooks(endpointId: $id, after: \"MA\") { __typename ... on WebhookEndpoint { id } ... on Error { code } }\n  }\n"): typeof import('./graphql.js').AuthzReplayWebhooksDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BulkCreateKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { __typename ... on ApiKeyCreated { secret } }\n  }\n"): typeof import('./graphql.js').BulkCreateKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription BulkEvents($filter: EventFilter) {\n    deviceEvents(filter: $filter) { kind deviceId }\n  }\n"): typeof import('./graphql.js').BulkEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateAttributes($id: ID!, $set: JSONObject, $unset: [String!]) {\n    updateDeviceAttributes(id: $id, set: $set, unset: $unset) {\n      __typename\n      ... on Device { id attributes }\n      ... on InvalidAttributes { code message problem key }\n      ... on Error { code message }\n    }\n  }\n"): typeof import('./graphql.js').UpdateAttributesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AttributesApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { __typename ... on ApiKeyCreated { secret } }\n  }\n"): typeof import('./graphql.js').AttributesApiKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AttributeEventsLive($filter: EventFilter, $after: String) {\n    deviceEvents(filter: $filter, after: $after) { kind detail device { id attributes } }\n  }\n"): typeof import('./graphql.js').AttributeEventsLiveDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeviceAttributes($id: ID!) {\n    device(id: $id) { id attributes }\n  }\n"): typeof import('./graphql.js').DeviceAttributesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DevicesByAttribute($key: String!, $value: JSON!) {\n    devices(filter: { attribute: { key: $key, value: $value } }, first: 50) {\n      totalCount\n      edges { node { id attributes } }\n    }\n  }\n"): typeof import('./graphql.js').DevicesByAttributeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AttributeEvents($deviceId: ID!) { events(filter: { deviceId: $deviceId, kinds: [DEVICE_UPDATED] }) { edges { node { kind detail actor { email } } } } }"): typeof import('./graphql.js').AttributeEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation KeysChallenge($keyId: String!) {\n    deviceChallenge(keyId: $keyId) {\n      __typename\n      ... on DeviceChallenge { challengeId nonce expiresAt }\n      ... on TooManyAttempts { retryAfter message }\n    }\n  }\n"): typeof import('./graphql.js').KeysChallengeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation KeysVerify($proof: DeviceProof!) {\n    verifyDevice(proof: $proof) {\n      __typename\n      ... on KnownDevice { deviceId status device { id keyId keyAlgorithm owner { email } } }\n      ... on DevicePendingApproval { watchToken }\n      ... on Error { code message }\n    }\n  }\n"): typeof import('./graphql.js').KeysVerifyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation KeysLoginWithDevice($proof: DeviceProof!) {\n    loginWithDevice(proof: $proof) {\n      __typename\n      ... on Session { token user { email } device { id } }\n      ... on Error { code message }\n    }\n  }\n"): typeof import('./graphql.js').KeysLoginWithDeviceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query KeysKeyId($id: ID!) { device(id: $id) { keyId } }"): typeof import('./graphql.js').KeysKeyIdDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchAll($search: String!) {\n    devices(filter: { search: $search }, first: 100) {\n      totalCount\n      edges { node { installationId name model appName } }\n    }\n  }\n"): typeof import('./graphql.js').SearchAllDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription FeedOrder {\n    deviceEvents { cursor kind detail }\n  }\n"): typeof import('./graphql.js').FeedOrderDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription EventLogFeed($after: String) {\n    deviceEvents(after: $after) { id cursor kind detail }\n  }\n"): typeof import('./graphql.js').EventLogFeedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExportApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { __typename ... on ApiKeyCreated { secret } }\n  }\n"): typeof import('./graphql.js').ExportApiKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ExportAttributes($id: ID!, $set: JSONObject) {\n    updateDeviceAttributes(id: $id, set: $set) { __typename }\n  }\n"): typeof import('./graphql.js').ExportAttributesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LanePhoneRead {\n    me {\n      id\n      devices(first: 10) {\n        totalCount\n        edges { node { id name status platform model appName lastUsedAt owner { id email } lastUser { id email } } }\n      }\n    }\n  }\n"): typeof import('./graphql.js').LanePhoneReadDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LaneDevices($first: Int) {\n    me { id devices(first: $first) { totalCount } }\n  }\n"): typeof import('./graphql.js').LaneDevicesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LaneLogin($email: String!, $password: String!) {\n    login(input: { email: $email, password: $password }) { __typename ... on Error { code message } }\n  }\n"): typeof import('./graphql.js').LaneLoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription LaneDeviceEvents {\n    deviceEvents { kind }\n  }\n"): typeof import('./graphql.js').LaneDeviceEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription MetricsEvents {\n    deviceEvents { id kind }\n  }\n"): typeof import('./graphql.js').MetricsEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MetricsUsers { users(first: 1) { totalCount } }"): typeof import('./graphql.js').MetricsUsersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DeviceFields on Device {\n    id\n    installationId\n    name\n    status\n    platform\n    osVersion\n    model\n    appName\n    appVersion\n    mobileAuth\n    owner { id email }\n    lastUser { id email }\n    lastUsedAt\n    createdAt\n    statusChangedAt\n    statusChangedBy { id email }\n    blockedReason\n  }\n"): typeof import('./graphql.js').DeviceFieldsFragmentDoc;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      __typename\n      ... on User { id email displayName role }\n      ... on Error { code message }\n    }\n  }\n"): typeof import('./graphql.js').SignUpDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateUser($input: CreateUserInput!) {\n    createUser(input: $input) {\n      __typename\n      ... on User { id email role }\n      ... on Error { code message }\n    }\n  }\n"): typeof import('./graphql.js').CreateUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($input: LoginInput!) {\n    login(input: $input) {\n      __typename\n      ... on Session { token expiresAt user { id email role } device { ...DeviceFields } }\n      ... on DevicePendingApproval { pendingDevice: device { ...DeviceFields } }\n      ... on DeviceLimitReached { limit }\n      ... on TooManyAttempts { retryAfter }\n      ... on Error { code message }\n    }\n  }\n"): typeof import('./graphql.js').LoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Logout {\n    logout\n  }\n"): typeof import('./graphql.js').LogoutDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me { id email role displayName lastLoginAt deviceCount }\n  }\n"): typeof import('./graphql.js').MeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyDevices($first: Int, $after: String, $filter: DeviceFilter) {\n    me {\n      id\n      devices(first: $first, after: $after, filter: $filter) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges { cursor node { ...DeviceFields } }\n      }\n    }\n  }\n"): typeof import('./graphql.js').MyDevicesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserView($id: ID!, $first: Int) {\n    user(id: $id) {\n      id\n      email\n      deviceCount\n      devices(first: $first) { totalCount edges { node { ...DeviceFields } } }\n      events(first: $first) { totalCount edges { node { kind at deviceName } } }\n    }\n  }\n"): typeof import('./graphql.js').UserViewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Users($filter: UserFilter, $first: Int, $after: String) {\n    users(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id email role } }\n    }\n  }\n"): typeof import('./graphql.js').UsersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeviceById($id: ID!) {\n    device(id: $id) {\n      ...DeviceFields\n      users(first: 10) { totalCount edges { node { id email } } }\n    }\n  }\n"): typeof import('./graphql.js').DeviceByIdDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeviceEvents($id: ID!) {\n    device(id: $id) {\n      id\n      events(first: 50) { totalCount edges { node { kind fromStatus toStatus } } }\n    }\n  }\n"): typeof import('./graphql.js').DeviceEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Devices($filter: DeviceFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    devices(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { cursor node { id installationId name status platform model } }\n    }\n  }\n"): typeof import('./graphql.js').DevicesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Events($filter: EventFilter, $first: Int, $after: String) {\n    events(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id\n          cursor\n          kind\n          at\n          actor { id email }\n          user { id email }\n          device { id status }\n          deviceId\n          deviceName\n          fromStatus\n          toStatus\n          ip\n          userAgent\n          detail\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.js').EventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Node($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      ... on Device { status }\n      ... on User { email }\n      ... on Event { kind }\n    }\n  }\n"): typeof import('./graphql.js').NodeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterDevice($input: DeviceInput!) {\n    registerDevice(input: $input) {\n      __typename\n      ... on Device { ...DeviceFields }\n      ... on DeviceLimitReached { limit }\n      ... on Error { code message }\n    }\n  }\n"): typeof import('./graphql.js').RegisterDeviceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveDevice($id: ID!) {\n    approveDevice(id: $id) {\n      __typename\n      ... on Device { ...DeviceFields }\n      ... on InvalidTransition { action currentStatus }\n      ... on Error { code message }\n    }\n  }\n"): typeof import('./graphql.js').ApproveDeviceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BlockDevice($id: ID!, $reason: String) {\n    blockDevice(id: $id, reason: $reason) {\n      __typename\n      ... on Device { ...DeviceFields }\n      ... on Error { code message }\n    }\n  }\n"): typeof import('./graphql.js').BlockDeviceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnblockDevice($id: ID!) {\n    unblockDevice(id: $id) {\n      __typename\n      ... on Device { ...DeviceFields }\n      ... on Error { code message }\n    }\n  }\n"): typeof import('./graphql.js').UnblockDeviceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RenameDevice($id: ID!, $name: String!) {\n    renameDevice(id: $id, name: $name) {\n      __typename\n      ... on Device { ...DeviceFields }\n      ... on Error { code message }\n    }\n  }\n"): typeof import('./graphql.js').RenameDeviceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ForgetDevice($id: ID!) {\n    forgetDevice(id: $id) {\n      __typename\n      ... on ForgottenDevice { id name }\n      ... on Error { code message }\n    }\n  }\n"): typeof import('./graphql.js').ForgetDeviceDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveDevices($ids: [ID!]!) {\n    approveDevices(ids: $ids) {\n      __typename\n      ... on Device { id status }\n      ... on InvalidTransition { action currentStatus }\n      ... on Error { code message }\n    }\n  }\n"): typeof import('./graphql.js').ApproveDevicesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BlockDevices($ids: [ID!]!, $reason: String) {\n    blockDevices(ids: $ids, reason: $reason) {\n      __typename\n      ... on Device { id status blockedReason }\n      ... on InvalidTransition { action currentStatus }\n      ... on Error { code message }\n    }\n  }\n"): typeof import('./graphql.js').BlockDevicesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UnblockDevices($ids: [ID!]!) {\n    unblockDevices(ids: $ids) {\n      __typename\n      ... on Device { id status }\n      ... on InvalidTransition { action currentStatus }\n      ... on Error { code message }\n    }\n  }\n"): typeof import('./graphql.js').UnblockDevicesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ForgetDevices($ids: [ID!]!) {\n    forgetDevices(ids: $ids) {\n      __typename\n      ... on ForgottenDevice { id name }\n      ... on Error { code message }\n    }\n  }\n"): typeof import('./graphql.js').ForgetDevicesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DevicePolicy {\n    devicePolicy { approvalMode maxDevicesPerUser allowSignUp }\n  }\n"): typeof import('./graphql.js').DevicePolicyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetDevicePolicy($input: DevicePolicyInput!) {\n    setDevicePolicy(input: $input) {\n      __typename\n      ... on DevicePolicy { approvalMode maxDevicesPerUser allowSignUp }\n    }\n  }\n"): typeof import('./graphql.js').SetDevicePolicyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OwnerPolicy($on: Boolean!) {\n    setDevicePolicy(input: { ownerApproval: $on }) { __typename ... on DevicePolicy { ownerApproval } }\n  }\n"): typeof import('./graphql.js').OwnerPolicyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OwnerReadPolicy {\n    devicePolicy { ownerApproval }\n  }\n"): typeof import('./graphql.js').OwnerReadPolicyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription OwnerWatchRequests {\n    deviceApprovalRequests { id challengeId message model platform osVersion appName ip device { id status } }\n  }\n"): typeof import('./graphql.js').OwnerWatchRequestsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription OwnerWatchStatus($deviceId: ID!) {\n    deviceStatusChanged(deviceId: $deviceId) { id status }\n  }\n"): typeof import('./graphql.js').OwnerWatchStatusDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OwnerDecision($id: ID!) {\n    device(id: $id) { id status decision { by reason } }\n  }\n"): typeof import('./graphql.js').OwnerDecisionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OwnerApproveOwn($requestId: ID!, $proof: DeviceProof!) {\n    approveOwnDevice(requestId: $requestId, proof: $proof) {\n      __typename\n      ... on Device { id status }\n      ... on ApprovalRequestClosed { reason }\n      ... on Error { code message }\n    }\n  }\n"): typeof import('./graphql.js').OwnerApproveOwnDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QueriesDevicePage($filter: DeviceFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    devices(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { cursor node { id name status platform model appName installationId createdAt owner { id } } }\n    }\n  }\n"): typeof import('./graphql.js').QueriesDevicePageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QueriesUserDevicesPage($id: ID!, $filter: DeviceFilter, $first: Int, $after: String) {\n    user(id: $id) {\n      id\n      devices(filter: $filter, first: $first, after: $after) {\n        totalCount\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n        edges { cursor node { id name createdAt } }\n      }\n    }\n  }\n"): typeof import('./graphql.js').QueriesUserDevicesPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QueriesUserEventsPage($id: ID!, $first: Int, $after: String) {\n    user(id: $id) {\n      id\n      events(first: $first, after: $after) {\n        totalCount\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n        edges { cursor node { id kind at } }\n      }\n    }\n  }\n"): typeof import('./graphql.js').QueriesUserEventsPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QueriesDeviceUsersPage($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {\n    device(id: $id) {\n      id\n      users(first: $first, after: $after, last: $last, before: $before) {\n        totalCount\n        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n        edges { cursor node { id email } }\n      }\n    }\n  }\n"): typeof import('./graphql.js').QueriesDeviceUsersPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QueriesUsersPage($filter: UserFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    users(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { cursor node { id email displayName role } }\n    }\n  }\n"): typeof import('./graphql.js').QueriesUsersPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QueriesEventsPage($filter: EventFilter, $first: Int, $after: String, $last: Int, $before: String) {\n    events(filter: $filter, first: $first, after: $after, last: $last, before: $before) {\n      totalCount\n      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }\n      edges { cursor node { id kind at deviceId } }\n    }\n  }\n"): typeof import('./graphql.js').QueriesEventsPageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query QueriesDashboardUser($id: ID!) {\n    user(id: $id) {\n      id\n      email\n      deviceCount\n      lastLoginAt\n      devices(first: 20) {\n        totalCount\n        edges {\n          node {\n            id\n            name\n            status\n            appName\n            platform\n            model\n            lastUsedAt\n            lastUser { id email }\n            owner { id email }\n          }\n        }\n      }\n      events(first: 10) {\n        totalCount\n        edges { node { id kind at actor { id email } user { id } deviceId deviceName fromStatus toStatus ip userAgent } }\n      }\n    }\n  }\n"): typeof import('./graphql.js').QueriesDashboardUserDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RealtimeLogin($input: LoginInput!) {\n    login(input: $input) {\n      __typename\n      ... on Session { token sessionDevice: device { id status } }\n      ... on DevicePendingApproval { watchToken device { id status } }\n      ... on Error { code message }\n    }\n  }\n"): typeof import('./graphql.js').RealtimeLoginDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription RealtimeEvents($filter: EventFilter, $after: String) {\n    deviceEvents(filter: $filter, after: $after) { id cursor kind deviceId detail }\n  }\n"): typeof import('./graphql.js').RealtimeEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription RealtimeEventLog($after: String) {\n    deviceEvents(after: $after) { id cursor kind deviceId detail device { id status } }\n  }\n"): typeof import('./graphql.js').RealtimeEventLogDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription RealtimeStatus($deviceId: ID!) {\n    deviceStatusChanged(deviceId: $deviceId) { id status statusChangedAt blockedReason }\n  }\n"): typeof import('./graphql.js').RealtimeStatusDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RealtimeDevices {\n    devices(first: 5) { totalCount }\n  }\n"): typeof import('./graphql.js').RealtimeDevicesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RealtimeWhoAmI {\n    me { id }\n  }\n"): typeof import('./graphql.js').RealtimeWhoAmIDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ResilienceEventFeed($filter: EventFilter) {\n    deviceEvents(filter: $filter) {\n      kind\n      user { email }\n    }\n  }\n"): typeof import('./graphql.js').ResilienceEventFeedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetUserRole($userId: ID!, $role: Role!) {\n    setUserRole(userId: $userId, role: $role) {\n      __typename\n      ... on User { id role }\n      ... on Error { code message }\n    }\n  }\n"): typeof import('./graphql.js').SetUserRoleDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription RolesEvents($filter: EventFilter) {\n    deviceEvents(filter: $filter) { kind deviceId user { id } }\n  }\n"): typeof import('./graphql.js').RolesEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RolesCreateKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { __typename ... on ApiKeyCreated { secret } }\n  }\n"): typeof import('./graphql.js').RolesCreateKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SecurityUserOverview($id: ID!) {\n    user(id: $id) {\n      id\n      email\n      displayName\n      role\n      deviceCount\n      lastLoginAt\n      createdAt\n      devices(first: 20) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges {\n          cursor\n          node {\n            id\n            installationId\n            name\n            status\n            platform\n            osVersion\n            model\n            appName\n            appVersion\n            mobileAuth\n            lastUsedAt\n            createdAt\n            statusChangedAt\n            blockedReason\n            owner { id email }\n            lastUser { id email }\n            statusChangedBy { id email }\n            events(first: 1) { totalCount }\n          }\n        }\n      }\n      events(first: 20) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        edges {\n          node { id kind at deviceId deviceName fromStatus toStatus ip userAgent detail actor { id email } device { id name status } }\n        }\n      }\n    }\n  }\n"): typeof import('./graphql.js').SecurityUserOverviewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SecurityLatestEvent {\n    events(first: 1) { edges { node { cursor } } }\n  }\n"): typeof import('./graphql.js').SecurityLatestEventDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SecurityUsersCreated($after: String) {\n    deviceEvents(after: $after, filter: { kinds: [USER_CREATED] }) { kind user { email } }\n  }\n"): typeof import('./graphql.js').SecurityUsersCreatedDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query Whoami {\n      devices(first: 1) { totalCount }\n    }\n  "): typeof import('./graphql.js').WhoamiDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation SessionsChangePassword($current: String!, $next: String!) {\n      changePassword(currentPassword: $current, newPassword: $next) { __typename ... on User { id } ... on Error { code message } }\n    }\n  "): typeof import('./graphql.js').SessionsChangePasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    mutation SessionsResetPassword($userId: ID!, $next: String!) {\n      resetPassword(userId: $userId, newPassword: $next) { __typename ... on User { id } ... on Error { code message } }\n    }\n  "): typeof import('./graphql.js').SessionsResetPasswordDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n    query SessionsWhoami {\n      me { email }\n    }\n  "): typeof import('./graphql.js').SessionsWhoamiDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SharedEventView($first: Int) {\n    deviceEvents(filter: { kinds: [DEVICE_RENAMED] }) {\n      id\n      deviceName\n      user { email devices(first: $first) { totalCount edges { node { id } } } }\n      actor { email devices(first: 5) { totalCount } }\n    }\n  }\n"): typeof import('./graphql.js').SharedEventViewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription MaskedEventView {\n    deviceEvents(filter: { kinds: [USER_CREATED] }) { kind user { email displayName } }\n  }\n"): typeof import('./graphql.js').MaskedEventViewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription MaskedStatusView($deviceId: ID!) {\n    deviceStatusChanged(deviceId: $deviceId) { id status }\n  }\n"): typeof import('./graphql.js').MaskedStatusViewDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StalePolicy($input: DevicePolicyInput!) {\n    setDevicePolicy(input: $input) {\n      __typename\n      ... on DevicePolicy { staleAfterDays staleAction }\n    }\n  }\n"): typeof import('./graphql.js').StalePolicyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StaleDevices($filter: DeviceFilter) {\n    devices(filter: $filter, first: 100) { totalCount edges { node { id installationId stale status } } }\n  }\n"): typeof import('./graphql.js').StaleDevicesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StaleEvents($deviceId: ID!) {\n    events(filter: { deviceId: $deviceId }, first: 20) { edges { node { kind actor { id } bySystem fromStatus toStatus detail } } }\n  }\n"): typeof import('./graphql.js').StaleEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription StaleLive($filter: EventFilter) {\n    deviceEvents(filter: $filter) { kind bySystem deviceId detail actor { id } }\n  }\n"): typeof import('./graphql.js').StaleLiveDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StaleApiKey($input: CreateApiKeyInput!) {\n    createApiKey(input: $input) { __typename ... on ApiKeyCreated { secret } }\n  }\n"): typeof import('./graphql.js').StaleApiKeyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        query StalePolicyRead { devicePolicy { staleAfterDays staleAction } }\n      "): typeof import('./graphql.js').StalePolicyReadDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n        mutation StaleBlock($id: ID!) { blockDevice(id: $id, reason: \"lost\") { __typename } }\n      "): typeof import('./graphql.js').StaleBlockDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StatementsPhoneRead {\n    me {\n      id\n      email\n      devices(first: 10) {\n        totalCount\n        edges { node { id name status platform model appName lastUsedAt owner { id email } lastUser { id email } } }\n      }\n    }\n  }\n"): typeof import('./graphql.js').StatementsPhoneReadDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query StatementsUsersWithCounts($first: Int!) {\n    users(first: $first) { edges { node { id email deviceCount } } }\n  }\n"): typeof import('./graphql.js').StatementsUsersWithCountsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ThrottleChallenge($keyId: String!) {\n    deviceChallenge(keyId: $keyId) {\n      __typename\n      ... on DeviceChallenge { challengeId nonce }\n      ... on TooManyAttempts { retryAfter }\n    }\n  }\n"): typeof import('./graphql.js').ThrottleChallengeDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ThrottleVerify($proof: DeviceProof!) {\n    verifyDevice(proof: $proof) { __typename ... on TooManyAttempts { retryAfter } ... on Error { code } }\n  }\n"): typeof import('./graphql.js').ThrottleVerifyDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebhooksCreate($input: WebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) {\n      __typename\n      ... on WebhookEndpointCreated { secret endpoint { id url kinds enabled } }\n      ... on Error { code message }\n    }\n  }\n"): typeof import('./graphql.js').WebhooksCreateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebhooksTest($id: ID!) {\n    sendTestWebhook(id: $id) { __typename ... on WebhookTest { ok responseStatus durationMs error } ... on Error { code } }\n  }\n"): typeof import('./graphql.js').WebhooksTestDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebhooksRedeliver($id: ID!) {\n    redeliverWebhook(deliveryId: $id) { __typename ... on WebhookDelivery { id status } ... on Error { code } }\n  }\n"): typeof import('./graphql.js').WebhooksRedeliverDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebhooksReplay($id: ID!, $after: String!) {\n    replayWebhooks(endpointId: $id, after: $after) { __typename ... on WebhookEndpoint { id } ... on Error { code } }\n  }\n"): typeof import('./graphql.js').WebhooksReplayDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WebhooksRotate($id: ID!) {\n    rotateWebhookSecret(id: $id) { __typename ... on WebhookEndpointCreated { secret } ... on Error { code } }\n  }\n"): typeof import('./graphql.js').WebhooksRotateDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhooksDisabled($id: ID!) {\n    webhookEndpoint(id: $id) { enabled failingSince }\n    events(first: 5, filter: { kinds: [WEBHOOK_DISABLED] }) { edges { node { kind detail actor { id } } } }\n  }\n"): typeof import('./graphql.js').WebhooksDisabledDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhooksDeliveries($id: ID!) {\n    webhookEndpoint(id: $id) {\n      id\n      failingSince\n      deliveries(first: 50) { id eventCursor status attempts responseStatus lastError nextAttemptAt }\n    }\n  }\n"): typeof import('./graphql.js').WebhooksDeliveriesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation WebhooksUser($input: CreateUserInput!) { createUser(input: $input) { __typename } }"): typeof import('./graphql.js').WebhooksUserDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
