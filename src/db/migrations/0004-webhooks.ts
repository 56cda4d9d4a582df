import { Migration } from '@mikro-orm/migrations';
import type { WebhookEventName } from '../../entities/webhook.js';
import { WEBHOOK_CHANNEL, WEBHOOK_ENQUEUE_LOCK_KEY, VERSION_CHANNEL } from '../../webhooks/channels.js';

/**
 * Webhooks and their outbox (webhook_delivery), filled in the event's own transaction.
 *
 * Every producer ends in one function, modelstage_webhook_enqueue(event, items): a stage change
 * and a new version call it from statement triggers (so no code path can forget them, and the
 * promotion path pays no extra round trip), other events (promotion requests) call it through
 * enqueueEvent() in src/webhooks/outbox.ts. It makes one message per matching active webhook,
 * in the order of `items`, and does nothing at all beyond one lookup when no webhook matches.
 *
 * Messages of one webhook must be attempted in commit order, and a bigserial is drawn at insert,
 * not at commit: the function takes the stage log's append lock (live/stage-log.ts) before
 * drawing ids, so ids become visible in commit order exactly as the log's cursors do (a stage
 * change already holds it; re-taking it is free). It is held only to commit, and only by
 * transactions that make messages.
 */
export class Migration0004Webhooks extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table "webhook" (
        "id" bigserial primary key,
        "url" text not null,
        "events" text[] not null,
        "model_id" bigint null constraint "webhook_model_id_foreign" references "model" ("id") on update cascade on delete cascade,
        "description" text null,
        "active" boolean not null default true,
        "secret" text not null,
        "previous_secret" text null,
        "previous_secret_until" timestamptz null,
        "created_at" timestamptz not null default now()
      );`);
    this.addSql(`
      create table "webhook_delivery" (
        "id" bigserial primary key,
        "webhook_id" bigint not null constraint "webhook_delivery_webhook_id_foreign" references "webhook" ("id") on update cascade on delete cascade,
        "event" text not null,
        "message_id" text not null,
        "payload" jsonb not null,
        "status" text not null default 'pending' check ("status" in ('pending', 'delivered', 'failed')),
        "in_line" boolean not null default true,
        "redeliver" boolean not null default false,
        "attempts" int not null default 0,
        "created_at" timestamptz not null default now(),
        "last_attempt_at" timestamptz null,
        "last_response_status" int null,
        "last_error" text null,
        "next_attempt_at" timestamptz null,
        "leased_until" timestamptz null,
        "delivered_at" timestamptz null
      );`);
    this.addSql(`create index "webhook_delivery_queue" on "webhook_delivery" ("webhook_id", "id") where in_line;`);
    this.addSql(`create index "webhook_delivery_log" on "webhook_delivery" ("webhook_id", "status", "id");`);
    this.addSql(`create index "webhook_delivery_redeliver" on "webhook_delivery" ("id") where redeliver;`);
    this.addSql(`create index "webhook_delivery_created" on "webhook_delivery" ("created_at");`);
    // Who created a version, for the version.created message's actor.
    this.addSql(`alter table "model_version" add column "created_by" text null;`);

    this.addSql(`
      create function modelstage_time(t timestamptz) returns text language sql immutable as
      $$ select to_char(t at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') $$;`);
    this.addSql(`
      create function modelstage_webhook_enqueue(p_event text, p_items jsonb) returns int language plpgsql as $$
      declare
        made int;
      begin
        if not exists (select 1 from webhook w where w.active and p_event = any (w.events)) then
          return 0;
        end if;
        perform pg_advisory_xact_lock(${WEBHOOK_ENQUEUE_LOCK_KEY});
        insert into webhook_delivery (webhook_id, event, message_id, payload, next_attempt_at)
        select w.id, p_event, 'msg_' || replace(gen_random_uuid()::text, '-', ''), i.item -> 'body', now()
        from jsonb_array_elements(p_items) with ordinality as i (item, ord)
        join webhook w on w.active and p_event = any (w.events)
          and (w.model_id is null or w.model_id = (i.item ->> 'modelId')::bigint)
        order by i.ord, w.id;
        get diagnostics made = row_count;
        if made > 0 then
          perform pg_notify('${WEBHOOK_CHANNEL}', '');
        end if;
        return made;
      end $$;`);
    // A new version tells versionCreated subscribers (the ids, read back after commit).
    this.addSql(`
      create function modelstage_version_created_notify() returns trigger language plpgsql as $$
      declare
        ids text;
      begin
        select string_agg(n.id::text, ',' order by n.id) into ids from new_rows n;
        if ids is not null and length(ids) < 7000 then
          perform pg_notify('${VERSION_CHANNEL}', ids);
        end if;
        return null;
      end $$;`);
    this.addSql(`
      create trigger model_version_created_notify after insert on model_version
      referencing new table as new_rows for each statement execute function modelstage_version_created_notify();`);

    // reason and approved_by are read through to_jsonb, so this works with and without the
    // ledger's migration (0003) that adds them.
    for (const spec of [
      {
        table: 'stage_change',
        event: 'stage_changed',
        type: 'stage.changed',
        at: 'n.occurred_at',
        joins: 'join model m on m.id = n.model_id join model_version v on v.id = n.model_version_id',
        data: `'cursor', n.id::text, 'model', m.name, 'version', v.name, 'number', v.number,
          'from', upper(n.from_stage), 'to', upper(n.to_stage), 'forced', n.forced, 'displaced', n.displaced,
          'actor', n.actor, 'reason', to_jsonb(n) -> 'reason',
          'approvedBy', coalesce(nullif(to_jsonb(n) -> 'approved_by', 'null'::jsonb), '[]'::jsonb),
          'occurredAt', modelstage_time(n.occurred_at), 'transactionId', n.transaction_id`,
      },
      {
        table: 'model_version',
        event: 'version_created',
        type: 'version.created',
        at: 'n.created_at',
        joins: 'join model m on m.id = n.model_id',
        data: `'model', m.name, 'version', n.name, 'number', n.number, 'actor', n.created_by, 'createdAt', modelstage_time(n.created_at)`,
      },
    ] as const) {
      for (const statement of producer(spec)) this.addSql(statement);
    }
  }
}

/**
 * One producer: a statement trigger on `table` that turns its new rows (`n`) into `event`
 * messages, `{type, timestamp, data}` built in SQL in the contract's form. When no active webhook
 * wants the event it stops after one lookup, before building anything.
 */
function producer(spec: { table: string; event: WebhookEventName; type: string; at: string; joins: string; data: string }): string[] {
  const fn = `modelstage_${spec.table}_messages`;
  return [
    `create function ${fn}() returns trigger language plpgsql as $$
     begin
       if not exists (select 1 from webhook w where w.active and '${spec.event}' = any (w.events)) then
         return null;
       end if;
       perform modelstage_webhook_enqueue('${spec.event}', (
         select jsonb_agg(jsonb_build_object('modelId', n.model_id, 'body', jsonb_build_object(
           'type', '${spec.type}', 'timestamp', modelstage_time(${spec.at}), 'data', jsonb_build_object(${spec.data})
         )) order by n.id)
         from new_rows n ${spec.joins}));
       return null;
     end $$;`,
    `create trigger ${spec.table}_webhook_messages after insert on ${spec.table}
     referencing new table as new_rows for each statement execute function ${fn}();`,
  ];
}
