import type { Model } from '../entities/index.js';
import { AlreadyExistsError, NotFoundError, StageConflictError, ValidationError } from '../services/errors.js';
import { deleteModel, findModel, listModels, MODEL_CARD_FIELDS, registerModel, updateModel } from '../services/models.js';
import { directModel } from '../services/direct-reads.js';
import { resolveVersion, versionSelector } from '../services/resolution.js';
import { listVersions } from '../services/versions.js';
import { builder } from './builder.js';
import { ModelStageEnum } from './enums.js';
import { orThrow } from './errors.js';
import { globalId } from './global-ids.js';
import { ModelRef, ModelVersionRef } from './refs.js';
import { ModelVersionConnection } from './model-version.js';
import { onModel } from './scopes.js';

const CARD_DESCRIPTIONS: Record<(typeof MODEL_CARD_FIELDS)[number], string> = {
  description: 'What the model does.',
  license: 'The license the model is published under.',
  audience: 'Who the model is for.',
  useCases: 'What the model should be used for.',
  limitations: 'Where the model is known to fall short.',
  tradeOffs: 'Trade-offs made when building it.',
  ethics: 'Ethical considerations.',
};

ModelRef.implement({
  description: "A registered model, with ZenML's model-card fields.",
  fields: (t) => ({
    name: t.exposeString('name'),
    ...Object.fromEntries(
      MODEL_CARD_FIELDS.map((field) => [field, t.exposeString(field, { nullable: true, description: CARD_DESCRIPTIONS[field] })]),
    ),
    tags: t.exposeStringList('tags'),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime' }),
    version: t.field({
      type: ModelVersionRef,
      nullable: true,
      description: 'One version, by its name or number, or by a stage (LATEST included). Give exactly one.',
      args: { version: t.arg.string(), stage: t.arg({ type: ModelStageEnum }) },
      resolve: (model, args, ctx) => {
        const selector = versionSelector(args.version, args.stage);
        // By stage, batched across a page of models (dashboards ask for PRODUCTION, STAGING, LATEST).
        return selector.stage ? ctx.loaders.versionInStage.load({ modelId: model.id, stage: selector.stage }) : resolveVersion(ctx.em, model, selector);
      },
    }),
    versions: t.field({
      type: ModelVersionConnection,
      description: 'Newest first.',
      args: { first: t.arg.int(), after: t.arg.string(), stage: t.arg({ type: ModelStageEnum }) },
      resolve: (model, args, ctx) => listVersions(ctx.em, model.id, args),
    }),
  }),
});

export const ModelConnection = builder.connectionObject({ type: ModelRef, name: 'ModelConnection' });

builder.queryFields((t) => ({
  model: t.field({
    type: ModelRef,
    nullable: true,
    args: { name: t.arg.string({ required: true }) },
    resolve: (_root, { name }, ctx) => (ctx.registry ? directModel(ctx.registry, name) : findModel(ctx.em, name)),
  }),
  models: t.field({
    type: ModelConnection,
    description: 'Models by name, ascending. With `search`, only models whose name contains that text, ignoring case.',
    args: {
      first: t.arg.int(),
      after: t.arg.string(),
      search: t.arg.string({ description: 'Text the name must contain, in any case (`%` and `_` match themselves). At most 255 characters.' }),
    },
    resolve: (_root, args, ctx) => listModels(ctx.em, args),
  }),
}));

const cardArgs = (t: Parameters<Parameters<typeof builder.mutationField>[1]>[0]) =>
  Object.fromEntries(MODEL_CARD_FIELDS.map((field) => [field, t.arg.string({ description: CARD_DESCRIPTIONS[field] })])) as Record<
    (typeof MODEL_CARD_FIELDS)[number],
    ReturnType<typeof t.arg.string>
  >;

const DeleteModelSuccess = builder.objectRef<Model>('DeleteModelSuccess').implement({
  fields: (t) => ({
    deletedId: t.id({ description: 'The global id the model had.', resolve: (model) => globalId('Model', model.id) }),
    name: t.exposeString('name'),
  }),
});

builder.mutationFields((t) => ({
  createModel: t.field({
    type: ModelRef,
    errors: { types: [AlreadyExistsError, ValidationError], dataField: { name: 'model' } },
    authScopes: (_root, args) => onModel('write', args.name),
    args: { name: t.arg.string({ required: true }), tags: t.arg.stringList(), ...cardArgs(t) },
    resolve: async (_root, args, ctx) => orThrow(await registerModel(ctx.em, args)),
  }),
  updateModel: t.field({
    type: ModelRef,
    errors: { types: [NotFoundError, ValidationError], dataField: { name: 'model' } },
    description: 'Changes the given fields only; null clears a field.',
    authScopes: (_root, args) => onModel('write', args.name),
    args: { name: t.arg.string({ required: true }), tags: t.arg.stringList(), ...cardArgs(t) },
    resolve: async (_root, { name, ...patch }, ctx) => orThrow(await updateModel(ctx.em, name, patch)),
  }),
  deleteModel: t.field({
    type: DeleteModelSuccess,
    errors: { types: [NotFoundError, StageConflictError], directResult: true },
    description: 'Deletes a model. Refused (StageConflictError) while a version is in STAGING or PRODUCTION. Its log rows stay: history survives deletion, and a new model may take the name. Needs WRITE.',
    authScopes: (_root, args) => onModel('write', args.name),
    args: { name: t.arg.string({ required: true }) },
    resolve: async (_root, { name }, ctx) => orThrow(await deleteModel(ctx.em, name)),
  }),
}));
