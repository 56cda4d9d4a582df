import { Migration } from '@mikro-orm/migrations';

/**
 * A trigram index for searching model names by any part of the name, ignoring case. pg_trgm
 * ships with PostgreSQL (and the embedded one) and is a trusted extension, so a database owner
 * may create it. Where it cannot be created, or the index cannot be built, the migration still
 * succeeds and search works without the index (the server says so at start).
 */
export class Migration0002ModelNameSearch extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      do $$
      declare
        trgm_schema text;
      begin
        create extension if not exists pg_trgm;
        -- The operator class lives where the extension was installed, maybe off the search path.
        select n.nspname into trgm_schema from pg_extension e join pg_namespace n on n.oid = e.extnamespace where e.extname = 'pg_trgm';
        execute format('create index "model_name_search" on "model" using gin ("name" %I.gin_trgm_ops)', trgm_schema);
      exception when others then
        raise notice 'model search runs without its index: %', sqlerrm;
      end $$;`);
  }
}
