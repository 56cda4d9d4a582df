import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
import { failure, ModelstageError, success, type RequestError, type Result } from './result.js';

export interface HttpOptions {
  url: string;
  token?: string;
  /** Another fetch (tests, proxies); the global one by default. */
  fetch?: typeof fetch;
}

interface GraphQLBody<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/**
 * Runs one generated document over GraphQL-over-HTTP. Top-level GraphQL errors come back as a
 * RequestError value; only a missing or non-GraphQL answer throws (ModelstageError).
 */
export async function execute<TData, TVariables>(
  options: HttpOptions,
  document: DocumentTypeDecoration<TData, TVariables>,
  variables: TVariables,
): Promise<Result<TData>> {
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(options.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        // With this, schema validation failures come back as 4xx instead of 200 (STACK-NOTES).
        accept: 'application/graphql-response+json, application/json',
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      },
      body: JSON.stringify({ query: String(document), variables }),
    });
  } catch (error) {
    throw new ModelstageError(`cannot reach ${options.url}: ${reason(error)}`, 'network', undefined, { cause: error });
  }
  // Refusals (401, 403, 400, 429) carry a GraphQL body too: read it whatever the status.
  let body: GraphQLBody<TData>;
  try {
    body = (await response.json()) as GraphQLBody<TData>;
  } catch (error) {
    throw new ModelstageError(`${options.url} answered HTTP ${response.status} without a GraphQL body`, 'protocol', response.status, { cause: error });
  }
  const first = body.errors?.[0];
  if (first) return failure<RequestError>({ __typename: 'RequestError', code: first.extensions?.code ?? 'GRAPHQL_ERROR', message: first.message });
  if (body.data == null) throw new ModelstageError(`${options.url} answered HTTP ${response.status} with neither data nor errors`, 'protocol', response.status);
  return success(body.data);
}

function reason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}
