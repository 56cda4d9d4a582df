import { Migration } from '@mikro-orm/migrations';

/**
 * The ledger (issue 12): a reason and approvers on every log row; tombstones for models and
 * versions, so that deleting one never takes its history along; idempotency keys for setStage;
 * and the indexes that keep holderAt, stagePeriods and rollbackStage flat as the log grows.
 */
export class Migration0003Ledger extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "stage_change" add column "reason" text null, add column "approved_by" text[] not null default '{}';`);
    this.addSql(`alter table "model" add column "deleted_at" timestamptz null;`);
    this.addSql(`alter table "model_version" add column "deleted_at" timestamptz null;`);
    // The log outlives what it names: a hard delete of a model or version it refers to is refused.
    for (const [column, table] of [
      ['model_id', 'model'],
      ['model_version_id', 'model_version'],
    ]) {
      this.addSql(`alter table "stage_change" drop constraint "stage_change_${column}_foreign";`);
      this.addSql(
        `alter table "stage_change" add constraint "stage_change_${column}_foreign" foreign key ("${column}") references "${table}" ("id") on update cascade on delete restrict;`,
      );
    }
    // A deleted model's name is free for a new one; version names and numbers stay unique
    // among every version a model ever had (model_version_*_unique are unchanged).
    this.addSql(`alter table "model" drop constraint "model_name_unique";`);
    this.addSql(`create unique index "model_name_unique" on "model" ("name") where "deleted_at" is null;`);
    this.addSql(`create index "model_name_any" on "model" ("name", "deleted_at");`);
    this.addSql(`create index "stage_change_stage_entries" on "stage_change" ("model_id", "to_stage", "occurred_at", "id");`);
    this.addSql(`create index "stage_change_stage_exits" on "stage_change" ("model_id", "from_stage", "id");`);
    this.addSql(`
      create table "idempotency_key" (
        "owner" text not null,
        "key" text not null,
        "arguments_hash" text not null,
        "change_ids" bigint[] not null,
        "created_at" timestamptz not null default now(),
        constraint "idempotency_key_pkey" primary key ("owner", "key")
      );`);
    this.addSql(`create index "idempotency_key_created" on "idempotency_key" ("created_at");`);
  }
}
