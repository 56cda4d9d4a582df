import {
  ApprovePromotionDocument,
  CancelPromotionDocument,
  PromotionRequestDocument,
  PromotionRequestsDocument,
  RejectPromotionDocument,
  RequestPromotionDocument,
  SetStagePolicyDocument,
  type ApprovePromotionMutation,
  type ModelStage,
  type PromotionRequestStatus,
  type RequestFieldsFragment,
} from './generated/graphql.js';
import type { execute } from './http.js';
import { failure, fromUnion, mapResult, notFound, success, type NotFoundError, type Result } from './result.js';

export type PromotionRequest = RequestFieldsFragment;
export type { PromotionRequestStatus };

type ReviewUnion = ApprovePromotionMutation['review'];
type Request = <TData, TVariables>(document: Parameters<typeof execute<TData, TVariables>>[1], variables: TVariables) => Promise<Result<TData>>;

/** How `requests.wait` ended: the request as it last was, and whether time ran out first. */
export interface WaitOutcome {
  request: PromotionRequest;
  timedOut: boolean;
}

/** Stage policies and promotion requests: mixed into the client by index.ts. */
export function governanceClient(request: Request) {
  /** The three review mutations answer one union under one alias, `review`. */
  const reviewed = (answered: Result<{ review: ReviewUnion }>) => (answered.ok ? mapResult(fromUnion(answered.value.review), (s) => s.request) : answered);
  const get = async (id: string): Promise<Result<PromotionRequest, NotFoundError>> => {
    const found = await request(PromotionRequestDocument, { id });
    if (!found.ok) return found;
    const node = found.value.node;
    return node?.__typename === 'PromotionRequest' ? success(node) : failure(notFound(`no promotion request with id ${id}`));
  };
  return {
    /** `requiredApprovals` moves into `stage` (STAGING or PRODUCTION) need; 0 removes the rule. */
    setStagePolicy: async (model: string, stage: ModelStage, requiredApprovals: number) => {
      const answered = await request(SetStagePolicyDocument, { model, stage, requiredApprovals });
      return answered.ok ? mapResult(fromUnion(answered.value.setStagePolicy), (s) => s.model) : answered;
    },
    requests: {
      /** Opens (or answers the open) request to move a version into a protected stage. */
      open: async (name: string, version: string, stage: ModelStage, options: { force?: boolean; reason?: string } = {}) => {
        const answered = await request(RequestPromotionDocument, { name, version, stage, ...options });
        return answered.ok ? mapResult(fromUnion(answered.value.requestPromotion), (s) => s.request) : answered;
      },
      get,
      /** One page, newest first. */
      page: async (args: { model?: string; status?: PromotionRequestStatus; first?: number; after?: string } = {}) => {
        const answered = await request(PromotionRequestsDocument, args);
        return mapResult(answered, (d) => ({
          nodes: d.promotionRequests.edges.map((edge) => edge.node),
          hasNextPage: d.promotionRequests.pageInfo.hasNextPage,
          endCursor: d.promotionRequests.pageInfo.endCursor ?? null,
        }));
      },
      approve: async (id: string, comment?: string) => reviewed(await request(ApprovePromotionDocument, { id, comment })),
      reject: async (id: string, comment?: string) => reviewed(await request(RejectPromotionDocument, { id, comment })),
      /** Its requester withdraws it. */
      cancel: async (id: string) => reviewed(await request(CancelPromotionDocument, { id })),
      /**
       * Polls the request until it leaves PENDING or `timeoutMs` passes. A failed read ends the
       * wait with its error.
       */
      wait: async (id: string, { timeoutMs, intervalMs = 1_000 }: { timeoutMs: number; intervalMs?: number }): Promise<Result<WaitOutcome, NotFoundError>> => {
        const deadline = Date.now() + timeoutMs;
        for (;;) {
          const found = await get(id);
          if (!found.ok) return found;
          if (found.value.status !== 'PENDING') return success({ request: found.value, timedOut: false });
          const left = deadline - Date.now();
          if (left <= 0) return success({ request: found.value, timedOut: true });
          await new Promise((resolve) => setTimeout(resolve, Math.min(intervalMs, left)));
        }
      },
    },
  };
}
