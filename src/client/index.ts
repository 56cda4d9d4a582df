import WebSocket from 'ws';
import {
  ApiTokensDocument,
  CreateApiTokenDocument,
  CreateModelDocument,
  CreateModelVersionDocument,
  DeleteModelVersionDocument,
  ModelDocument,
  ModelsDocument,
  ModelVersionDocument,
  ModelVersionsDocument,
  NodeDocument,
  RevokeApiTokenDocument,
  StageChangesDocument,
  StageHistoryDocument,
  ViewerDocument,
  type ChangeFieldsFragment,
  type CreateModelVersionMutationVariables,
  type ModelFieldsFragment,
  type ModelStage,
  type Scope,
  type TokenFieldsFragment,
  type VersionFieldsFragment,
} from './generated/graphql.js';
import { governanceClient } from './governance.js';
import { execute, type HttpOptions } from './http.js';
import { modelLedger, moveVersion, type MoveOptions } from './ledger.js';
import { watchStageChanges, type Watch, type WatchOptions } from './live.js';
import { failure, fromUnion, mapResult, notFound, success, type NotFoundError, type Result } from './result.js';
import { parseStage, type StageInput } from './stages.js';
import { webhookMethods } from './webhooks.js';

export * from './result.js';
export { parseStage, STAGE_NAMES, type StageInput } from './stages.js';
export { ERROR_CODES, impliedScopes, SCOPES, SETTABLE_STAGES, STAGES } from '../vocabulary.js';
export type { Watch, WatchStatus, StageChangeEvent } from './live.js';
export type { Webhook, WebhookDelivery, WebhookDeliveryStatus, WebhookEvent } from './webhooks.js';
export type { PromotionRequest, PromotionRequestStatus, WaitOutcome } from './governance.js';
export type { MoveOptions, SetStageFailure, SetStagePreview, SetStageSuccess, StagePeriod } from './ledger.js';
export type { ModelStage, Scope, ErrorCode } from './generated/graphql.js';
/** The generated documents and types, for calls through `client.request`. */
export * as documents from './generated/graphql.js';

export type Model = ModelFieldsFragment;
export type ModelVersion = VersionFieldsFragment;
export type StageChange = ChangeFieldsFragment;
export type ApiToken = TokenFieldsFragment;

export interface ClientOptions extends HttpOptions {
  /** A WebSocket class for subscriptions; the `ws` package's by default (Node 20 has none). */
  webSocketImpl?: unknown;
}

export interface Page<T> {
  nodes: T[];
  hasNextPage: boolean;
  endCursor: string | null;
}

type Connection<T> = { edges: { node: T }[]; pageInfo: { hasNextPage: boolean; endCursor?: string | null } };
const toPage = <T>({ edges, pageInfo }: Connection<T>): Page<T> => ({
  nodes: edges.map((edge) => edge.node),
  hasNextPage: pageInfo.hasNextPage,
  endCursor: pageInfo.endCursor ?? null,
});

/** The server's largest page: lists that fetch "everything" walk pages of this size. */
const PAGE = 100;

/** Follows `after` cursors until the last page; stops at the first failure. */
async function allPages<T, E>(fetchPage: (after: string | undefined) => Promise<Result<Page<T>, E>>): Promise<Result<T[], E>> {
  const nodes: T[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await fetchPage(after);
    if (!page.ok) return page;
    nodes.push(...page.value.nodes);
    if (!page.value.hasNextPage || !page.value.endCursor) return success(nodes);
    after = page.value.endCursor;
  }
}

