import type pg from 'pg';
import {
  RaceCreateModelDocument,
  RaceCreateVersionDocument,
  RaceDeleteModelDocument,
  RaceDeleteVersionDocument,
  RaceSetStageDocument,
  RaceUpdateVersionDocument,
  type ModelStage,
} from '../generated/graphql.js';
import type { TestServer } from './server.js';

/**
 * What the registry holds for one model name after each of a sequence of writes, predicted by
 * the test from the contract's rules (not read back from the server), so that a read can be
 * judged against the states it may legitimately see. Used by test/read-consistency.test.ts.
 */

export type HeldStage = Exclude<ModelStage, 'LATEST'>;

export interface VersionState {
  number: number;
  stage: HeldStage;
  description: string | null;
  tags: string[];
  metadata: unknown;
}

/**
 * One model name after a write. `incarnation` is shared by every state of one created model (a
 * deleted and re-created name gets a new one): its id is learnt when createModel answers, and
 * the checks run after the writers finish, when every id is known.
 */
export interface ModelState {
  exists: boolean;
  incarnation: { id?: string };
  lastNumber: number;
  /** The live versions, in order of number. */
  versions: VersionState[];
}

/** A write that has not been sent yet: the state it leaves, and how to send it. */
export interface PlannedWrite {
  label: string;
  next: ModelState;
  send(): Promise<void>;
}

/** Where a write goes: the API of one instance, and a plain SQL connection for writes that bypass it. */
export interface WriteTarget {
  server: TestServer;
  sql?: pg.Client;
}

const UNIQUE_STAGES: HeldStage[] = ['STAGING', 'PRODUCTION'];

export const emptyState = (): ModelState => ({ exists: false, incarnation: {}, lastNumber: 0, versions: [] });

function copy(state: ModelState): ModelState {
  return { ...state, versions: state.versions.map((v) => ({ ...v, tags: [...v.tags], metadata: structuredClone(v.metadata) })) };
}

export const holderOf = (state: ModelState, stage: HeldStage) => state.versions.findLast((v) => v.stage === stage) ?? null;
export const versionOf = (state: ModelState, number: number) => state.versions.find((v) => v.number === number) ?? null;
export const newestOf = (state: ModelState) => state.versions.at(-1) ?? null;

function expectSuccess(label: string, typename: string, expected: string): void {
  if (typename !== expected) throw new Error(`write "${label}" answered ${typename}, not ${expected}: the test's model of the registry is wrong`);
}

export function setStageWrite(target: WriteTarget, name: string, state: ModelState, number: number, stage: HeldStage): PlannedWrite {
  const next = copy(state);
  if (UNIQUE_STAGES.includes(stage)) for (const v of next.versions) if (v.number !== number && v.stage === stage) v.stage = 'ARCHIVED';
  versionOf(next, number)!.stage = stage;
  const label = `setStage ${name} ${number} ${stage}`;
  return {
    label,
    next,
    send: async () => {
      const force = UNIQUE_STAGES.includes(stage);
      const data = await target.server.ok(RaceSetStageDocument, { name, version: String(number), stage, force });
      expectSuccess(label, data.setStage.__typename, 'SetStageSuccess');
    },
  };
}

export function createVersionWrite(target: WriteTarget, name: string, state: ModelState, fields: { description?: string; tags?: string[]; metadata?: unknown } = {}): PlannedWrite {
  const next = copy(state);
  next.lastNumber += 1;
  next.versions.push({ number: next.lastNumber, stage: 'NONE', description: fields.description ?? null, tags: fields.tags ?? [], metadata: fields.metadata ?? null });
  const label = `createModelVersion ${name} → ${next.lastNumber}`;
  return {
    label,
    next,
    send: async () => {
      const data = await target.server.ok(RaceCreateVersionDocument, { model: name, ...fields });
      expectSuccess(label, data.createModelVersion.__typename, 'CreateModelVersionSuccess');
      const made = data.createModelVersion as { modelVersion?: { number: number } };
      if (made.modelVersion?.number !== next.lastNumber) throw new Error(`${label}: the server numbered it ${made.modelVersion?.number}`);
    },
  };
}

export type VersionFields = Partial<Pick<VersionState, 'description' | 'tags' | 'metadata'>>;

export function updateVersionWrite(target: WriteTarget, name: string, state: ModelState, number: number, fields: VersionFields): PlannedWrite {
  const next = copy(state);
  Object.assign(versionOf(next, number)!, structuredClone(fields));
  const label = `updateModelVersion ${name} ${number} ${JSON.stringify(fields)}`;
  return {
    label,
    next,
    send: async () => {
      const data = await target.server.ok(RaceUpdateVersionDocument, { model: name, version: String(number), ...fields });
      expectSuccess(label, data.updateModelVersion.__typename, 'UpdateModelVersionSuccess');
    },
  };
}

export function deleteVersionWrite(target: WriteTarget, name: string, state: ModelState, number: number): PlannedWrite {
  const next = copy(state);
  next.versions = next.versions.filter((v) => v.number !== number);
  const label = `deleteModelVersion ${name} ${number}`;
  return {
    label,
    next,
    send: async () => {
      const data = await target.server.ok(RaceDeleteVersionDocument, { model: name, version: String(number) });
      expectSuccess(label, data.deleteModelVersion.__typename, 'DeleteModelVersionSuccess');
    },
  };
}

export function deleteModelWrite(target: WriteTarget, name: string): PlannedWrite {
  const label = `deleteModel ${name}`;
  return {
    label,
    next: emptyState(),
    send: async () => {
      const data = await target.server.ok(RaceDeleteModelDocument, { name });
      expectSuccess(label, data.deleteModel.__typename, 'DeleteModelSuccess');
    },
  };
}

