import { sql } from './database.js';
import { MoveDocument, RollbackDocument, type ModelStage, type MoveResultFragment } from '../generated/graphql.js';
import type { Members } from './members.js';
import type { TestServer } from './server.js';

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

/** What setStage and rollbackStage answer (the MoveResult fragment), every member's fields at hand. */
export type MoveResult = Members<MoveResultFragment>;

/** setStage with every argument (test/operations/ledger.graphql); answers the result union member. */
export async function move(server: TestServer, args: MoveArgs, token?: string): Promise<MoveResult> {
  return (await server.ok(MoveDocument, { ...args, stage: args.stage as ModelStage }, token)).setStage as MoveResult;
}

export async function rollback(server: TestServer, args: Omit<MoveArgs, 'version' | 'force'>, token?: string): Promise<MoveResult> {
  return (await server.ok(RollbackDocument, { ...args, stage: args.stage as ModelStage }, token)).rollbackStage as MoveResult;
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
