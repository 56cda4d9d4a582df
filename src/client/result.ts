import type { ErrorCode } from './generated/graphql.js';

/**
 * A refusal reported as a top-level GraphQL error rather than as data: no or a bad token
 * (UNAUTHENTICATED), a missing scope (FORBIDDEN), arguments the schema rejects
 * (BAD_USER_INPUT), or a masked INTERNAL_SERVER_ERROR. Too many failed authentications from one
 * address are UNAUTHENTICATED too, with `reason` RATE_LIMITED.
 */
export interface RequestError {
  __typename: 'RequestError';
  code: 'UNAUTHENTICATED' | 'FORBIDDEN' | 'BAD_USER_INPUT' | 'INTERNAL_SERVER_ERROR' | (string & {});
  message: string;
}

/** The not-found outcome of a lookup query (the schema answers null; we name it). */
export interface NotFoundError {
  __typename: 'NotFoundError';
  code: Extract<ErrorCode, 'NOT_FOUND'>;
  message: string;
}

/** What every call answers: a value, or an expected refusal as data. Never a thrown string. */
export type Result<T, E = never> = { ok: true; value: T } | { ok: false; error: E | RequestError };

/** Any failed result's error: mutation union members (typed by the operation) or a RequestError. */
export type OutcomeError = { __typename: string; code: string; message: string };

/** A mutation result union, split into its `...Success` member and its error members. */
type Typed = { __typename: string };
export type SuccessOf<U extends Typed> = Omit<Extract<U, { __typename: `${string}Success` }>, '__typename'>;
export type FailureOf<U extends Typed> = Exclude<U, { __typename: `${string}Success` }>;

export function success<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function failure<E>(error: E): { ok: false; error: E } {
  return { ok: false, error };
}

export function notFound(message: string): NotFoundError {
  return { __typename: 'NotFoundError', code: 'NOT_FOUND', message };
}

/** Turns a mutation's result union into a Result; its error members stay fully typed. */
export function fromUnion<U extends Typed>(union: U): Result<SuccessOf<U>, FailureOf<U>> {
  if (union.__typename.endsWith('Success')) {
    const { __typename: _, ...value } = union;
    return success(value as unknown as SuccessOf<U>);
  }
  return failure(union as FailureOf<U>);
}

/** Maps a successful result's value; failures pass through unchanged. */
export function mapResult<T, U, E>(result: Result<T, E>, map: (value: T) => U): Result<U, E> {
  return result.ok ? success(map(result.value)) : result;
}

/**
 * Thrown only when no GraphQL answer arrived at all: the server is unreachable, or answered
 * something that is not GraphQL. Every answer the server gives comes back as a Result.
 */
export class ModelstageError extends Error {
  override readonly name = 'ModelstageError';
  constructor(
    message: string,
    readonly kind: 'network' | 'protocol',
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