export function createModelWrite(target: WriteTarget, name: string): PlannedWrite {
  const next: ModelState = { exists: true, incarnation: {}, lastNumber: 0, versions: [] };
  const label = `createModel ${name}`;
  return {
    label,
    next,
    send: async () => {
      const data = await target.server.ok(RaceCreateModelDocument, { name });
      expectSuccess(label, data.createModel.__typename, 'CreateModelSuccess');
      next.incarnation.id = (data.createModel as { model: { id: string } }).model.id;
    },
  };
}

/** A plain SQL UPDATE of one version's row, past the application (as an operator's script would). */
export function sqlUpdateWrite(target: WriteTarget, name: string, state: ModelState, number: number, fields: VersionFields): PlannedWrite {
  const next = copy(state);
  Object.assign(versionOf(next, number)!, structuredClone(fields));
  const label = `SQL update ${name} ${number} ${JSON.stringify(fields)}`;
  const [column, value] = Object.entries(fields)[0]!;
  const cast = column === 'metadata' ? '::jsonb' : column === 'tags' ? '::text[]' : '';
  return {
    label,
    next,
    send: async () => {
      const result = await target.sql!.query(
        `update model_version set ${column} = $3${cast}, updated_at = now()
         where number = $2 and deleted_at is null and model_id = (select id from model where name = $1 and deleted_at is null)`,
        [name, number, column === 'metadata' ? JSON.stringify(value) : value],
      );
      if (result.rowCount !== 1) throw new Error(`${label}: updated ${result.rowCount} rows`);
    },
  };
}

/** A plain SQL UPDATE that tombstones a version (deleted: true) or brings its tombstone back. */
export function sqlTombstoneWrite(target: WriteTarget, name: string, state: ModelState, version: VersionState, deleted: boolean): PlannedWrite {
  const next = copy(state);
  next.versions = next.versions.filter((v) => v.number !== version.number);
  if (!deleted) next.versions = [...next.versions, structuredClone(version)].sort((a, b) => a.number - b.number);
  const label = `SQL ${deleted ? 'tombstone' : 'restore'} ${name} ${version.number}`;
  return {
    label,
    next,
    send: async () => {
      const result = await target.sql!.query(
        `update model_version set deleted_at = ${deleted ? 'now()' : 'null'}
         where number = $2 and model_id = (select id from model where name = $1 and deleted_at is null)`,
        [name, version.number],
      );
      if (result.rowCount !== 1) throw new Error(`${label}: updated ${result.rowCount} rows`);
    },
  };
}

/**
 * The writes of one model, one after another, each appended to `history` before it is sent:
 * `history[k]` is the state after write k (history[0] before the first), `sent` the index of the
 * last write sent, `answered` of the last one that answered.
 */
export class ModelWriter {
  readonly history: ModelState[] = [emptyState()];
  sent = 0;
  answered = 0;
  readonly labels: string[] = ['(start)'];

  constructor(readonly name: string) {}

  get current(): ModelState {
    return this.history[this.sent]!;
  }

  async run(write: PlannedWrite): Promise<void> {
    if (this.answered !== this.sent) throw new Error(`${this.name}: one write at a time`);
    this.history.push(write.next);
    this.labels.push(write.label);
    this.sent = this.history.length - 1;
    await write.send();
    this.answered = this.sent;
  }
}

/**
 * The next writes of a model's script, as a cycle `cycle` lays them out: moves of PRODUCTION and
 * STAGING among versions 1 to 3 (always with force, so holders are displaced), a new version
 * (LATEST moves on), edits of its fields and of the PRODUCTION holder's, its deletion (LATEST
 * moves back), and every `recreateEvery`-th cycle the model deleted and created again under the
 * same name. Each write is planned from the state the one before leaves.
 */
export function* scriptOf(writer: ModelWriter, target: WriteTarget, recreateEvery = 4): Generator<() => PlannedWrite> {
  const name = writer.name;
  const s = () => writer.current;
  for (let cycle = 0; ; cycle += 1) {
    if (!s().exists || (cycle > 0 && cycle % recreateEvery === 0)) {
      if (s().exists) {
        for (const stage of UNIQUE_STAGES) {
          const holder = holderOf(s(), stage);
          if (holder) yield () => setStageWrite(target, name, s(), holder.number, 'ARCHIVED');
        }
        yield () => deleteModelWrite(target, name);
      }
      yield () => createModelWrite(target, name);
      for (let i = 1; i <= 3; i += 1) yield () => createVersionWrite(target, name, s(), { description: `base ${i}`, tags: [`base-${i}`] });
    }
    const base = (offset: number) => ((cycle + offset) % 3) + 1;
    const field = (n: number): VersionFields =>
      [{ description: `edit ${cycle}.${n}` }, { tags: [`t${cycle}`, `n${n}`] }, { metadata: { cycle, n, auc: 0.5 + n / 100 } }][(cycle + n) % 3]!;
    yield () => setStageWrite(target, name, s(), base(0), 'PRODUCTION');
    yield () => setStageWrite(target, name, s(), base(1), 'STAGING');
    yield () => createVersionWrite(target, name, s(), { description: `new in ${cycle}`, tags: ['new'], metadata: { cycle } });
    yield () => updateVersionWrite(target, name, s(), newestOf(s())!.number, field(0));
    yield () => updateVersionWrite(target, name, s(), holderOf(s(), 'PRODUCTION')!.number, field(1));
    yield () => updateVersionWrite(target, name, s(), holderOf(s(), 'STAGING')!.number, field(2));
    yield () => deleteVersionWrite(target, name, s(), newestOf(s())!.number);
  }
}
