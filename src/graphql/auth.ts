// Who may call what: the auth scopes of a request, which callers see the same, the error for a refusal, and a
// plugin that checks a field's scopes before its arguments are validated (Pothos runs argument validation before
// scope-auth's check, which would tell an anonymous caller about input they may not send at all).
import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import { RequestCache } from '@pothos/plugin-scope-auth';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { isAdmin, isStaff, keyHas, type Actor } from '../actor.js';
import type { GraphQLContext } from './context.js';

export interface Scopes {
  authenticated: boolean;
  /** An ADMIN in person: everything a person may do, the device lifecycle, users, roles, keys and settings. */
  admin: boolean;
  /**
   * An ADMIN or SUPPORT in person: reads every user, device and event (queries and subscriptions) as an admin does.
   * What SUPPORT may change is narrower: see `deviceCare`.
   */
  fleetRead: boolean;
  /** An ADMIN or SUPPORT in person: renames and forgets any device, one or many (the help desk's part). */
  deviceCare: boolean;
  /** A watch token: good only where a field asks for it (deviceStatusChanged). */
  watcher: boolean;
  /**
   * An API key with DEVICES_READ: the users, devices and events queries and the subscriptions, as an admin reads
   * them. The key scopes are a key's only ones: a key is neither `authenticated` (a person's session) nor `admin`.
   */
  devicesRead: boolean;
  /** An API key with DEVICES_WRITE: approve, block, unblock, rename and forget devices, as an admin would. */
  devicesWrite: boolean;
  /** An API key with WEBHOOKS_MANAGE: the webhook endpoints (admins pass with `admin`). */
  webhooksManage: boolean;
}

export function scopesOf(ctx: GraphQLContext): Scopes {
  const { actor } = ctx;
  const person = actor !== null && !actor.key;
  return {
    authenticated: person,
    admin: person && actor.user.role === 'ADMIN',
    fleetRead: person && isStaff(actor),
    deviceCare: person && isStaff(actor),
    watcher: ctx.watch !== null,
    devicesRead: keyHas(actor, 'DEVICES_READ'),
    devicesWrite: keyHas(actor, 'DEVICES_WRITE'),
    webhooksManage: keyHas(actor, 'WEBHOOKS_MANAGE'),
  };
}

/** The caller as a person: the user of a session, never the admin behind an API key (null for anyone else). */
export function personOf(actor: Actor | null): Actor['user'] | null {
  return actor && !actor.key ? actor.user : null;
}

/**
 * Callers who see the same thing: any read gives two callers with the same audience identical results, so
 * subscribers share one execution of an event by it (src/graphql/shared-execution.ts). Resolvers look at the caller
 * only through scopesOf, isAdmin, isStaff, readsFleet and actor.user.id (adminOrSelf, adminOrOwner, the device
 * listings), and no rule of an admin depends on which admin: admins are one audience. SUPPORT staff read as admins
 * do (readsFleet), and nothing they read depends on which of them asks, but scopesOf tells them from admins, so
 * they are an audience of their own. Anyone else is their own. An API key reads through its scopes alone (scopesOf,
 * readsFleet), never as its admin in person, so keys with the same scopes are one audience. A resolver that reads
 * more of the caller (their session, their request) must add it here.
 */
export function audienceOf(ctx: GraphQLContext): string {
  const { actor, watch } = ctx;
  const who = !actor
    ? 'anonymous'
    : actor.key
      ? `key:${[...actor.key.scopes].sort().join(',')}`
      : isAdmin(actor)
        ? 'admin'
        : actor.user.role === 'SUPPORT'
          ? 'support'
          : `user:${actor.user.id}`;
  return watch ? `${who}|watch:${watch.session.id}` : who;
}

/** UNAUTHENTICATED without a session, FORBIDDEN with one whose role may not do this. */
export function unauthorizedError(ctx: GraphQLContext): GraphQLError {
  return ctx.actor
    ? new GraphQLError('You may not do this', { extensions: { code: 'FORBIDDEN' } })
    : new GraphQLError('Sign in first', { extensions: { code: 'UNAUTHENTICATED' } });
}

/** A static scope map passes when any of its scopes does (scope-auth's meaning of a plain map and of $any). */
function passes(required: Record<string, unknown>, scopes: Scopes): boolean {
  const map = (required.$any ?? required) as Record<string, unknown>;
  return Object.entries(map).some(([scope, wanted]) => wanted === true && scopes[scope as keyof Scopes]);
}

class AuthorizeBeforeValidationPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override onOutputFieldConfig(fieldConfig: PothosOutputFieldConfig<Types>): PothosOutputFieldConfig<Types> {
    const required = (fieldConfig.pothosOptions as { authScopes?: unknown }).authScopes;
    // Functions depend on the parent object: scope-auth checks those after the arguments, as usual.
    if (!required || typeof required !== 'object' || !Object.keys(fieldConfig.args).length) return fieldConfig;
    return {
      ...fieldConfig,
      argMappers: [
        (args, context) => {
          const ctx = context as GraphQLContext;
          if (!passes(required as Record<string, unknown>, scopesOf(ctx))) throw unauthorizedError(ctx);
          return args;
        },
        ...fieldConfig.argMappers,
      ],
    };
  }
}

// Pothos plugins register their type through this global namespace (its documented pattern).
declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      authorizeBeforeValidation: AuthorizeBeforeValidationPlugin<Types>;
    }
  }
}

export const authorizeBeforeValidation = 'authorizeBeforeValidation';
SchemaBuilder.registerPlugin(authorizeBeforeValidation, AuthorizeBeforeValidationPlugin);

/**
 * Drops an operation's scope-auth cache once its execution is done. scope-auth keeps each context's scopes in a
 * module-level WeakMap whose value holds the context. Node 20's young-generation GC (the scavenger) keeps alive
 * whatever the values of an old-space WeakMap reach, dead key or not, so every operation's context, loaders, rows and
 * result lived on into the old generation until the next full GC: measured in the phone's read, 4.6 MB promoted per
 * scavenge and 10 ms pauses, against 2.5 MB and 6 ms with the entry dropped (`--trace-gc-nvp`). Deleting the entry
 * lets all of it die young. A result that is still streaming keeps its cache.
 */
export function releaseAuthCache(context: object): void {
  RequestCache.clearForContext(context);
}

export function useAuthCacheRelease(): Plugin {
  return {
    onExecute() {
      return {
        onExecuteDone({ args, result }) {
          if (!(Symbol.asyncIterator in result)) releaseAuthCache(args.contextValue);
        },
      };
    },
  };
}
