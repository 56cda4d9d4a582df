import { GraphQLError } from 'graphql';
import { TooManyFailuresError } from '../services/auth.js';
import { BadRequestError, ForbiddenError, UnauthenticatedError } from '../services/errors.js';
import { withoutSuggestions } from './limits.js';

/**
 * The one place where failures become what a client sees. Expected refusals keep their message
 * and get a code; anything else is masked, and logged without SQL, stack or secrets.
 */
export function toClientError(error: unknown, log: (line: string) => void, options: { suggestions?: boolean } = {}): GraphQLError {
  const original = error instanceof GraphQLError && error.originalError ? error.originalError : error;
  if (original instanceof TooManyFailuresError) {
    // Still UNAUTHENTICATED, as the contract promises for a missing or bad token; the reason
    // and the 429 tell a client that waiting will help.
    return coded(original.message, 'UNAUTHENTICATED', 429, error, { 'Retry-After': String(original.retryAfterSeconds) }, { reason: 'RATE_LIMITED' });
  }
  if (original instanceof UnauthenticatedError) return coded(original.message, 'UNAUTHENTICATED', 401, error);
  if (original instanceof ForbiddenError) return coded(original.message, 'FORBIDDEN', 403, error);
  if (original instanceof BadRequestError) return coded(original.message, 'BAD_USER_INPUT', 400, error);
  if (original instanceof GraphQLError) return clientMistake(original, options.suggestions ?? false);
  if (isUnstorableText(original)) return coded('text may not contain U+0000, which PostgreSQL cannot store', 'BAD_USER_INPUT', 400, error);
  const reference = Math.random().toString(36).slice(2, 10);
  log(`unexpected error ${reference}: ${describe(original)}`);
  return new GraphQLError(`Unexpected error (reference ${reference}).`, {
    path: error instanceof GraphQLError ? error.path : undefined,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  });
}

/**
 * GraphQL's own errors: a document or variables the schema refuses. Those without a code and a
 * path are variable values that do not fit their type: BAD_USER_INPUT.
 */
function clientMistake(error: GraphQLError, suggestions: boolean): GraphQLError {
  const message = suggestions ? error.message : withoutSuggestions(error.message);
  const code = error.extensions.code ?? (error.path ? undefined : 'BAD_USER_INPUT');
  if (message === error.message && code === error.extensions.code) return error;
  return new GraphQLError(message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    extensions: { ...error.extensions, code },
  });
}

function coded(message: string, code: string, status: number, source: unknown, headers?: Record<string, string>, details?: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, {
    path: source instanceof GraphQLError ? source.path : undefined,
    extensions: { code, ...details, http: { status, headers } },
  });
}

/**
 * PostgreSQL refuses U+0000 in text (a protocol error as a parameter, 22P05 in JSON). Stored
 * values are checked before they are written; this catches the lookups, which no value with it
 * could ever match anyway.
 */
function isUnstorableText(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof Error && (code === '22P05' || (code === '08P01' && /invalid message format/.test(error.message)));
}

/** Class name, database error code and the driver's last sentence: never the SQL text, a stack or a secret. */
export function describe(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const code = (error as { code?: unknown }).code;
  const sentence = error.message.split(' - ').at(-1)?.slice(0, 200) ?? '';
  return `${error.name}${typeof code === 'string' ? ` [${code}]` : ''}: ${sentence.replace(/mst_[A-Za-z0-9_-]+/g, 'mst_…').replace(/whsec_[A-Za-z0-9+/=]+/g, 'whsec_…')}`;
}
