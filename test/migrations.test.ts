import { afterAll, describe, expect, it } from 'vitest';
import { migrate, openOrm } from '../src/db/orm.js';
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
    expect(applied.map((row) => row.name)).toEqual(['0001-initial', '0002-model-name-search']);
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
