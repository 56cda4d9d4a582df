import type { ModelStage } from './generated/graphql.js';

/** A stage as users type it: the schema's enum value in any case ('production', 'Staging'). */
export type StageInput = ModelStage | Lowercase<ModelStage>;

/** Every ModelStage value; `satisfies` makes the compiler flag one missing from the schema. */
const STAGES = { NONE: true, STAGING: true, PRODUCTION: true, ARCHIVED: true, LATEST: true } satisfies Record<ModelStage, true>;

export const STAGE_NAMES = Object.keys(STAGES).map((stage) => stage.toLowerCase());

/** The schema's value for a stage typed in any case; undefined when it names no stage. */
export function parseStage(input: string): ModelStage | undefined {
  const upper = input.trim().toUpperCase();
  return Object.hasOwn(STAGES, upper) ? (upper as ModelStage) : undefined;
}
