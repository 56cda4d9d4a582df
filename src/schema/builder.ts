import SchemaBuilder, { type ObjectRef } from '@pothos/core';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { ForbiddenError } from '../services/errors.js';
import type { Context } from './context.js';
import { decodeGlobalId, globalId, nodeTypeOf, resolveNodeQuery } from './global-ids.js';
import { authScopesOf, refusalMessage, type AuthScopeParams } from './scopes.js';

const capitalized = (name: string) => `${name.slice(0, 1).toUpperCase()}${name.slice(1)}`;

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
  // ForbiddenError is listed by no field: a refused field stays a GraphQL error.
  plugins: [ScopeAuthPlugin, ErrorsPlugin, RelayPlugin],
  defaultFieldNullability: false,
  errors: {
    // No defaultTypes: only the DomainError classes a field lists become data; anything else
    // (a database error) stays an error, masked by the server.
    // A mutation `fooBar` answers a `FooBarResult` union of its errors and a `FooBarSuccess`.
    defaultUnionOptions: { name: ({ fieldName }) => `${capitalized(fieldName)}Result` },
    defaultResultOptions: { name: ({ fieldName }) => `${capitalized(fieldName)}Success` },
  },
  relay: {
    // Connection types only (builder.connectionObject): list fields keep their own arguments
    // (first/after, and last/before on the log only) and keyset cursors (services/pagination.ts).
    nodesOnConnection: { description: 'The nodes of the edges, for clients that need no cursors.' },
    clientMutationId: 'omit',
    cursorType: 'String',
    // Node, global ids and node(id) (global-ids.ts); no nodes(ids), which the contract lacks.
    encodeGlobalID: globalId,
    decodeGlobalID: decodeGlobalId,
    nodeTypeOptions: { resolveType: nodeTypeOf },
    nodeQueryOptions: { resolve: resolveNodeQuery },
    nodesQueryOptions: false,
    // Leave entities unmarked: the Node interface tells their type by class.
    brandLoadedObjects: false,
  },
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
