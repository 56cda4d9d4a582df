import type { ModelVersion, PromotionRequest } from '../entities/index.js';
import type { ErrorCode } from '../vocabulary.js';

// The codes themselves are listed once, in src/vocabulary.ts, for the client and dashboard too.
export { ERROR_CODES, type ErrorCode } from '../vocabulary.js';

/**
 * Expected outcomes of an operation. Services return them (never throw them) so the API can
 * answer with them as data.
 */

export abstract class DomainError {
  abstract readonly code: ErrorCode;
  constructor(readonly message: string) {}
}

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
}

export class AlreadyExistsError extends DomainError {
  readonly code = 'ALREADY_EXISTS';
}

export class ValidationError extends DomainError {
  constructor(
    message: string,
    /** The argument at fault. */
    readonly field: string,
    readonly code: 'INVALID_INPUT' | 'INVALID_STAGE' | 'IDEMPOTENCY_KEY_REUSED' = 'INVALID_INPUT',
  ) {
    super(message);
  }
}

export class StageConflictError extends DomainError {
  readonly code = 'STAGE_CONFLICT';
  constructor(
    message: string,
    readonly holder: ModelVersion,
  ) {
    super(message);
  }
}

/** `expectedHolder` did not name the version that holds the stage. Nothing changed. */
export class PreconditionFailedError extends DomainError {
  readonly code = 'PRECONDITION_FAILED';
  constructor(
    message: string,
    /** The version that holds the stage now; null when none does. */
    readonly actualHolder: ModelVersion | null,
  ) {
    super(message);
  }
}

/**
 * A malformed request rather than an outcome: a bad page size or cursor, or a lookup given
 * both or neither of its keys. The API answers with a top-level BAD_USER_INPUT error.
 */
export class BadRequestError extends Error {
  override readonly name = 'BadRequestError';
}

/** No valid token came with the request. */
export class UnauthenticatedError extends Error {
  override readonly name = 'UnauthenticatedError';
}

/** The token is valid but lacks the scope the operation needs. */
export class ForbiddenError extends Error {
  override readonly name = 'ForbiddenError';
}

/** The stage's policy needs approvals: nothing moved, the request is open instead. */
export class ApprovalRequiredError extends DomainError {
  readonly code = 'APPROVAL_REQUIRED';
  constructor(
    message: string,
    readonly request: PromotionRequest,
  ) {
    super(message);
  }
}

/** A review (or cancellation) the request does not allow: who asks, or its state. Nothing changed. */
export class ReviewRefusedError extends DomainError {
  readonly code = 'REVIEW_REFUSED';
}
