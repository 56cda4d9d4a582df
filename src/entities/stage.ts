/** Stages a version can hold. LATEST is virtual and never stored. */
export const STORED_STAGES = ['none', 'staging', 'production', 'archived'] as const;
export type StoredStage = (typeof STORED_STAGES)[number];
export type Stage = StoredStage | 'latest';
/** Every stage, LATEST included. */
export const STAGES: readonly Stage[] = [...STORED_STAGES, 'latest'];

/** Stages that at most one version of a model may hold at a time. */
export const UNIQUE_STAGES: readonly StoredStage[] = ['staging', 'production'];

export function isUniqueStage(stage: Stage): stage is 'staging' | 'production' {
  return stage === 'staging' || stage === 'production';
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
  const lower = text.toLowerCase();
  return STAGES.find((stage) => stage === lower);
}
