/** One page of the `models(first, after)` connection, names only. */
export interface ModelNamePage {
  edges: { cursor: string; node: { name: string } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export type FetchModelNames = (first: number, after: string | null) => Promise<ModelNamePage>;

export interface FoundPage {
  names: string[];
  /** Pass as `after` for the next page. */
  endCursor: string | null;
  hasNext: boolean;
}

/** Case-insensitive substring match; an empty query matches every name. */
export function nameMatcher(query: string): (name: string) => boolean {
  const wanted = query.trim().toLowerCase();
  return (name) => name.toLowerCase().includes(wanted);
}

/** The connection accepts `first` up to 100. */
const SCAN_BATCH = 100;

/**
 * One page of `size` models after `after`, keeping those whose name matches `query`. The API
 * has no name filter, so a search walks the connection (names only, 100 at a time) until it
 * has one match more than the page holds, which tells whether a next page exists. Without a
 * query that is a single request of size + 1.
 */
export async function findModelPage(fetchNames: FetchModelNames, options: { after: string | null; size: number; query: string }): Promise<FoundPage> {
  const matches = nameMatcher(options.query);
  const batch = options.query.trim() ? SCAN_BATCH : Math.min(SCAN_BATCH, options.size + 1);
  const found: { name: string; cursor: string }[] = [];
  let after = options.after;
  for (;;) {
    const page = await fetchNames(batch, after);
    for (const edge of page.edges) {
      if (matches(edge.node.name)) found.push({ name: edge.node.name, cursor: edge.cursor });
      if (found.length > options.size) break;
    }
    const last = page.edges.at(-1);
    if (found.length > options.size || !page.pageInfo.hasNextPage || !last) break;
    after = page.pageInfo.endCursor ?? last.cursor;
  }
  const shown = found.slice(0, options.size);
  return { names: shown.map((f) => f.name), endCursor: shown.at(-1)?.cursor ?? options.after, hasNext: found.length > options.size };
}
