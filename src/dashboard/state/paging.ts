/** One page of the `models(first, after, search)` connection, names only. */
export interface ModelNamePage {
  edges: { cursor: string; node: { name: string } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export type FetchModelNames = (args: { first: number; after: string | null; search: string }) => Promise<ModelNamePage>;

export interface FoundPage {
  names: string[];
  /** Pass as `after` for the next page. */
  endCursor: string | null;
  hasNext: boolean;
}

/**
 * One page of `size` models after `after` whose name contains `query` (any case; the server
 * filters, so a search costs one request however many models there are).
 */
export async function findModelPage(fetchNames: FetchModelNames, options: { after: string | null; size: number; query: string }): Promise<FoundPage> {
  const page = await fetchNames({ first: options.size, after: options.after, search: options.query.trim() });
  return {
    names: page.edges.map((edge) => edge.node.name),
    endCursor: page.pageInfo.endCursor ?? options.after,
    hasNext: page.pageInfo.hasNextPage,
  };
}
