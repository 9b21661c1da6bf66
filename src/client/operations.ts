// The operations the reference client sends, typed by codegen (npm run codegen) into src/client/gql/.
import { graphql } from './gql/index.js';

export const ClientDeviceFields = graphql(`
  fragment ClientDeviceFields on Device {
    id
    installationId
    name
    status
    platform
    keyId
    keyAlgorithm
  }
`);

export const ClientLogin = graphql(`
  mutation ClientLogin($input: LoginInput!) {
    login(input: $input) {
      __typename
      ... on Session { token expiresAt device { ...ClientDeviceFields } }
      ... on DevicePendingApproval { watchToken pendingReason pendingDevice: device { ...ClientDeviceFields } }
      ... on Error { code message }
    }
  }
`);

export const ClientRegisterDevice = graphql(`
  mutation ClientRegisterDevice($input: DeviceInput!) {
    registerDevice(input: $input) {
      __typename
      ... on Device { ...ClientDeviceFields }
      ... on Error { code message }
    }
  }
`);

export const ClientChallenge = graphql(`
  mutation ClientChallenge($keyId: String!) {
    deviceChallenge(keyId: $keyId) {
      __typename
      ... on DeviceChallenge { challengeId nonce expiresAt }
      ... on TooManyAttempts { retryAfter message }
    }
  }
`);

export const ClientVerify = graphql(`
  mutation ClientVerify($proof: DeviceProof!) {
    verifyDevice(proof: $proof) {
      __typename
      ... on KnownDevice { deviceId status }
      ... on DevicePendingApproval { watchToken }
      ... on Error { code message }
    }
  }
`);

export const ClientLoginWithDevice = graphql(`
  mutation ClientLoginWithDevice($proof: DeviceProof!) {
    loginWithDevice(proof: $proof) {
      __typename
      ... on Session { token expiresAt user { email } device { ...ClientDeviceFields } }
      ... on DevicePendingApproval { watchToken }
      ... on Error { code message }
    }
  }
`);

export const ClientApprove = graphql(`
  mutation ClientApprove($id: ID!) {
    approveDevice(id: $id) {
      __typename
      ... on Device { ...ClientDeviceFields }
      ... on Error { code message }
    }
  }
`);

export const ClientSignUp = graphql(`
  mutation ClientSignUp($input: SignUpInput!) {
    signUp(input: $input) {
      __typename
      ... on User { id email }
      ... on Error { code message }
    }
  }
`);

export const ClientWatchStatus = graphql(`
  subscription ClientWatchStatus($deviceId: ID!) {
    deviceStatusChanged(deviceId: $deviceId) { ...ClientDeviceFields }
  }
`);

export const ClientApprovalRequestFields = graphql(`
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
    device { id name status }
  }
`);

export const ClientApprovalRequests = graphql(`
  query ClientApprovalRequests {
    deviceApprovalRequests { ...ClientApprovalRequestFields }
  }
`);

export const ClientWatchApprovalRequests = graphql(`
  subscription ClientWatchApprovalRequests {
    deviceApprovalRequests { ...ClientApprovalRequestFields }
  }
`);

export const ClientApproveOwnDevice = graphql(`
  mutation ClientApproveOwnDevice($requestId: ID!, $proof: DeviceProof!) {
    approveOwnDevice(requestId: $requestId, proof: $proof) {
      __typename
      ... on Device { ...ClientDeviceFields decision { by reason } }
      ... on Error { code message }
    }
  }
`);
