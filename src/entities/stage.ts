import {
  lowercase,
  SETTABLE_STAGES,
  stageNamed as stageNamedInVocabulary,
  STAGES as STAGE_NAMES,
  UNIQUE_STAGES as UNIQUE_STAGE_NAMES,
  type SettableStage,
  type Stage as StageName,
  type UniqueStage,
} from '../vocabulary.js';

// The lists live in src/vocabulary.ts as the contract spells them; the server stores them lowercased.

/** Stages a version can hold. LATEST is virtual and never stored. */
export const STORED_STAGES: readonly StoredStage[] = SETTABLE_STAGES.map(lowercase);
export type StoredStage = Lowercase<SettableStage>;
export type Stage = Lowercase<StageName>;
/** Every stage, LATEST included. */
export const STAGES: readonly Stage[] = STAGE_NAMES.map(lowercase);

/** Stages that at most one version of a model may hold at a time. */
export const UNIQUE_STAGES: readonly StoredStage[] = UNIQUE_STAGE_NAMES.map(lowercase);

export function isUniqueStage(stage: Stage): stage is Lowercase<UniqueStage> {
  return UNIQUE_STAGES.includes(stage as StoredStage);
}

/** A stage as users type it on a command line: its name in any case, spaces around allowed. */
export function parseStage(text: string): Stage | undefined {
  return stageNamed(text.trim());
}

/**
 * The stage `text` is the name of, in any case and nothing else around it, as a `version`
 * argument reads it. Version names may never be one (validation.ts), so that is unambiguous.
 */
export function stageNamed(text: string): Stage | undefined {
  const stage = stageNamedInVocabulary(text);
  return stage && lowercase(stage);
}
