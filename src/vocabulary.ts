/**
 * The API's closed vocabularies, spelled as the contract's enums spell them: token scopes, model
 * stages and error codes. Each list is defined here once; the entities, schema, services,
 * client, CLI, dashboard and tests import it (the server stores stages and scopes lowercased:
 * entities/stage.ts and entities/api-token.ts derive those forms from these lists).
 *
 * Dependency-free on purpose: the client is published and the dashboard bundled on their own,
 * and importing this must pull in no server code (and keep the CLI's start-up lean).
 */

/** Token scopes, lowest first: each includes the ones before it (PROMOTE brings WRITE and READ). */
export const SCOPES = ['READ', 'WRITE', 'PROMOTE', 'ADMIN'] as const;
export type Scope = (typeof SCOPES)[number];

/** The stages a version can hold and be moved to, in the contract's order. */
export const SETTABLE_STAGES = ['NONE', 'STAGING', 'PRODUCTION', 'ARCHIVED'] as const;
export type SettableStage = (typeof SETTABLE_STAGES)[number];

/** Every stage: the settable ones and LATEST, which is virtual (the newest version): read, never held. */
export const STAGES = [...SETTABLE_STAGES, 'LATEST'] as const;
export type Stage = (typeof STAGES)[number];

/** Stages that at most one version of a model may hold at a time. */
export const UNIQUE_STAGES = ['STAGING', 'PRODUCTION'] as const satisfies readonly SettableStage[];
export type UniqueStage = (typeof UNIQUE_STAGES)[number];

/** The `code` of every expected failure a mutation answers as data (`enum ErrorCode`). */
export const ERROR_CODES = [
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'STAGE_CONFLICT',
  'INVALID_STAGE',
  'INVALID_INPUT',
  'PRECONDITION_FAILED',
  'IDEMPOTENCY_KEY_REUSED',
  'APPROVAL_REQUIRED',
  'REVIEW_REFUSED',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Every scope the given ones imply (any case accepted), lowest first; unknown names add nothing. */
export function impliedScopes(held: readonly string[]): Scope[] {
  const highest = Math.max(-1, ...held.map((scope) => SCOPES.indexOf(scope.toUpperCase() as Scope)));
  return SCOPES.slice(0, highest + 1);
}

/** The stage `text` is the name of, in any case and nothing else around it; undefined when none. */
export function stageNamed(text: string): Stage | undefined {
  const upper = text.toUpperCase();
  return STAGES.find((stage) => stage === upper);
}

/** A name in the lowercase form the server stores and users type ('production', 'read'). */
export function lowercase<T extends string>(name: T): Lowercase<T> {
  return name.toLowerCase() as Lowercase<T>;
}
