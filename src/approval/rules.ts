// Approval rules: checking and storing them (admins), and trying them in order on a device registering while
// approval is REQUIRED: the first whose every condition holds approves or blocks it; otherwise each miss is told.
import { randomUUID } from 'node:crypto';
import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import { requireAdminInPerson, type DomainContext } from '../actor.js';
import type { Row, Sql } from '../db/sql.js';
import { DEVICE_COLUMNS, DeviceRow, PLATFORMS, type Platform } from '../devices/device.entity.js';
import { InvalidApprovalRule, NotFound } from '../errors.js';
import { recordEvent } from '../events/events.js';
import { ROLES, type Role } from '../users/user.entity.js';
import { ApprovalRule, RULE_ACTIONS, type RuleAction, type RuleConditions } from './rule.entity.js';

export interface RuleInput {
  name: string;
  action: RuleAction;
  conditions: RuleConditions;
}

/** A rule as evaluation needs it (read by hand on every registration). */
export interface RuleView {
  id: string;
  name: string;
  action: RuleAction;
  conditions: RuleConditions;
}

/** What a rule looks at: the device registering, its user, and (only when some rule asks) the user's devices. */
export interface RegistrationFacts {
  email: string;
  role: Role;
  platform: Platform;
  osVersion: string | null;
  appName: string | null;
  keyBound: boolean;
  /** The user's APPROVED devices, and all the devices they own, not counting the one registering. */
  approvedDevices: number;
  ownedDevices: number;
}

const PLATFORM_NAMES: Record<Platform, string> = {
  ANDROID: 'Android',
  IOS: 'iOS',
  IPADOS: 'iPadOS',
  WINDOWS: 'Windows',
  MACOS: 'macOS',
  LINUX: 'Linux',
  WEB: 'Web',
  OTHER: 'Other',
};

const RULE_VERSION = /^\d{1,9}(\.\d{1,9}){0,3}$/;
const DOMAIN = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/;
const PRINTABLE = /^\P{C}*$/u;

/** The numbers of a dotted version ("17.10.1" -> [17, 10, 1]); a device's may trail words ("17.0 beta"); null: none. */
export function versionParts(text: string | null | undefined): number[] | null {
  const leading = text?.trim().match(/^\d+(\.\d+)*/)?.[0];
  return leading ? leading.split('.').map(Number) : null;
}

