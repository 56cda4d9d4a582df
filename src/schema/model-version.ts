import type { ModelVersion } from '../entities/index.js';
import { AlreadyExistsError, NotFoundError, StageConflictError, ValidationError } from '../services/errors.js';
import { directVersion } from '../services/direct-reads.js';
import { resolveVersion, versionSelector } from '../services/resolution.js';
import { versionHistory } from '../live/stage-log.js';
import { createVersion, deleteVersion, updateVersion } from '../services/versions.js';
import { builder } from './builder.js';
import { ModelStageEnum } from './enums.js';
import { orThrow } from './errors.js';
import { loadModel } from './loaders.js';
import { globalId } from './global-ids.js';
import { onModel } from './scopes.js';
import { ModelRef, ModelVersionRef } from './refs.js';
import { StageChangeConnection } from './stage-change.js';

ModelVersionRef.implement({
  description: 'One version of a model.',
  fields: (t) => ({
    model: t.field({ type: ModelRef, resolve: (version, _args, ctx) => loadModel(ctx, version.model) }),
    name: t.exposeString('name', { description: 'Unique within its model; defaults to the number as text.' }),
    number: t.exposeInt('number', { description: '1, 2, 3, … per model, in order of creation.' }),
    stage: t.field({ type: ModelStageEnum, description: 'NONE, STAGING, PRODUCTION or ARCHIVED; never LATEST.', resolve: (v) => v.stage }),
    description: t.exposeString('description', { nullable: true }),
    tags: t.exposeStringList('tags'),
    metadata: t.field({
      type: 'JSON',
      nullable: true,
      description: 'Free-form data such as metrics, shown by dashboards to compare versions.',
      resolve: (v) => v.metadata,
    }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    stageHistory: t.field({
      type: StageChangeConnection,
      description: "This version's stage changes, oldest first.",
      args: {
        first: t.arg.int(),
        after: t.arg.string(),
        last: t.arg.int({ description: 'The newest changes instead (1 to 100), still listed oldest first.' }),
        before: t.arg.string({ description: 'With last: the changes before this cursor.' }),
      },
      resolve: (version, args, ctx) => versionHistory(ctx.em, version.id, args),
    }),
  }),
});

export const ModelVersionConnection = builder.connectionObject({ type: ModelVersionRef, name: 'ModelVersionConnection' });

builder.queryField('modelVersion', (t) =>
  t.field({
    type: ModelVersionRef,
    nullable: true,
    description:
      'One version of the model called `name`, by `version` or by `stage`: give exactly one of the two (else a GraphQL error with code BAD_USER_INPUT). Null when no version matches. For ARCHIVED and NONE, which may hold many, the one with the highest number.\nEvery `version` argument of the API (here, in Model.version, and in every mutation) reads text the same way: all digits, the number; a stage name in any case (`latest`, `PRODUCTION`…), the version that stage resolves to, as with `stage`; anything else, the name. Version names can never be all digits or a stage name, so this is never ambiguous.',
    args: { name: t.arg.string({ required: true }), version: t.arg.string(), stage: t.arg({ type: ModelStageEnum }) },
    resolve: (_root, args, ctx) => {
      const selector = versionSelector(args.version, args.stage);
      return ctx.registry ? directVersion(ctx.registry, ctx.em, { name: args.name }, selector) : resolveVersion(ctx.em, { name: args.name }, selector);
    },
  }),
);

const DeleteModelVersionSuccess = builder.objectRef<ModelVersion>('DeleteModelVersionSuccess').implement({
  fields: (t) => ({
    deletedId: t.id({ description: 'The global id the version had.', resolve: (version) => globalId('ModelVersion', version.id) }),
    model: t.field({ type: ModelRef, resolve: (version, _args, ctx) => loadModel(ctx, version.model) }),
  }),
});

builder.mutationFields((t) => ({
  createModelVersion: t.field({
    type: ModelVersionRef,
    errors: { types: [NotFoundError, AlreadyExistsError, ValidationError], dataField: { name: 'modelVersion' } },
    description:
      'A new version of `model`, numbered after the highest number it ever had (numbers are never reused). `name` defaults to the number as text; a given name may not be all digits nor a stage name in any case (ValidationError), so `version` lookups are never ambiguous.',
    authScopes: (_root, args) => onModel('write', args.model),
    args: {
      model: t.arg.string({ required: true }),
      name: t.arg.string(),
      description: t.arg.string(),
      tags: t.arg.stringList(),
      metadata: t.arg({ type: 'JSON' }),
    },
    resolve: async (_root, args, ctx) => orThrow(await createVersion(ctx.em, { ...args, actor: ctx.principal.name })),
  }),
  updateModelVersion: t.field({
    type: ModelVersionRef,
    errors: { types: [NotFoundError, ValidationError], dataField: { name: 'modelVersion' } },
    description: 'Changes the given fields only (description, tags, metadata); stages change through setStage.',
    authScopes: (_root, args) => onModel('write', args.model),
    args: {
      model: t.arg.string({ required: true }),
      version: t.arg.string({ required: true }),
      description: t.arg.string(),
      tags: t.arg.stringList(),
      metadata: t.arg({ type: 'JSON' }),
    },
    resolve: async (_root, { model, version, ...patch }, ctx) => orThrow(await updateVersion(ctx.em, model, version, patch)),
  }),
  deleteModelVersion: t.field({
    type: DeleteModelVersionSuccess,
    errors: { types: [NotFoundError, StageConflictError], directResult: true },
    description: 'Deletes a version; its number and name are never reused. Refused while it is in STAGING or PRODUCTION. Its log rows stay. Needs WRITE.',
    authScopes: (_root, args) => onModel('write', args.model),
    args: { model: t.arg.string({ required: true }), version: t.arg.string({ required: true }) },
    resolve: async (_root, { model, version }, ctx) => orThrow(await deleteVersion(ctx.em, model, version)),
  }),
}));
