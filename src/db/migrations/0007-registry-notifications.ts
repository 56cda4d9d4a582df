import { Migration } from '@mikro-orm/migrations';
import { REGISTRY_CHANNEL } from '../../cache/channels.js';

/**
 * Every change to a model or version row tells every instance which model it touched, on
 * REGISTRY_CHANNEL, from the transaction that makes it (so at commit, never after a rollback):
 * the read cache (cache/registry-cache.ts) drops that model's entries when it hears it.
 *
 * Triggers rather than calls in the services: a cache must know every kind of write, including
 * the promotion function of migration 0006, later migrations and an operator's own SQL. The
 * payload is the model's id; PostgreSQL delivers identical payloads of one transaction once, so a
 * forced promotion (two version rows) or a model's deletion (all its versions) is one message.
 * TRUNCATE fires no row trigger: its statement trigger says '*', "drop everything".
 */
export class Migration0007RegistryNotifications extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create function modelstage_registry_touched() returns trigger language plpgsql as $$
      declare
        touched record;
      begin
        if tg_op = 'TRUNCATE' then
          perform pg_notify('${REGISTRY_CHANNEL}', '*');
          return null;
        end if;
        if tg_op = 'DELETE' then touched := old; else touched := new; end if;
        if tg_table_name = 'model' then
          perform pg_notify('${REGISTRY_CHANNEL}', touched.id::text);
          if tg_op = 'UPDATE' and old.id <> new.id then perform pg_notify('${REGISTRY_CHANNEL}', old.id::text); end if;
        else
          perform pg_notify('${REGISTRY_CHANNEL}', touched.model_id::text);
          -- A version moved to another model (by SQL) leaves the one it left too.
          if tg_op = 'UPDATE' and old.model_id <> new.model_id then perform pg_notify('${REGISTRY_CHANNEL}', old.model_id::text); end if;
        end if;
        return null;
      end $$;`);
    for (const table of ['model', 'model_version']) {
      this.addSql(`
        create trigger ${table}_registry_touched after insert or update or delete on ${table}
        for each row execute function modelstage_registry_touched();`);
      this.addSql(`
        create trigger ${table}_registry_truncated after truncate on ${table}
        for each statement execute function modelstage_registry_touched();`);
      // Also under session_replication_role = replica (pg_restore --disable-triggers, many data
      // migration tools, logical replication's apply): a change they make is still heard.
      this.addSql(`alter table ${table} enable always trigger ${table}_registry_touched;`);
      this.addSql(`alter table ${table} enable always trigger ${table}_registry_truncated;`);
    }
  }

  override async down(): Promise<void> {
    for (const table of ['model', 'model_version']) {
      this.addSql(`drop trigger if exists ${table}_registry_touched on ${table};`);
      this.addSql(`drop trigger if exists ${table}_registry_truncated on ${table};`);
    }
    this.addSql('drop function if exists modelstage_registry_touched();');
  }
}
