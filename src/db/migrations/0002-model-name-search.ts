import { Migration } from '@mikro-orm/migrations';

/**
 * A trigram index for searching model names by any part of the name, ignoring case. pg_trgm
 * ships with PostgreSQL (and the embedded one) and is a trusted extension, so a database owner
 * may create it; where it cannot be created, search still works, without the index.
 */
export class Migration0002ModelNameSearch extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      do $$ begin
        create extension if not exists pg_trgm;
      exception when others then
        raise notice 'pg_trgm is not available (%): model search runs without its index', sqlerrm;
      end $$;`);
    this.addSql(`
      do $$ begin
        if exists (select 1 from pg_extension where extname = 'pg_trgm') then
          create index "model_name_search" on "model" using gin ("name" gin_trgm_ops);
        end if;
      end $$;`);
  }
}
