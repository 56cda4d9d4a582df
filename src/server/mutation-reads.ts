import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { freshReads, type Context } from '../schema/context.js';

/**
 * A mutation's own fields (and the ones after it in the document) read what it wrote: the read
 * cache hears of a write only through its notification, a moment after the commit, so a mutation
 * operation reads from PostgreSQL. Queries, the hot path, keep the cache; nothing writes in them.
 */
export function mutationsReadTheDatabase(): Plugin {
  return {
    onExecute({ args }) {
      if (getOperationAST(args.document, args.operationName)?.operation !== 'mutation') return;
      const context = args.contextValue as unknown as Context;
      if (context.databaseRows && context.registry !== context.databaseRows) Object.assign(context, freshReads(context.em, context.databaseRows));
    },
  };
}
