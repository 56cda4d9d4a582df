import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ApiToken, Model, type Scope } from '../entities/index.js';
import { impliedScopes as impliedScopeNames, lowercase } from '../vocabulary.js';
import { isUniqueViolation } from './db-errors.js';
import { AlreadyExistsError, NotFoundError, ValidationError } from './errors.js';
import { checkModelEntries } from './model-access.js';
import { writeTransaction } from './transaction.js';
import { checkName } from './validation.js';

/** Told to every instance when a token is revoked; the payload is the token's id. */
export const TOKEN_CHANNEL = 'modelstage_tokens';
const TOKEN_PREFIX = 'mst_';
const BOOTSTRAP_LOCK_KEY = 0x6d73_746b; // "mstk"

/** Who is calling, with every scope their token implies. */
export interface Principal {
  /** Null for the MODELSTAGE_ADMIN_TOKEN, which lives in the environment, not the database. */
  tokenId: string | null;
  name: string;
  scopes: ReadonlySet<Scope>;
  /** The models it may change (names and `*` patterns, see model-access.ts); null: every model. */
  models: readonly string[] | null;
}

/** Each scope includes the ones before it: PROMOTE brings WRITE and READ. */
export function impliedScopes(scopes: readonly Scope[]): Scope[] {
  return impliedScopeNames(scopes).map(lowercase);
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** 32 random bytes behind a recognizable prefix, so leaked tokens are easy to scan for. */
export function newSecret(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

/** Shaped like a secret from newSecret(): worth a lookup even from an address that failed often. */
export function isGeneratedSecret(secret: string): boolean {
  return /^mst_[A-Za-z0-9_-]{43}$/.test(secret);
}

/**
 * The name of the administrator token: MODELSTAGE_ADMIN_TOKEN's wherever a token's name appears
 * (`actor`, logs), and the first start's. Kept from every other token, so one name never stands
 * for two tokens in the log.
 */
export const ADMIN_TOKEN_NAME = 'admin';

/** A token made through the API (createApiToken): every name but the administrator's. */
export async function createToken(
  em: EntityManager,
  name: string,
  scopes: readonly Scope[],
  models?: readonly string[] | null,
): Promise<{ secret: string; token: ApiToken } | AlreadyExistsError | ValidationError> {
  if (name === ADMIN_TOKEN_NAME) {
    return new AlreadyExistsError(`a token named ${JSON.stringify(name)} already exists: it is the administrator token (MODELSTAGE_ADMIN_TOKEN, or the one a first start creates)`);
  }
  return insertToken(em, name, scopes, models);
}

async function insertToken(
  em: EntityManager,
  name: string,
  scopes: readonly Scope[],
  models?: readonly string[] | null,
): Promise<{ secret: string; token: ApiToken } | AlreadyExistsError | ValidationError> {
  const invalid = checkName(name, 'name');
  if (invalid) return invalid;
  if (scopes.length === 0) return new ValidationError('scopes must name at least one scope', 'scopes');
  const limitedTo = checkModelEntries(models);
  if (limitedTo instanceof ValidationError) return limitedTo;
  const secret = newSecret();
  try {
    const token = await writeTransaction(em, async (tx) => tx.create(ApiToken, { name, secretHash: hashSecret(secret), scopes: impliedScopes(scopes), models: limitedTo === null ? null : [...limitedTo] }));
    return { secret, token };
  } catch (error) {
    if (isUniqueViolation(error, 'api_token_name_unique')) return new AlreadyExistsError(`a token named ${JSON.stringify(name)} already exists`);
    throw error;
  }
}

/**
 * Revokes a token at once, here and (through the notification) on every other instance. `id` is
 * the database id (undefined when the caller's id named no token); `shownAs` is the id as the
 * caller gave it, for the message.
 */
export async function revokeToken(em: EntityManager, id: string | undefined, shownAs = id ?? ''): Promise<ApiToken | NotFoundError> {
  return writeTransaction(em, async (tx) => {
    const token = id !== undefined && /^\d{1,18}$/.test(id) ? await tx.findOne(ApiToken, { id }) : null;
    if (!token) return new NotFoundError(`no token with id ${JSON.stringify(shownAs)}`);
    if (!token.revokedAt) {
      token.revokedAt = new Date();
      await tx.flush();
      await tx.execute('select pg_notify(?, ?)', [TOKEN_CHANNEL, token.id]);
    }
    return token;
  });
}

export function listTokens(em: EntityManager): Promise<ApiToken[]> {
  return em.find(ApiToken, {}, { orderBy: { id: 'asc' } });
}

/** The active token with this secret, or null. */
export async function findActiveToken(em: EntityManager, secret: string): Promise<Principal | null> {
  if (!secret.startsWith(TOKEN_PREFIX) || secret.length > 200) return null;
  const token = await em.findOne(ApiToken, { secretHash: hashSecret(secret), revokedAt: null });
  return token ? { tokenId: token.id, name: token.name, scopes: new Set(token.scopes), models: token.models } : null;
}

/** Compares in constant time, so the admin token cannot be guessed byte by byte. */
export function matchesSecret(given: string, expected: string): boolean {
  return timingSafeEqual(Buffer.from(hashSecret(given), 'hex'), Buffer.from(hashSecret(expected), 'hex'));
}

/** What a start without MODELSTAGE_ADMIN_TOKEN did about the first admin token. */
export type Bootstrap = { created: string } | { skipped: 'active token exists' | 'no usable token' };

/**
 * On the first start on an empty database (no token, no model), without MODELSTAGE_ADMIN_TOKEN,
 * creates an admin token and returns its secret, to be printed once. A registry that was filled
 * through MODELSTAGE_ADMIN_TOKEN alone gets none: printing a fresh admin secret whenever the
 * variable is left out would hand out a key on any restart. An advisory lock keeps two instances
 * starting together from both creating one.
 */
export async function bootstrapAdminToken(em: EntityManager): Promise<Bootstrap> {
  return writeTransaction(em, async (tx) => {
    await tx.execute('select pg_advisory_xact_lock(?)', [BOOTSTRAP_LOCK_KEY]);
    if ((await tx.count(ApiToken, { revokedAt: null })) > 0) return { skipped: 'active token exists' };
    // Tokens once made, all revoked, or models made with MODELSTAGE_ADMIN_TOKEN alone.
    if ((await tx.count(ApiToken, {})) > 0 || (await tx.count(Model, {})) > 0) return { skipped: 'no usable token' };
    const created = await insertToken(tx, ADMIN_TOKEN_NAME, ['admin']);
    if (!('secret' in created)) throw new Error(`could not create the first admin token: ${created.message}`);
    return { created: created.secret };
  });
}
