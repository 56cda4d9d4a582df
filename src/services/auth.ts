import type { MikroORM } from '@mikro-orm/postgresql';
import { SCOPES } from '../entities/index.js';
import { UnauthenticatedError } from './errors.js';
import { ADMIN_TOKEN_NAME, findActiveToken, hashSecret, isGeneratedSecret, matchesSecret, type Principal } from './tokens.js';

const ADMIN: Principal = { tokenId: null, name: ADMIN_TOKEN_NAME, scopes: new Set(SCOPES), models: null };

export interface AuthenticatorOptions {
  adminToken?: string;
  /** Failed authentications allowed per client address within `failureWindowMs`. */
  maxFailures: number;
  failureWindowMs?: number;
}

/** Thrown when an address has failed to authenticate too often. */
export class TooManyFailuresError extends UnauthenticatedError {
  constructor(readonly retryAfterSeconds: number) {
    super(`too many failed authentications from this address; retry in ${retryAfterSeconds} s`);
  }
}

/**
 * Turns a bearer secret into a Principal. Valid tokens are cached by secret hash, so the hot
 * path costs no query; the cache is dropped whenever any token is revoked (on any instance,
 * through the token notification) and whenever the notification connection was down, and it
 * answers a request only after the request's freshness check (so a revocation that answered on
 * another instance before the request arrived is always heard first).
 */
export class Authenticator {
  private readonly valid = new Map<string, Principal>();
  /**
   * Bumped whenever the cache is dropped: a lookup keeps its answer only if it began after the
   * last drop, since one that began before may have read the token just before its revocation.
   */
  private generation = 0;
  private readonly failures = new Map<string, { count: number; resetAt: number }>();
  private readonly maxFailures: number;
  private readonly windowMs: number;
  /** While false, a revocation may have gone unheard: do not trust the cache. */
  cacheTrusted = false;

  constructor(
    private readonly orm: MikroORM,
    private readonly options: AuthenticatorOptions,
  ) {
    this.maxFailures = options.maxFailures;
    this.windowMs = options.failureWindowMs ?? 60_000;
  }

  /**
   * `fresh`: this instance has heard every revocation that answered before the request arrived
   * (cache/freshness.ts), so the cache may answer; without it the token is looked up.
   */
  async authenticate(authorization: string | null | undefined, clientAddress: string, fresh: boolean): Promise<Principal> {
    const secret = parseBearer(authorization);
    const key = secret === undefined ? undefined : hashSecret(secret);
    const cached = key !== undefined && this.cacheTrusted && fresh ? this.valid.get(key) : undefined;
    if (cached) return cached;
    // The environment's admin token is compared in constant time and without a lookup, even for
    // a blocked address, so that its operators are never locked out (choose a long random one).
    if (secret !== undefined && this.options.adminToken !== undefined && matchesSecret(secret, this.options.adminToken)) return this.remember(key!, ADMIN);
    // A blocked address gets no lookup, so guessing gains nothing; except for secrets shaped like
    // the ones this server makes: 256 random bits cannot be guessed, and valid clients sharing the
    // address (a NAT, a proxy) keep working.
    const blockedFor = this.blockedFor(clientAddress);
    if (blockedFor > 0 && !(secret !== undefined && isGeneratedSecret(secret))) throw new TooManyFailuresError(blockedFor);
    const generation = this.generation;
    const principal = secret === undefined ? null : await findActiveToken(this.orm.em.fork(), secret);
    if (!principal) {
      this.recordFailure(clientAddress);
      if (blockedFor > 0) throw new TooManyFailuresError(blockedFor);
      throw new UnauthenticatedError(secret === undefined ? 'send a token: Authorization: Bearer <token>' : 'the token is unknown or revoked');
    }
    return this.remember(key!, principal, generation);
  }

  private remember(key: string, principal: Principal, generation = this.generation): Principal {
    if (this.cacheTrusted && generation === this.generation) this.valid.set(key, principal);
    return principal;
  }

  /** A token was revoked somewhere, or notifications may have been missed. */
  forgetTokens(): void {
    this.valid.clear();
    this.generation += 1;
  }

  /** Seconds until the address may try again, or 0 when it is not blocked. */
  private blockedFor(address: string): number {
    const entry = this.failures.get(address);
    if (!entry) return 0;
    const now = Date.now();
    if (entry.resetAt <= now) this.failures.delete(address);
    else if (entry.count >= this.maxFailures) return Math.max(1, Math.ceil((entry.resetAt - now) / 1000));
    return 0;
  }

  private recordFailure(address: string): void {
    const now = Date.now();
    const entry = this.failures.get(address);
    if (!entry || entry.resetAt <= now) {
      if (this.failures.size > 100_000) this.pruneFailures(now);
      this.failures.set(address, { count: 1, resetAt: now + this.windowMs });
    } else entry.count += 1;
  }

  private pruneFailures(now: number): void {
    for (const [address, entry] of this.failures) if (entry.resetAt <= now) this.failures.delete(address);
  }
}

export function parseBearer(authorization: string | null | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  return match?.[1];
}
