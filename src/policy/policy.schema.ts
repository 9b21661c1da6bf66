// GraphQL face of the device policy: reading it, and admins changing it at run time.
import { z } from 'zod';
import { builder } from '../graphql/builder.js';
import { APPROVAL_MODES, STALE_ACTIONS } from './policy.entity.js';
import { currentPolicy, setDevicePolicy, STALE_AFTER_DAYS_MAX, STALE_AFTER_DAYS_MIN, type PolicyValues } from './policy.js';

const ApprovalModeEnum = builder.enumType('ApprovalMode', {
  description: 'Whether new devices wait for an administrator',
  values: {
    REQUIRED: { description: 'A new device is PENDING until an admin approves it' },
    AUTOMATIC: { description: 'A new device is APPROVED at once' },
  } satisfies Record<(typeof APPROVAL_MODES)[number], object>,
});

const StaleActionEnum = builder.enumType('StaleAction', {
  description: 'What the maintenance sweep does to a device not used for staleAfterDays (each with its event, by the system)',
  values: {
    MARK: { description: 'Set Device.stale (DEVICE_MARKED_STALE); the device may still sign in, which clears it' },
    BLOCK: { description: 'Block it as blockDevice does (DEVICE_BLOCKED, reason "Not used for N days"); a device already blocked is only marked' },
    FORGET: { description: 'Forget it as forgetDevice does (DEVICE_FORGOTTEN); a blocked device is only marked, so that its block stays' },
  } satisfies Record<(typeof STALE_ACTIONS)[number], object>,
});

const DevicePolicyRef = builder.objectRef<PolicyValues>('DevicePolicy').implement({
  description: 'Installation-wide device rules',
  isTypeOf: (value) => typeof value === 'object' && value !== null && 'approvalMode' in value,
  fields: (t) => ({
    approvalMode: t.field({ type: ApprovalModeEnum, description: 'Whether new devices wait for an administrator', resolve: (p) => p.approvalMode }),
    maxDevicesPerUser: t.exposeInt('maxDevicesPerUser', {
      nullable: true,
      description: 'The most devices one user may own (registering more answers DeviceLimitReached); null: no limit',
    }),
    allowSignUp: t.exposeBoolean('allowSignUp', { description: 'Whether signUp is open; when false it answers SignUpDisabled' }),
    staleAfterDays: t.exposeInt('staleAfterDays', {
      nullable: true,
      description: 'A device neither signed in from nor registered for this many days is stale, and staleAction applies; null: off',
    }),
    staleAction: t.field({ type: StaleActionEnum, description: 'What happens to a stale device', resolve: (p) => p.staleAction }),
    showPendingReasonToUsers: t.exposeBoolean('showPendingReasonToUsers', {
      description: "Whether the app's DevicePendingApproval carries pendingReason (which approval rules were tried and what each missed)",
    }),
    ownerApproval: t.exposeBoolean('ownerApproval', {
      description:
        'Whether a new PENDING device of a user may be approved by that user from another of their devices that is APPROVED and key-bound ' +
        '(deviceApprovalRequests, approveOwnDevice); admins may still decide it',
    }),
  }),
});

const DevicePolicyInput = builder.inputType('DevicePolicyInput', {
  description: 'A field left out stays as it is; maxDevicesPerUser: null removes the limit, staleAfterDays: null stops the stale sweep',
  fields: (t) => ({
    approvalMode: t.field({ type: ApprovalModeEnum, description: 'The new approval mode; cannot be null' }),
    maxDevicesPerUser: t.int({ description: 'The new device limit, 1 to 10000; null removes the limit' }),
    allowSignUp: t.boolean({ description: 'Whether to open signUp; cannot be null' }),
    staleAfterDays: t.int({ description: `Days without use after which a device is stale, ${STALE_AFTER_DAYS_MIN} to ${STALE_AFTER_DAYS_MAX}; null: off` }),
    staleAction: t.field({ type: StaleActionEnum, description: 'What happens to a stale device; cannot be null' }),
    showPendingReasonToUsers: t.boolean({ description: 'Whether users are told why their device is pending; cannot be null' }),
    ownerApproval: t.boolean({ description: "Whether users may approve their new devices from an approved, key-bound one; cannot be null" }),
  }),
  // Leaving a field out keeps it; only the device limit can be cleared with an explicit null.
  validate: z.object({
    approvalMode: z.enum(APPROVAL_MODES, 'cannot be null').optional(),
    maxDevicesPerUser: z.number().int().min(1, 'must be at least 1').max(10_000).nullable().optional(),
    allowSignUp: z.boolean('cannot be null').optional(),
    staleAfterDays: z
      .number()
      .int()
      .min(STALE_AFTER_DAYS_MIN, `must be at least ${STALE_AFTER_DAYS_MIN} day`)
      .max(STALE_AFTER_DAYS_MAX, `must be at most ${STALE_AFTER_DAYS_MAX} days`)
      .nullable()
      .optional(),
    staleAction: z.enum(STALE_ACTIONS, 'cannot be null').optional(),
    showPendingReasonToUsers: z.boolean('cannot be null').optional(),
    ownerApproval: z.boolean('cannot be null').optional(),
  }),
});

const DevicePolicyResult = builder.errorUnion('DevicePolicyResult', {
  description: 'The policy now in force (no expected failures yet; a union so that some can be added)',
  types: [DevicePolicyRef],
  resolveType: () => 'DevicePolicy',
});

builder.queryFields((t) => ({
  devicePolicy: t.field({
    type: DevicePolicyRef,
    description: 'The policy in force (public: apps read it to know whether sign-up is open)',
    resolve: (_root, _args, ctx) => currentPolicy(ctx.em),
  }),
}));

builder.mutationFields((t) => ({
  setDevicePolicy: t.field({
    type: DevicePolicyResult,
    description: 'Admins: change the policy; stored, recorded as an event, in force at once on every instance',
    authScopes: { admin: true },
    args: { input: t.arg({ type: DevicePolicyInput, required: true, description: 'The settings to change' }) },
    resolve: (_root, { input }, ctx) =>
      setDevicePolicy(ctx, {
        approvalMode: input.approvalMode ?? undefined,
        allowSignUp: input.allowSignUp ?? undefined,
        showPendingReasonToUsers: input.showPendingReasonToUsers ?? undefined,
        maxDevicesPerUser: input.maxDevicesPerUser,
        staleAfterDays: input.staleAfterDays,
        staleAction: input.staleAction ?? undefined,
        ownerApproval: input.ownerApproval ?? undefined,
      }),
  }),
}));
