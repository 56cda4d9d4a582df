import pg from 'pg';

export interface PgListenerOptions {
  url: string;
  channels: Record<string, (payload: string | undefined) => void>;
  /** After every (re)connection, once LISTEN is in place: catch up on what may have been missed. */
  onConnected: () => void;
  /** The connection is gone; notifications may be missed until onConnected runs again. */
  onDisconnected: () => void;
  log?: (message: string) => void;
}

/**
 * One dedicated connection per instance for LISTEN (a pooled one could be handed to a query or
 * sit behind PgBouncer, where LISTEN does not work). It reconnects with backoff for as long as
 * the instance runs.
 */
export class PgListener {
  private client: pg.Client | undefined;
  private stopped = false;
  private retryDelayMs = 100;
  private retryTimer: NodeJS.Timeout | undefined;

  constructor(private readonly options: PgListenerOptions) {}

  /** Resolves once listening; the first connection must succeed. */
  async start(): Promise<void> {
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    await this.client?.end().catch(() => undefined);
  }

  /** True while LISTEN is in place; false while reconnecting. */
  get connected(): boolean {
    return this.client !== undefined;
  }

  /**
   * Sends a notification from this connection (in a transaction of its own). Since PostgreSQL
   * delivers notifications in commit order, hearing back one sent here means every notification
   * committed before it was heard first (cache/freshness.ts builds its barrier on that).
   */
  async notify(channel: string, payload: string): Promise<void> {
    if (!this.client) throw new Error('LISTEN is not connected');
    await this.client.query('select pg_notify($1, $2)', [channel, payload]);
  }

  /** The backend pid of the listening connection (tests terminate it to prove recovery). */
  get backendPid(): number | undefined {
    return (this.client as unknown as { processID?: number } | undefined)?.processID;
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.options.url, keepAlive: true });
    client.on('notification', (message) => this.options.channels[message.channel]?.(message.payload));
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    await client.connect();
    // The only transactions of this connection are notify()'s barriers, which need no
    // durability: without this each would wait for a WAL flush (a NOTIFY takes a transaction id).
    await client.query('set synchronous_commit = off');
    for (const channel of Object.keys(this.options.channels)) await client.query(`listen "${channel}"`);
    this.client = client;
    this.retryDelayMs = 100;
    this.options.onConnected();
  }

  private lost(client: pg.Client, error?: Error): void {
    if (this.client !== client || this.stopped) return;
    this.client = undefined;
    this.options.log?.(`LISTEN connection lost${error ? `: ${error.message}` : ''}; reconnecting`);
    this.options.onDisconnected();
    client.end().catch(() => undefined);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.stopped) return;
    this.retryTimer = setTimeout(() => {
      this.connect().catch((error: Error) => {
        this.options.log?.(`LISTEN reconnect failed: ${error.message}`);
        this.retryDelayMs = Math.min(this.retryDelayMs * 2, 5_000);
        this.scheduleReconnect();
      });
    }, this.retryDelayMs);
  }
}
