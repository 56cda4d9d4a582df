/**
 * Why the embedded PostgreSQL could not start, in one line that names the folder and the fix.
 * The server prints `message` as it is (no stack): these are the user's setup, not a bug.
 */
export class EmbeddedStartError extends Error {
  override name = 'EmbeddedStartError';
}
