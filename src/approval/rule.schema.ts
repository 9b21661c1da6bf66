// GraphQL face of approval rules: the ApprovalRule type, and admins (in person) listing, changing, ordering and
// trying them out.
import { isEntityOf } from '../db/orm.js';
import { InvalidApprovalRule, NotFound } from '../errors.js';
import { builder } from '../graphql/builder.js';
import { errorType } from '../graphql/errors.js';
import { globalId, localId } from '../graphql/ids.js';
import type { Platform } from '../devices/device.entity.js';
import { DeviceRef, PlatformEnum, RoleEnum } from '../graphql/refs.js';
import { ApprovalRule, type RuleAction, type RuleConditions } from './rule.entity.js';
import {
  createApprovalRule,
  deleteApprovalRule,
  listApprovalRules,
  previewApprovalRule,
  reorderApprovalRules,
  updateApprovalRule,
  type RuleInput,
  type RulePreview,
} from './rules.js';

const RuleActionEnum = builder.enumType('ApprovalRuleAction', {
  description: 'What a matching approval rule does to the device registering',
  values: {
    APPROVE: { description: 'Approve it at once (decision.by RULE)' },
    BLOCK: { description: 'Block it at once (decision.by RULE; an unblock returns it to PENDING)' },
  } satisfies Record<RuleAction, object>,
});

const MinOsVersionRef = builder.objectRef<{ platform: Platform; version: string }>('MinOsVersion').implement({
  description: 'The lowest OS version a rule accepts on one platform',
  fields: (t) => ({
    platform: t.field({ type: PlatformEnum, description: 'The platform', resolve: (m) => m.platform }),
    version: t.exposeString('version', { description: 'Dotted numbers, compared part by part (17.10 is above 17.9)' }),
  }),
});

const ConditionsRef = builder.objectRef<RuleConditions>('ApprovalRuleConditions').implement({
  description: 'What a rule checks; every condition set must hold, a null one is not checked',
  fields: (t) => ({
    emailDomains: t.stringList({ nullable: true, description: "The user's email domain is one of these", resolve: (c) => c.emailDomains ?? null }),
    roles: t.field({ type: [RoleEnum], nullable: true, description: "The user's role is one of these", resolve: (c) => c.roles ?? null }),
    platforms: t.field({ type: [PlatformEnum], nullable: true, description: 'The device runs one of these', resolve: (c) => c.platforms ?? null }),
    minOsVersions: t.field({
      type: [MinOsVersionRef],
      nullable: true,
      description: 'On a platform named here, the OS version is at least this (other platforms are not checked by it)',
      resolve: (c) => c.minOsVersions ?? null,
    }),
    appNames: t.stringList({ nullable: true, description: 'The app is one of these (case-insensitive)', resolve: (c) => c.appNames ?? null }),
    keyBound: t.boolean({ nullable: true, description: 'Whether the device bound a key at registration', resolve: (c) => c.keyBound ?? null }),
    hasApprovedDevice: t.boolean({
      nullable: true,
      description: 'Whether the user already has at least one APPROVED device',
      resolve: (c) => c.hasApprovedDevice ?? null,
    }),
    maxDevices: t.int({
      nullable: true,
      description: 'The user owns fewer than this many devices (not counting the one registering)',
      resolve: (c) => c.maxDevices ?? null,
    }),
  }),
});

const ApprovalRuleRef = builder.objectRef<ApprovalRule>('ApprovalRule').implement({
  description: 'A rule tried, in order, on every device registering while approval is REQUIRED: the first that matches decides',
  isTypeOf: (value) => isEntityOf(ApprovalRule, value),
  fields: (t) => ({
    id: t.id({ description: 'Global id: pass it to updateApprovalRule, deleteApprovalRule, reorderApprovalRules', resolve: (r) => globalId('ApprovalRule', r.id) }),
    name: t.exposeString('name', { description: 'Unique; pendingReason and decisions name the rule by it' }),
    position: t.exposeInt('position', { description: 'Its place in the order (1 is tried first)' }),
    action: t.field({ type: RuleActionEnum, description: 'What it does when it matches', resolve: (r) => r.action }),
    conditions: t.field({ type: ConditionsRef, description: 'What must all hold', resolve: (r) => r.conditions }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was created' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When it was last changed' }),
  }),
});

