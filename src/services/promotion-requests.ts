import type { EntityManager } from '@mikro-orm/postgresql';
import { Model, ModelVersion, PromotionRequest, PromotionReview, isUniqueStage, type PromotionRequestStatus, type Stage, type StoredStage } from '../entities/index.js';
import { ApprovalRequiredError, NotFoundError, ReviewRefusedError, StageConflictError, ValidationError } from './errors.js';
import { modelNotFound } from './models.js';
import { decodeNumberCursor, encodeCursor, pageSize, toPage, type Page } from './pagination.js';
import { recordRequestChange } from './request-events.js';
import { chosenVersionQuery, parseVersionText } from './resolution.js';
import { requiredApprovalsColumn } from './stage-policies.js';
import { checkText } from './validation.js';
import { versionNotFound } from './versions.js';
import { writeTransaction } from './transaction.js';

/** Who asks or reviews: a token's name (shown) and id (who it is; null for MODELSTAGE_ADMIN_TOKEN). */
export interface Reviewer {
  name: string;
  tokenId: string | null;
}

export interface PromotionAsk {
  model: string;
  version: string;
  stage: Stage;
  force: boolean;
  reason?: string | null;
}

export const MAX_REASON_LENGTH = 1_000;

export function checkReason(reason: string | null | undefined): ValidationError | undefined {
  if (reason != null && [...reason].length > MAX_REASON_LENGTH) return new ValidationError(`reason must have at most ${MAX_REASON_LENGTH} characters`, 'reason');
  return checkText(reason, 'reason');
}

/**
 * requestPromotion: opens a PENDING request for a move into a stage whose policy needs
 * approvals, or answers the one already open for the same version, stage and force.
 */
export async function requestPromotion(em: EntityManager, asker: Reviewer, ask: PromotionAsk): Promise<PromotionRequest | NotFoundError | StageConflictError | ValidationError> {
  if (ask.stage === 'latest') return new ValidationError('LATEST is virtual and cannot be set', 'stage', 'INVALID_STAGE');
  const invalid = checkReason(ask.reason);
  if (invalid) return invalid;
  const stage: StoredStage = ask.stage;
  return writeTransaction(em, async (tx) => {
    const [row] = await tx.execute(`select m.*, ${requiredApprovalsColumn('m')} from model m where m.name = ? for update of m`, [stage, ask.model]);
    if (!row) return modelNotFound(ask.model);
    const { required_approvals: required, ...modelRow } = row as { required_approvals: number | null };
    if (!required) return new ValidationError(`${stage.toUpperCase()} of ${ask.model} needs no approvals: use setStage`, 'stage', 'INVALID_STAGE');
    const opened = await openRequest(tx, tx.map(Model, modelRow), asker, { ...ask, stage }, required);
    return opened instanceof ModelVersion ? new ValidationError(`version ${opened.name} of ${ask.model} already holds ${stage.toUpperCase()}`, 'version') : opened;
  });
}

/**
 * The hook of setStage and rollbackStage into a stage that needs approvals, run in the move's
 * transaction right after the model lock: instead of moving, open (or answer the open) request.
 * undefined when the version already holds the stage: the move is a no-op and needs nobody.
 */
export async function askForApproval(
  tx: EntityManager,
  model: Model,
  asker: Reviewer,
  ask: Omit<PromotionAsk, 'model'> & { stage: StoredStage },
  required: number,
): Promise<ApprovalRequiredError | NotFoundError | StageConflictError | undefined> {
  const opened = await openRequest(tx, model, asker, { ...ask, model: model.name }, required);
  if (opened instanceof ModelVersion) return undefined;
  if (!(opened instanceof PromotionRequest)) return opened;
  return new ApprovalRequiredError(
    `${ask.stage.toUpperCase()} of ${model.name} needs ${required} approval${required === 1 ? '' : 's'}: nothing moved, a promotion request is open`,
    opened,
  );
}

/** With the model locked: the open request for this move, or a new one. */
async function openRequest(
  tx: EntityManager,
  model: Model,
  asker: Reviewer,
  ask: PromotionAsk & { stage: StoredStage },
  required: number,
): Promise<PromotionRequest | ModelVersion | NotFoundError | StageConflictError> {
  const chosen = chosenVersionQuery(model, parseVersionText(ask.version));
  const rows = await tx.execute<(Record<string, unknown> & { role: string })[]>(
    `with chosen as (${chosen.sql})
     select 'chosen' as role, chosen.* from chosen
     union all select 'holder', h.* from model_version h, chosen where h.model_id = ? and h.stage = ? and h.id <> chosen.id and ?::boolean`,
    [...chosen.params, model.id, ask.stage, isUniqueStage(ask.stage)],
  );
  const byRole = new Map(rows.map(({ role, ...columns }) => [role, tx.map(ModelVersion, columns)]));
  const version = byRole.get('chosen');
  if (!version) return versionNotFound(model.name, ask.version);
  if (version.stage === ask.stage) return version;
  const holder = byRole.get('holder');
  if (holder && !ask.force) {
    return new StageConflictError(
      `version ${holder.name} of ${model.name} holds ${ask.stage.toUpperCase()}; ask with force to archive it when the request is applied`,
      holder,
    );
  }
  const open = await tx.findOne(PromotionRequest, { modelVersion: version.id, stage: ask.stage, force: ask.force, status: 'pending' });
  if (open) return open;
  const request = tx.create(PromotionRequest, {
    model,
    modelVersion: version,
    stage: ask.stage,
    force: ask.force,
    reason: ask.reason ?? null,
    requestedBy: asker.name,
    requestedByTokenId: asker.tokenId,
    requiredApprovals: required,
  });
  await tx.flush();
  await recordRequestChange(tx, request);
  return request;
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
      ...(args.model != null ? { model: { name: args.model } } : {}),
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