/** Creates a typed Modelstage client: queries and mutations over HTTP, subscriptions over graphql-ws. */
export function createClient(options: ClientOptions) {
  const request = <TData, TVariables>(document: Parameters<typeof execute<TData, TVariables>>[1], variables: TVariables) =>
    execute(options, document, variables);

  const models = {
    /** Every model, by name; with `search`, those whose name contains it (any case). */
    list: (filter: { search?: string } = {}) =>
      allPages((after) => request(ModelsDocument, { first: PAGE, after, ...filter }).then((r) => mapResult(r, (d) => toPage(d.models)))),
    page: (args: { first?: number; after?: string; search?: string } = {}) => request(ModelsDocument, args).then((r) => mapResult(r, (d) => toPage(d.models))),
  };

  const tokens = {
    /** The secret is in the result once (`token`); only its hash is stored. */
    /** `models`: the names and `*` patterns of the models it may change (default: every model). */
    create: async (name: string, scopes: Scope[], models?: string[]) =>
      andThen(await request(CreateApiTokenDocument, { name, scopes, models }), (d) => fromUnion(d.createApiToken)),
    list: async () => mapResult(await request(ApiTokensDocument, {}), (d) => d.apiTokens),
    revoke: async (id: string) => andThen(await request(RevokeApiTokenDocument, { id }), (d) => fromUnion(d.revokeApiToken)),
  };

  /** The model-centric helper, as ZenML's `Model(name)`. */
  const model = (name: string) => ({
    name,
    get: async (): Promise<Result<Model, NotFoundError>> =>
      andThen(await request(ModelDocument, { name }), (d) => d.model ? success(d.model) : failure(notFound(`no model called ${name}`))),
    register: async (fields: { description?: string; tags?: string[] } = {}) =>
      andThen(await request(CreateModelDocument, { name, ...fields }), (d) => mapResult(fromUnion(d.createModel), (s) => s.model)),
    /** Every version, newest first; `stage` keeps those in one stage. */
    versions: (filter: { stage?: StageInput } = {}) =>
      allPages(async (after): Promise<Result<Page<ModelVersion>, NotFoundError>> => {
        const stage = filter.stage === undefined ? undefined : toStage(filter.stage);
        return andThen(await request(ModelVersionsDocument, { name, stage, first: PAGE, after }), (d) =>
          d.model ? success(toPage(d.model.versions)) : failure(notFound(`no model called ${name}`)));
      }),
    createVersion: async (fields: Omit<CreateModelVersionMutationVariables, 'model'> = {}) =>
      andThen(await request(CreateModelVersionDocument, { model: name, ...fields }), (d) =>
        mapResult(fromUnion(d.createModelVersion), (s) => s.modelVersion)),
    /** A version by name, number, or stage ('latest', 'production'...: names can never be stage names). */
    version: (version: string | number) => versionHandle(name, String(version)),
    /** This model's stage changes in commit order. */
    changes: (args: { first?: number; after?: string } = {}) =>
      request(StageChangesDocument, { model: name, ...args }).then((r) => mapResult(r, (d) => toPage(d.stageChanges))),
    ...ledgerOf(name),
  });

  /** rollback, previewRollback, holderAt and the stays in a stage (`holders`: every one). */
  const ledgerOf = (name: string) => {
    const ledger = modelLedger(request, name, toStage);
    return { ...ledger, holders: (stage: StageInput) => allPages((after) => ledger.holdersPage(stage, { first: PAGE, after })) };
  };

  /** Null answers the same for an unknown model and an empty stage: ask which it was, once. */
  const whyNoVersion = async (name: string, which: string) => {
    const known = await request(ModelDocument, { name });
    return known.ok && !known.value.model ? `no model named ${JSON.stringify(name)}` : `${name} has no version ${which}`;
  };

  /** `version` is sent as given: the server reads a name, a number or a stage name ('latest', 'production'...) alike. */
  const versionHandle = (name: string, version: string) => ({
    get: async (): Promise<Result<ModelVersion, NotFoundError>> =>
      andThen(await request(ModelVersionDocument, { name, version }), async (d) =>
        d.modelVersion ? success(d.modelVersion) : failure(notFound(await whyNoVersion(name, parseStage(version) ? `in stage ${parseStage(version)}` : version)))),
    /**
     * Moves this version to `stage`; with `force`, a version holding it is archived. With
     * `expectedHolder` only when that version (or 'none') holds the stage; an `idempotencyKey`
     * makes a retry safe.
     */
    setStage: async (to: StageInput, options: MoveOptions & { force?: boolean } = {}) => moveVersion(request, name, version, toStage(to), options).run(),
    /** What setStage would do (the versions it would archive), or the error it would get; changes nothing. */
    previewSetStage: async (to: StageInput, options: MoveOptions & { force?: boolean } = {}) => moveVersion(request, name, version, toStage(to), options).preview(),
    /** This version's stage changes, oldest first. */
    history: async (args: { first?: number; after?: string } = {}) =>
      andThen(await request(StageHistoryDocument, { name, version, ...args }), (d) =>
        d.modelVersion ? success(toPage(d.modelVersion.stageHistory)) : failure(notFound(`${name} has no version ${version}`))),
    delete: async () => andThen(await request(DeleteModelVersionDocument, { model: name, version }), (d) => fromUnion(d.deleteModelVersion)),
  });

  return {
    /** Any generated document (see `documents`), typed by it. */
    request,
    models,
    model,
    tokens,
    /** Webhooks and their delivery log (ADMIN). */
    webhooks: webhookMethods(request, { allPages, toPage, pageSize: PAGE }),
    /** Stage policies (`setStagePolicy`) and promotion requests (`requests`). */
    ...governanceClient(request),
    /** The token making the requests: its name and scopes, implied ones included. */
    viewer: async () => mapResult(await request(ViewerDocument, {}), (d) => d.viewer),
    /** One object by its global id, or null. */
    node: async (id: string) => mapResult(await request(NodeDocument, { id }), (d) => d.node),
    /** The global log of stage changes in commit order. */
    stageChanges: (args: { model?: string; first?: number; after?: string } = {}) =>
      request(StageChangesDocument, args).then((r) => mapResult(r, (d) => toPage(d.stageChanges))),
    /**
     * Follows stage changes live; on a dropped connection it reconnects and resumes behind the
     * last cursor delivered, so no change is lost or doubled.
     */
    watch: (watch: Omit<WatchOptions, 'url' | 'token' | 'webSocketImpl'>): Watch =>
      watchStageChanges({ url: options.url, token: options.token ?? '', webSocketImpl: options.webSocketImpl ?? WebSocket, ...watch }),
  };
}

export type ModelstageClient = ReturnType<typeof createClient>;

/** Chains a step on a successful result; a failure short-circuits with its (typed) error. */
function andThen<T, E, U, F>(result: Result<T, E>, next: (value: T) => Result<U, F>): Result<U, E | F>;
function andThen<T, E, U, F>(result: Result<T, E>, next: (value: T) => Promise<Result<U, F>>): Promise<Result<U, E | F>>;
function andThen<T, E, U, F>(result: Result<T, E>, next: (value: T) => Result<U, F> | Promise<Result<U, F>>) {
  return result.ok ? next(result.value) : result;
}

function toStage(stage: StageInput | string): ModelStage {
  return (parseStage(stage) ?? stage) as ModelStage;
}
