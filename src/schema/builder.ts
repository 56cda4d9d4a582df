import SchemaBuilder, { type ObjectRef } from '@pothos/core';
import ScopeAuthPlugin, { type AuthFailure } from '@pothos/plugin-scope-auth';
import { ForbiddenError } from '../services/errors.js';
import type { Context } from './context.js';

/** Plugins and shared types only; each domain type lives in a file of its own. */
export const builder = new SchemaBuilder<{
  Context: Context;
  AuthScopes: { read: boolean; write: boolean; promote: boolean; admin: boolean };
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    JSON: { Input: unknown; Output: unknown };
    ID: { Input: string; Output: string };
  };
  DefaultFieldNullability: false;
}>({
  plugins: [ScopeAuthPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    authorizeOnSubscribe: true,
    authScopes: (context) => ({
      read: context.principal.scopes.has('read'),
      write: context.principal.scopes.has('write'),
      promote: context.principal.scopes.has('promote'),
      admin: context.principal.scopes.has('admin'),
    }),
    unauthorizedError: (_parent, context, info, result) =>
      new ForbiddenError(lacksScope(context.principal.name, `${info.parentType.name}.${info.fieldName}`, scopesIn(result.failure))),
  },
});

/**
 * Why a token was refused a field, in the same words wherever the check runs. It names the
 * scopes that would grant the field, so that whoever holds the token knows which one to ask for.
 */
export function lacksScope(tokenName: string, coordinate: string, scopes: string[]): string {
  const needed = scopes.length ? scopes.map((scope) => scope.toUpperCase()).join(' or ') : 'a scope it lacks';
  return `the token "${tokenName}" may not use ${coordinate}: it needs ${needed}`;
}

/** The scopes a refused rule asked for (a rule can nest $any/$all groups). */
function scopesIn(failure: AuthFailure): string[] {
  if ('scope' in failure) return [failure.scope];
  if ('failures' in failure) return [...new Set(failure.failures.flatMap(scopesIn))];
  return [];
}

/** The schema's type parameters, for helpers that take refs. */
export type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
export type Ref<T> = ObjectRef<Types, T>;

builder.queryType({ authScopes: { read: true } });
builder.mutationType({});
builder.subscriptionType({ authScopes: { read: true } });
