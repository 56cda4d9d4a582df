import { sql } from './database.js';
import type { TestServer } from './server.js';

const RESULT = `
  __typename
  ... on SetStageSuccess {
    modelVersion { name number stage deletedAt }
    archived { name number stage }
    changes { id cursor from to forced displaced actor reason approvedBy transactionId occurredAt modelVersion { name number } }
  }
  ... on SetStagePreview { modelVersion { name number stage } from to archived { name number stage } noop }
  ... on Error { code message }
  ... on ValidationError { field }
  ... on StageConflictError { holder { name number stage } }
  ... on PreconditionFailedError { actualHolder { name number stage } }`;

export const MOVE = `
  mutation($name: String!, $version: String!, $stage: ModelStage!, $force: Boolean, $expectedHolder: String, $dryRun: Boolean, $reason: String, $idempotencyKey: String) {
    setStage(name: $name, version: $version, stage: $stage, force: $force, expectedHolder: $expectedHolder, dryRun: $dryRun, reason: $reason, idempotencyKey: $idempotencyKey) { ${RESULT} }
  }`;

export const ROLLBACK = `
  mutation($name: String!, $stage: ModelStage!, $expectedHolder: String, $dryRun: Boolean, $reason: String, $idempotencyKey: String) {
    rollbackStage(name: $name, stage: $stage, expectedHolder: $expectedHolder, dryRun: $dryRun, reason: $reason, idempotencyKey: $idempotencyKey) { ${RESULT} }
  }`;

export interface MoveArgs {
  name: string;
  version: string;
  stage: string;
  force?: boolean;
  expectedHolder?: string | null;
  dryRun?: boolean;
  reason?: string | null;
  idempotencyKey?: string | null;
}

/** setStage with every argument; answers the result union member. */
export async function move(server: TestServer, args: MoveArgs, token?: string): Promise<any> {
  return (await server.ok<{ setStage: any }>(MOVE, { ...args }, token)).setStage;
}

export async function rollback(server: TestServer, args: Omit<MoveArgs, 'version' | 'force'>, token?: string): Promise<any> {
  return (await server.ok<{ rollbackStage: any }>(ROLLBACK, { ...args }, token)).rollbackStage;
}

/**
 * Everything a refused call must leave as it was: the log, every version's stage, the keys.
 * Compare a snapshot before and after.
 */
export async function snapshot(server: TestServer): Promise<unknown> {
  return sql(
    server.databaseUrl,
    `select (select count(*)::int from stage_change) as log,
            (select coalesce(max(id), 0)::text from stage_change) as head,
            (select string_agg(id || ':' || stage || ':' || coalesce(deleted_at::text, ''), ',' order by id) from model_version) as versions,
            (select count(*)::int from idempotency_key) as keys`,
  );
}
