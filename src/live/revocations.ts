/**
 * The one place that knows which open streams belong to which token. Every live stream (a
 * feed's, a multiplexed member's, versionCreated's) registers here; revoking a token ends each
 * of them with the given error, whichever transport carries it.
 */
export class Revocations {
  private readonly streamsByToken = new Map<string, Set<(error: Error) => void>>();
  /**
   * Tokens revoked while this instance ran, with the error their streams ended with: a stream
   * authenticated just before its token's revocation was heard, but registered after, ends too.
   */
  private readonly revoked = new Map<string, Error>();

  /** Calls `end` when the token is revoked (at once if it was already); returns the function that forgets it again. */
  watch(tokenId: string | null, end: (error: Error) => void): () => void {
    if (tokenId === null) return () => undefined;
    const reason = this.revoked.get(tokenId);
    if (reason) {
      queueMicrotask(() => end(reason));
      return () => undefined;
    }
    let streams = this.streamsByToken.get(tokenId);
    if (!streams) this.streamsByToken.set(tokenId, (streams = new Set()));
    streams.add(end);
    return () => {
      streams.delete(end);
      if (streams.size === 0 && this.streamsByToken.get(tokenId) === streams) this.streamsByToken.delete(tokenId);
    };
  }

  /** Ends every open stream of a revoked token. */
  revoke(tokenId: string, reason: Error): void {
    // Tokens are few and revoked once; past this many, the oldest are forgotten.
    if (this.revoked.size >= 10_000) this.revoked.delete(this.revoked.keys().next().value!);
    this.revoked.set(tokenId, reason);
    for (const end of this.streamsByToken.get(tokenId) ?? []) end(reason);
  }
}
