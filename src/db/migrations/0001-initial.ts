import { Migration } from '@mikro-orm/migrations';

/** Models, versions, the stage-change log and API tokens. */
export class Migration0001Initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table "model" (
        "id" bigserial primary key,
        "name" text not null,
        "description" text null,
        "license" text null,
        "audience" text null,
        "use_cases" text null,
        "limitations" text null,
        "trade_offs" text null,
        "ethics" text null,
        "tags" text[] not null default '{}',
        "last_version_number" int not null default 0,
        "created_at" timestamptz not null default now(),
        "updated_at" timestamptz not null default now(),
        constraint "model_name_unique" unique ("name")
      );`);
    this.addSql(`
      create table "model_version" (
        "id" bigserial primary key,
        "model_id" bigint not null constraint "model_version_model_id_foreign" references "model" ("id") on update cascade on delete cascade,
        "name" text not null,
        "number" int not null,
        "stage" text not null default 'none' check ("stage" in ('none', 'staging', 'production', 'archived')),
        "description" text null,
        "tags" text[] not null default '{}',
        "metadata" jsonb null,
        "created_at" timestamptz not null default now(),
        "updated_at" timestamptz not null default now(),
        constraint "model_version_name_unique" unique ("model_id", "name"),
        constraint "model_version_number_unique" unique ("model_id", "number")
      );`);
    this.addSql(`create index "model_version_stage_lookup" on "model_version" ("model_id", "stage", "number");`);
    this.addSql(
      `create unique index model_version_unique_stage_holder on model_version (model_id, stage) where stage in ('staging', 'production');`,
    );
    this.addSql(`
      create table "stage_change" (
        "id" bigserial primary key,
        "model_id" bigint not null constraint "stage_change_model_id_foreign" references "model" ("id") on update cascade on delete cascade,
        "model_version_id" bigint not null constraint "stage_change_model_version_id_foreign" references "model_version" ("id") on update cascade on delete cascade,
        "from_stage" text not null,
        "to_stage" text not null,
        "forced" boolean not null default false,
        "displaced" boolean not null default false,
        "actor" text null,
        "occurred_at" timestamptz not null default now(),
        "transaction_id" text not null
      );`);
    this.addSql(`create index "stage_change_model_cursor" on "stage_change" ("model_id", "id");`);
    this.addSql(`create index "stage_change_version_cursor" on "stage_change" ("model_version_id", "id");`);
    this.addSql(`
      create table "api_token" (
        "id" bigserial primary key,
        "name" text not null,
        "secret_hash" text not null,
        "scopes" text[] not null,
        "created_at" timestamptz not null default now(),
        "revoked_at" timestamptz null,
        constraint "api_token_name_unique" unique ("name"),
        constraint "api_token_secret_hash_unique" unique ("secret_hash")
      );`);
  }
}
