import { ApprovalRequiredError, NotFoundError, PreconditionFailedError, StageConflictError, ValidationError } from '../services/errors.js';
import { rollbackStage, setStage, type MoveOptions, type StageMoved, type StagePreview } from '../services/promotion.js';
import { builder } from './builder.js';
import type { Context } from './context.js';
import { ModelStageEnum } from './enums.js';
import { ModelVersionRef, StageChangeRef } from './refs.js';
import { moveScope, onModel } from './scopes.js';

const SetStageSuccess = builder.objectRef<StageMoved>('SetStageSuccess').implement({
  fields: (t) => ({
    modelVersion: t.field({ type: ModelVersionRef, resolve: (r) => r.version }),
    archived: t.field({ type: [ModelVersionRef], description: 'Versions archived to make room (only with force).', resolve: (r) => r.archived }),
    changes: t.field({
      type: [StageChangeRef],
      description: 'The changes this call committed; empty when the version already held the stage.',
      resolve: (r) => r.changes,
    }),
  }),
});

const SetStagePreview = builder.objectRef<StagePreview>('SetStagePreview').implement({
  description: 'What a call would do, answered to `dryRun: true`. Nothing changed, nothing was logged.',
  fields: (t) => ({
    modelVersion: t.field({ type: ModelVersionRef, description: 'The version that would move, as it is now.', resolve: (r) => r.version }),
    from: t.field({ type: ModelStageEnum, resolve: (r) => r.from }),
    to: t.field({ type: ModelStageEnum, resolve: (r) => r.to }),
    archived: t.field({ type: [ModelVersionRef], description: 'The versions the call would archive (with force).', resolve: (r) => r.archived }),
    noop: t.exposeBoolean('noop', { description: 'True when the version already holds the stage: the call would change nothing.' }),
  }),
});

/**
 * Two success types (a move, a preview), so a union of its own rather than a field's `errors`
 * option; the errors plugin still answers the listed errors, returned or thrown, as members.
 */
const SetStageResult = builder.errorUnion('SetStageResult', {
  types: [SetStageSuccess, SetStagePreview, NotFoundError, StageConflictError, ValidationError, PreconditionFailedError, ApprovalRequiredError],
  resolveType: (value) => ('preview' in value ? 'SetStagePreview' : 'SetStageSuccess'),
});

interface MoveArgs {
  expectedHolder?: string | null;
  dryRun?: boolean | null;
  reason?: string | null;
  idempotencyKey?: string | null;
}

/** The arguments setStage and rollbackStage share, and the caller: who it is, for the log and for the idempotency key's space. */
function moveOptions(args: MoveArgs, ctx: Context) {
  return {
    expectedHolder: args.expectedHolder,
    dryRun: args.dryRun ?? false,
    reason: args.reason,
    idempotencyKey: args.idempotencyKey,
    actor: ctx.principal.name,
    tokenId: ctx.principal.tokenId,
  } satisfies Partial<MoveOptions> & { idempotencyKey?: string | null };
}

builder.mutationFields((t) => {
  const moveArgs = {
    expectedHolder: t.arg.string({
      description: 'Only move when this version (name or number) holds `stage` now; "none": when no version does. STAGING and PRODUCTION only.',
    }),
    dryRun: t.arg.boolean({ defaultValue: false, description: 'Answer what the call would do (SetStagePreview) or the error it would get; change nothing.' }),
    reason: t.arg.string({ description: 'Up to 1,000 characters, kept on every StageChange the call commits.' }),
    idempotencyKey: t.arg.string({
      description: '1 to 255 characters, per token: a retry with the same key and arguments answers the first call\'s changes and commits nothing.',
    }),
  };
  return {
    setStage: t.field({
      type: SetStageResult,
      description:
        'Move one version (by name or number) to `stage`. LATEST gives a ValidationError with code INVALID_STAGE. If another version holds STAGING or PRODUCTION: STAGE_CONFLICT, unless `force`, which archives that holder in the same transaction. `expectedHolder` makes it a compare-and-set, `dryRun` a preview, `idempotencyKey` a safe retry (see the contract). Into a stage whose StagePolicy needs approvals: ApprovalRequiredError (see requestPromotion).',
      authScopes: (_root, args) => moveScope(args),
      args: {
        name: t.arg.string({ required: true }),
        version: t.arg.string({ required: true }),
        stage: t.arg({ type: ModelStageEnum, required: true }),
        force: t.arg.boolean({ defaultValue: false }),
        ...moveArgs,
      },
      resolve: async (_root, args, ctx) =>
        ctx.metrics.setStage(
          await setStage(ctx.em, {
            model: args.name,
            version: args.version,
            stage: args.stage,
            force: args.force ?? false,
            ...moveOptions(args, ctx),
          }, ctx.direct),
        ),
    }),
    rollbackStage: t.field({
      type: SetStageResult,
      description:
        'Put back the version that held `stage` (STAGING or PRODUCTION) before: of the versions other than the current holder, the one whose last stay in `stage` ended most recently, moved in as with setStage and force. NotFoundError when there is none or it was deleted. Follows the stage\'s policy like setStage. Needs PROMOTE.',
      authScopes: (_root, args) => onModel('promote', args.name),
      args: { name: t.arg.string({ required: true }), stage: t.arg({ type: ModelStageEnum, required: true }), ...moveArgs },
      resolve: async (_root, args, ctx) =>
        ctx.metrics.setStage(
          await rollbackStage(ctx.em, {
            model: args.name,
            stage: args.stage,
            ...moveOptions(args, ctx),
          }),
        ),
    }),
  };
});
