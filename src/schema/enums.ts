import type { Scope, Stage } from '../vocabulary.js';
import { builder } from './builder.js';

export const ModelStageEnum = builder.enumType('ModelStage', {
  description: "Lifecycle stage of a model version (ZenML's ModelStages).",
  values: {
    NONE: { value: 'none', description: 'In no stage yet: every new version starts here.' },
    STAGING: { value: 'staging', description: 'Staged for production. At most one version of a model holds it.' },
    PRODUCTION: { value: 'production', description: 'Running in production. At most one version of a model holds it.' },
    ARCHIVED: { value: 'archived', description: 'No longer relevant. Any number of versions may hold it.' },
    LATEST: { value: 'latest', description: 'Virtual: the newest version of a model (highest number). Can be read, never set.' },
  } as const satisfies { [S in Stage]: { value: Lowercase<S>; description: string } },
});

export const ScopeEnum = builder.enumType('Scope', {
  description:
    'What a token may do; each scope includes the ones above it. READ: queries and subscriptions (but `webhooks` and webhook deliveries). WRITE: create, edit and delete models and versions, move a version to STAGING, ARCHIVED or NONE without force (or request such a move). PROMOTE: move a version to PRODUCTION, any forced move, rollbackStage, and reviewing promotion requests. ADMIN: manage tokens, webhooks and stage policies. A token limited to models (see createApiToken) has its scopes on those models only.',
  values: {
    READ: { value: 'read' },
    WRITE: { value: 'write' },
    PROMOTE: { value: 'promote' },
    ADMIN: { value: 'admin' },
  } as const satisfies { [S in Scope]: { value: Lowercase<S> } },
});
