import { PromotionRequest, StageChange, type PromotionRequestEvent, type PromotionReview } from '../entities/index.js';
import { NotFoundError, ReviewRefusedError, StageConflictError, ValidationError } from '../services/errors.js';
import type { Reviewer } from '../services/promotion-requests.js';
import { cancelPromotion, listRequests, requestModelName, reviewsOf } from '../services/promotion-requests.js';
import { requestPromotion, reviewPromotion } from '../services/promotion-workflow.js';
import { builder } from './builder.js';
import type { Context } from './context.js';
import { ModelStageEnum } from './enums.js';
import { orThrow } from './errors.js';
import { loadModel, loadVersion } from './loaders.js';
import { parseGlobalId } from './global-ids.js';
import { ModelRef, ModelVersionRef, PromotionRequestRef, StageChangeRef } from './refs.js';
import { moveScope, onModel } from './scopes.js';

export const PromotionRequestStatusEnum = builder.enumType('PromotionRequestStatus', {
  values: {
    PENDING: { value: 'pending', description: 'Waiting for approvals.' },
    APPLIED: { value: 'applied', description: 'Approved and carried out: `changes` holds what it committed.' },
    REJECTED: { value: 'rejected', description: 'A reviewer rejected it.' },
    CANCELLED: { value: 'cancelled', description: 'Its requester withdrew it.' },
  } as const,
});

const PromotionReviewRef = builder.objectRef<PromotionReview>('PromotionReview').implement({
  fields: (t) => ({
    actor: t.exposeString('reviewer', { description: 'The name of the reviewing token.' }),
    approved: t.exposeBoolean('approved'),
    comment: t.exposeString('comment', { nullable: true }),
    at: t.expose('at', { type: 'DateTime' }),
  }),
});