errorType(InvalidApprovalRule, 'InvalidApprovalRule', 'The rule cannot be saved or tried as given; nothing was changed', (t) => ({
  reason: t.exposeString('reason', { description: 'What is wrong with it, in words' }),
}));

const MinOsVersionInput = builder.inputType('MinOsVersionInput', {
  description: 'The lowest OS version accepted on one platform',
  fields: (t) => ({
    platform: t.field({ type: PlatformEnum, required: true, description: 'The platform' }),
    version: t.string({ required: true, description: 'Dotted numbers, up to four parts: 17, 17.4, 14.0.1' }),
  }),
});

const ConditionsInput = builder.inputType('ApprovalRuleConditionsInput', {
  description: 'What the rule checks: at least one condition; a list must not be empty (leave it out not to check it)',
  fields: (t) => ({
    emailDomains: t.stringList({ description: "The user's email domain is one of these (example.com; no subdomains implied)" }),
    roles: t.field({ type: [RoleEnum], description: "The user's role is one of these" }),
    platforms: t.field({ type: [PlatformEnum], description: 'The device runs one of these' }),
    minOsVersions: t.field({ type: [MinOsVersionInput], description: 'Per platform, the lowest OS version accepted' }),
    appNames: t.stringList({ description: 'The app is one of these (case-insensitive)' }),
    keyBound: t.boolean({ description: 'true: the device bound a key at registration; false: it bound none' }),
    hasApprovedDevice: t.boolean({ description: 'true: the user already has an APPROVED device; false: they have none' }),
    maxDevices: t.int({ description: 'The user owns fewer than this many devices (1 to 10000)' }),
  }),
});

const RuleInputRef = builder.inputType('ApprovalRuleInput', {
  description: 'A whole approval rule',
  fields: (t) => ({
    name: t.string({ required: true, description: 'Unique, 1 to 100 printable characters, trimmed' }),
    action: t.field({ type: RuleActionEnum, required: true, description: 'What it does when it matches' }),
    conditions: t.field({ type: ConditionsInput, required: true, description: 'What must all hold' }),
  }),
});

const RulePreviewRef = builder.objectRef<RulePreview>('ApprovalRulePreview').implement({
  description: 'What a rule would do to the devices PENDING now, judged on them as they are (nothing is changed)',
  fields: (t) => ({
    action: t.field({ type: RuleActionEnum, description: 'What it would do to them', resolve: (p) => p.action }),
    matching: t.exposeInt('matching', { description: 'How many PENDING devices it matches' }),
    devices: t.field({ type: [DeviceRef], description: 'The first 20 of them, longest waiting first', resolve: (p) => p.devices }),
  }),
});

const RuleResult = builder.errorUnion('ApprovalRuleResult', {
  description: 'The rule as saved, or InvalidApprovalRule (nothing changed), or NotFound',
  types: [ApprovalRuleRef, InvalidApprovalRule, NotFound],
  resolveType: () => 'ApprovalRule',
});

const DeleteRuleResult = builder.errorUnion('DeleteApprovalRuleResult', {
  description: 'The rule as it was before it was deleted, or NotFound',
  types: [ApprovalRuleRef, NotFound],
  resolveType: () => 'ApprovalRule',
});

const ApprovalRuleListRef = builder.objectRef<{ rules: ApprovalRule[] }>('ApprovalRuleList').implement({
  description: 'Every approval rule, in the order they are tried',
  isTypeOf: (value) => typeof value === 'object' && value !== null && 'rules' in value,
  fields: (t) => ({
    rules: t.field({ type: [ApprovalRuleRef], description: 'The rules, first tried first', resolve: (l) => l.rules }),
  }),
});

