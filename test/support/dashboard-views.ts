import type { ModelView, StageChangeLike, VersionView } from '../../src/dashboard/state/types.js';

/** The dashboard's state modules' inputs, built small for their unit tests. */

export const version = (number: number, stage: VersionView['stage'] = 'NONE', metadata: unknown = null): VersionView => ({
  name: String(number),
  number,
  stage,
  description: null,
  tags: [],
  metadata,
  createdAt: '2026-01-01T00:00:00.000Z',
});

/** A committed change of model `fraud` by `ci`, at cursor `cursor`. */
export const stageChange = (cursor: number, number: number, from: StageChangeLike['from'], to: StageChangeLike['to'], extra: Partial<StageChangeLike> = {}): StageChangeLike => ({
  cursor: String(cursor),
  model: { name: 'fraud' },
  modelVersion: { name: String(number), number },
  from,
  to,
  forced: false,
  displaced: false,
  actor: 'ci',
  occurredAt: '2026-01-01T00:00:00.000Z',
  reason: null,
  approvedBy: [],
  ...extra,
});

/** Model `fraud` with these versions (newest first), its slots filled from their stages. */
export function modelView(versions: VersionView[], extra: Partial<ModelView> = {}): ModelView {
  return {
    name: 'fraud',
    description: null,
    tags: [],
    production: versions.find((v) => v.stage === 'PRODUCTION') ?? null,
    staging: versions.find((v) => v.stage === 'STAGING') ?? null,
    latest: versions[0] ?? null,
    versions,
    feed: [],
    periods: { PRODUCTION: [], STAGING: [] },
    policies: [],
    requests: [],
    ...extra,
  };
}
