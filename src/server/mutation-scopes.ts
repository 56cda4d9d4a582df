import {
  getArgumentValues,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  type ExecutionArgs,
  type GraphQLField,
} from 'graphql';
import { collectFields } from 'graphql/execution/collectFields.js';
import type { Plugin } from 'graphql-yoga';
import { lacksScope } from '../schema/builder.js';
import type { Context } from '../schema/context.js';
import { fragmentsOf } from './limits.js';

type ScopeMap = Partial<Record<string, boolean>>;
type FieldScopes = ScopeMap | ((parent: unknown, args: Record<string, unknown>, context: Context) => ScopeMap | boolean | Promise<ScopeMap | boolean>);

/**
 * Checks every field of a mutation against the token's scopes before the first one runs.
 *
 * Why: mutation fields run one after another and scope-auth checks each as it resolves, so in
 * `mutation { a: createModel(…) b: setStage(…, stage: PRODUCTION) }` a WRITE token would commit
 * the model before being refused PRODUCTION. The contract says a forbidden call changes nothing,
 * so the whole operation is refused up front. The rules are the fields' own `authScopes`, read
 * from the schema and given the coerced arguments, so they are written once. A scope map grants
 * the field when the token holds a scope set to true in it (this schema's only form); anything
 * else in a map (`$all`, `$any`) grants nothing here, so a rule this check does not understand
 * refuses rather than lets a field through.
 */
export function wholeMutationScopes(): Plugin {
  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const refused = await firstRefusedField(args);
      if (refused) {
        setResultAndStopExecution({
          data: null,
          errors: [new GraphQLError(refused.message, { path: [refused.responseKey], extensions: { code: 'FORBIDDEN', http: { status: 403 } } })],
        });
      }
    },
  };
}

async function firstRefusedField({ schema, document, operationName, variableValues, contextValue }: ExecutionArgs) {
  const operation = getOperationAST(document, operationName);
  const mutation = schema.getMutationType();
  if (operation?.operation !== 'mutation' || !mutation) return undefined;
  // Variables that do not fit are refused by execution itself, before any field runs.
  const variables = getVariableValues(schema, operation.variableDefinitions ?? [], variableValues ?? {});
  if (variables.errors) return undefined;
  const context = contextValue as Context;
  const fields = collectFields(schema, fragmentsOf(document), variables.coerced, mutation, operation.selectionSet);
  for (const [responseKey, [node]] of fields) {
    const field = mutation.getFields()[node!.name.value];
    if (!field) continue; // __typename
    let fieldArgs: Record<string, unknown>;
    try {
      fieldArgs = getArgumentValues(field, node!, variables.coerced);
    } catch {
      continue; // Arguments that do not fit: execution reports it on this field, which never runs.
    }
    const refused = await refusal(field, fieldArgs, context);
    if (refused) return { responseKey, message: lacksScope(context.principal.name, `${mutation.name}.${field.name}`, refused.needs) };
  }
  return undefined;
}

/** Undefined when the token may use the field; else the scopes that would grant it. */
async function refusal(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>, context: Context): Promise<{ needs: string[] } | undefined> {
  const rule = (field.extensions as { pothosOptions?: { authScopes?: FieldScopes } }).pothosOptions?.authScopes;
  if (rule === undefined) return undefined;
  const scopes = typeof rule === 'function' ? await rule({}, args, context) : rule;
  if (typeof scopes === 'boolean') return scopes ? undefined : { needs: [] };
  const granting = Object.entries(scopes).filter(([, wanted]) => wanted === true).map(([scope]) => scope);
  return granting.some((scope) => context.principal.scopes.has(scope as never)) ? undefined : { needs: granting };
}
