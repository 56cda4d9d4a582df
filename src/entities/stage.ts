/** Stages a version can hold. LATEST is virtual and never stored. */
export const STORED_STAGES = ['none', 'staging', 'production', 'archived'] as const;
export type StoredStage = (typeof STORED_STAGES)[number];
export type Stage = StoredStage | 'latest';

/** Stages that at most one version of a model may hold at a time. */
export const UNIQUE_STAGES: readonly StoredStage[] = ['staging', 'production'];

export function isUniqueStage(stage: Stage): stage is 'staging' | 'production' {
  return stage === 'staging' || stage === 'production';
}

export function parseStage(text: string): Stage | undefined {
  const lower = text.trim().toLowerCase();
  return lower === 'latest' || (STORED_STAGES as readonly string[]).includes(lower) ? (lower as Stage) : undefined;
}