PromotionRequestRef.implement({
  description: 'A move into a stage whose policy needs approvals, waiting for or past its reviews.',
  fields: (t) => ({
    model: t.field({ type: ModelRef, resolve: (request, _args, ctx) => loadModel(ctx, request.model) }),
    modelVersion: t.field({ type: ModelVersionRef, resolve: (request, _args, ctx) => loadVersion(ctx, request.modelVersion) }),
    stage: t.field({ type: ModelStageEnum, resolve: (request) => request.stage }),
    force: t.exposeBoolean('force'),
    reason: t.exposeString('reason', { nullable: true }),
    requestedBy: t.exposeString('requestedBy', { description: 'The name of the token that asked.' }),
    status: t.field({ type: PromotionRequestStatusEnum, resolve: (request) => request.status }),
    requiredApprovals: t.exposeInt('requiredApprovals'),
    approvals: t.int({
      description: 'Approvals so far.',
      resolve: async (request, _args, ctx) => (await reviewsOf(ctx.em, request.id)).filter((review) => review.approved).length,
    }),
    reviews: t.field({ type: [PromotionReviewRef], description: 'Every review so far, oldest first.', resolve: (request, _args, ctx) => reviewsOf(ctx.em, request.id) }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    decidedAt: t.expose('decidedAt', { type: 'DateTime', nullable: true, description: 'When it left PENDING.' }),
    changes: t.field({
      type: [StageChangeRef],
      description: 'The changes committed when it was applied; empty otherwise.',
      resolve: (request, _args, ctx) =>
        request.changeIds.length === 0 ? [] : ctx.em.find(StageChange, { id: { $in: request.changeIds } }, { orderBy: { id: 'asc' } }),
    }),
  }),
});

const PromotionRequestConnection = builder.connectionObject({ type: PromotionRequestRef, name: 'PromotionRequestConnection' });

builder.queryField('promotionRequests', (t) =>
  t.field({
    type: PromotionRequestConnection,
    description: 'Promotion requests, newest first, optionally for one model and in one status.',
    args: { model: t.arg.string(), status: t.arg({ type: PromotionRequestStatusEnum }), first: t.arg.int(), after: t.arg.string() },
    resolve: (_root, args, ctx) => listRequests(ctx.em, args),
  }),
);

/** approvePromotion, rejectPromotion and cancelPromotion share one result union. */
const reviewErrors = {
  types: [NotFoundError, StageConflictError, ReviewRefusedError, ValidationError],
  union: { name: 'ReviewPromotionResult' },
  result: { name: 'ReviewPromotionSuccess' },
  dataField: { name: 'request' },
};

const reviewer = (ctx: Context): Reviewer => ({ name: ctx.principal.name, tokenId: ctx.principal.tokenId });
/** The database id behind a request's global id; undefined when it names none. */
const requestId = (id: string) => {
  const parsed = parseGlobalId(id);
  return parsed?.type === 'PromotionRequest' ? parsed.id : undefined;
};
/** A review or cancellation needs its scope on the request's model (a token limited to models). */
const onRequestModel = (scope: 'write' | 'promote') => async (_root: unknown, args: { id: string }, ctx: Context) =>
  onModel(scope, await requestModelName(ctx.em, requestId(args.id)));

builder.mutationFields((t) => ({
  requestPromotion: t.field({
    type: PromotionRequestRef,
    errors: { types: [NotFoundError, StageConflictError, ValidationError], dataField: { name: 'request' } },
    description:
      'Asks to move a version into a stage whose policy needs approvals, with the scopes setStage would need. Opens a PENDING request, or answers the one already open for the same version, stage and force. StageConflictError at once when the stage is held and force is not given. Into a stage without a policy, a ValidationError with code INVALID_STAGE (use setStage).',
    authScopes: (_root, args) => moveScope(args),
    args: {
      name: t.arg.string({ required: true }),
      version: t.arg.string({ required: true }),
      stage: t.arg({ type: ModelStageEnum, required: true }),
      force: t.arg.boolean({ defaultValue: false }),
      reason: t.arg.string(),
    },
    resolve: async (_root, args, ctx) =>
      orThrow(
        await requestPromotion(ctx.em, reviewer(ctx), { model: args.name, version: args.version, stage: args.stage, force: args.force ?? false, reason: args.reason }),
      ),
  }),
  approvePromotion: t.field({
    type: PromotionRequestRef,
    errors: reviewErrors,
    description:
      'PROMOTE, and a token allowed to change the model. Each token reviews a request once, and never its own. The approval that reaches `requiredApprovals` carries out the move in the same transaction, as setStage would with the request\'s force; its StageChanges list the approvers in `approvedBy`, the requester as `actor`, and the request\'s `reason`. If the move cannot be made then (the stage is held and the request has no force, the version is gone), the approval answers that error, is not recorded, and the request stays PENDING.',
    authScopes: onRequestModel('promote'),
    args: { id: t.arg.id({ required: true }), comment: t.arg.string() },
    resolve: async (_root, args, ctx) => {
      const outcome = await reviewPromotion(ctx.em, reviewer(ctx), requestId(args.id), args.id, { approved: true, comment: args.comment });
      // Only the approval that applied the request answers it APPLIED: count its changes once.
      if (outcome instanceof PromotionRequest && outcome.status === 'applied') {
        ctx.metrics.stageChangesCommitted(await ctx.em.find(StageChange, { id: { $in: outcome.changeIds } }));
      }
      return orThrow(outcome);
    },
  }),
  rejectPromotion: t.field({
    type: PromotionRequestRef,
    errors: reviewErrors,
    description: 'PROMOTE. Ends the request as REJECTED. Same rules as approvePromotion for who may review.',
    authScopes: onRequestModel('promote'),
    args: { id: t.arg.id({ required: true }), comment: t.arg.string() },
    resolve: async (_root, args, ctx) => orThrow(await reviewPromotion(ctx.em, reviewer(ctx), requestId(args.id), args.id, { approved: false, comment: args.comment })),
  }),
  cancelPromotion: t.field({
    type: PromotionRequestRef,
    errors: reviewErrors,
    description: 'Its requester only (else ReviewRefusedError). Ends a PENDING request as CANCELLED.',
    authScopes: onRequestModel('write'),
    args: { id: t.arg.id({ required: true }) },
    resolve: async (_root, args, ctx) => orThrow(await cancelPromotion(ctx.em, reviewer(ctx), requestId(args.id), args.id)),
  }),
}));

builder.subscriptionField('promotionRequestChanged', (t) =>
  t.field({
    type: PromotionRequestRef,
    description: 'Every promotion request opened or changed (a review, applied, rejected, cancelled), live, once the change commits. `name` keeps one model\'s.',
    args: { name: t.arg.string() },
    subscribe: (_root, args, ctx) =>
      ctx.live.requestChanges({ modelName: args.name ?? undefined }),
    // Each event is resolved with reads of its own (live/event-context.ts): the request as it is now.
    resolve: (event: PromotionRequestEvent, _args, ctx) => ctx.em.findOneOrFail(PromotionRequest, event.request.id),
  }),
);