const ReorderResult = builder.errorUnion('ReorderApprovalRulesResult', {
  description: 'The rules in their new order, or InvalidApprovalRule (the ids did not name every rule once; nothing changed)',
  types: [ApprovalRuleListRef, InvalidApprovalRule],
  resolveType: () => 'ApprovalRuleList',
});

const PreviewResult = builder.errorUnion('ApprovalRulePreviewResult', {
  description: 'What the rule would match now, or InvalidApprovalRule',
  types: [RulePreviewRef, InvalidApprovalRule],
  resolveType: () => 'ApprovalRulePreview',
});

type ConditionsArg = {
  emailDomains?: string[] | null;
  roles?: RuleConditions['roles'];
  platforms?: RuleConditions['platforms'];
  minOsVersions?: RuleConditions['minOsVersions'];
  appNames?: string[] | null;
  keyBound?: boolean | null;
  hasApprovedDevice?: boolean | null;
  maxDevices?: number | null;
};

function ruleOf(input: { name: string; action: RuleAction; conditions: ConditionsArg }): RuleInput {
  return { name: input.name, action: input.action, conditions: input.conditions };
}

builder.queryFields((t) => ({
  approvalRules: t.field({
    type: [ApprovalRuleRef],
    description: 'Admins in their own session: the approval rules, in the order they are tried',
    authScopes: { admin: true },
    resolve: (_root, _args, ctx) => listApprovalRules(ctx),
  }),
}));

builder.mutationFields((t) => ({
  createApprovalRule: t.field({
    type: RuleResult,
    description: 'Admins in their own session: a new approval rule, tried after the others',
    authScopes: { admin: true },
    args: { input: t.arg({ type: RuleInputRef, required: true, description: 'The rule' }) },
    resolve: (_root, { input }, ctx) => createApprovalRule(ctx, ruleOf(input)),
  }),
  updateApprovalRule: t.field({
    type: RuleResult,
    description: 'Admins in their own session: replace a rule (name, action, conditions); its place in the order stays',
    authScopes: { admin: true },
    args: {
      id: t.arg.id({ required: true, description: 'The global id of the rule' }),
      input: t.arg({ type: RuleInputRef, required: true, description: 'The rule as it is to be' }),
    },
    resolve: (_root, { id, input }, ctx) => {
      const ruleId = localId(id, 'ApprovalRule');
      return ruleId ? updateApprovalRule(ctx, ruleId, ruleOf(input)) : new NotFound('Approval rule');
    },
  }),
  deleteApprovalRule: t.field({
    type: DeleteRuleResult,
    description: 'Admins in their own session: delete a rule (devices it decided keep its name in their decision)',
    authScopes: { admin: true },
    args: { id: t.arg.id({ required: true, description: 'The global id of the rule' }) },
    resolve: (_root, { id }, ctx) => {
      const ruleId = localId(id, 'ApprovalRule');
      return ruleId ? deleteApprovalRule(ctx, ruleId) : new NotFound('Approval rule');
    },
  }),
  reorderApprovalRules: t.field({
    type: ReorderResult,
    description: 'Admins in their own session: the order rules are tried in; the ids must name every rule exactly once',
    authScopes: { admin: true },
    args: { ids: t.arg.idList({ required: true, description: 'Every rule, first tried first' }) },
    resolve: async (_root, { ids }, ctx) => {
      const local = ids.map((id) => localId(id, 'ApprovalRule'));
      if (local.some((id) => id === null)) return new InvalidApprovalRule('reorderApprovalRules must name every rule exactly once');
      const rules = await reorderApprovalRules(ctx, local as string[]);
      return rules instanceof InvalidApprovalRule ? rules : { rules };
    },
  }),
}));

builder.queryFields((t) => ({
  previewApprovalRule: t.field({
    type: PreviewResult,
    description: 'Admins in their own session: a dry run of a rule over the devices PENDING now; nothing is saved or changed',
    authScopes: { admin: true },
    args: { input: t.arg({ type: RuleInputRef, required: true, description: 'The rule to try' }) },
    resolve: (_root, { input }, ctx) => previewApprovalRule(ctx, ruleOf(input)),
  }),
}));