/** Numerically, part by part, a missing part counting as 0: "17.10" > "17.9", "18" = "18.0". */
export function compareVersions(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

const list = (values: readonly string[]) => values.join(', ');
const quoted = (values: readonly string[]) => values.map((v) => `"${v}"`).join(', ');

/** Which conditions of `conditions` the facts miss, each in words; empty: the rule matches. */
export function missesOf(conditions: RuleConditions, facts: RegistrationFacts): string[] {
  const misses: string[] = [];
  const c = conditions;
  if (c.emailDomains) {
    const domain = facts.email.slice(facts.email.lastIndexOf('@') + 1).toLowerCase();
    if (!c.emailDomains.includes(domain)) misses.push(`email domain ${domain} is not one of ${list(c.emailDomains)}`);
  }
  if (c.roles && !c.roles.includes(facts.role)) misses.push(`role ${facts.role} is not one of ${list(c.roles)}`);
  if (c.platforms && !c.platforms.includes(facts.platform)) {
    misses.push(`platform ${PLATFORM_NAMES[facts.platform]} is not one of ${list(c.platforms.map((p) => PLATFORM_NAMES[p]))}`);
  }
  const min = c.minOsVersions?.find((m) => m.platform === facts.platform);
  if (min) {
    const name = PLATFORM_NAMES[facts.platform];
    const parts = versionParts(facts.osVersion);
    if (!parts) misses.push(`${name} version ${facts.osVersion ? `"${facts.osVersion}" is not a version` : 'was not sent'} (${min.version} needed)`);
    else if (compareVersions(parts, versionParts(min.version)!) < 0) misses.push(`${name} ${facts.osVersion!.trim()} is below ${min.version}`);
  }
  if (c.appNames) {
    const app = facts.appName?.trim().toLowerCase();
    if (!app) misses.push(`no app name was sent (${quoted(c.appNames)} needed)`);
    else if (!c.appNames.some((a) => a.toLowerCase() === app)) misses.push(`app "${facts.appName}" is not one of ${quoted(c.appNames)}`);
  }
  if (c.keyBound != null && c.keyBound !== facts.keyBound) misses.push(c.keyBound ? 'the device bound no key' : 'the device bound a key');
  if (c.hasApprovedDevice != null && c.hasApprovedDevice !== facts.approvedDevices > 0) {
    misses.push(c.hasApprovedDevice ? 'the user has no approved device' : 'the user already has an approved device');
  }
  if (c.maxDevices != null && facts.ownedDevices >= c.maxDevices) {
    misses.push(`the user already has ${facts.ownedDevices} device${facts.ownedDevices === 1 ? '' : 's'} (fewer than ${c.maxDevices} needed)`);
  }
  return misses;
}

export type RuleOutcome = { matched: RuleView; pendingReason: null } | { matched: null; pendingReason: string | null };

/** The first rule that matches, or (none: the device waits) a sentence naming each rule tried and what it missed. */
export function evaluateRules(rules: readonly RuleView[], facts: RegistrationFacts): RuleOutcome {
  const tried: string[] = [];
  for (const rule of rules) {
    const misses = missesOf(rule.conditions, facts);
    if (!misses.length) return { matched: rule, pendingReason: null };
    tried.push(`rule '${rule.name}': ${misses.join(' and ')}`);
  }
  if (!tried.length) return { matched: null, pendingReason: null };
  const sentence = `No approval rule matched: ${tried.join('; ')}.`;
  return { matched: null, pendingReason: sentence.length > 2000 ? `${sentence.slice(0, 1999)}…` : sentence };
}

// Built once: the very same string each time is hashed once where statements are named (src/db/sql.ts). The user's
// device counts ride along (an indexed count on owner_id): one round trip whether or not a rule needs them.
const RULES_IN_ORDER = `select r.id, r.name, r.action, r.conditions, c.approved, c.owned
  from approval_rules r
  cross join lateral (select count(*) filter (where status = 'APPROVED')::int as approved, count(*)::int as owned from devices where owner_id = $1) c
  order by r.position, r.created_at, r.id`;

/**
 * The rules in the order they are tried, and the user's device counts (not counting a device not yet flushed): one
 * indexed read inside the registration's transaction, so every instance sees a rule change at once. A prepared
 * statement on the transaction's connection: through the ORM, PostgreSQL planned it afresh on every registration.
 */
export async function rulesInOrder(tx: EntityManager, sql: Sql, ownerId: string): Promise<{ rules: RuleView[]; approvedDevices: number; ownedDevices: number }> {
  const rows = await sql.queryIn<Row & RuleView & { approved: number; owned: number }>(tx, RULES_IN_ORDER, [ownerId]);
  return {
    rules: rows.map(({ id, name, action, conditions }) => ({ id, name, action, conditions })),
    approvedDevices: rows[0]?.approved ?? 0,
    ownedDevices: rows[0]?.owned ?? 0,
  };
}

/** Trims, de-duplicates and checks a rule; the refusal names what is wrong. */
export function checkRule(input: RuleInput): RuleInput | InvalidApprovalRule {
  const name = input.name.trim();
  if (!name || [...name].length > 100 || !PRINTABLE.test(name)) return new InvalidApprovalRule('the name must be 1 to 100 printable characters');
  if (!RULE_ACTIONS.includes(input.action)) return new InvalidApprovalRule('the action must be APPROVE or BLOCK');
  const c = input.conditions;
  const out: RuleConditions = {};
  const nonEmpty = <T>(field: string, values: T[] | null | undefined): T[] | null | InvalidApprovalRule => {
    if (values == null) return null;
    if (!values.length) return new InvalidApprovalRule(`${field} must not be an empty list (leave it out not to check it)`);
    return [...new Set(values)];
  };
  const domains = nonEmpty('emailDomains', c.emailDomains?.map((d) => d.trim().toLowerCase().replace(/^@/, '')));
  if (domains instanceof InvalidApprovalRule) return domains;
  const badDomain = domains?.find((d) => !DOMAIN.test(d));
  if (badDomain !== undefined) return new InvalidApprovalRule(`"${badDomain}" is not an email domain`);
  if (domains) out.emailDomains = domains;
  const roles = nonEmpty('roles', c.roles);
  if (roles instanceof InvalidApprovalRule) return roles;
  if (roles?.some((r) => !ROLES.includes(r))) return new InvalidApprovalRule('unknown role');
  if (roles) out.roles = roles;
  const platforms = nonEmpty('platforms', c.platforms);
  if (platforms instanceof InvalidApprovalRule) return platforms;
  if (platforms?.some((p) => !PLATFORMS.includes(p))) return new InvalidApprovalRule('unknown platform');
  if (platforms) out.platforms = platforms;
  if (c.minOsVersions != null) {
    if (!c.minOsVersions.length) return new InvalidApprovalRule('minOsVersions must not be an empty list (leave it out not to check it)');
    const seen = new Set<Platform>();
    const versions: { platform: Platform; version: string }[] = [];
    for (const { platform, version } of c.minOsVersions) {
      const v = version.trim();
      if (!RULE_VERSION.test(v)) return new InvalidApprovalRule(`"${version}" is not a version: dotted numbers such as 17.4 or 14.0.1`);
      if (seen.has(platform)) return new InvalidApprovalRule(`minOsVersions names ${platform} twice`);
      if (platforms && !platforms.includes(platform)) {
        return new InvalidApprovalRule(`minOsVersions names ${platform}, which the rule's platforms leave out`);
      }
      seen.add(platform);
      versions.push({ platform, version: v });
    }
    out.minOsVersions = versions;
  }
  const apps = nonEmpty('appNames', c.appNames?.map((a) => a.trim()));
  if (apps instanceof InvalidApprovalRule) return apps;
  if (apps?.some((a) => !a || a.length > 128 || !PRINTABLE.test(a))) return new InvalidApprovalRule('an app name must be 1 to 128 printable characters');
  if (apps) out.appNames = apps;
  if (c.keyBound != null) out.keyBound = c.keyBound;
  if (c.hasApprovedDevice != null) out.hasApprovedDevice = c.hasApprovedDevice;
  if (c.maxDevices != null) {
    if (!Number.isInteger(c.maxDevices) || c.maxDevices < 1 || c.maxDevices > 10_000) return new InvalidApprovalRule('maxDevices must be 1 to 10000');
    out.maxDevices = c.maxDevices;
  }
  if (!Object.keys(out).length) return new InvalidApprovalRule('a rule needs at least one condition');
  return { name, action: input.action, conditions: out };
}

/** How a rule is described in its events. */
function described(rule: RuleView): string {
  return `rule '${rule.name}' (${rule.id}): ${rule.action} when ${JSON.stringify(rule.conditions)}`.slice(0, 1000);
}

/** Rule changes one at a time (positions are read, then written). */
async function lockRules(tx: EntityManager): Promise<void> {
  await tx.execute("select pg_advisory_xact_lock(hashtext('gatehouse:approval_rules'))");
}

/** Admins in person: the rules in the order they are tried. */
export function listApprovalRules(dc: DomainContext): Promise<ApprovalRule[]> {
  requireAdminInPerson(dc);
  return dc.em.find(ApprovalRule, {}, { orderBy: { position: 'asc', createdAt: 'asc', id: 'asc' } });
}

async function withUniqueName<T>(work: () => Promise<T>, name: string): Promise<T | InvalidApprovalRule> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof UniqueConstraintViolationException) return new InvalidApprovalRule(`a rule named '${name}' exists already`);
    throw e;
  }
}

