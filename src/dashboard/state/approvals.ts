import { versionLabel } from './format.js';
import { effectiveScopes } from './permissions.js';
import { LEDGER_STAGES, type LedgerStage } from './types.js';

/** A rule of a model's stage: moves into it wait for this many approvals. */
export interface PolicyView {
  stage: LedgerStage;
  requiredApprovals: number;
}

export interface ReviewView {
  actor: string;
  approved: boolean;
  comment: string | null;
  at: string;
}

export type RequestStatus = 'PENDING' | 'APPLIED' | 'REJECTED' | 'CANCELLED';

/** A promotion request as the page keeps it (PromotionRequest, its version flattened). */
export interface RequestView {
  id: string;
  version: string;
  number: number;
  stage: LedgerStage;
  force: boolean;
  reason: string | null;
  requestedBy: string;
  status: RequestStatus;
  requiredApprovals: number;
  /** Oldest first. */
  reviews: ReviewView[];
  createdAt: string;
}

/** The signed-in token as the approval rules need it. */
export interface Reviewer {
  name: string;
  scopes: readonly string[];
  /** Models it may change (names, `*` patterns); null: every model. */
  models: readonly string[] | null;
}

export const approvalsWord = (n: number) => `approval${n === 1 ? '' : 's'}`;

/** The badges on a card: "production: 2 approvals", one per stage with a rule, production first. */
export function policyBadges(policies: readonly PolicyView[]): string[] {
  return [...policies]
    .filter((p) => p.requiredApprovals > 0)
    .sort((a, b) => LEDGER_STAGES.indexOf(a.stage) - LEDGER_STAGES.indexOf(b.stage))
    .map((p) => `${p.stage.toLowerCase()}: ${p.requiredApprovals} ${approvalsWord(p.requiredApprovals)}`);
}

export function approvalsOf(request: RequestView): number {
  return request.reviews.filter((r) => r.approved).length;
}

/**
 * Whether a token limited to models may change this one: a name equals an entry, or matches it
 * where `*` stands for any run of characters. Nothing else is special (no `%`, `_` or `?`), as
 * the server reads the same list.
 */
export function mayChangeModel(patterns: readonly string[] | null, model: string): boolean {
  if (patterns === null) return true;
  return patterns.some((pattern) => {
    const parts = pattern.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    return new RegExp(`^${parts.join('.*')}$`, 's').test(model);
  });
}

/**
 * Whether the page offers Approve and Reject, and if not, why: reviews need PROMOTE on the
 * model, never by the requester, once per token, while the request is PENDING. The server
 * checks all of it again; this only keeps buttons that must fail off the page.
 */
export function reviewRight(reviewer: Reviewer, model: string, request: RequestView): { may: true } | { may: false; why: string } {
  if (request.status !== 'PENDING') return { may: false, why: `It is ${request.status.toLowerCase()}.` };
  if (!effectiveScopes(reviewer.scopes).has('PROMOTE')) return { may: false, why: 'Reviewing needs the PROMOTE scope.' };
  if (!mayChangeModel(reviewer.models, model)) return { may: false, why: `This token may not change ${model}.` };
  if (request.requestedBy === reviewer.name) return { may: false, why: 'You asked for it: another token must review it.' };
  const mine = request.reviews.find((r) => r.actor === reviewer.name);
  if (mine) return { may: false, why: `You ${mine.approved ? 'approved' : 'rejected'} it.` };
  return { may: true };
}

/** Open requests as a live change leaves them: a PENDING one added or updated, a decided one gone. */
export function applyRequestChanged(requests: readonly RequestView[], changed: RequestView): RequestView[] {
  const others = requests.filter((r) => r.id !== changed.id);
  if (changed.status !== 'PENDING') return others;
  return [changed, ...others].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
}

/** "3 to PRODUCTION (forced), asked by ci: 1 of 2 approvals" */
export function describeRequest(request: RequestView): string {
  const forced = request.force ? ' (forced)' : '';
  return `${versionLabel({ name: request.version, number: request.number })} to ${request.stage}${forced}, asked by ${request.requestedBy}: ${approvalsOf(request)} of ${request.requiredApprovals} ${approvalsWord(request.requiredApprovals)}`;
}

/** A request's change in words, for the page's live announcement. */
export function describeRequestChange(model: string, request: RequestView): string {
  const what = `${model} version ${request.version} to ${request.stage}`;
  const last = request.reviews.at(-1);
  switch (request.status) {
    case 'PENDING':
      return last ? `${what}: ${last.approved ? 'approved' : 'rejected'} by ${last.actor} (${approvalsOf(request)} of ${request.requiredApprovals})` : `${what}: requested by ${request.requestedBy}, needs ${request.requiredApprovals} ${approvalsWord(request.requiredApprovals)}`;
    case 'APPLIED':
      return `${what}: approved and applied`;
    case 'REJECTED':
      return `${what}: rejected${last ? ` by ${last.actor}` : ''}`;
    case 'CANCELLED':
      return `${what}: cancelled`;
  }
}

/** The page's message after a move into a protected stage opened (or found) a request instead. */
export function describeApprovalRequired(stage: string, request: { requiredApprovals: number; approvals: number }): string {
  return `${stage} needs ${request.requiredApprovals} ${approvalsWord(request.requiredApprovals)}: a promotion request is open (${request.approvals} of ${request.requiredApprovals}). Nothing moves until it is approved.`;
}
