import { BadRequestError } from './errors.js';

/*
 * Keyset paging stays here rather than in @pothos/plugin-relay's resolveCursorConnection: that
 * clamps `first` above the maximum and allows 0 where the contract answers BAD_USER_INPUT, gives
 * an empty page the cursor it was asked with (or '') instead of null, and encodes no list kind
 * into cursors that clients already hold. The page itself has the plugin's connection shape.
 */

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** One page of a list, in the shape the schema's connection types (@pothos/plugin-relay) read. */
export interface Page<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

export function pageSize(first: number | null | undefined, argument = 'first'): number {
  if (first == null) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new BadRequestError(`${argument} must be between 1 and ${MAX_PAGE_SIZE}, got ${first}`);
  }
  return first;
}

/**
 * Opaque cursors for keyset pagination: `kind:key` in base64url. The kind stops a cursor of
 * one list from being used on another.
 */
export function encodeCursor(kind: string, key: string | number): string {
  return Buffer.from(`${kind}:${key}`).toString('base64url');
}

export function decodeCursor(kind: string, cursor: string): string {
  const text = /^[A-Za-z0-9_-]+$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString() : '';
  if (!text.startsWith(`${kind}:`)) throw new BadRequestError(`after is not a valid cursor for this list: ${JSON.stringify(cursor.slice(0, 100))}`);
  return text.slice(kind.length + 1);
}

export function decodeNumberCursor(kind: string, cursor: string): number {
  const key = decodeCursor(kind, cursor);
  if (!/^\d{1,10}$/.test(key)) throw new BadRequestError(`after is not a valid cursor for this list: ${JSON.stringify(cursor.slice(0, 100))}`);
  return Number(key);
}

/** A stage-change log position: the decimal id of a log row. */
export function parseLogCursor(cursor: string | null | undefined, argument = 'after'): string | undefined {
  if (cursor == null) return undefined;
  if (!/^\d{1,18}$/.test(cursor)) throw new BadRequestError(`${argument} must be a stage-change cursor (a decimal position), got ${JSON.stringify(cursor.slice(0, 100))}`);
  return BigInt(cursor).toString();
}

/** Builds a page from `limit + 1` fetched rows: the extra row only tells that more follow. */
export function toPage<T>(rows: T[], limit: number, cursorOf: (row: T) => string, hasPreviousPage: boolean): Page<T> {
  return pageOf(rows.slice(0, limit), cursorOf, { hasNextPage: rows.length > limit, hasPreviousPage });
}

/** A page of `items` as they are listed. */
export function pageOf<T>(items: T[], cursorOf: (item: T) => string, more: { hasNextPage: boolean; hasPreviousPage: boolean }): Page<T> {
  const edges = items.map((node) => ({ cursor: cursorOf(node), node }));
  return { edges, pageInfo: { ...more, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null } };
}
