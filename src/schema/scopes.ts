import { AuthScopeFailureType, type AuthFailure } from '@pothos/plugin-scope-auth';
import { mayChangeModel } from '../services/model-access.js';
import type { Principal } from '../services/tokens.js';

/**
 * The one set of scope rules, as scope-auth evaluates them on every field and as the
 * whole-document mutation check (server/mutation-scopes.ts) evaluates them before anything runs.
 * `model` takes a model's name: false when the token is limited to other models (null, a model
 * the field could not name, grants it: the lookup then answers NOT_FOUND). `everyModel`: the
 * token is not limited to models at all.
 */
export function authScopesOf(principal: Principal) {
  return {
    read: principal.scopes.has('read'),
    write: principal.scopes.has('write'),
    promote: principal.scopes.has('promote'),
    admin: principal.scopes.has('admin'),
    everyModel: principal.models === null,
    model: (name: string | null) => name === null || mayChangeModel(principal.models, name),
  };
}

export type AuthScopeValues = ReturnType<typeof authScopesOf>;
export interface AuthScopeParams {
  read: boolean;
  write: boolean;
  promote: boolean;
  admin: boolean;
  everyModel: boolean;
  model: string | null;
}
type ScopeName = 'read' | 'write' | 'promote' | 'admin';

/** A write on one model: the scope, and the token may change that model. */
export function onModel(scope: ScopeName, modelName: string | null | undefined) {
  return { $all: { [scope]: true, model: modelName ?? null } as Partial<AuthScopeParams> };
}

/**
 * A move of a version of `modelName` into `stage` (setStage, requestPromotion): PRODUCTION, and
 * any forced move, need PROMOTE; every other move needs WRITE. A dry run needs what the real
 * call needs.
 */
export function moveScope(args: { name: string; stage: string; force?: boolean | null }) {
  return onModel(args.stage === 'production' || args.force ? 'promote' : 'write', args.name);
}

export type ScopeRule = Partial<AuthScopeParams> & { $all?: ScopeRule; $any?: ScopeRule };

/**
 * Evaluates a scope map as scope-auth does: a plain map grants when any entry grants, `$all`
 * when every entry does, `$any` when one does; a boolean scope grants when the token holds it
 * (the value in the map is not consulted, as in scope-auth), `model` when the token may change
 * the model named. Answers the failure (scope-auth's own shape) or null when granted.
 */
export function evaluateScopeRule(values: AuthScopeValues, rule: ScopeRule, forAll = false): AuthFailure | null {
  const failures: AuthFailure[] = [];
  const entries = Object.entries(rule) as [keyof ScopeRule, unknown][];
  for (const [key, parameter] of entries) {
    let failure: AuthFailure | null;
    if (key === '$all' || key === '$any') failure = evaluateScopeRule(values, parameter as ScopeRule, key === '$all');
    else if (!(key in values)) failure = { kind: AuthScopeFailureType.AuthScope, scope: key, parameter, error: null };
    else {
      const value = values[key];
      const granted = typeof value === 'function' ? value(parameter as string | null) : value;
      failure = granted ? null : { kind: AuthScopeFailureType.AuthScope, scope: key, parameter, error: null };
    }
    if (failure) failures.push(failure);
    if (!failure && !forAll) return null;
    if (failure && forAll) break;
  }
  if (failures.length === 0) return forAll || entries.length === 0 ? null : { kind: AuthScopeFailureType.AnyAuthScopes, failures };
  return { kind: forAll ? AuthScopeFailureType.AllAuthScopes : AuthScopeFailureType.AnyAuthScopes, failures };
}

/**
 * Why a token was refused a field, in the same words wherever the check runs: the model it may
 * not change, or the scopes that would grant the field, so that whoever holds the token knows
 * what to ask for.
 */
export function refusalMessage(principal: Principal, coordinate: string, failure: AuthFailure | null | undefined): string {
  const leaves = failure ? leavesOf(failure) : [];
  const model = leaves.find((leaf) => leaf.scope === 'model');
  const scopes = [...new Set(leaves.map((leaf) => leaf.scope).filter((scope) => scope !== 'model' && scope !== 'everyModel'))];
  const why = model
    ? `it may not change the model ${JSON.stringify(model.parameter)} (it is limited to ${principal.models?.map((entry) => JSON.stringify(entry)).join(', ')})`
    : scopes.length
      ? `it needs ${scopes.map((scope) => scope.toUpperCase()).join(' or ')}`
      : leaves.some((leaf) => leaf.scope === 'everyModel')
        ? 'it is limited to models'
        : 'it needs a scope it lacks';
  return `the token "${principal.name}" may not use ${coordinate}: ${why}`;
}

/** The single scopes a failure names, in order (a rule can nest $any and $all groups). */
function leavesOf(failure: AuthFailure): { scope: string; parameter: unknown }[] {
  if (failure.kind === AuthScopeFailureType.AuthScope) return [{ scope: failure.scope, parameter: failure.parameter }];
  if (failure.kind === AuthScopeFailureType.AllAuthScopes || failure.kind === AuthScopeFailureType.AnyAuthScopes) return failure.failures.flatMap(leavesOf);
  return [];
}
