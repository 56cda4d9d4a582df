import type { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, describe, expect, it } from 'vitest';
import { migrate, openOrm } from '../src/db/orm.js';
import { bootstrapAdminToken, findActiveToken } from '../src/services/tokens.js';
import { lowercase, SCOPES } from '../src/vocabulary.js';
import { freshDatabase, sql } from './support/database.js';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function migratedDatabase(): Promise<{ url: string; orm: MikroORM }> {
  const database = await freshDatabase();
  cleanups.push(database.drop);
  const orm = await openOrm(database.url);
  cleanups.push(() => orm.close());
  await migrate(orm, database.url);
  return { url: database.url, orm };
}

describe('the first admin token (a start without MODELSTAGE_ADMIN_TOKEN)', () => {
  it('is created once on an empty database, also when two instances start at once', async () => {
    const { url, orm } = await migratedDatabase();
    const starts = await Promise.all([bootstrapAdminToken(orm.em.fork()), bootstrapAdminToken(orm.em.fork())]);
    const created = starts.flatMap((start) => ('created' in start ? [start.created] : []));
    expect(created).toHaveLength(1);
    expect(starts).toContainEqual({ skipped: 'active token exists' });
    expect(await findActiveToken(orm.em.fork(), created[0]!)).toMatchObject({ name: 'admin', scopes: new Set(SCOPES.map(lowercase)) });
    expect(await bootstrapAdminToken(orm.em.fork())).toEqual({ skipped: 'active token exists' });
    expect(await sql(url, 'select name from api_token')).toEqual([{ name: 'admin' }]);
  });

  it('is not created on a registry filled through MODELSTAGE_ADMIN_TOKEN alone', async () => {
    const { url, orm } = await migratedDatabase();
    await sql(url, "insert into model (name) values ('filled-with-the-environment-token')");
    expect(await bootstrapAdminToken(orm.em.fork())).toEqual({ skipped: 'no usable token' });
    expect(await sql(url, 'select count(*)::int as tokens from api_token')).toEqual([{ tokens: 0 }]);
  });

  it('is not created again once every token was revoked', async () => {
    const { url, orm } = await migratedDatabase();
    expect(await bootstrapAdminToken(orm.em.fork())).toHaveProperty('created');
    await sql(url, 'update api_token set revoked_at = now()');
    expect(await bootstrapAdminToken(orm.em.fork())).toEqual({ skipped: 'no usable token' });
    expect(await sql(url, 'select count(*)::int as tokens from api_token')).toEqual([{ tokens: 1 }]);
  });
});
