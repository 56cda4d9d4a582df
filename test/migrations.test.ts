import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { migrate, migrationsList, openOrm } from '../src/db/orm.js';
import { listModels } from '../src/services/models.js';
import { freshDatabase, sql } from './support/database.js';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe('migrations', () => {
  it('two instances migrating one empty database at once both succeed, once', async () => {
    const database = await freshDatabase();
    cleanups.push(database.drop);
    const orms = await Promise.all([openOrm(database.url), openOrm(database.url)]);
    cleanups.push(async () => void (await Promise.all(orms.map((orm) => orm.close()))));
    await Promise.all(orms.map((orm) => migrate(orm, database.url)));
    const applied = await sql<{ name: string }>(database.url, 'select name from mikro_orm_migrations');
    expect(applied.map((row) => row.name)).toEqual(migrationsList.map((migration) => migration.name));
  });

  it('succeed without the search index where pg_trgm cannot be created, and search still works', async () => {
    // A role that may create tables but not extensions (no CREATE on the database).
    const role = `ms_limited_${randomBytes(4).toString('hex')}`;
    const database = await freshDatabase();
    cleanups.push(() => sql(inject('databaseUrl'), `drop role if exists ${role}`).then(() => undefined));
    cleanups.push(database.drop);
    await sql(database.url, `create role ${role} login password 'limited'`);
    await sql(database.url, `grant create on schema public to ${role}`);
    const url = new URL(database.url);
    url.username = role;
    url.password = 'limited';
    const orm = await openOrm(url.toString());
    cleanups.push(() => orm.close());
    await migrate(orm, url.toString());
    expect(await sql(database.url, "select to_regclass('model_name_search') as index, (select count(*)::int from pg_extension where extname = 'pg_trgm') as trgm")).toEqual([
      { index: null, trgm: 0 },
    ]);
    await sql(url.toString(), "insert into model (name) values ('Fraud-Detector'), ('churn')");
    expect((await listModels(orm.em.fork(), { search: 'fraud' })).edges.map((edge) => edge.node.name)).toEqual(['Fraud-Detector']);
  });

  it('leave the database exactly as the entity metadata describes it', async () => {
    const database = await freshDatabase();
    cleanups.push(database.drop);
    const orm = await openOrm(database.url);
    cleanups.push(() => orm.close());
    await migrate(orm, database.url);
    const diff = await orm.schema.getUpdateSchemaSQL({ wrap: false, safe: true });
    expect(diff.trim()).toBe('');
  });
});
