import pg from 'pg';

type Row = Record<string, unknown>;

/**
 * A `pg` pool beside MikroORM's, for the few hot statements that skip the ORM (the reads of
 * services/direct-reads.ts, the one-statement promotion of services/promotion-fast-path.ts).
 *
 * Why: a CPU profile of the read and promotion benchmarks put about a fifth of the server's time
 * per request in knex's per-statement path (pool checkout through tarn, `ensureConnection`,
 * query building) and MikroORM's mapping around statements that are plain SQL already. Each
 * statement here is a named prepared statement: a connection parses and plans a text once, then
 * only binds and executes it.
 *
 * Freshness is the same as through MikroORM's pool: each statement runs on its own (autocommit,
 * READ COMMITTED), after whatever committed before it was sent.
 */
export class DirectPool {
  private readonly pool: pg.Pool;

  constructor(databaseUrl: string, max = 8) {
    // Idle connections go after a while: tests start many instances on one PostgreSQL.
    this.pool = new pg.Pool({ connectionString: databaseUrl, max, idleTimeoutMillis: 10_000 });
    // A connection lost while idle (a restarted server) is replaced on the next query.
    this.pool.on('error', () => undefined);
  }

  /** Runs `sql` (with `?` placeholders, as MikroORM's `execute` takes them) as a named prepared statement. */
  async query<T extends Row = Row>(sql: string, params: unknown[]): Promise<T[]> {
    const statement = prepared(sql);
    const result = await this.pool.query<T>({ name: statement.name, text: statement.text, values: params });
    return result.rows;
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

/** `?` placeholders numbered for PostgreSQL, and a name per text; made once per distinct text. */
const statements = new Map<string, { name: string; text: string }>();
function prepared(sql: string): { name: string; text: string } {
  let statement = statements.get(sql);
  if (!statement) {
    let n = 0;
    statement = { name: `modelstage_${statements.size + 1}`, text: sql.replace(/\?/g, () => `$${++n}`) };
    statements.set(sql, statement);
  }
  return statement;
}
