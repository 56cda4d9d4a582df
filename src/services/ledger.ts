import type { EntityManager } from '@mikro-orm/postgresql';
import { ModelVersion, StageChange, isUniqueStage, type Model, type Stage } from '../entities/index.js';
import { BadRequestError } from './errors.js';
import { decodeCursor, encodeCursor, pageSize, toPage, type Page } from './pagination.js';

/**
 * The ledger of who held STAGING and PRODUCTION, read from the log. A stay begins with a row
 * moving a version into the stage and ends with that version's next row moving it out.
 *
 * Instants compare at the precision of DateTime, milliseconds: a row's occurredAt is reported
 * truncated to the millisecond (node-postgres drops the microseconds), so "the row happened at
 * or before `at`" is `occurred_at < at + 1 ms`, which the index on (model, stage, occurred_at)
 * serves as a range.
 */

/** One uninterrupted stay of one version in a stage. */
export interface StagePeriod {
  stage: 'staging' | 'production';
  entered: StageChange;
  left: StageChange | null;
}

function checkLedgerStage(stage: Stage): 'staging' | 'production' {
  if (!isUniqueStage(stage)) throw new BadRequestError(`the ledger covers STAGING and PRODUCTION, which one version holds at a time; not ${stage.toUpperCase()}`);
  return stage;
}

/** The version (deleted ones too) that held `stage` at the instant `at`, or null. */
export async function holderAt(em: EntityManager, model: Model, stage: Stage, at: Date): Promise<ModelVersion | null> {
  const ledgerStage = checkLedgerStage(stage);
  const [row] = await em.execute(
    `with entered as (
       select e.id, e.model_version_id from stage_change e
       where e.model_id = ? and e.to_stage = ? and e.occurred_at < ?::timestamptz + interval '1 millisecond'
       order by e.occurred_at desc, e.id desc limit 1
     )
     select v.* from entered join model_version v on v.id = entered.model_version_id
     where not exists (
       select 1 from stage_change l
       where l.model_version_id = entered.model_version_id and l.id > entered.id and l.from_stage = ?
         and l.occurred_at < ?::timestamptz + interval '1 millisecond'
     )`,
    [model.id, ledgerStage, at.toISOString(), ledgerStage, at.toISOString()],
  );
  return row ? em.map(ModelVersion, row) : null;
}

/** Every stay in `stage`, the current or most recent first; `after` resumes behind a period. */
export async function stagePeriods(em: EntityManager, model: Model, stage: Stage, args: { first?: number | null; after?: string | null }): Promise<Page<StagePeriod>> {
  const ledgerStage = checkLedgerStage(stage);
  const limit = pageSize(args.first);
  const after = args.after == null ? undefined : periodCursor(args.after);
  const rows = await em.execute<{ entered_id: string; left_id: string | null }[]>(
    `select e.id as entered_id,
       (select l.id from stage_change l where l.model_version_id = e.model_version_id and l.id > e.id and l.from_stage = ? order by l.id limit 1) as left_id
     from stage_change e
     where e.model_id = ? and e.to_stage = ?
       ${after !== undefined ? 'and (e.occurred_at, e.id) < (select c.occurred_at, c.id from stage_change c where c.id = ?)' : ''}
     order by e.occurred_at desc, e.id desc limit ?`,
    [ledgerStage, model.id, ledgerStage, ...(after !== undefined ? [after] : []), limit + 1],
  );
  const ids = rows.flatMap((row) => (row.left_id ? [row.entered_id, row.left_id] : [row.entered_id]));
  const changes = new Map((ids.length ? await em.find(StageChange, { id: { $in: ids } }) : []).map((change) => [change.id, change]));
  const periods = rows.map((row) => ({
    stage: ledgerStage,
    entered: changes.get(row.entered_id)!,
    left: row.left_id ? changes.get(row.left_id)! : null,
  }));
  return toPage(periods, limit, (period) => encodeCursor('period', period.entered.id), after !== undefined);
}

/** A period's cursor holds the log position of the row that began it. */
function periodCursor(cursor: string): string {
  const id = decodeCursor('period', cursor);
  if (!/^\d{1,18}$/.test(id)) throw new BadRequestError(`after is not a valid cursor for this list: ${JSON.stringify(cursor.slice(0, 100))}`);
  return id;
}
