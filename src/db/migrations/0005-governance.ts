import { Migration } from '@mikro-orm/migrations';

/**
 * Governance: tokens limited to models, stage policies, promotion requests with their reviews,
 * and the event rows behind `promotionRequestChanged`.
 */
export class Migration0005Governance extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "api_token" add column "models" text[] null;`);
    this.addSql(`
      create table "stage_policy" (
        "id" bigserial primary key,
        "model_id" bigint not null constraint "stage_policy_model_id_foreign" references "model" ("id") on update cascade on delete cascade,
        "stage" text not null,
        "required_approvals" int not null,
        "updated_at" timestamptz not null default now(),
        constraint "stage_policy_model_stage_unique" unique ("model_id", "stage")
      );`);
    this.addSql(`
      create table "promotion_request" (
        "id" bigserial primary key,
        "model_id" bigint not null constraint "promotion_request_model_id_foreign" references "model" ("id") on update cascade on delete cascade,
        "model_version_id" bigint not null constraint "promotion_request_model_version_id_foreign" references "model_version" ("id") on update cascade on delete cascade,
        "stage" text not null,
        "force" boolean not null default false,
        "reason" text null,
        "requested_by" text not null,
        "requested_by_token_id" bigint null,
        "status" text not null default 'pending',
        "required_approvals" int not null,
        "created_at" timestamptz not null default now(),
        "decided_at" timestamptz null,
        "change_ids" text[] not null default '{}'
      );`);
    this.addSql(`create unique index promotion_request_one_open on promotion_request (model_version_id, stage, force) where status = 'pending';`);
    this.addSql(`create index "promotion_request_model_newest" on "promotion_request" ("model_id", "id");`);
    this.addSql(`create index "promotion_request_status_newest" on "promotion_request" ("status", "id");`);
    this.addSql(`
      create table "promotion_review" (
        "id" bigserial primary key,
        "request_id" bigint not null constraint "promotion_review_request_id_foreign" references "promotion_request" ("id") on update cascade on delete cascade,
        "reviewer" text not null,
        "reviewer_token_id" bigint null,
        "approved" boolean not null,
        "comment" text null,
        "at" timestamptz not null default now()
      );`);
    this.addSql(`create unique index promotion_review_once on promotion_review (request_id, coalesce(reviewer_token_id, 0));`);
    this.addSql(`
      create table "promotion_request_event" (
        "id" bigserial primary key,
        "request_id" bigint not null constraint "promotion_request_event_request_id_foreign" references "promotion_request" ("id") on update cascade on delete cascade,
        "at" timestamptz not null default now()
      );`);
  }
}
