import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Model, ModelVersion, UNIQUE_STAGES } from '../entities/index.js';
import { isUniqueViolation } from './db-errors.js';
import { AlreadyExistsError, BadRequestError, NotFoundError, StageConflictError, ValidationError } from './errors.js';
import { decodeCursor, encodeCursor, pageSize, toPage, type Page } from './pagination.js';
import { cancelOpenRequests } from './promotion-requests.js';
import { writeTransaction } from './transaction.js';
import { LIMITS, checkName, checkText, normalizeTags } from './validation.js';

/** ZenML's model-card fields, all optional text. */
export const MODEL_CARD_FIELDS = ['description', 'license', 'audience', 'useCases', 'limitations', 'tradeOffs', 'ethics'] as const;
export type ModelCard = Partial<Record<(typeof MODEL_CARD_FIELDS)[number], string | null>>;

export interface RegisterModelInput extends ModelCard {
  name: string;
  tags?: readonly string[] | null;
}

export async function registerModel(em: EntityManager, input: RegisterModelInput): Promise<Model | AlreadyExistsError | ValidationError> {
  const invalid = checkName(input.name, 'name') ?? checkCard(input);
  if (invalid) return invalid;
  const tags = normalizeTags(input.tags);
  if (tags instanceof ValidationError) return tags;
  try {
    return await writeTransaction(em, async (tx) => tx.create(Model, { name: input.name, tags, ...pickCard(input) }));
  } catch (error) {
    if (isUniqueViolation(error, 'model_name_unique')) return new AlreadyExistsError(`a model named ${JSON.stringify(input.name)} already exists`);
    throw error;
  }
}

export interface ModelPatch extends ModelCard {
  tags?: readonly string[] | null;
}

/** Changes the given fields only; `null` clears a card field. */
export async function updateModel(em: EntityManager, name: string, patch: ModelPatch): Promise<Model | NotFoundError | ValidationError> {
  const invalid = checkCard(patch);
  if (invalid) return invalid;
  const tags = patch.tags === undefined ? undefined : normalizeTags(patch.tags);
  if (tags instanceof ValidationError) return tags;
  return writeTransaction(em, async (tx) => {
    const model = await findModel(tx, name);
    if (!model) return modelNotFound(name);
    Object.assign(model, pickCard(patch));
    if (tags !== undefined) model.tags = tags;
    return model;
  });
}

/**
 * Deletes a model: it and its versions become tombstones (deletedAt), gone from every lookup and
 * list while the log keeps their changes, and its name is free for a new model. A model that
 * still serves (a version in STAGING or PRODUCTION) is refused: archive that version first, so
 * nothing live vanishes by accident.
 */
export async function deleteModel(em: EntityManager, name: string): Promise<Model | NotFoundError | StageConflictError> {
  return writeTransaction(em, async (tx) => {
    const model = await tx.findOne(Model, { name, deletedAt: null }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    if (!model) return modelNotFound(name);
    const holder = await tx.findOne(ModelVersion, { model, stage: { $in: [...UNIQUE_STAGES] }, deletedAt: null }, { refresh: true });
    if (holder) {
      return new StageConflictError(`version ${holder.name} of ${name} is in ${holder.stage.toUpperCase()}; archive it before deleting the model`, holder);
    }
    const now = new Date();
    model.deletedAt = now;
    await tx.nativeUpdate(ModelVersion, { model, deletedAt: null }, { deletedAt: now });
    // Requests for its versions (none of which holds STAGING or PRODUCTION) can never be applied now.
    await cancelOpenRequests(tx, { modelId: model.id });
    return model;
  });
}

/** A hot read (every `model(name:)`), so plain SQL mapped to a managed entity; see resolution.ts. */
export async function findModel(em: EntityManager, name: string): Promise<Model | null> {
  const [row] = await em.execute('select * from model where name = ? and deleted_at is null', [name]);
  return row ? em.map(Model, row) : null;
}

export function modelNotFound(name: string): NotFoundError {
  return new NotFoundError(`no model named ${JSON.stringify(name)}`);
}

export interface ModelListArgs {
  first?: number | null;
  after?: string | null;
  /** Keep models whose name contains this text, ignoring case. */
  search?: string | null;
}

/** Models by name, ascending; with `search`, only those whose name contains it (any case). */
export async function listModels(em: EntityManager, args: ModelListArgs): Promise<Page<Model>> {
  const limit = pageSize(args.first);
  const afterName = args.after == null ? undefined : decodeCursor('model', args.after);
  const search = searchPattern(args.search);
  const name: { $gt?: string; $ilike?: string } = {};
  if (afterName !== undefined) name.$gt = afterName;
  if (search !== undefined) name.$ilike = search;
  const rows = await em.find(Model, { deletedAt: null, ...(Object.keys(name).length > 0 ? { name } : {}) }, { orderBy: { name: 'asc' }, limit: limit + 1 });
  return toPage(rows, limit, (model) => encodeCursor('model', model.name), afterName !== undefined);
}

/** A LIKE pattern matching names that contain `search` literally (`%`, `_` and `\` escaped). */
function searchPattern(search: string | null | undefined): string | undefined {
  if (search == null || search === '') return undefined;
  if ([...search].length > LIMITS.nameLength) throw new BadRequestError(`search must have at most ${LIMITS.nameLength} characters`);
  if (search.includes('\u0000')) throw new BadRequestError('search must not contain U+0000');
  return `%${search.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

function checkCard(card: ModelCard): ValidationError | undefined {
  for (const field of MODEL_CARD_FIELDS) {
    const invalid = checkText(card[field], field);
    if (invalid) return invalid;
  }
  return undefined;
}

function pickCard(card: ModelCard): ModelCard {
  const picked: ModelCard = {};
  for (const field of MODEL_CARD_FIELDS) if (card[field] !== undefined) picked[field] = card[field];
  return picked;
}
