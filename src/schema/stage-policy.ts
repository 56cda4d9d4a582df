import type { Model, StagePolicy } from '../entities/index.js';
import { setStagePolicy } from '../services/stage-policies.js';
import { builder } from './builder.js';
import { ModelStageEnum } from './enums.js';
import { asResult, NotFoundErrorRef, resultUnion, ValidationErrorRef } from './errors.js';
import { ModelRef } from './refs.js';
import { onModel } from './scopes.js';

const StagePolicyRef = builder.objectRef<StagePolicy>('StagePolicy').implement({
  description: 'A rule for one stage of one model.',
  fields: (t) => ({
    stage: t.field({ type: ModelStageEnum, resolve: (policy) => policy.stage }),
    requiredApprovals: t.exposeInt('requiredApprovals', {
      description: "Approvals, each by a different token and none by the requester's, needed before a version moves into the stage.",
    }),
  }),
});

builder.objectField(ModelRef, 'stagePolicies', (t) =>
  t.field({
    type: [StagePolicyRef],
    description: 'Rules for moving versions of this model into its stages; empty when there are none.',
    resolve: (model, _args, ctx) => ctx.loaders.stagePolicies.load(model.id),
  }),
);

const SetStagePolicySuccess = builder.objectRef<{ model: Model }>('SetStagePolicySuccess').implement({
  fields: (t) => ({ model: t.field({ type: ModelRef, resolve: (r) => r.model }) }),
});
const SetStagePolicyResult = resultUnion('SetStagePolicyResult', SetStagePolicySuccess, [NotFoundErrorRef, ValidationErrorRef]);

builder.mutationField('setStagePolicy', (t) =>
  t.field({
    type: SetStagePolicyResult,
    description: 'ADMIN. STAGING or PRODUCTION (else ValidationError INVALID_STAGE); `requiredApprovals` from 0 (no rule) to 10.',
    authScopes: (_root, args) => onModel('admin', args.model),
    args: {
      model: t.arg.string({ required: true }),
      stage: t.arg({ type: ModelStageEnum, required: true }),
      requiredApprovals: t.arg.int({ required: true }),
    },
    resolve: async (_root, args, ctx) => asResult(await setStagePolicy(ctx.em, args.model, args.stage, args.requiredApprovals), (model) => ({ model })),
  }),
);
