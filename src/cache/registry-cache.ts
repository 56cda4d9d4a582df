import type { Stage } from '../entities/index.js';
import type { RegistryRows, Row } from '../services/direct-reads.js';
import { versionKey, type VersionSelector } from '../services/resolution.js';

/** What the cache holds of one model: its row (once looked up by name) and the versions asked of it. */
interface ModelEntry {
  row?: Row;
  /** By selector ('s:production', 'n:3', 'v:<name>'); null when no version answers it. */
  versions: Map<string, Row | null>;
}

/** When a load began: its rows may be kept only if nothing touched their model since. */
interface Ticket {
  epoch: number;
  heard: number;
}

/** A load in flight, which later reads of the same rows may share (see `shared`). */
interface Flight {
  ticket: Ticket;
  /** Unknown while a model is looked up by name. */
  modelId?: string;
  rows: Promise<Row | null>;
}

/**
 * This instance's copy of the rows behind the hottest reads: models by name, and per model the
 * version a selector names (PRODUCTION's holder, LATEST, version 3, …). It answers exactly what
 * PostgreSQL would (services/direct-reads.ts's DatabaseRows, which loads what it lacks).
 *
 * Why it is never stale, in three parts:
 *
 * 1. Every change to a model or version row, by any code on any instance, notifies
 *    REGISTRY_CHANNEL with its model's id from its own transaction (migration 0007), so at
 *    commit. `heard` drops that model's entries.
 * 2. A request may read from the cache only after FreshnessBarrier.fresh() answered true, for a
 *    barrier sent after the request arrived (build-app.ts waits for it before anything else).
 *    A write that answered before the request arrived committed before the barrier was sent, so
 *    its notification was heard, and its model's entries dropped, before the barrier came back.
 * 3. What a load brings back is kept only if no notification for its model was heard since the
 *    load began (`admits`). A write that its snapshot missed committed after the load began, so
 *    its notification is heard either before the rows arrive (they are not kept) or after (it
 *    drops them). Either way no entry outlives a write it does not show.
 *
 * 4. Reads that miss the same rows at once share one load (a promotion sends every reader of
 *    its model's PRODUCTION to PostgreSQL at the same moment), but only a load that would still
 *    be kept (`admits`) when the read joins it: the read's own freshness check has passed by
 *    then, so every write it must see has been heard, and none of them since the load began.
 *
 * While LISTEN is down a notification may be missed: the cache then holds nothing and keeps
 * nothing (`trusted` false) until LISTEN is back, when it starts empty under a new epoch, so that
 * no load begun before can be kept. Deleted models are never entries (the loads skip them), and
 * neither are names of no model: creating one notifies its new id, which no entry knows yet.
 */
export class RegistryCache implements RegistryRows {
  private readonly models = new Map<string, ModelEntry>();
  private readonly idByName = new Map<string, string>();
  /** The `heard` count at each model's latest notification, for `admits`. */
  private readonly touchedAt = new Map<string, number>();
  private readonly flights = new Map<string, Flight>();
  private heardCount = 0;
  private epoch = 0;
  private trusted = false;
  /** Answers from an entry, from another read's load, and from a load of their own: the metrics' hit ratio. */
  hits = 0;
  joined = 0;
  misses = 0;

  constructor(
    private readonly database: RegistryRows,
    /** Models kept at most; the least recently read go first. */
    private readonly maxModels: number,
  ) {}

  get size(): number {
    return this.models.size;
  }

  /** LISTEN is in place (again): start empty, and trust what is loaded from now on. */
  listening(): void {
    this.clear();
    this.trusted = true;
  }

  /** LISTEN is down: notifications may be missed until `listening` runs again. */
  deaf(): void {
    this.trusted = false;
    this.clear();
  }

  /** The handler of REGISTRY_CHANNEL: a model's id, or '*' for every model. */
  heard(payload: string | undefined): void {
    // touchedAt only has to outlive the loads in flight: past this size, forget it all at once.
    if (!payload || payload === '*' || this.touchedAt.size >= 4 * this.maxModels) return this.clear();
    this.heardCount += 1;
    this.touchedAt.set(payload, this.heardCount);
    const entry = this.models.get(payload);
    if (!entry) return;
    this.models.delete(payload);
    if (entry.row) this.idByName.delete(entry.row.name as string);
  }

  async model(name: string): Promise<Row | null> {
    const id = this.idByName.get(name);
    const cached = id === undefined ? undefined : this.recent(id)?.row;
    // The name is checked too: a model renamed (by SQL) between two loads could leave its old name behind.
    if (cached && cached.name === name) return this.hit(cached);
    return this.sharedLoad(`m:${name}`, undefined, async (ticket) => {
      const row = await this.database.model(name);
      if (row && this.admits(ticket, row.id as string)) {
        this.entry(row.id as string).row = row;
        this.idByName.set(name, row.id as string);
      }
      return row;
    });
  }

