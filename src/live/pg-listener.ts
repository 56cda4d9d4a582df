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

  /**
   * Gives the connection up and reconnects: for a connection that still looks open but stopped
   * answering (a barrier that never came back).
   */
  reconnect(reason: string): void {
    if (this.client) this.lost(this.client, new Error(reason));
  }

  /** The backend pid of the listening connection (tests terminate it to prove recovery). */
  get backendPid(): number | undefined {
    return (this.client as unknown as { processID?: number } | undefined)?.processID;
  }

  private async connect(): Promise<void> {
    // Keep-alive probes from 10 s of silence on, so that a connection that died without a word
    // (a NAT, a cable) is noticed in about a minute rather than the system's two hours.
    const client = new pg.Client({ connectionString: this.options.url, keepAlive: true, keepAliveInitialDelayMillis: 10_000 });
    client.on('notification', (message) => this.options.channels[message.channel]?.(message.payload));
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      for (const channel of Object.keys(this.options.channels)) await client.query(`listen "${channel}"`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
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
