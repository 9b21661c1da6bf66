// Who may call what: the auth scopes of a request, which callers see the same, the error for a refusal, and a
// plugin that checks a field's scopes before its arguments are validated (Pothos runs argument validation before
// scope-auth's check, which would tell an anonymous caller about input they may not send at all).
import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import { RequestCache } from '@pothos/plugin-scope-auth';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { isAdmin } from '../actor.js';
import type { GraphQLContext } from './context.js';

export interface Scopes {
  authenticated: boolean;
  admin: boolean;
  /** A watch token: good only where a field asks for it (deviceStatusChanged). */
  watcher: boolean;
}

export function scopesOf(ctx: GraphQLContext): Scopes {
  return {
    authenticated: ctx.actor !== null,
    admin: ctx.actor?.user.role === 'ADMIN',
    watcher: ctx.watch !== null,
  };
}

/**
 * Callers who see the same thing: any read gives two callers with the same audience identical results, so
 * subscribers share one execution of an event by it (src/graphql/shared-execution.ts). Resolvers look at the caller
 * only through scopesOf, isAdmin(actor) and actor.user.id (adminOrSelf, adminOrOwner, the device listings), and no
 * rule of an admin depends on which admin: admins are one audience, anyone else is their own. A resolver that reads
 * more of the caller (their session, their request) must add it here.
 */
export function audienceOf(ctx: GraphQLContext): string {
  const { actor, watch } = ctx;
  const who = !actor ? 'anonymous' : isAdmin(actor) ? 'admin' : `user:${actor.user.id}`;
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
