import {
  HolderAtDocument,
  RollbackStageDocument,
  SetStageDocument,
  StagePeriodsDocument,
  type ModelStage,
  type SetStageOutcomeFragment,
  type StagePeriodsQuery,
} from './generated/graphql.js';
import type { execute } from './http.js';
import { failure, notFound, success, type NotFoundError, type Result } from './result.js';

type Request = <TData, TVariables>(document: Parameters<typeof execute<TData, TVariables>>[1], variables: TVariables) => Promise<Result<TData>>;

/** setStage's and rollbackStage's options besides the stage. */
export interface MoveOptions {
  /** Only move when this version (name or number) holds the stage now; 'none': when none does. */
  expectedHolder?: string | number;
  /** Kept on every StageChange the call commits (at most 1,000 characters). */
  reason?: string;
  /** Per token: a retry with the same key and arguments answers the first call's changes. */
  idempotencyKey?: string;
}

export type SetStageSuccess = Omit<Extract<SetStageOutcomeFragment, { __typename: 'SetStageSuccess' }>, '__typename'>;
export type SetStagePreview = Omit<Extract<SetStageOutcomeFragment, { __typename: 'SetStagePreview' }>, '__typename'>;
/** Every error a move can answer, PreconditionFailedError (with `actualHolder`) included. */
export type SetStageFailure = Exclude<SetStageOutcomeFragment, { __typename: 'SetStageSuccess' | 'SetStagePreview' }>;
export type StagePeriod = NonNullable<StagePeriodsQuery['model']>['stagePeriods']['edges'][number]['node'];

/** A move's answer: the success (or, for a dry run, the preview) or one of its errors. */
function fromMove<S extends SetStageOutcomeFragment['__typename']>(outcome: SetStageOutcomeFragment, answer: S) {
  const { __typename, ...value } = outcome;
  if (__typename === answer) return success(value as unknown as Omit<Extract<SetStageOutcomeFragment, { __typename: S }>, '__typename'>);
  // A dry run never commits; a real call never previews: the other answer cannot arrive.
  if (__typename === 'SetStageSuccess' || __typename === 'SetStagePreview') throw new Error(`unexpected ${__typename}`);
  return failure(outcome as SetStageFailure);
}

function moveVariables(options: MoveOptions) {
  return { expectedHolder: options.expectedHolder === undefined ? undefined : String(options.expectedHolder), reason: options.reason, idempotencyKey: options.idempotencyKey };
}

/** Moves a version (by name or number) to a stage, or with `dryRun` previews the move. */
export function moveVersion(request: Request, name: string, version: string, stage: ModelStage, options: MoveOptions & { force?: boolean }) {
  const variables = { name, version, stage, force: options.force ?? false, ...moveVariables(options) };
  return {
    run: async (): Promise<Result<SetStageSuccess, SetStageFailure>> =>
      andThenMove(await request(SetStageDocument, { ...variables, dryRun: false }), (d) => fromMove(d.setStage, 'SetStageSuccess')),
    preview: async (): Promise<Result<SetStagePreview, SetStageFailure>> =>
      andThenMove(await request(SetStageDocument, { ...variables, dryRun: true }), (d) => fromMove(d.setStage, 'SetStagePreview')),
  };
}

/** The ledger's calls on one model: rollback, the periods of a stage, the holder at an instant. */
export function modelLedger(request: Request, name: string, toStage: (stage: string) => ModelStage) {
  const rollbackWith = (stage: string, options: MoveOptions, dryRun: boolean) =>
    request(RollbackStageDocument, { name, stage: toStage(stage), dryRun, ...moveVariables(options) });
  return {
    /** Puts back the version that held `stage` before (forced; needs PROMOTE). */
    rollback: async (stage: string, options: MoveOptions = {}): Promise<Result<SetStageSuccess, SetStageFailure>> =>
      andThenMove(await rollbackWith(stage, options, false), (d) => fromMove(d.rollbackStage, 'SetStageSuccess')),
    previewRollback: async (stage: string, options: MoveOptions = {}): Promise<Result<SetStagePreview, SetStageFailure>> =>
      andThenMove(await rollbackWith(stage, options, true), (d) => fromMove(d.rollbackStage, 'SetStagePreview')),
    /** One page of the stays in `stage` (STAGING or PRODUCTION), the current or latest first. */
    holdersPage: async (stage: string, args: { first?: number; after?: string } = {}) =>
      andThenMove(await request(StagePeriodsDocument, { name, stage: toStage(stage), ...args }), (d) =>
        d.model
          ? success({
              nodes: d.model.stagePeriods.edges.map((edge) => edge.node),
              hasNextPage: d.model.stagePeriods.pageInfo.hasNextPage,
              endCursor: d.model.stagePeriods.pageInfo.endCursor ?? null,
            })
          : failure(notFound(`no model called ${name}`))),
    /** The version that held `stage` at the instant `at` (deleted ones too), or null. */
    holderAt: async (stage: string, at: Date | string): Promise<Result<SetStageSuccess['modelVersion'] | null, NotFoundError>> =>
      andThenMove(await request(HolderAtDocument, { name, stage: toStage(stage), at: typeof at === 'string' ? at : at.toISOString() }), (d) =>
        d.model ? success(d.model.holderAt ?? null) : failure(notFound(`no model called ${name}`))),
  };
}

function andThenMove<T, E, U, F>(result: Result<T, E>, next: (value: T) => Result<U, F>): Result<U, E | F> {
  return result.ok ? next(result.value) : result;
}
