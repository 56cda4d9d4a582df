import type { StageChange } from '../entities/index.js';
import { parseLogCursor } from '../services/pagination.js';
import { listStageChanges } from '../live/stage-log.js';
import { builder } from './builder.js';
import { connectionType } from './connection.js';
import { ModelStageEnum } from './enums.js';
import { loadModel, loadVersion } from './loaders.js';
import { NodeInterface } from './node.js';
import { ModelRef, ModelVersionRef, StageChangeRef } from './refs.js';

StageChangeRef.implement({
  description: 'One committed change of one version\'s stage.',
  interfaces: [NodeInterface],
  fields: (t) => ({
    cursor: t.exposeString('id', {
      description:
        'Position in the one global log of stage changes, increasing in commit order. Pass it as `after` to resume reading or subscribing right behind this change.',
    }),
    model: t.field({ type: ModelRef, resolve: (change, _args, ctx) => loadModel(ctx, change.model) }),
    modelVersion: t.field({ type: ModelVersionRef, resolve: (change, _args, ctx) => loadVersion(ctx, change.modelVersion) }),
    from: t.field({ type: ModelStageEnum, resolve: (change) => change.fromStage }),
    to: t.field({ type: ModelStageEnum, resolve: (change) => change.toStage }),
    forced: t.exposeBoolean('forced', { description: "True on every row of a move made with force, the displaced holder's row included." }),
    displaced: t.exposeBoolean('displaced', { description: 'True for a version archived because another version was forced into its stage.' }),
    actor: t.exposeString('actor', { nullable: true, description: 'The name of the token that made the change.' }),
    occurredAt: t.expose('occurredAt', { type: 'DateTime' }),
    transactionId: t.exposeID('transactionId', { description: 'Shared by all changes committed in one transaction.' }),
  }),
});

export const StageChangeConnection = connectionType('StageChange', StageChangeRef);

builder.queryField('stageChanges', (t) =>
  t.field({
    type: StageChangeConnection,
    description: 'The global log of stage changes in commit order, optionally for one model. `last` reads from the newest end.',
    args: {
      model: t.arg.string(),
      first: t.arg.int(),
      after: t.arg.string(),
      last: t.arg.int({ description: 'The newest changes instead (1 to 100), still listed oldest first.' }),
      before: t.arg.string({ description: 'With last: the changes before this cursor.' }),
    },
    resolve: (_root, { model, ...page }, ctx) => listStageChanges(ctx.em, { modelName: model, ...page }),
  }),
);

builder.subscriptionField('stageChanged', (t) =>
  t.field({
    type: StageChangeRef,
    description:
      "Every committed stage change, in commit order, only after it commits. `name` keeps one model's changes. `after` first replays the changes behind that cursor, then goes on live, with no gap and no duplicate.",
    args: { name: t.arg.string(), after: t.arg.string() },
    subscribe: (_root, args, ctx) =>
      ctx.live.stageChanges({
        modelName: args.name ?? undefined,
        after: parseLogCursor(args.after),
      }),
    // Each event is resolved with reads of its own (live/event-context.ts).
    resolve: (change: StageChange) => change,
  }),
);

