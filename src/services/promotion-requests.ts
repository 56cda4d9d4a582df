import type { EntityManager } from '@mikro-orm/postgresql';
import { Model, ModelVersion, PromotionRequest, PromotionReview, type PromotionRequestStatus, type StoredStage } from '../entities/index.js';
import { ApprovalRequiredError, NotFoundError, ReviewRefusedError } from './errors.js';
import { decodeNumberCursor, encodeCursor, pageSize, toPage, type Page } from './pagination.js';
import { recordRequestChange } from './request-events.js';
import { writeTransaction } from './transaction.js';

/** Who asks or reviews: a token's name (shown) and id (who it is; null for MODELSTAGE_ADMIN_TOKEN). */
export interface Reviewer {
  name: string;
  tokenId: string | null;
}

/** A move that needs approvals, as the move found it under the model's lock. */
export interface PromotionAsk {
  version: ModelVersion;
  stage: StoredStage;
  force: boolean;
  reason?: string | null;
}

/**
 * The hook of setStage, rollbackStage and requestPromotion into a stage that needs approvals,
 * in the move's transaction once the model is locked and the move found possible (the version
 * exists, does not hold the stage yet, and a holder is displaced only with force): instead of
 * moving, open a request, or answer the one already open for the same version, stage and force.
 */
export async function askForApproval(tx: EntityManager, model: Model, asker: Reviewer, ask: PromotionAsk, required: number): Promise<ApprovalRequiredError> {
  const open = await openRequestFor(tx, ask);
  if (open) return approvalRequired(model, ask.stage, open);
  const request = tx.create(PromotionRequest, {
    model,
    modelVersion: ask.version,
    stage: ask.stage,
    force: ask.force,
    reason: ask.reason ?? null,
    requestedBy: asker.name,
    requestedByTokenId: asker.tokenId,
    requiredApprovals: required,
  });
  await tx.flush();
  await recordRequestChange(tx, request);
  return approvalRequired(model, ask.stage, request);
}

/**
 * A dry run into a stage that needs approvals changes nothing: it answers the request already
 * open for this move, or, when none is, what the move will do once approved.
 */
export async function previewOrOpenRequest<P>(tx: EntityManager, model: Model, ask: PromotionAsk, preview: P): Promise<P | ApprovalRequiredError> {
  const open = await openRequestFor(tx, ask);
  return open ? approvalRequired(model, ask.stage, open) : preview;
}

function openRequestFor(tx: EntityManager, ask: PromotionAsk): Promise<PromotionRequest | null> {
  return tx.findOne(PromotionRequest, { modelVersion: ask.version.id, stage: ask.stage, force: ask.force, status: 'pending' });
}

function approvalRequired(model: Model, stage: StoredStage, request: PromotionRequest): ApprovalRequiredError {
  const n = request.requiredApprovals;
  return new ApprovalRequiredError(`${stage.toUpperCase()} of ${model.name} needs ${n} approval${n === 1 ? '' : 's'}: nothing moved, a promotion request is open`, request);
}

/**
 * Inside a transaction: the request, locked, with its model locked first. Every change of a
 * request takes the model's lock before the request's, as moves do, so a review, a cancellation
 * and a move of that model run one after another and never deadlock. null when there is none.
 */
export async function lockRequest(tx: EntityManager, id: string | undefined): Promise<PromotionRequest | null> {
  if (id === undefined) return null;
  const [found] = await tx.execute<{ model_id: string }[]>('select model_id from promotion_request where id = ?', [id]);
  if (!found) return null;
  await tx.execute('select id from model where id = ? for update', [found.model_id]);
  const [row] = await tx.execute('select * from promotion_request where id = ? for update', [id]);
  return tx.map(PromotionRequest, row!);
}

/** The name of a request's model, for the scope check of a review (null when there is no such request). */
export async function requestModelName(em: EntityManager, id: string | undefined): Promise<string | null> {
  if (id === undefined) return null;
  const [row] = await em.execute<{ name: string }[]>('select m.name from promotion_request r join model m on m.id = r.model_id where r.id = ?', [id]);
  return row?.name ?? null;
}

export function requestNotFound(shownAs: string): NotFoundError {
  return new NotFoundError(`no promotion request with id ${JSON.stringify(shownAs)}`);
}

export function isRequester(request: PromotionRequest, who: Reviewer): boolean {
  return request.requestedByTokenId === who.tokenId;
}

/** Ends a request: the state it left PENDING for, now. */
export async function decide(tx: EntityManager, request: PromotionRequest, status: Exclude<PromotionRequestStatus, 'pending'>, changeIds: string[] = []): Promise<void> {
  request.status = status;
  request.decidedAt = new Date();
  request.changeIds = changeIds;
  await tx.flush();
  await recordRequestChange(tx, request);
}

/** cancelPromotion: its requester ends a PENDING request as CANCELLED. */
export async function cancelPromotion(em: EntityManager, who: Reviewer, id: string | undefined, shownAs: string): Promise<PromotionRequest | NotFoundError | ReviewRefusedError> {
  return writeTransaction(em, async (tx) => {
    const request = await lockRequest(tx, id);
    if (!request) return requestNotFound(shownAs);
    if (request.status !== 'pending') return new ReviewRefusedError(`the request is ${request.status.toUpperCase()}, no longer PENDING`);
    if (!isRequester(request, who)) return new ReviewRefusedError(`only its requester (${request.requestedBy}) may cancel a request`);
    await decide(tx, request, 'cancelled');
    return request;
  });
}

/**
 * Inside a deletion's transaction (the model locked): the open requests for the deleted
 * versions end as CANCELLED, each announced once the deletion commits.
 */
export async function cancelOpenRequests(tx: EntityManager, where: { versionId: string } | { modelId: string }): Promise<void> {
  const open = await tx.find(PromotionRequest, { status: 'pending', ...('versionId' in where ? { modelVersion: where.versionId } : { model: where.modelId }) });
  for (const request of open) await decide(tx, request, 'cancelled');
}

export interface RequestListArgs {
  model?: string | null;
  status?: PromotionRequestStatus | null;
  first?: number | null;
  after?: string | null;
}

const CURSOR_KIND = 'PromotionRequest';

/** Newest first, optionally one model's and in one status. */
export async function listRequests(em: EntityManager, args: RequestListArgs): Promise<Page<PromotionRequest>> {
  const limit = pageSize(args.first);
  const before = args.after != null ? String(decodeNumberCursor(CURSOR_KIND, args.after)) : undefined;
  const rows = await em.find(
    PromotionRequest,
    {
      ...(args.model != null ? { model: { name: args.model, deletedAt: null } } : {}),
      ...(args.status != null ? { status: args.status } : {}),
      ...(before !== undefined ? { id: { $lt: before } } : {}),
    },
    { orderBy: { id: 'desc' }, limit: limit + 1, populate: ['model'] },
  );
  return toPage(rows, limit, (request) => encodeCursor(CURSOR_KIND, request.id), before !== undefined);
}

/** Every review of a request, oldest first. */
export function reviewsOf(em: EntityManager, requestId: string): Promise<PromotionReview[]> {
  return em.find(PromotionReview, { request: requestId }, { orderBy: { id: 'asc' } });
}
