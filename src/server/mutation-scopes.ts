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
import { AuthScopeFailureType, type AuthFailure } from '@pothos/plugin-scope-auth';
import type { Context } from '../schema/context.js';
import { authScopesOf, evaluateScopeRule, refusalMessage, type ScopeRule } from '../schema/scopes.js';
import { fragmentsOf } from './limits.js';

type FieldScopes = ScopeRule | ((parent: unknown, args: Record<string, unknown>, context: Context) => ScopeRule | boolean | Promise<ScopeRule | boolean>);

/**
 * Checks every field of a mutation against the token's scopes before the first one runs.
 *
 * Why: mutation fields run one after another and scope-auth checks each as it resolves, so in
 * `mutation { a: createModel(…) b: setStage(…, stage: PRODUCTION) }` a WRITE token would commit
 * the model before being refused PRODUCTION. The contract says a forbidden call changes nothing,
 * so the whole operation is refused up front. The rules are the fields' own `authScopes`, read
 * from the schema and given the coerced arguments, and evaluated with the same scope values and
 * map semantics as scope-auth (schema/scopes.ts), so they are written once: a token limited to
 * models is refused a write on another model here too, before any field runs.
 */
export function wholeMutationScopes(): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      // Queries (the hot path) have nothing to check here: no promise for the pipeline to await.
      if (getOperationAST(args.document, args.operationName)?.operation !== 'mutation') return;
      return firstRefusedField(args).then((refused) => {
        if (!refused) return;
        setResultAndStopExecution({
          data: null,
          errors: [new GraphQLError(refused.message, { path: [refused.responseKey], extensions: { code: 'FORBIDDEN', http: { status: 403 } } })],
        });
      });
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
    const failure = await refusal(field, fieldArgs, context);
    if (failure) return { responseKey, message: refusalMessage(context.principal, `${mutation.name}.${field.name}`, failure) };
  }
  return undefined;
}

/** The failure that refuses the field, or null when the token may use it. */
async function refusal(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>, context: Context): Promise<AuthFailure | null> {
  const rule = (field.extensions as { pothosOptions?: { authScopes?: FieldScopes } }).pothosOptions?.authScopes;
  if (rule === undefined) return null;
  const scopes = typeof rule === 'function' ? await rule({}, args, context) : rule;
  if (typeof scopes === 'boolean') return scopes ? null : { kind: AuthScopeFailureType.AuthScopeFunction, error: null };
  return evaluateScopeRule(authScopesOf(context.principal), scopes);
}
