import type { DashboardMoveOutcomeFragment } from '../generated/graphql.js';
import { describeApprovalRequired } from './approvals.js';
import { versionLabel } from './format.js';

type VersionRef = { name: string; number: number };

/** What the page shows after asking to move a version (the `setStage`/`rollbackStage` result union, reduced). */
export type PromoteOutcome =
  | { kind: 'done'; stage: string; archived: VersionRef[] }
  /** A dry run's answer: what the same call would do. */
  | { kind: 'preview'; version: VersionRef; from: string; to: string; archived: VersionRef[]; noop: boolean }
  | { kind: 'conflict'; stage: string; holder: VersionRef }
  /** The stage needs approvals: a promotion request is open instead (opened by this call or before). */
  | { kind: 'approval'; stage: string; requiredApprovals: number; approvals: number }
  /** `expectedHolder` no longer matched: someone moved the stage since the preview. */
  | { kind: 'moved'; holder: VersionRef | null }
  | { kind: 'error'; message: string; code?: string };

/** The answer of setStage and rollbackStage as the page selects it (DashboardMoveOutcome). */
export type SetStageAnswer = DashboardMoveOutcomeFragment;

const ref = ({ name, number }: VersionRef): VersionRef => ({ name, number });

export function interpretSetStage(answer: SetStageAnswer): PromoteOutcome {
  switch (answer.__typename) {
    case 'SetStageSuccess':
      return { kind: 'done', stage: answer.modelVersion.stage, archived: answer.archived.map(ref) };
    case 'SetStagePreview':
      return { kind: 'preview', version: ref(answer.modelVersion), from: answer.from, to: answer.to, archived: answer.archived.map(ref), noop: answer.noop };
    case 'StageConflictError':
      return { kind: 'conflict', stage: answer.holder.stage, holder: ref(answer.holder) };
    case 'PreconditionFailedError':
      return { kind: 'moved', holder: answer.actualHolder ? ref(answer.actualHolder) : null };
    case 'ApprovalRequiredError': {
      const { stage, requiredApprovals, reviews } = answer.request;
      return { kind: 'approval', stage, requiredApprovals, approvals: reviews.filter((r) => r.approved).length };
    }
    default:
      return { kind: 'error', message: answer.message, code: answer.code };
  }
}

const list = (versions: VersionRef[]) => versions.map(versionLabel).join(', ');

export function describeOutcome(outcome: PromoteOutcome): string {
  switch (outcome.kind) {
    case 'done':
      return outcome.archived.length > 0 ? `Moved to ${outcome.stage}; archived ${list(outcome.archived)}.` : `Moved to ${outcome.stage}.`;
    case 'preview': {
      if (outcome.noop) return `${versionLabel(outcome.version)} already holds ${outcome.to}: nothing would change.`;
      const archives = outcome.archived.length > 0 ? ` and archives ${list(outcome.archived)}` : '';
      return `Moves ${versionLabel(outcome.version)} from ${outcome.from} to ${outcome.to}${archives}.`;
    }
    case 'conflict':
      return `${outcome.stage} is held by ${versionLabel(outcome.holder)}.`;
    case 'approval':
      return describeApprovalRequired(outcome.stage, outcome);
    case 'moved':
      return `The stage changed since the preview: ${outcome.holder ? `${versionLabel(outcome.holder)} holds it now` : 'no version holds it now'}. Nothing was moved.`;
    case 'error':
      return outcome.message;
  }
}

/**
 * The `expectedHolder` that pins a confirmed preview to what it showed: the version it would
 * archive from the target stage, or "none" when the stage was free. A move in between then
 * fails with PRECONDITION_FAILED instead of archiving a version the user never saw.
 */
export function expectedHolderOf(preview: Extract<PromoteOutcome, { kind: 'preview' }>): string {
  const holder = preview.archived[0];
  return holder ? String(holder.number) : 'none';
}

/** The button that carries out a previewed forced move or rollback: "Force (archives 3)". */
export function confirmLabel(verb: string, preview: Extract<PromoteOutcome, { kind: 'preview' }>): string {
  return preview.archived.length > 0 ? `${verb} (archives ${list(preview.archived)})` : verb;
}

/** The outcome of a call in flight; a failed request (network, FORBIDDEN) is an error outcome too. */
export async function outcomeOf(answer: Promise<SetStageAnswer>): Promise<PromoteOutcome> {
  try {
    return interpretSetStage(await answer);
  } catch (error) {
    return { kind: 'error', message: (error as Error).message };
  }
}
