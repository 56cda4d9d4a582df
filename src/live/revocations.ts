/**
 * The one place that knows which open streams belong to which token. Every live stream (a
 * feed's, a multiplexed member's, versionCreated's) registers here; revoking a token ends each
 * of them with the given error, whichever transport carries it.
 */
export class Revocations {
  private readonly streamsByToken = new Map<string, Set<(error: Error) => void>>();

  /** Calls `end` when the token is revoked; returns the function that forgets it again. */
  watch(tokenId: string | null, end: (error: Error) => void): () => void {
    if (tokenId === null) return () => undefined;
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
    for (const end of this.streamsByToken.get(tokenId) ?? []) end(reason);
  }
}
