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
import { builder } from './builder.js';
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

/*
 * One object type per DomainError class, named after it. Fields list the classes they may
 * answer (`errors: { types }`, or `builder.errorUnion`); the errors plugin turns a returned or
 * thrown instance of a listed class into that union member, and leaves anything else an error.
 */

builder.objectType(NotFoundError, { name: 'NotFoundError', interfaces: [ErrorInterface], fields: () => ({}) });
builder.objectType(AlreadyExistsError, { name: 'AlreadyExistsError', interfaces: [ErrorInterface], fields: () => ({}) });
builder.objectType(ValidationError, {
  name: 'ValidationError',
  interfaces: [ErrorInterface],
  fields: (t) => ({ field: t.string({ nullable: true, description: 'The argument at fault.', resolve: (error) => error.field }) }),
});
builder.objectType(StageConflictError, {
  name: 'StageConflictError',
  description: 'The target stage is held by another version and force was not given.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ holder: t.field({ type: ModelVersionRef, description: 'The version that holds the stage now.', resolve: (error) => error.holder }) }),
});
builder.objectType(ApprovalRequiredError, {
  name: 'ApprovalRequiredError',
  description:
    'The stage needs approvals before a version moves in. Nothing moved; `request` is the open promotion request for this move (opened by this call, or the one already open for it).',
  interfaces: [ErrorInterface],
  fields: (t) => ({ request: t.field({ type: PromotionRequestRef, resolve: (error) => error.request }) }),
});
builder.objectType(ReviewRefusedError, {
  name: 'ReviewRefusedError',
  description: "A review refused for its reviewer or the request's state. Nothing changed.",
  interfaces: [ErrorInterface],
  fields: () => ({}),
});
builder.objectType(PreconditionFailedError, {
  name: 'PreconditionFailedError',
  description: '`expectedHolder` did not match. Nothing changed.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    actualHolder: t.field({
      type: ModelVersionRef,
      nullable: true,
      description: 'The version that holds the stage now; null when none does.',
      resolve: (error) => error.actualHolder,
    }),
  }),
});

/**
 * A service's success value, or its expected error thrown for the errors plugin to answer as
 * data. The plugin would accept the error returned too, but its types let a resolver return
 * only the success shape.
 */
export function orThrow<O>(outcome: O): Exclude<O, DomainError> {
  if (outcome instanceof DomainError) throw outcome;
  return outcome as Exclude<O, DomainError>;
}
