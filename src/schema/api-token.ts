import type { ApiToken } from '../entities/index.js';
import { NotFoundError } from '../services/errors.js';
import { createToken, listTokens, revokeToken } from '../services/tokens.js';
import { builder } from './builder.js';
import { ScopeEnum } from './enums.js';
import { AlreadyExistsErrorRef, asResult, NotFoundErrorRef, resultUnion, ValidationErrorRef } from './errors.js';
import { NodeInterface, parseGlobalId } from './node.js';
import { ApiTokenRef } from './refs.js';

ApiTokenRef.implement({
  description: 'An API token. Its secret is shown once, at creation, and stored only as a hash.',
  interfaces: [NodeInterface],
  fields: (t) => ({
    name: t.exposeString('name'),
    scopes: t.field({ type: [ScopeEnum], description: 'Every scope the token holds, implied ones included.', resolve: (token) => token.scopes }),
    models: t.exposeStringList('models', {
      nullable: true,
      description:
        'The models this token may change, as given to createApiToken (names, or patterns where `*` stands for any run of characters); null: every model.',
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true }),
  }),
});

const Viewer = builder.objectRef<{ name: string; scopes: string[]; models: readonly string[] | null }>('Viewer').implement({
  description: 'The token making the request.',
  fields: (t) => ({
    name: t.exposeString('name'),
    scopes: t.field({ type: [ScopeEnum], resolve: (viewer) => viewer.scopes as ApiToken['scopes'] }),
    models: t.stringList({ nullable: true, description: 'The models it may change; null: every model.', resolve: (viewer) => viewer.models && [...viewer.models] }),
  }),
});

builder.queryFields((t) => ({
  viewer: t.field({
    type: Viewer,
    description: 'Who is asking: the token and its scopes (dashboards use it to disable what it may not do).',
    resolve: (_root, _args, ctx) => ({ name: ctx.principal.name, scopes: [...ctx.principal.scopes], models: ctx.principal.models }),
  }),
  apiTokens: t.field({
    type: [ApiTokenRef],
    description: 'Every token, revoked ones included, without secrets.',
    authScopes: { admin: true },
    resolve: (_root, _args, ctx) => listTokens(ctx.em),
  }),
}));

const CreateApiTokenSuccess = builder.objectRef<{ secret: string; token: ApiToken }>('CreateApiTokenSuccess').implement({
  fields: (t) => ({
    token: t.exposeString('secret', { description: 'The secret, shown this once. Stored only as a hash.' }),
    apiToken: t.field({ type: ApiTokenRef, resolve: (r) => r.token }),
  }),
});
const CreateApiTokenResult = resultUnion('CreateApiTokenResult', CreateApiTokenSuccess, [AlreadyExistsErrorRef, ValidationErrorRef]);

const RevokeApiTokenSuccess = builder.objectRef<{ apiToken: ApiToken }>('RevokeApiTokenSuccess').implement({
  fields: (t) => ({ apiToken: t.field({ type: ApiTokenRef, resolve: (r) => r.apiToken }) }),
});
const RevokeApiTokenResult = resultUnion('RevokeApiTokenResult', RevokeApiTokenSuccess, [NotFoundErrorRef]);

builder.mutationFields((t) => ({
  createApiToken: t.field({
    type: CreateApiTokenResult,
    description:
      'Token names are unique. `models` limits what the token may change (create versions, edit, move, delete, request, review) to the models whose name equals one of the entries or matches it as a pattern (`*`: any run of characters, nothing else is special); elsewhere FORBIDDEN. A limited token still reads every model. null: every model. A token limited to models may not manage tokens itself.',
    // A limited token making an unlimited one would escape its limit.
    authScopes: { $all: { admin: true, everyModel: true } },
    args: { name: t.arg.string({ required: true }), scopes: t.arg({ type: [ScopeEnum], required: true }), models: t.arg.stringList() },
    resolve: async (_root, { name, scopes, models }, ctx) => createToken(ctx.em, name, scopes, models),
  }),
  revokeApiToken: t.field({
    type: RevokeApiTokenResult,
    description: 'The token stops working at once; its open subscriptions end.',
    authScopes: { $all: { admin: true, everyModel: true } },
    args: { id: t.arg.id({ required: true, description: 'The global id of the token.' }) },
    resolve: async (_root, { id }, ctx) => {
      const parsed = parseGlobalId(id);
      const revoked = await revokeToken(ctx.em, parsed?.type === 'ApiToken' ? parsed.id : undefined, id);
      if (!(revoked instanceof NotFoundError)) ctx.live.tokenRevoked(revoked.id);
      return asResult(revoked, (apiToken) => ({ apiToken }));
    },
  }),
}));
