import { impliedScopes } from '../../vocabulary.js';
import type { Scope, Stage } from './types.js';

export interface Permissions {
  /** WRITE: move versions to NONE, STAGING or ARCHIVED. */
  canSetStage: boolean;
  /** PROMOTE: move to PRODUCTION. */
  canPromoteToProduction: boolean;
  /** PROMOTE: any forced move (which archives the holder). */
  canForce: boolean;
}

/**
 * Each scope includes the ones before it (contract: `enum Scope`), so a token listing only
 * PROMOTE may still write. The server expands scopes already; doing it here too costs nothing.
 */
export function effectiveScopes(scopes: readonly string[]): Set<Scope> {
  return new Set(impliedScopes(scopes));
}

export function permissionsOf(scopes: readonly string[]): Permissions {
  const have = effectiveScopes(scopes);
  return {
    canSetStage: have.has('WRITE'),
    canPromoteToProduction: have.has('PROMOTE'),
    canForce: have.has('PROMOTE'),
  };
}

/** Whether the token may ask for this target stage (without force). */
export function mayTarget(permissions: Permissions, stage: Stage): boolean {
  return stage === 'PRODUCTION' ? permissions.canPromoteToProduction : permissions.canSetStage;
}

/** ADMIN: the Webhooks page (webhooks and their deliveries need it, reading included). */
export function mayManageWebhooks(scopes: readonly string[]): boolean {
  return effectiveScopes(scopes).has('ADMIN');
}
