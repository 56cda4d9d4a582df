import { holderAt, stagePeriods, type StagePeriod } from '../services/ledger.js';
import { builder } from './builder.js';
import { ModelStageEnum } from './enums.js';
import { loadVersion } from './loaders.js';
import { ModelRef, ModelVersionRef, StageChangeRef } from './refs.js';

/** The ledger's fields on the types it reads: who held a stage when, and the tombstones. */

const StagePeriodRef = builder.objectRef<StagePeriod>('StagePeriod').implement({
  description: 'One uninterrupted stay of one version in STAGING or PRODUCTION.',
  fields: (t) => ({
    modelVersion: t.field({ type: ModelVersionRef, resolve: (period, _args, ctx) => loadVersion(ctx, period.entered.modelVersion) }),
    stage: t.field({ type: ModelStageEnum, resolve: (period) => period.stage }),
    entered: t.field({ type: StageChangeRef, description: 'The change that moved the version in.', resolve: (period) => period.entered }),
    left: t.field({
      type: StageChangeRef,
      nullable: true,
      description: 'The change that moved it out; null while it still holds the stage.',
      resolve: (period) => period.left,
    }),
    since: t.field({ type: 'DateTime', resolve: (period) => period.entered.occurredAt }),
    until: t.field({ type: 'DateTime', nullable: true, resolve: (period) => period.left?.occurredAt ?? null }),
  }),
});

const StagePeriodConnection = builder.connectionObject({ type: StagePeriodRef, name: 'StagePeriodConnection' });

builder.objectFields(ModelRef, (t) => ({
  holderAt: t.field({
    type: ModelVersionRef,
    nullable: true,
    description:
      'The version that held `stage` (STAGING or PRODUCTION; any other stage is a GraphQL error with code BAD_USER_INPUT) at the instant `at`, read from the log; null when none did. Instants compare at the precision of DateTime (milliseconds): at the `occurredAt` that a change reports, the version it moved in holds the stage. A deleted version is returned too (with `deletedAt`).',
    args: { stage: t.arg({ type: ModelStageEnum, required: true }), at: t.arg({ type: 'DateTime', required: true }) },
    resolve: (model, args, ctx) => holderAt(ctx.em, model, args.stage, args.at),
  }),
  stagePeriods: t.field({
    type: StagePeriodConnection,
    description: 'Every stay of a version in `stage` (STAGING or PRODUCTION, else BAD_USER_INPUT), the current or most recent first, then back in time.',
    args: { stage: t.arg({ type: ModelStageEnum, required: true }), first: t.arg.int(), after: t.arg.string() },
    resolve: (model, args, ctx) => stagePeriods(ctx.em, model, args.stage, args),
  }),
  deletedAt: t.field({
    type: 'DateTime',
    nullable: true,
    description: 'Set once the model is deleted (it then resolves only from the log).',
    resolve: (model) => model.deletedAt,
  }),
}));

builder.objectField(ModelVersionRef, 'deletedAt', (t) =>
  t.field({
    type: 'DateTime',
    nullable: true,
    description:
      'Set once the version is deleted. A deleted version is gone from every lookup and list, but the log keeps its changes: a StageChange still resolves its modelVersion.',
    resolve: (version) => version.deletedAt,
  }),
);

builder.objectFields(StageChangeRef, (t) => ({
  reason: t.exposeString('reason', { nullable: true, description: 'The `reason` given to the call that made the change; null when none was given.' }),
  approvedBy: t.exposeStringList('approvedBy', {
    description: 'The names of the tokens whose approvals let this change through (see StagePolicy); empty when the stage needed none.',
  }),
}));
