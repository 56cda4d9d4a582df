import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Model, ModelVersion, isUniqueStage, type Stage } from '../entities/index.js';
import { isUniqueViolation } from './db-errors.js';
import { AlreadyExistsError, NotFoundError, StageConflictError, ValidationError } from './errors.js';
import { findModel, modelNotFound } from './models.js';
import { decodeNumberCursor, encodeCursor, pageSize, toPage, type Page } from './pagination.js';
import { parseVersionText, resolveVersion } from './resolution.js';
import { cancelOpenRequests } from './promotion-requests.js';
import { writeTransaction } from './transaction.js';
import { checkMetadata, checkText, checkVersionName, normalizeTags } from './validation.js';

export interface CreateVersionInput {
  model: string;
  name?: string | null;
  description?: string | null;
  tags?: readonly string[] | null;
  metadata?: unknown;
  /** Name of the token creating it (the version.created webhook message's actor). */
  actor?: string | null;
}

/**
 * A new version, numbered after the highest number the model ever had. The model row is
 * locked first, so concurrent creations take numbers one after another and never collide.
 */
export async function createVersion(em: EntityManager, input: CreateVersionInput): Promise<ModelVersion | NotFoundError | AlreadyExistsError | ValidationError> {
  const invalid =
    (input.name != null ? checkVersionName(input.name) : undefined) ?? checkText(input.description, 'description') ?? checkMetadata(input.metadata);
  if (invalid) return invalid;
  const tags = normalizeTags(input.tags);
  if (tags instanceof ValidationError) return tags;
  try {
    return await writeTransaction(em, async (tx) => {
      const model = await tx.findOne(Model, { name: input.model, deletedAt: null }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      if (!model) return modelNotFound(input.model);
      // Deleted versions included: a name, like a number, is never given again within a model.
      if (input.name != null && (await tx.count(ModelVersion, { model, name: input.name })) > 0) {
        return versionExists(input.model, input.name);
      }
      model.lastVersionNumber += 1;
      const number = model.lastVersionNumber;
      return tx.create(ModelVersion, {
        model,
        number,
        name: input.name ?? String(number),
        description: input.description ?? null,
        tags,
        metadata: input.metadata ?? null,
        createdBy: input.actor ?? null,
      });
    });
  } catch (error) {
    if (isUniqueViolation(error, 'model_version_name_unique')) return versionExists(input.model, input.name ?? '');
    throw error;
  }
}

export interface VersionPatch {
  description?: string | null;
  tags?: readonly string[] | null;
  metadata?: unknown;
}

/** Changes the given fields only. Stages change through setStage alone. */
export async function updateVersion(em: EntityManager, modelName: string, version: string, patch: VersionPatch): Promise<ModelVersion | NotFoundError | ValidationError> {
  const invalid = checkText(patch.description, 'description') ?? (patch.metadata !== undefined ? checkMetadata(patch.metadata) : undefined);
  if (invalid) return invalid;
  const tags = patch.tags === undefined ? undefined : normalizeTags(patch.tags);
  if (tags instanceof ValidationError) return tags;
  return writeTransaction(em, async (tx) => {
    const found = await findVersion(tx, modelName, version);
    if (found instanceof NotFoundError) return found;
    if (patch.description !== undefined) found.description = patch.description;
    if (patch.metadata !== undefined) found.metadata = patch.metadata;
    if (tags !== undefined) found.tags = tags;
    return found;
  });
}

/**
 * Deletes a version: it becomes a tombstone (deletedAt), gone from lookups and lists while the
 * log keeps its changes; its name and number are never given again. A version in STAGING or
 * PRODUCTION is refused (archive it first): deleting what serves must be a deliberate, logged
 * stage change, not a side effect.
 */
export async function deleteVersion(em: EntityManager, modelName: string, version: string): Promise<ModelVersion | NotFoundError | StageConflictError> {
  return writeTransaction(em, async (tx) => {
    const model = await tx.findOne(Model, { name: modelName, deletedAt: null }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    if (!model) return modelNotFound(modelName);
    const found = await resolveVersion(tx, model, parseVersionText(version));
    if (!found) return versionNotFound(modelName, version);
    if (isUniqueStage(found.stage)) {
      return new StageConflictError(`version ${found.name} of ${modelName} is in ${found.stage.toUpperCase()}; archive it before deleting it`, found);
    }
    found.deletedAt = new Date();
    await tx.flush();
    // Its open promotion requests can never be applied now.
    await cancelOpenRequests(tx, { versionId: found.id });
    return found;
  });
}

export async function findVersion(em: EntityManager, modelName: string, version: string): Promise<ModelVersion | NotFoundError> {
  const model = await findModel(em, modelName);
  if (!model) return modelNotFound(modelName);
  return (await resolveVersion(em, model, parseVersionText(version))) ?? versionNotFound(modelName, version);
}

/** A model's versions, newest first, optionally in one stored stage (LATEST: only the newest). */
export async function listVersions(em: EntityManager, modelId: string, args: { first?: number | null; after?: string | null; stage?: Stage | null }): Promise<Page<ModelVersion>> {
  const limit = pageSize(args.first);
  const before = args.after == null ? undefined : decodeNumberCursor('version', args.after);
  if (args.stage === 'latest') {
    const latest = before === undefined ? await resolveVersion(em, { id: modelId }, { stage: 'latest' }) : null;
    return toPage(latest ? [latest] : [], limit, (v) => encodeCursor('version', v.number), before !== undefined);
  }
  const rows = await em.find(
    ModelVersion,
    { model: modelId, deletedAt: null, ...(args.stage ? { stage: args.stage } : {}), ...(before !== undefined ? { number: { $lt: before } } : {}) },
    { orderBy: { number: 'desc' }, limit: limit + 1 },
  );
  return toPage(rows, limit, (v) => encodeCursor('version', v.number), before !== undefined);
}

export function versionNotFound(modelName: string, version: string): NotFoundError {
  return new NotFoundError(`model ${JSON.stringify(modelName)} has no version ${JSON.stringify(version)}`);
}

function versionExists(modelName: string, name: string): AlreadyExistsError {
  return new AlreadyExistsError(`model ${JSON.stringify(modelName)} already has a version named ${JSON.stringify(name)}`);
}
