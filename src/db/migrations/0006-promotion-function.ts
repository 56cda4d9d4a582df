import { Migration } from '@mikro-orm/migrations';

/**
 * `modelstage_set_stage`: the common promotion (setStage by version name or number, forced or
 * not, without expectedHolder, dry run, idempotency key or approvals) in one statement, so in one
 * round trip and one transaction of its own (see services/promotion-fast-path.ts for when it is
 * used and why).
 *
 * It makes exactly the changes moveInTransaction (services/promotion.ts) makes, in the same
 * order: the model row locked first (so promotions of one model run one after another); then,
 * in statements of their own (a VOLATILE function takes a new snapshot per statement under READ
 * COMMITTED, so each sees what the promotion before it committed), the target stage's policy,
 * the version (locked), the holder archived (with force), the version moved, and under the log's
 * advisory lock the log rows appended in one insert (so the webhook outbox's statement trigger
 * fires once, as for moveInTransaction) with the NOTIFY that PostgreSQL delivers at commit.
 *
 * Whenever the call would not commit a move (no such model or version, a policy asks for
 * approvals, the version already holds the stage, a holder without force) it changes nothing
 * and answers 'fallback': the caller then runs the general path, which gives the same answer
 * and error as ever, since those cases are not the hot path.
 */
export class Migration0006PromotionFunction extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create function modelstage_set_stage(
        p_model text, p_number int, p_name text, p_stage text, p_force boolean,
        p_actor text, p_reason text, p_now timestamptz, p_log_lock bigint, p_channel text
      ) returns table (role text, data jsonb)
      language plpgsql volatile as $$
      #variable_conflict use_column
      declare
        m model%rowtype;
        required int;
        chosen model_version%rowtype;
        holder model_version%rowtype;
        archived model_version%rowtype;
        moved model_version%rowtype;
      begin
        select * into m from model where name = p_model and deleted_at is null for update;
        if not found then return query select 'fallback'::text, null::jsonb; return; end if;
        select p.required_approvals into required from stage_policy p where p.model_id = m.id and p.stage = p_stage;
        if coalesce(required, 0) > 0 then return query select 'fallback'::text, null::jsonb; return; end if;
        if p_number is not null then
          select v.* into chosen from model_version v where v.model_id = m.id and v.number = p_number and v.deleted_at is null for update;
        else
          select v.* into chosen from model_version v where v.model_id = m.id and v.name = p_name and v.deleted_at is null for update;
        end if;
        if chosen.id is null or chosen.stage = p_stage then return query select 'fallback'::text, null::jsonb; return; end if;
        if p_stage in ('staging', 'production') then
          select h.* into holder from model_version h where h.model_id = m.id and h.stage = p_stage;
          if holder.id is not null then
            if not p_force then return query select 'fallback'::text, null::jsonb; return; end if;
            update model_version set stage = 'archived', updated_at = p_now where id = holder.id returning * into archived;
          end if;
        end if;
        update model_version set stage = p_stage, updated_at = p_now where id = chosen.id returning * into moved;
        perform pg_advisory_xact_lock(p_log_lock);
        return query
          with log_appended as (
            insert into stage_change (model_id, model_version_id, from_stage, to_stage, forced, displaced, actor, reason, approved_by, transaction_id, occurred_at)
            select m.id, r.version_id, r.from_stage, r.to_stage, p_force, r.displaced, p_actor, p_reason, '{}', pg_current_xact_id()::text, clock_timestamp()
            from (values (1, archived.id, p_stage, 'archived', true), (2, chosen.id, chosen.stage, p_stage, false)) as r(ord, version_id, from_stage, to_stage, displaced)
            where r.version_id is not null
            order by r.ord
            returning *
          ),
          log_notified as (select pg_notify(p_channel, (select max(id) from log_appended)::text) as sent)
          select 'model'::text, to_jsonb(m)
          union all select 'version', to_jsonb(moved)
          union all select 'archived', to_jsonb(archived) where archived.id is not null
          union all (select 'change', to_jsonb(l) from log_appended l, log_notified order by l.id);
      end $$;`);
  }

  override async down(): Promise<void> {
    this.addSql('drop function if exists modelstage_set_stage(text, int, text, text, boolean, text, text, timestamptz, bigint, text);');
  }
}
