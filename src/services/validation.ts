import { stageNamed } from '../entities/index.js';
import { ValidationError } from './errors.js';

export const LIMITS = {
  nameLength: 255,
  textLength: 10_000,
  tagCount: 50,
  tagLength: 255,
  metadataBytes: 64 * 1024,
  metadataDepth: 32,
  reasonLength: 1_000,
  idempotencyKeyLength: 255,
} as const;

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

/** Names of models, versions and tokens: 1 to 255 characters, no control characters, stored verbatim. */
export function checkName(value: string, field: string): ValidationError | undefined {
  if (value.length === 0) return new ValidationError(`${field} must not be empty`, field);
  if ([...value].length > LIMITS.nameLength) return new ValidationError(`${field} must have at most ${LIMITS.nameLength} characters`, field);
  if (CONTROL_CHARACTERS.test(value)) return new ValidationError(`${field} must not contain control characters`, field);
  return undefined;
}

/** A version name also may not be all digits nor a stage name, so lookups are never ambiguous. */
export function checkVersionName(value: string, field = 'name'): ValidationError | undefined {
  const basic = checkName(value, field);
  if (basic) return basic;
  if (/^\d+$/.test(value)) return new ValidationError(`${field} must not be all digits: numbers are given by the registry`, field);
  if (stageNamed(value)) return new ValidationError(`${field} must not be a stage name ("${value}")`, field);
  return undefined;
}

export function checkText(value: string | null | undefined, field: string): ValidationError | undefined {
  if (value == null) return undefined;
  if (value.length > LIMITS.textLength) return new ValidationError(`${field} must have at most ${LIMITS.textLength} characters`, field);
  if (value.includes('\u0000')) return new ValidationError(`${field} must not contain U+0000, which PostgreSQL cannot store`, field);
  return undefined;
}

/** Tags: at most 50, each a valid name; duplicates are dropped, order kept. */
export function normalizeTags(tags: readonly string[] | null | undefined, field = 'tags'): string[] | ValidationError {
  if (tags == null) return [];
  if (tags.length > LIMITS.tagCount) return new ValidationError(`${field} may hold at most ${LIMITS.tagCount} tags`, field);
  for (const tag of tags) {
    const error = checkName(tag, field);
    if (error) return new ValidationError(`each tag: ${error.message.replace(`${field} `, '')}`, field);
  }
  return [...new Set(tags)];
}

/**
 * Metadata is any JSON value (the contract's JSON scalar), usually an object of metrics and
 * parameters, of bounded size and depth.
 */
export function checkMetadata(value: unknown, field = 'metadata'): ValidationError | undefined {
  if (value == null) return undefined;
  if (depthOf(value, LIMITS.metadataDepth) > LIMITS.metadataDepth) return new ValidationError(`${field} nests deeper than ${LIMITS.metadataDepth} levels`, field);
  const json = JSON.stringify(value);
  const bytes = Buffer.byteLength(json);
  if (bytes > LIMITS.metadataBytes) return new ValidationError(`${field} must be at most ${LIMITS.metadataBytes} bytes of JSON, got ${bytes}`, field);
  // An escaped U+0000 (not an escaped backslash followed by "u0000"): jsonb refuses it.
  if (/(^|[^\\])(\\\\)*\\u0000/.test(json)) return new ValidationError(`${field} must not contain U+0000, which PostgreSQL cannot store`, field);
  return undefined;
}

/** Nesting depth, counted no deeper than just past `limit`: hostile nesting cannot exhaust the stack. */
function depthOf(value: unknown, limit: number): number {
  if (value === null || typeof value !== 'object') return 0;
  if (limit < 0) return 1;
  let deepest = 0;
  for (const child of Object.values(value)) deepest = Math.max(deepest, depthOf(child, limit - 1));
  return deepest + 1;
}

/** Any text argument: PostgreSQL cannot store U+0000, so it is refused naming the argument. */
export function checkNoNul(value: string | null | undefined, field: string): ValidationError | undefined {
  return value?.includes('\u0000') ? new ValidationError(`${field} must not contain U+0000`, field) : undefined;
}

/** Optional text of `min` to `max` characters (code points), without U+0000. */
export function checkBoundedText(value: string | null | undefined, field: string, min: number, max: number): ValidationError | undefined {
  if (value == null) return undefined;
  const length = [...value].length;
  if (length < min || length > max) return new ValidationError(`${field} must have ${min > 0 ? `${min} to ` : 'at most '}${max} characters, got ${length}`, field);
  return checkNoNul(value, field);
}