  async version(model: { name: string } | { id: string }, selector: VersionSelector): Promise<Row | null> {
    const modelId = 'id' in model ? model.id : ((await this.model(model.name))?.id as string | undefined);
    if (modelId === undefined) return null;
    const key = selectorKey(selector);
    const versions = this.recent(modelId)?.versions;
    if (versions?.has(key)) return this.hit(versions.get(key)!);
    return this.sharedLoad(`${modelId}:${key}`, modelId, async (ticket) => {
      const row = await this.database.version({ id: modelId }, selector);
      // "No such version" is kept for stages only: a stage's answer is one per model, while names
      // and numbers that match nothing are as many as a client cares to ask for.
      if (this.admits(ticket, modelId) && (row || selector.stage !== undefined)) this.entry(modelId).versions.set(key, row);
      return row;
    });
  }

  async newestInStage(modelIds: readonly string[], stage: Stage): Promise<Row[]> {
    const key = `s:${stage}`;
    const answers: (Row | null | Promise<Row | null>)[] = [];
    const missing: string[] = [];
    for (const id of modelIds) {
      const versions = this.recent(id)?.versions;
      const flight = this.flights.get(`${id}:${key}`);
      if (versions?.has(key)) answers.push(this.hit(versions.get(key)!));
      else if (flight && this.admits(flight.ticket, id)) {
        this.joined += 1;
        answers.push(flight.rows);
      } else missing.push(id);
    }
    if (missing.length > 0) {
      // One query for every model missing, and a flight per model that later reads may share.
      this.misses += missing.length;
      const ticket = this.ticket();
      const batch = this.database.newestInStage(missing, stage).then((rows) => new Map(rows.map((row) => [row.model_id as string, row])));
      for (const id of missing) {
        const rows = batch.then((loaded) => {
          const row = loaded.get(id) ?? null;
          if (this.admits(ticket, id)) this.entry(id).versions.set(key, row);
          return row;
        });
        answers.push(this.fly(`${id}:${key}`, { ticket, modelId: id, rows }));
      }
    }
    return (await Promise.all(answers)).filter((row): row is Row => row !== null);
  }

  /** A model's entry, moved to the back of the eviction order: the least recently used go first. */
  private recent(modelId: string): ModelEntry | undefined {
    const entry = this.models.get(modelId);
    if (entry) {
      this.models.delete(modelId);
      this.models.set(modelId, entry);
    }
    return entry;
  }

  /** The rows of a load of `key` already in flight that may answer this read, else of a new one. */
  private sharedLoad(key: string, modelId: string | undefined, load: (ticket: Ticket) => Promise<Row | null>): Promise<Row | null> {
    const flight = this.flights.get(key);
    // By name the model's id is not known yet: then any notification since the load began counts.
    if (flight && (flight.modelId === undefined ? this.unchangedSince(flight.ticket) : this.admits(flight.ticket, flight.modelId))) {
      this.joined += 1;
      return flight.rows;
    }
    this.misses += 1;
    const ticket = this.ticket();
    return this.fly(key, { ticket, modelId, rows: load(ticket) });
  }

  /** Registers a load in flight until it settles; answers its rows. */
  private fly(key: string, flight: Flight): Promise<Row | null> {
    const rows = flight.rows.finally(() => {
      if (this.flights.get(key)?.rows === rows) this.flights.delete(key);
    });
    this.flights.set(key, { ...flight, rows });
    return rows;
  }

  private unchangedSince(ticket: Ticket): boolean {
    return this.trusted && ticket.epoch === this.epoch && ticket.heard === this.heardCount;
  }

  private hit<T>(value: T): T {
    this.hits += 1;
    return value;
  }

  private ticket(): Ticket {
    return { epoch: this.epoch, heard: this.heardCount };
  }

  private admits(ticket: Ticket, modelId: string): boolean {
    return this.trusted && ticket.epoch === this.epoch && (this.touchedAt.get(modelId) ?? 0) <= ticket.heard;
  }

  private entry(modelId: string): ModelEntry {
    let entry = this.models.get(modelId);
    if (!entry) {
      if (this.models.size >= this.maxModels) this.evictOldest();
      entry = { versions: new Map() };
      this.models.set(modelId, entry);
    }
    return entry;
  }

  private evictOldest(): void {
    const [oldest] = this.models;
    if (!oldest) return;
    this.models.delete(oldest[0]);
    if (oldest[1].row) this.idByName.delete(oldest[1].row.name as string);
  }

  /** Drops every entry, and (a new epoch) every load in flight. */
  private clear(): void {
    this.models.clear();
    this.idByName.clear();
    this.touchedAt.clear();
    this.epoch += 1;
  }
}

function selectorKey(selector: VersionSelector): string {
  if (selector.version === undefined) return `s:${selector.stage}`;
  const key = versionKey(selector.version);
  return 'number' in key ? `n:${key.number}` : `v:${key.name}`;
}
