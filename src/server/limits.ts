import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';

/** Request bodies larger than this are refused before they are read. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Limits on the shape of a document, checked at validation, before any resolver or SQL runs.
 * Depth 12 leaves room for Relay connections (edges → node → field is three levels each).
 */
export function armorPlugin(dev: boolean) {
  return EnvelopArmorPlugin({
    maxDepth: { n: 12, ignoreIntrospection: true, flattenFragments: true },
    maxAliases: { n: 30 },
    maxDirectives: { n: 20 },
    maxTokens: { n: 3000 },
    costLimit: { maxCost: 10000, objectCost: 2, scalarCost: 1, depthCostFactor: 1.5, ignoreIntrospection: true },
    blockFieldSuggestion: { enabled: !dev },
  });
}
