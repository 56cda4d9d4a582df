import type { Page } from '../services/pagination.js';
import { builder, type Ref } from './builder.js';

const PageInfoRef = builder.objectRef<Page<unknown>>('PageInfo').implement({
  fields: (t) => ({
    hasNextPage: t.exposeBoolean('hasNextPage'),
    hasPreviousPage: t.exposeBoolean('hasPreviousPage'),
    startCursor: t.string({ nullable: true, resolve: (page) => page.cursors[0] ?? null }),
    endCursor: t.string({ nullable: true, resolve: (page) => page.cursors.at(-1) ?? null }),
  }),
});

interface Edge<T> {
  cursor: string;
  node: T;
}

/** `XEdge` and `XConnection` types for a node type, fed by a service's Page. */
export function connectionType<T>(nodeName: string, node: Ref<T>) {
  const EdgeRef = builder.objectRef<Edge<T>>(`${nodeName}Edge`).implement({
    fields: (t) => ({
      cursor: t.exposeString('cursor'),
      // The cast only tells Pothos that T is an object, not a list.
      node: t.field({ type: node, resolve: (edge) => edge.node as never }),
    }),
  });
  return builder.objectRef<Page<T>>(`${nodeName}Connection`).implement({
    fields: (t) => ({
      edges: t.field({
        type: [EdgeRef],
        resolve: (page) => page.items.map((item, index) => ({ cursor: page.cursors[index]!, node: item })),
      }),
      pageInfo: t.field({ type: PageInfoRef, resolve: (page) => page }),
      nodes: t.field({ type: [node], description: 'The nodes of the edges, for clients that need no cursors.', resolve: (page) => page.items }),
    }),
  });
}
