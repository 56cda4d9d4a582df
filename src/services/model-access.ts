import { ValidationError } from './errors.js';
import { checkName } from './validation.js';

/** Entries one token may be limited to; more would make every check slow for little use. */
export const MAX_MODEL_ENTRIES = 100;

/**
 * The `models` a token is limited to, as createApiToken got them: each entry a valid name
 * (where `*` is just a character), at least one. null: every model.
 */
export function checkModelEntries(models: readonly string[] | null | undefined): readonly string[] | null | ValidationError {
  if (models == null) return null;
  if (models.length === 0) return new ValidationError('models must name at least one model or pattern; leave it out (null) for every model', 'models');
  if (models.length > MAX_MODEL_ENTRIES) return new ValidationError(`models may hold at most ${MAX_MODEL_ENTRIES} entries`, 'models');
  for (const entry of models) {
    const error = checkName(entry, 'models');
    if (error) return new ValidationError(`each entry of models: ${error.message.replace('models ', '')}`, 'models');
  }
  return [...new Set(models)];
}

/**
 * Whether a token limited to `models` may change the model called `name`. An entry equals the
 * name or matches it as a pattern where `*` stands for any run of characters (none included).
 * Matched here, not in SQL, so no other character (`%`, `_`, `\`, regex syntax) is special.
 */
export function mayChangeModel(models: readonly string[] | null, name: string): boolean {
  return models === null || models.some((entry) => entry === name || (entry.includes('*') && matchesPattern(entry, name)));
}

function matchesPattern(pattern: string, name: string): boolean {
  const [head, ...rest] = pattern.split('*');
  const tail = rest.pop()!;
  if (!name.startsWith(head!) || name.length < head!.length + tail.length || !name.endsWith(tail)) return false;
  // The middle parts in order, each as early as it fits: greedy-free, linear in the name.
  let at = head!.length;
  const end = name.length - tail.length;
  for (const part of rest) {
    const found = name.indexOf(part, at);
    if (found < 0 || found + part.length > end) return false;
    at = found + part.length;
  }
  return true;
}
