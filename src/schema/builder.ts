import SchemaBuilder, { type ObjectRef } from '@pothos/core';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
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
    unauthorizedError: (_parent, context, info) => new ForbiddenError(lacksScope(context.principal.name, `${info.parentType.name}.${info.fieldName}`)),
  },
});

/** Why a token was refused a field, in the same words wherever the check runs. */
export function lacksScope(tokenName: string, coordinate: string): string {
  return `the token "${tokenName}" may not use ${coordinate}: it lacks the scope`;
}

/** The schema's type parameters, for helpers that take refs. */
export type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
export type Ref<T> = ObjectRef<Types, T>;

builder.queryType({ authScopes: { read: true } });
builder.mutationType({});
builder.subscriptionType({ authScopes: { read: true } });
