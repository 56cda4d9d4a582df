import type { DashboardSetStageMutation } from '../generated/graphql.js';
import { versionLabel } from './format.js';

/** What the page shows after asking to move a version (the `setStage` result union, reduced). */
export type PromoteOutcome =
  | { kind: 'done'; stage: string; archived: { name: string; number: number }[] }
  | { kind: 'conflict'; stage: string; holder: { name: string; number: number } }
  | { kind: 'error'; message: string };

/** The `setStage` selection the page sends (DashboardSetStage), as the server answers it. */
export type SetStageAnswer = DashboardSetStageMutation['setStage'];

export function interpretSetStage(answer: SetStageAnswer): PromoteOutcome {
  switch (answer.__typename) {
    case 'SetStageSuccess':
      return { kind: 'done', stage: answer.modelVersion.stage, archived: answer.archived.map(({ name, number }) => ({ name, number })) };
    case 'StageConflictError':
      return { kind: 'conflict', stage: answer.holder.stage, holder: { name: answer.holder.name, number: answer.holder.number } };
    default:
      return { kind: 'error', message: 'message' in answer ? answer.message : `unexpected answer: ${answer.__typename}` };
  }
}

export function describeOutcome(outcome: PromoteOutcome): string {
  switch (outcome.kind) {
    case 'done':
      return outcome.archived.length > 0 ? `Moved to ${outcome.stage}; archived ${outcome.archived.map(versionLabel).join(', ')}.` : `Moved to ${outcome.stage}.`;
    case 'conflict':
      return `${outcome.stage} is held by ${versionLabel(outcome.holder)}.`;
    case 'error':
      return outcome.message;
  }
}