/** Admins in person: a new rule, tried after the others. */
export async function createApprovalRule(dc: DomainContext, input: RuleInput): Promise<ApprovalRule | InvalidApprovalRule> {
  requireAdminInPerson(dc);
  const checked = checkRule(input);
  if (checked instanceof InvalidApprovalRule) return checked;
  return withUniqueName(
    () =>
      dc.em.transactional(async (tx) => {
        await lockRules(tx);
        if (await tx.count(ApprovalRule, { name: checked.name })) throw new InvalidApprovalRule(`a rule named '${checked.name}' exists already`);
        const [last] = await tx.find(ApprovalRule, {}, { orderBy: { position: 'desc' }, limit: 1, fields: ['position'] });
        const now = new Date();
        const rule = tx.create(ApprovalRule, { id: randomUUID(), ...checked, position: (last?.position ?? 0) + 1, createdAt: now, updatedAt: now });
        recordEvent(tx, dc, { kind: 'APPROVAL_RULE_CREATED', detail: described(rule) });
        return rule;
      }),
    checked.name,
  ).catch(refusalOf);
}

/** A refusal thrown inside a transaction (to roll it back) is answered as a value. */
function refusalOf(e: unknown): InvalidApprovalRule {
  if (e instanceof InvalidApprovalRule) return e;
  throw e;
}

