import type { Ref } from '@mikro-orm/core';
import type { Model, ModelVersion, StageChange } from '../entities/index.js';
import { setStage } from '../services/promotion.js';
import { resolveVersion, versionSelector } from '../services/resolution.js';
import { versionHistory } from '../services/stage-log.js';
import { createVersion, deleteVersion, updateVersion } from '../services/versions.js';
import { builder } from './builder.js';
import { connectionType } from './connection.js';
import type { Context } from './context.js';
import { ModelStageEnum } from './enums.js';
import {
  AlreadyExistsErrorRef,
  ApprovalRequiredErrorRef,
  asResult,
  NotFoundErrorRef,
  resultUnion,
  StageConflictErrorRef,
  ValidationErrorRef,
} from './errors.js';
import { globalId, NodeInterface } from './node.js';
import { onModel } from './scopes.js';
import { ModelRef, ModelVersionRef, StageChangeRef } from './refs.js';
import { StageChangeConnection } from './stage-change.js';

/** A loaded relation as is; an unloaded one through the operation's batch loader. */
export async function loadModel(ctx: Context, ref: Ref<Model>): Promise<Model> {
  return ref.isInitialized() ? ref.unwrap() : (await ctx.loaders.model.load(ref.unwrap().id))!;
}

export async function loadVersion(ctx: Context, ref: Ref<ModelVersion>): Promise<ModelVersion> {
  return ref.isInitialized() ? ref.unwrap() : (await ctx.loaders.version.load(ref.unwrap().id))!;
}

ModelVersionRef.implement({
  description: 'One version of a model.',
  interfaces: [NodeInterface],
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

export const ModelVersionConnection = connectionType('ModelVersion', ModelVersionRef);

builder.queryField('modelVersion', (t) =>
  t.field({
    type: ModelVersionRef,
    nullable: true,
    description:
      'One version of the model called `name`, by `version` (all digits: its number; else its name) or by `stage`: give exactly one of the two (else a GraphQL error with code BAD_USER_INPUT). Null when no version matches. For ARCHIVED and NONE, which may hold many, the one with the highest number.',
    args: { name: t.arg.string({ required: true }), version: t.arg.string(), stage: t.arg({ type: ModelStageEnum }) },
    resolve: (_root, args, ctx) => resolveVersion(ctx.em, { name: args.name }, versionSelector(args.version, args.stage)),
  }),
);

const versionPayload = (name: string) =>
  builder.objectRef<{ modelVersion: ModelVersion }>(name).implement({
    fields: (t) => ({ modelVersion: t.field({ type: ModelVersionRef, resolve: (r) => r.modelVersion }) }),
  });

const CreateModelVersionResult = resultUnion('CreateModelVersionResult', versionPayload('CreateModelVersionSuccess'), [
  NotFoundErrorRef,
  AlreadyExistsErrorRef,
  ValidationErrorRef,
]);
const UpdateModelVersionResult = resultUnion('UpdateModelVersionResult', versionPayload('UpdateModelVersionSuccess'), [
  NotFoundErrorRef,
  ValidationErrorRef,
]);

const DeleteModelVersionSuccess = builder.objectRef<{ modelVersion: ModelVersion }>('DeleteModelVersionSuccess').implement({
  fields: (t) => ({
    deletedId: t.id({ description: 'The global id the version had.', resolve: (r) => globalId('ModelVersion', r.modelVersion.id) }),
    model: t.field({ type: ModelRef, resolve: (r, _args, ctx) => loadModel(ctx, r.modelVersion.model) }),
  }),
});
const DeleteModelVersionResult = resultUnion('DeleteModelVersionResult', DeleteModelVersionSuccess, [NotFoundErrorRef, StageConflictErrorRef]);

interface StageMovedPayload {
  modelVersion: ModelVersion;
  archived: ModelVersion[];
  changes: StageChange[];
}

const SetStageSuccess = builder.objectRef<StageMovedPayload>('SetStageSuccess').implement({
  fields: (t) => ({
    modelVersion: t.field({ type: ModelVersionRef, resolve: (r) => r.modelVersion }),
    archived: t.field({ type: [ModelVersionRef], description: 'Versions archived to make room (only with force).', resolve: (r) => r.archived }),
    changes: t.field({
      type: [StageChangeRef],
      description: 'The changes this call committed; empty when the version already held the stage.',
      resolve: (r) => r.changes,
    }),
  }),
});
const SetStageResult = resultUnion('SetStageResult', SetStageSuccess, [NotFoundErrorRef, StageConflictErrorRef, ValidationErrorRef, ApprovalRequiredErrorRef]);

builder.mutationFields((t) => ({
  createModelVersion: t.field({
    type: CreateModelVersionResult,
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
    resolve: async (_root, args, ctx) => asResult(await createVersion(ctx.em, args), (modelVersion) => ({ modelVersion })),
  }),
  updateModelVersion: t.field({
    type: UpdateModelVersionResult,
    description: 'Changes the given fields only (description, tags, metadata); stages change through setStage.',
    authScopes: (_root, args) => onModel('write', args.model),
    args: {
      model: t.arg.string({ required: true }),
      version: t.arg.string({ required: true }),
      description: t.arg.string(),
      tags: t.arg.stringList(),
      metadata: t.arg({ type: 'JSON' }),
    },
    resolve: async (_root, { model, version, ...patch }, ctx) =>
      asResult(await updateVersion(ctx.em, model, version, patch), (modelVersion) => ({ modelVersion })),
  }),
  deleteModelVersion: t.field({
    type: DeleteModelVersionResult,
    description: 'Deletes a version and its history; its number is never reused. Refused while it is in STAGING or PRODUCTION.',
    authScopes: (_root, args) => onModel('write', args.model),
    args: { model: t.arg.string({ required: true }), version: t.arg.string({ required: true }) },
    resolve: async (_root, { model, version }, ctx) => asResult(await deleteVersion(ctx.em, model, version), (modelVersion) => ({ modelVersion })),
  }),
  setStage: t.field({
    type: SetStageResult,
    description:
      'Move one version (by name or number) to `stage`. LATEST gives a ValidationError with code INVALID_STAGE. If another version holds STAGING or PRODUCTION: STAGE_CONFLICT, unless `force`, which archives that holder in the same transaction.',
    // PRODUCTION, and any forced move, need PROMOTE; every other move needs WRITE.
    authScopes: (_root, args) => onModel(args.stage === 'production' || args.force ? 'promote' : 'write', args.name),
    args: {
      name: t.arg.string({ required: true }),
      version: t.arg.string({ required: true }),
      stage: t.arg({ type: ModelStageEnum, required: true }),
      force: t.arg.boolean({ defaultValue: false }),
    },
    resolve: async (_root, args, ctx) =>
      asResult(
        await setStage(ctx.em, {
          model: args.name,
          version: args.version,
          stage: args.stage,
          force: args.force ?? false,
          actor: ctx.principal.name,
          actorTokenId: ctx.principal.tokenId,
        }),
        ({ version, archived, changes }) => ({ modelVersion: version, archived, changes }),
      ),
  }),
}));
