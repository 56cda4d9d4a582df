import {
  RaceHolderDocument,
  RaceLatestDocument,
  RaceModelsDocument,
  RaceVersionByNumberDocument,
  type RaceHolderQuery,
  type RaceLatestQuery,
  type RaceModelsQuery,
} from '../generated/graphql.js';
import { holderOf, newestOf, versionOf, type ModelState, type ModelWriter, type VersionState } from './registry-history.js';
import type { TestServer } from './server.js';

/**
 * Reads of test/read-consistency.test.ts and the rule that judges them. A read may see the state
 * after write k of a model, where k is at least the last write of that model that had answered
 * before the read was sent, and at most the last one sent when the read's answer came back (a
 * write in flight may have committed). Anything else is stale (or from nowhere).
 *
 * Each statement of a read is judged on its own: one GraphQL request may resolve its fields with
 * several statements (a model, then its versions through a loader), each of which may see a
 * later state than the one before, and all of which must fall within the read's window.
 */

type Window = [lo: number, hi: number];

export type Read =
  | { kind: 'holder'; name: string; stage: 'PRODUCTION' | 'STAGING'; answer: RaceHolderQuery['modelVersion'] }
  | { kind: 'byNumber'; name: string; number: number; answer: RaceHolderQuery['modelVersion'] }
  | { kind: 'latest'; name: string; answer: RaceLatestQuery['model'] }
  | { kind: 'models'; answer: RaceModelsQuery['models']['edges'] };

export type ReadKind = Read['kind'];
/** A read to send: a Read without its answer. */
export type ReadRequest = { [K in ReadKind]: Omit<Extract<Read, { kind: K }>, 'answer'> }[ReadKind];

export interface JudgedRead {
  instance: string;
  read: Read;
  windows: Record<string, Window>;
}

/** JSON with object keys sorted (jsonb does not keep the order a client sent). */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
}
const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

const asAnswered = (v: VersionState | null) => (v ? { number: v.number, stage: v.stage, description: v.description, tags: v.tags, metadata: v.metadata } : null);
const asLatest = (v: VersionState | null) => (v ? { number: v.number, description: v.description, tags: v.tags } : null);

/** The state as seen through a model already found by id: a deleted incarnation has no versions. */
const through = (state: ModelState, id: string): ModelState | null => (state.exists && state.incarnation.id === id ? state : null);

/** Sends one read through `server`, noting the window of each model it may see. */
export async function sendRead(server: TestServer, instance: string, writers: ModelWriter[], read: ReadRequest): Promise<JudgedRead> {
  const seen = read.kind === 'models' ? writers : writers.filter((w) => w.name === read.name);
  const lows = seen.map((w) => w.answered);
  let answer: unknown;
  if (read.kind === 'holder') answer = (await server.ok(RaceHolderDocument, { name: read.name, stage: read.stage })).modelVersion;
  else if (read.kind === 'byNumber') answer = (await server.ok(RaceVersionByNumberDocument, { name: read.name, version: String(read.number) })).modelVersion;
  else if (read.kind === 'latest') answer = (await server.ok(RaceLatestDocument, { name: read.name })).model;
  else answer = (await server.ok(RaceModelsDocument, { first: 100 })).models.edges;
  const windows = Object.fromEntries(seen.map((w, i) => [w.name, [lows[i]!, w.sent] as Window]));
  return { instance, read: { ...read, answer } as Read, windows };
}

/** Why a read is stale, or null when some state in its window gives its answer. */
export function whyStale(judged: JudgedRead, writers: ModelWriter[]): string | null {
  const { read, windows } = judged;
  const byName = new Map(writers.map((w) => [w.name, w]));
  const some = (name: string, matches: (state: ModelState) => boolean) => {
    const [lo, hi] = windows[name]!;
    return byName.get(name)!.history.slice(lo, hi + 1).some(matches);
  };
  const after = Object.entries(windows).map(([name, [lo, hi]]) => `${name} ${lo}..${hi} (after "${byName.get(name)!.labels[lo]}")`);
  const stale = (what: string) => `${judged.instance} ${read.kind} ${'name' in read ? read.name : ''} ${what}: answered ${canonical(read.answer)}, writes ${after.join(', ')}`;
  switch (read.kind) {
    case 'holder':
      return some(read.name, (s) => same(asAnswered(holderOf(s, read.stage)), read.answer)) ? null : stale(read.stage);
    case 'byNumber':
      return some(read.name, (s) => same(asAnswered(versionOf(s, read.number)), read.answer)) ? null : stale(`version ${read.number}`);
    case 'latest': {
      const model = read.answer;
      if (!model) return some(read.name, (s) => !s.exists) ? null : stale('model');
      if (!some(read.name, (s) => s.exists && s.incarnation.id === model.id)) return stale('model id');
      return some(read.name, (s) => same(asLatest(through(s, model.id) ? newestOf(s) : null), model.version)) ? null : stale('LATEST');
    }
    case 'models': {
      const names = read.answer.map((edge) => edge.node.name);
      if (!names.every((name, i) => i === 0 || names[i - 1]! < name)) return stale('order');
      for (const writer of writers) {
        const node = read.answer.find((edge) => edge.node.name === writer.name)?.node;
        if (!node) {
          if (!some(writer.name, (s) => !s.exists)) return stale(`${writer.name} missing`);
          continue;
        }
        if (!some(writer.name, (s) => s.exists && s.incarnation.id === node.id)) return stale(`${writer.name} id`);
        const numberIn = (s: ModelState, pick: (m: ModelState) => VersionState | null) => {
          const live = through(s, node.id);
          const version = live ? pick(live) : null;
          return version ? { number: version.number } : null;
        };
        if (!some(writer.name, (s) => same(numberIn(s, (m) => holderOf(m, 'PRODUCTION')), node.production))) return stale(`${writer.name} PRODUCTION`);
        if (!some(writer.name, (s) => same(numberIn(s, (m) => holderOf(m, 'STAGING')), node.staging))) return stale(`${writer.name} STAGING`);
        if (!some(writer.name, (s) => same(numberIn(s, newestOf), node.latest))) return stale(`${writer.name} LATEST`);
      }
      return null;
    }
  }
}
