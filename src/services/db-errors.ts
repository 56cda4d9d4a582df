import { UniqueConstraintViolationException } from '@mikro-orm/core';

/** True when the error is PostgreSQL refusing a duplicate under the named unique constraint or index. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (!(error instanceof UniqueConstraintViolationException)) return false;
  return constraint === undefined || String((error as { constraint?: string }).constraint ?? error.message).includes(constraint);
}
