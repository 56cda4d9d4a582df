import {
  AlreadyExistsError,
  ApprovalRequiredError,
  DomainError,
  NotFoundError,
  ReviewRefusedError,
  type ErrorCode,
  PreconditionFailedError,
  StageConflictError,
  ValidationError,
} from '../services/errors.js';
import { builder, type Ref } from './builder.js';
import { ModelVersionRef, PromotionRequestRef } from './refs.js';

export const ErrorCodeEnum = builder.enumType('ErrorCode', {
  values: {
    NOT_FOUND: {},
    ALREADY_EXISTS: {},
    STAGE_CONFLICT: {},
    INVALID_STAGE: {},
    INVALID_INPUT: {},
    PRECONDITION_FAILED: { description: '`expectedHolder` did not name the version that holds the stage.' },
    IDEMPOTENCY_KEY_REUSED: { description: 'An idempotency key the token already used with other arguments.' },
    APPROVAL_REQUIRED: { description: "The stage's policy needs approvals: a promotion request is open instead." },
    REVIEW_REFUSED: {
      description: 'A review the request does not allow: its own requester, a second review by one token, or a request that is no longer PENDING.',
    },
  } satisfies Record<ErrorCode, { description?: string }>,
});

const ErrorInterface = builder.interfaceRef<DomainError>('Error').implement({
  description:
    'Every error that is an expected outcome of a mutation is returned as data and implements Error. Names of models, versions and tokens have 1 to 255 characters and no control characters; within that they are stored verbatim. Connections take `first` from 1 to 100 (default 20); outside that range, and for a malformed `after`, a GraphQL error with code BAD_USER_INPUT.',
  fields: (t) => ({
    message: t.exposeString('message'),
    code: t.field({ type: ErrorCodeEnum, resolve: (error) => error.code }),
  }),
});

function errorType(name: string, errorClass: abstract new (...args: never[]) => DomainError, description?: string) {
  return builder.objectRef<DomainError>(name).implement({
    description,
    interfaces: [ErrorInterface],
    isTypeOf: (value) => value instanceof errorClass,
    fields: () => ({}),
  });
}

export const NotFoundErrorRef = errorType('NotFoundError', NotFoundError);
export const AlreadyExistsErrorRef = errorType('AlreadyExistsError', AlreadyExistsError);
export const ValidationErrorRef = errorType('ValidationError', ValidationError);
builder.objectField(ValidationErrorRef, 'field', (t) => t.string({ nullable: true, description: 'The argument at fault.', resolve: (error) => (error as ValidationError).field }));
export const StageConflictErrorRef = errorType(
  'StageConflictError',
  StageConflictError,
  'The target stage is held by another version and force was not given.',
);
builder.objectField(StageConflictErrorRef, 'holder', (t) =>
  t.field({ type: ModelVersionRef, description: 'The version that holds the stage now.', resolve: (error) => (error as StageConflictError).holder }),
);

export const ApprovalRequiredErrorRef = errorType(
  'ApprovalRequiredError',
  ApprovalRequiredError,
  'The stage needs approvals before a version moves in. Nothing moved; `request` is the open promotion request for this move (opened by this call, or the one already open for it).',
);
builder.objectField(ApprovalRequiredErrorRef, 'request', (t) => t.field({ type: PromotionRequestRef, resolve: (error) => (error as ApprovalRequiredError).request }));
export const ReviewRefusedErrorRef = errorType('ReviewRefusedError', ReviewRefusedError, 'A review refused for its reviewer or the request\'s state. Nothing changed.');
export const PreconditionFailedErrorRef = errorType('PreconditionFailedError', PreconditionFailedError, '`expectedHolder` did not match. Nothing changed.');
builder.objectField(PreconditionFailedErrorRef, 'actualHolder', (t) =>
  t.field({
    type: ModelVersionRef,
    nullable: true,
    description: 'The version that holds the stage now; null when none does.',
    resolve: (error) => (error as PreconditionFailedError).actualHolder,
  }),
);

/**
 * A mutation's result: its success type or one of the listed errors. Success values are plain
 * objects tagged with the success type's name.
 */
export function resultUnion<Success extends object>(
  name: string,
  success: Ref<Success>,
  errors: Ref<DomainError>[],
) {
  return builder.unionType(name, {
    types: [success, ...errors],
    resolveType: (value) => {
      if (!(value instanceof DomainError)) return success.name;
      const match = errors.find((ref) => ref.name === `${value.constructor.name}`);
      if (!match) throw new Error(`${name} cannot hold ${value.constructor.name}`);
      return match.name;
    },
  });
}

/** Wraps a service's success value in its payload object; expected errors pass through as data. */
export function asResult<O, S>(outcome: O, toSuccess: (value: Exclude<O, DomainError>) => S): S | Extract<O, DomainError> {
  return outcome instanceof DomainError ? (outcome as Extract<O, DomainError>) : toSuccess(outcome as Exclude<O, DomainError>);
}
