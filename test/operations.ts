// The GraphQL operations the tests send, typed by codegen (npm run codegen) into test/gql/.
import { graphql } from './gql/index.js';

export const DeviceFields = graphql(`
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
    owner { id email }
    lastUser { id email }
    lastUsedAt
    createdAt
    statusChangedAt
    statusChangedBy { id email }
    blockedReason
  }
`);

export const SignUp = graphql(`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      __typename
      ... on User { id email displayName role }
      ... on Error { code message }
    }
  }
`);

export const CreateUser = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      __typename
      ... on User { id email role }
      ... on Error { code message }
    }
  }
`);

export const Login = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      __typename
      ... on Session { token expiresAt user { id email role } device { ...DeviceFields } }
      ... on DevicePendingApproval { pendingDevice: device { ...DeviceFields } }
      ... on DeviceLimitReached { limit }
      ... on TooManyAttempts { retryAfter }
      ... on Error { code message }
    }
  }
`);

export const Logout = graphql(`
  mutation Logout {
    logout
  }
`);

export const Me = graphql(`
  query Me {
    me { id email role displayName lastLoginAt deviceCount }
  }
`);

export const MyDevices = graphql(`
  query MyDevices($first: Int, $after: String, $filter: DeviceFilter) {
    me {
      id
      devices(first: $first, after: $after, filter: $filter) {
        totalCount
        pageInfo { hasNextPage endCursor }
        edges { cursor node { ...DeviceFields } }
      }
    }
  }
`);

export const UserView = graphql(`
  query UserView($id: ID!, $first: Int) {
    user(id: $id) {
      id
      email
      deviceCount
      devices(first: $first) { totalCount edges { node { ...DeviceFields } } }
      events(first: $first) { totalCount edges { node { kind at deviceName } } }
    }
  }
`);

export const Users = graphql(`
  query Users($filter: UserFilter, $first: Int, $after: String) {
    users(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id email role } }
    }
  }
`);

export const DeviceById = graphql(`
  query DeviceById($id: ID!) {
    device(id: $id) {
      ...DeviceFields
      users(first: 10) { totalCount edges { node { id email } } }
    }
  }
`);

export const DeviceEvents = graphql(`
  query DeviceEvents($id: ID!) {
    device(id: $id) {
      id
      events(first: 50) { totalCount edges { node { kind fromStatus toStatus } } }
    }
  }
`);

export const Devices = graphql(`
  query Devices($filter: DeviceFilter, $first: Int, $after: String, $last: Int, $before: String) {
    devices(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { cursor node { id installationId name status platform model } }
    }
  }
`);

export const Events = graphql(`
  query Events($filter: EventFilter, $first: Int, $after: String) {
    events(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id
          cursor
          kind
          at
          actor { id email }
          user { id email }
          device { id status }
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
`);

export const Node = graphql(`
  query Node($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Device { status }
      ... on User { email }
      ... on Event { kind }
    }
  }
`);

export const RegisterDevice = graphql(`
  mutation RegisterDevice($input: DeviceInput!) {
    registerDevice(input: $input) {
      __typename
      ... on Device { ...DeviceFields }
      ... on DeviceLimitReached { limit }
      ... on Error { code message }
    }
  }
`);

export const ApproveDevice = graphql(`
  mutation ApproveDevice($id: ID!) {
    approveDevice(id: $id) {
      __typename
      ... on Device { ...DeviceFields }
      ... on InvalidTransition { action currentStatus }
      ... on Error { code message }
    }
  }
`);

export const BlockDevice = graphql(`
  mutation BlockDevice($id: ID!, $reason: String) {
    blockDevice(id: $id, reason: $reason) {
      __typename
      ... on Device { ...DeviceFields }
      ... on Error { code message }
    }
  }
`);

export const UnblockDevice = graphql(`
  mutation UnblockDevice($id: ID!) {
    unblockDevice(id: $id) {
      __typename
      ... on Device { ...DeviceFields }
      ... on Error { code message }
    }
  }
`);

export const RenameDevice = graphql(`
  mutation RenameDevice($id: ID!, $name: String!) {
    renameDevice(id: $id, name: $name) {
      __typename
      ... on Device { ...DeviceFields }
      ... on Error { code message }
    }
  }
`);

export const ForgetDevice = graphql(`
  mutation ForgetDevice($id: ID!) {
    forgetDevice(id: $id) {
      __typename
      ... on ForgottenDevice { id name }
      ... on Error { code message }
    }
  }
`);

export const ApproveDevices = graphql(`
  mutation ApproveDevices($ids: [ID!]!) {
    approveDevices(ids: $ids) {
      __typename
      ... on Device { id status }
      ... on InvalidTransition { action currentStatus }
      ... on Error { code message }
    }
  }
`);

export const BlockDevices = graphql(`
  mutation BlockDevices($ids: [ID!]!, $reason: String) {
    blockDevices(ids: $ids, reason: $reason) {
      __typename
      ... on Device { id status blockedReason }
      ... on InvalidTransition { action currentStatus }
      ... on Error { code message }
    }
  }
`);

export const UnblockDevices = graphql(`
  mutation UnblockDevices($ids: [ID!]!) {
    unblockDevices(ids: $ids) {
      __typename
      ... on Device { id status }
      ... on InvalidTransition { action currentStatus }
      ... on Error { code message }
    }
  }
`);

export const ForgetDevices = graphql(`
  mutation ForgetDevices($ids: [ID!]!) {
    forgetDevices(ids: $ids) {
      __typename
      ... on ForgottenDevice { id name }
      ... on Error { code message }
    }
  }
`);

export const DevicePolicy = graphql(`
  query DevicePolicy {
    devicePolicy { approvalMode maxDevicesPerUser allowSignUp }
  }
`);

export const SetDevicePolicy = graphql(`
  mutation SetDevicePolicy($input: DevicePolicyInput!) {
    setDevicePolicy(input: $input) {
      __typename
      ... on DevicePolicy { approvalMode maxDevicesPerUser allowSignUp }
    }
  }
`);
