import SchemaBuilder, { type ObjectRef } from '@pothos/core';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { ForbiddenError } from '../services/errors.js';
import type { Context } from './context.js';
import { authScopesOf, refusalMessage, type AuthScopeParams } from './scopes.js';

/** Plugins and shared types only; each domain type lives in a file of its own. */
export const builder = new SchemaBuilder<{
  Context: Context;
  AuthScopes: AuthScopeParams;
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
    authScopes: (context) => authScopesOf(context.principal),
    unauthorizedError: (_parent, context, info, result) =>
      new ForbiddenError(refusalMessage(context.principal, `${info.parentType.name}.${info.fieldName}`, result.failure)),
  },
});

/** The schema's type parameters, for helpers that take refs. */
export type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
export type Ref<T> = ObjectRef<Types, T>;

builder.queryType({ authScopes: { read: true } });
builder.mutationType({});
builder.subscriptionType({ authScopes: { read: true } });
