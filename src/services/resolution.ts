import type { EntityManager } from '@mikro-orm/postgresql';
import { ModelVersion, stageNamed, type Model, type Stage } from '../entities/index.js';
import { BadRequestError } from './errors.js';

/** How a caller names one version: by name or number, or by a stage (LATEST included). */
export type VersionSelector = { version: string; stage?: undefined } | { stage: Stage; version?: undefined };

/** Checks that exactly one of `version` and `stage` was given; `version` reads as every field reads it. */
export function versionSelector(version: string | null | undefined, stage: Stage | null | undefined): VersionSelector {
  if ((version == null) === (stage == null)) throw new BadRequestError('give exactly one of version and stage');
  return version != null ? parseVersionText(version) : { stage: stage! };
}

/**
 * The one grammar of every `version` argument (queries and mutations alike): all digits is a
 * number; a stage name in any case (as ZenML allows: "latest", "production") is that stage;
 * anything else is a name (versionKey tells the number from the name). Version names may be
 * neither, so this is never ambiguous.
 */
export function parseVersionText(version: string): VersionSelector {
  const stage = stageNamed(version);
  return stage ? { stage } : { version };
}

/** The rest of parseVersionText's grammar: all digits is a number; anything else is a name. */
export function versionKey(version: string): { number: number } | { name: string } {
  if (/^\d+$/.test(version)) {
    const number = Number(version);
    return { number: Number.isSafeInteger(number) && number <= 2_147_483_647 ? number : -1 };
  }
  return { name: version };
}

/** A model by id or entity, or by name (resolved in the same query, with a join). */
export type ModelKey = Model | { id: string } | { name: string };

/**
 * The version a selector names, or null. LATEST is the highest number; ARCHIVED and NONE,
 * which many versions may hold, resolve to the highest number in that stage.
 *
 * Written as one SQL statement (a model given by name is joined, not looked up first): this is
 * the hottest read of the API, and MikroORM's query building cost more than the query itself.
 * `em.map` hands back a managed entity refreshed with the row's current values (also inside a
 * transaction that just took a lock).
 */
export async function resolveVersion(em: EntityManager, model: ModelKey, selector: VersionSelector): Promise<ModelVersion | null> {
  const chosen = chosenVersionQuery(model, selector);
  const [row] = await em.execute(chosen.sql, chosen.params);
  return row ? em.map(ModelVersion, row) : null;
}

/** The statement behind `resolveVersion`, for callers that fold it into a larger one. */
export function chosenVersionQuery(model: ModelKey, selector: VersionSelector): { sql: string; params: unknown[] } {
  // Deleted versions (tombstones) are gone from every lookup; so are a deleted model's.
  const conditions: string[] = ['v.deleted_at is null'];
  const params: unknown[] = [];
  if ('id' in model) {
    conditions.push('v.model_id = ?');
    params.push(model.id);
  } else {
    conditions.push('v.model_id = (select id from model where name = ? and deleted_at is null)');
    params.push(model.name);
  }
  if (selector.version !== undefined) {
    const key = versionKey(selector.version);
    conditions.push('number' in key ? 'v.number = ?' : 'v.name = ?');
    params.push('number' in key ? key.number : key.name);
  } else if (selector.stage !== 'latest') {
    conditions.push('v.stage = ?');
    params.push(selector.stage);
  }
  return { sql: `select v.* from model_version v where ${conditions.join(' and ')} order by v.number desc limit 1`, params };
}
