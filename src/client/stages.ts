import { lowercase, stageNamed, STAGES, type ErrorCode, type Scope, type Stage } from '../vocabulary.js';
import type { ErrorCode as SchemaErrorCode, ModelStage, Scope as SchemaScope } from './generated/graphql.js';

/** A stage as users type it: the schema's enum value in any case ('production', 'Staging'). */
export type StageInput = ModelStage | Lowercase<ModelStage>;

// src/vocabulary.ts holds the lists; these fail to compile when the schema's enums differ from them.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
true satisfies Same<Stage, ModelStage> & Same<Scope, SchemaScope> & Same<ErrorCode, SchemaErrorCode>;

/** Every stage as users type it ('none', 'staging', …). */
export const STAGE_NAMES: readonly string[] = STAGES.map(lowercase);

/** The schema's value for a stage typed in any case; undefined when it names no stage. */
export function parseStage(input: string): ModelStage | undefined {
  return stageNamed(input.trim());
}