/** Admins in person: replace a rule's name, action and conditions (its place stays). */
export async function updateApprovalRule(dc: DomainContext, id: string, input: RuleInput): Promise<ApprovalRule | InvalidApprovalRule | NotFound> {
  requireAdminInPerson(dc);
  const checked = checkRule(input);
  if (checked instanceof InvalidApprovalRule) return checked;
  return withUniqueName(
    () =>
      dc.em.transactional(async (tx) => {
        await lockRules(tx);
        const rule = await tx.findOne(ApprovalRule, id);
        if (!rule) return new NotFound('Approval rule');
        if (await tx.count(ApprovalRule, { name: checked.name, id: { $ne: id } })) {
          throw new InvalidApprovalRule(`a rule named '${checked.name}' exists already`);
        }
        const before = described(rule);
        tx.assign(rule, { ...checked, updatedAt: new Date() });
        recordEvent(tx, dc, { kind: 'APPROVAL_RULE_UPDATED', detail: `${before} -> ${JSON.stringify(checked)}`.slice(0, 1000) });
        return rule;
      }),
    checked.name,
  ).catch(refusalOf);
}

/** Admins in person: delete a rule; devices it decided keep its name in their decision. */
export async function deleteApprovalRule(dc: DomainContext, id: string): Promise<ApprovalRule | NotFound> {
  requireAdminInPerson(dc);
  return dc.em.transactional(async (tx) => {
    await lockRules(tx);
    const rule = await tx.findOne(ApprovalRule, id);
    if (!rule) return new NotFound('Approval rule');
    recordEvent(tx, dc, { kind: 'APPROVAL_RULE_DELETED', detail: described(rule) });
    tx.remove(rule);
    return rule;
  });
}

/** Admins in person: the new order, naming every rule exactly once. */
export async function reorderApprovalRules(dc: DomainContext, ids: string[]): Promise<ApprovalRule[] | InvalidApprovalRule> {
  requireAdminInPerson(dc);
  return dc.em
    .transactional(async (tx) => {
      await lockRules(tx);
      const rules = await tx.find(ApprovalRule, {});
      const byId = new Map(rules.map((r) => [r.id, r]));
      if (ids.length !== rules.length || new Set(ids).size !== ids.length || ids.some((id) => !byId.has(id))) {
        throw new InvalidApprovalRule('reorderApprovalRules must name every rule exactly once');
      }
      const ordered = ids.map((id, i) => {
        const rule = byId.get(id)!;
        rule.position = i + 1;
        return rule;
      });
      recordEvent(tx, dc, { kind: 'APPROVAL_RULES_REORDERED', detail: ordered.map((r) => `'${r.name}'`).join(', ').slice(0, 1000) });
      return ordered;
    })
    .catch(refusalOf);
}

export interface RulePreview {
  action: RuleAction;
  /** How many PENDING devices the rule matches now. */
  matching: number;
  /** The first 20 of them, longest waiting first. */
  devices: DeviceRow[];
}

const PENDING_WITH_FACTS = `select ${DEVICE_COLUMNS.map((c) => `d.${c}`).join(', ')}, u.email as owner_email, u.role as owner_role,
    (select count(*)::int from devices o where o.owner_id = d.owner_id and o.status = 'APPROVED') as approved_devices,
    (select count(*)::int from devices o where o.owner_id = d.owner_id and o.id <> d.id) as other_devices
  from devices d join users u on u.id = d.owner_id
  where d.status = 'PENDING' order by d.created_at, d.id`;

/**
 * Admins in person: which PENDING devices the rule would match, judged on them as they are now (read only). Rules
 * run only at registration, so saving the rule would not change these devices: this tells what it would have done.
 */
export async function previewApprovalRule(dc: DomainContext, input: RuleInput): Promise<RulePreview | InvalidApprovalRule> {
  requireAdminInPerson(dc);
  const checked = checkRule(input);
  if (checked instanceof InvalidApprovalRule) return checked;
  const rows = await dc.sql.query(PENDING_WITH_FACTS, []);
  const matching = rows.filter(
    (row) =>
      !missesOf(checked.conditions, {
        email: row.owner_email as string,
        role: row.owner_role as Role,
        platform: row.platform as Platform,
        osVersion: row.os_version as string | null,
        appName: row.app_name as string | null,
        keyBound: row.key_id != null,
        approvedDevices: row.approved_devices as number,
        ownedDevices: row.other_devices as number,
      }).length,
  );
  return { action: checked.action, matching: matching.length, devices: matching.slice(0, 20).map((row) => new DeviceRow(row)) };
}
