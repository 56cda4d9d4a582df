import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import {
  getNamedType,
  getOperationAST,
  GraphQLError,
  isInterfaceType,
  isObjectType,
  Kind,
  type DocumentNode,
  type ExecutionArgs,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type SelectionSetNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../services/pagination.js';

/** Request bodies larger than this are refused before they are read. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The most objects one operation may ask for, counting each connection at the page size it asks
 * for: 100 models with 100 versions each passes, a third level of 100 does not.
 */
export const MAX_OBJECTS = 25_000;

/**
 * Limits on the shape of a document, checked at validation, before any resolver or SQL runs.
 * Depth 12 leaves room for Relay connections (edges → node → field is three levels each).
 * graphql-armor's cost limit is off: it ignores `first` given as a variable and grows by depth,
 * refusing small legitimate queries; `pageCost` below replaces it.
 */
function armorPlugin(): Plugin {
  return EnvelopArmorPlugin({
    maxDepth: { n: 12, ignoreIntrospection: true, flattenFragments: true },
    maxAliases: { n: 30 },
    maxDirectives: { n: 20 },
    maxTokens: { n: 3000 },
    costLimit: { enabled: false },
    // Armor hides only one form of suggestion; noSuggestionsPlugin hides them all.
    blockFieldSuggestion: { enabled: false },
  });
}

/** Refuses operations that could return more than MAX_OBJECTS objects, before they execute. */
function pageCostPlugin(): Plugin {
  const check = (args: ExecutionArgs, stop: (result: { errors: GraphQLError[] }) => void) => {
    const cost = estimateObjects(args);
    if (cost > MAX_OBJECTS) {
      stop({
        errors: [
          new GraphQLError(`the operation could return about ${Math.round(cost)} objects; at most ${MAX_OBJECTS} are allowed: ask for smaller pages`, {
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
          }),
        ],
      });
    }
  };
  return {
    onExecute: ({ args, setResultAndStopExecution }) => check(args, setResultAndStopExecution),
    onSubscribe: ({ args, setResultAndStopExecution }) => check(args, setResultAndStopExecution),
  };
}

/**
 * How many objects an operation may return: each object field counts one, times the page size
 * of every connection above it (`first` as given, literally or in a variable, else the default).
 */
export function estimateObjects({ schema, document, operationName, variableValues }: ExecutionArgs): number {
  const operation = getOperationAST(document, operationName);
  const root = operation && schema.getRootType(operation.operation);
  if (!operation || !root) return 0;
  const fragments = fragmentsOf(document);
  const memo = new Map<string, number>();

  const pageSizeOf = (value: unknown): number => {
    const size = typeof value === 'number' && Number.isFinite(value) ? value : DEFAULT_PAGE_SIZE;
    return Math.min(Math.max(size, 1), MAX_PAGE_SIZE);
  };
  const costOf = (selectionSet: SelectionSetNode, type: GraphQLNamedType | undefined): number => {
    let total = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const field = isObjectType(type) || isInterfaceType(type) ? type.getFields()[selection.name.value] : undefined;
        if (!field || !selection.selectionSet) continue;
        let size = 1;
        if (field.args.some((arg) => arg.name === 'first')) {
          // A page is `first` or `last` long (only one may be given).
          const given = selection.arguments?.find((arg) => arg.name.value === 'first' || arg.name.value === 'last')?.value;
          size = pageSizeOf(
            given?.kind === Kind.INT ? Number(given.value) : given?.kind === Kind.VARIABLE ? variableValues?.[given.name.value] : undefined,
          );
        }
        total += 1 + size * costOf(selection.selectionSet, getNamedType(field.type));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        total += costOf(selection.selectionSet, selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type);
      } else {
        // Each fragment is costed once: spreading one many times cannot make this slow.
        const name = selection.name.value;
        const fragment = fragments[name];
        if (fragment && !memo.has(name)) memo.set(name, costOf(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value)));
        total += memo.get(name) ?? 0;
      }
    }
    return total;
  };
  return costOf(operation.selectionSet, root);
}

/** A document's fragments by name, in the shape graphql-js's own helpers take. */
export function fragmentsOf(document: DocumentNode): Record<string, FragmentDefinitionNode> {
  const fragments: Record<string, FragmentDefinitionNode> = Object.create(null);
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  return fragments;
}

/**
 * graphql-js suggests names ("Did you mean …?") in several forms; outside development none of
 * them reaches a client, so the schema cannot be mapped by guessing. This covers validation;
 * toClientError covers the errors of execution.
 */
export function withoutSuggestions(message: string): string {
  return message.replace(/\s*Did you mean [^?]*\?/g, '');
}

export function noSuggestionsPlugin(): Plugin {
  return {
    onValidate: () => ({ valid, result, setResult }) => {
      if (valid) return;
      for (const error of result) error.message = withoutSuggestions(error.message);
      setResult([...result]);
    },
  };
}

/** Every limit on what a document may ask, as yoga plugins. */
export function documentLimits(dev: boolean): Plugin[] {
  return [armorPlugin(), pageCostPlugin(), ...(dev ? [] : [noSuggestionsPlugin()])];
}
