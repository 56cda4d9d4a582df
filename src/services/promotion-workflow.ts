import type { EntityManager } from '@mikro-orm/postgresql';
import { Model, ModelVersion, PromotionRequest, PromotionReview, type Stage } from '../entities/index.js';
import { ApprovalRequiredError, DomainError, NotFoundError, ReviewRefusedError, StageConflictError, ValidationError } from './errors.js';
import { isPreview, moveInTransaction, setStage } from './promotion.js';
import { decide, isRequester, lockRequest, requestNotFound, reviewsOf, type Reviewer } from './promotion-requests.js';
import { recordRequestChange } from './request-events.js';
import { checkText } from './validation.js';
import { writeTransaction } from './transaction.js';

/**
 * requestPromotion: the move setStage would make, stopped where a stage that needs approvals
 * opens its request (or answers the open one), with every check of the move made first: the
 * version exists, does not hold the stage, and a holder is displaced only with force.
 */
export async function requestPromotion(
  em: EntityManager,
  asker: Reviewer,
  ask: { model: string; version: string; stage: Stage; force: boolean; reason?: string | null },
): Promise<PromotionRequest | DomainError> {
  const outcome = await setStage(em, { ...ask, actor: asker.name, tokenId: asker.tokenId, requestOnly: true });
  if (outcome instanceof ApprovalRequiredError) return outcome.request;
  if (outcome instanceof DomainError) return outcome;
  // The only success left: the version holds the stage already.
  const version = isPreview(outcome) ? outcome.version : outcome.version;
  return new ValidationError(`version ${version.name} of ${ask.model} already holds ${ask.stage.toUpperCase()}`, 'version');
}

export type ReviewOutcome = PromotionRequest | NotFoundError | StageConflictError | ReviewRefusedError | ValidationError;

/** Thrown out of a transaction to roll it back and answer the outcome instead. */
class Refused {
  constructor(readonly outcome: DomainError) {}
}

/**
 * approvePromotion and rejectPromotion. Each token reviews a request once and never its own. A
 * rejection ends it as REJECTED. The approval that reaches the number moves the version in the
 * same transaction, exactly as setStage would with the request's force, the requester as the
 * actor and the approvers in `approvedBy`; when that move is refused (the stage is held and the
 * request has no force, the version is gone) the whole transaction rolls back: the approval is
 * not recorded and the request stays PENDING. Two final approvals at once: the second waits for
 * the request's lock, then finds it APPLIED.
 */
export async function reviewPromotion(
  em: EntityManager,
  reviewer: Reviewer,
  id: string | undefined,
  shownAs: string,
  decision: { approved: boolean; comment?: string | null },
): Promise<ReviewOutcome> {
  const invalid = checkText(decision.comment, 'comment');
  if (invalid) return invalid;
  try {
    return await writeTransaction(em, async (tx) => {
      const request = await lockRequest(tx, id);
      if (!request) return requestNotFound(shownAs);
      const refusal = await refuseReview(tx, request, reviewer);
      if (refusal) return refusal;
      tx.create(PromotionReview, { request, reviewer: reviewer.name, reviewerTokenId: reviewer.tokenId, approved: decision.approved, comment: decision.comment ?? null });
      await tx.flush();
      if (!decision.approved) {
        await decide(tx, request, 'rejected');
        return request;
      }
      const approvers = (await reviewsOf(tx, request.id)).filter((review) => review.approved).map((review) => review.reviewer);
      if (approvers.length < request.requiredApprovals) {
        await recordRequestChange(tx, request);
        return request;
      }
      const changeIds = await applyRequest(tx, request, approvers);
      await decide(tx, request, 'applied', changeIds);
      return request;
    });
  } catch (error) {
    if (error instanceof Refused) return error.outcome as ReviewOutcome;
    throw error;
  }
}

async function refuseReview(tx: EntityManager, request: PromotionRequest, reviewer: Reviewer): Promise<ReviewRefusedError | undefined> {
  if (request.status !== 'pending') return new ReviewRefusedError(`the request is ${request.status.toUpperCase()}, no longer PENDING`);
  if (isRequester(request, reviewer)) return new ReviewRefusedError('a request cannot be reviewed by the token that asked for it');
  const [again] = await tx.execute('select 1 from promotion_review where request_id = ? and coalesce(reviewer_token_id, 0) = coalesce(?::bigint, 0)', [
    request.id,
    reviewer.tokenId,
  ]);
  if (again) return new ReviewRefusedError(`the token ${JSON.stringify(reviewer.name)} has reviewed this request already`);
  return undefined;
}

/** The move the request asks for, as setStage makes it; a refusal rolls everything back. */
async function applyRequest(tx: EntityManager, request: PromotionRequest, approvers: string[]): Promise<string[]> {
  const model = await tx.findOneOrFail(Model, request.model.id);
  const version = await tx.findOne(ModelVersion, request.modelVersion.id);
  if (!version) throw new Refused(new NotFoundError(`the version of this request is gone from ${model.name}`));
  const moved = await moveInTransaction(tx, {
    model: model.name,
    version: String(version.number),
    stage: request.stage,
    force: request.force,
    reason: request.reason,
    actor: request.requestedBy,
    tokenId: request.requestedByTokenId,
    approvedBy: approvers,
  });
  if (moved instanceof DomainError) throw new Refused(moved);
  if (isPreview(moved)) throw new Error('an approval never applies a dry run');
  return moved.changes.map((change) => change.id);
}
