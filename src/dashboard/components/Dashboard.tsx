import { useEffect, useMemo, useReducer, useRef, useState } from 'preact/hooks';
import { watchStageChanges, type WatchStatus } from '../../client/live.js';
import { requestOf, type Api, type ViewerView } from '../api';
import { DashboardPromotionRequestChangedDocument, DashboardVersionCreatedDocument } from '../generated/graphql';
import { openLiveEvents } from '../live';
import { dashboardReducer, initialDashboard } from '../state/models';
import { findModelPage, type FoundPage } from '../state/paging';
import { mayManageWebhooks, permissionsOf } from '../state/permissions';
import { LiveStatus } from './bits';
import { ModelCard } from './ModelCard';
import { WebhooksPage } from './WebhooksPage';

const PAGE_SIZE = 12;
/** A forced move delivers two events from one transaction: one refetch covers both. */
const REFETCH_DELAY_MS = 80;

export function Dashboard(props: { api: Api; viewer: ViewerView; onSignOut: () => void }) {
  const { api, viewer } = props;
  const permissions = useMemo(() => permissionsOf(viewer.scopes), [viewer]);
  const admin = useMemo(() => mayManageWebhooks(viewer.scopes), [viewer]);
  const [view, setView] = useState<'models' | 'webhooks'>('models');
  const [state, dispatch] = useReducer(dashboardReducer, initialDashboard);
  const [live, setLive] = useState<{ status: WatchStatus; detail?: string }>({ status: 'connecting' });
  const [query, setQuery] = useState('');
  const [search, setSearch] = useState('');
  /** The `after` cursor of each page up to the current one, for "Previous". */
  const [afters, setAfters] = useState<(string | null)[]>([null]);
  const [page, setPage] = useState<FoundPage | null>(null);
  const [pageError, setPageError] = useState<string>();
  const [now, setNow] = useState(Date.now());
  const [failed, setFailed] = useState<Record<string, string>>({});

  // Read by the subscription's callbacks, which are created once per sign-in.
  const visible = useRef(new Set<string>());
  const seq = useRef(0);
  const pending = useRef(new Map<string, ReturnType<typeof setTimeout>>());

  const load = (name: string) => {
    const mine = ++seq.current;
    api.model(name).then(
      (model) => {
        dispatch({ type: 'loaded', seq: mine, name, model });
        setFailed((all) => {
          if (!(name in all)) return all;
          const { [name]: _recovered, ...rest } = all;
          return rest;
        });
      },
      // Shown on the card; the next event, refresh or page change tries again.
      (error: Error) => setFailed((all) => ({ ...all, [name]: error.message })),
    );
  };
  const loadSoon = (name: string) => {
    if (pending.current.has(name)) return;
    pending.current.set(name, setTimeout(() => (pending.current.delete(name), load(name)), REFETCH_DELAY_MS));
  };
  const reloadVisible = () => visible.current.forEach(loadSoon);

  // Typing waits for a pause before searching, and starts again from the first page.
  useEffect(() => {
    const timer = setTimeout(() => {
      setSearch(query);
      setAfters([null]);
    }, 250);
    return () => clearTimeout(timer);
  }, [query]);

  const after = afters.at(-1) ?? null;
  useEffect(() => {
    let current = true;
    findModelPage(api.modelNames, { after, size: PAGE_SIZE, query: search }).then(
      (found) => {
        if (!current) return;
        setPageError(undefined);
        setPage(found);
        visible.current = new Set(found.names);
        found.names.forEach(load);
      },
      (error: Error) => current && setPageError(error.message),
    );
    return () => {
      current = false;
    };
  }, [api, search, after]);

  // Stage changes come through a watch that resumes from its last cursor after a reconnect
  // (client/live.ts); new versions through a live subscription without replay (live.ts). After
  // either reconnects, the visible models are refetched for what was missed or is not carried.
  useEffect(() => {
    const events = openLiveEvents({ url: api.url, token: api.token, onReconnected: reloadVisible });
    events.subscribe(DashboardVersionCreatedDocument, {}, ({ versionCreated }) => {
      const { model, ...version } = versionCreated;
      dispatch({ type: 'versionCreated', model: model.name, version });
    });
    events.subscribe(DashboardPromotionRequestChangedDocument, {}, ({ promotionRequestChanged }) => {
      const { model, ...request } = promotionRequestChanged;
      dispatch({ type: 'requestChanged', model: model.name, request: requestOf(request) });
      // The event is applied at once; a refetch settles a load that was already under way.
      if (visible.current.has(model.name)) loadSoon(model.name);
    });
    return () => events.close();
  }, [api]);

  useEffect(() => {
    let wasLive = false;
    const watch = watchStageChanges({
      url: api.url,
      token: api.token,
      onChange: (change) => {
        dispatch({ type: 'change', change });
        if (visible.current.has(change.model.name)) loadSoon(change.model.name);
      },
      onStatus: (status, detail) => {
        setLive({ status, detail });
        if (status === 'live' && wasLive) reloadVisible();
        if (status === 'live') wasLive = true;
      },
    });
    const tick = setInterval(() => setNow(Date.now()), 10_000);
    return () => {
      watch.close();
      clearInterval(tick);
      pending.current.forEach(clearTimeout);
      pending.current.clear();
    };
  }, [api]);

  const pageNumber = afters.length;
  return (
    <>
      <header class="topbar">
        <h1>Modelstage</h1>
        <LiveStatus status={live.status} detail={live.detail} />
        <p class="announcement" aria-live="polite" aria-atomic="true">
          {state.announcement && <>Last change: {state.announcement}</>}
        </p>
        <div class="viewer">
          <span>
            Signed in as <strong data-testid="viewer-name">{viewer.name}</strong>
          </span>
          <ul class="scopes" aria-label="Token scopes">
            {viewer.scopes.map((scope) => (
              <li key={scope}>{scope}</li>
            ))}
          </ul>
          {admin && (
            <nav aria-label="Pages" class="views">
              {(['models', 'webhooks'] as const).map((name) => (
                <button key={name} type="button" class="secondary" aria-current={view === name ? 'page' : undefined} onClick={() => setView(name)}>
                  {name === 'models' ? 'Models' : 'Webhooks'}
                </button>
              ))}
            </nav>
          )}
          <button type="button" class="secondary" onClick={props.onSignOut}>
            Sign out
          </button>
        </div>
      </header>
      {view === 'webhooks' && admin ? (
        <main>
          <WebhooksPage api={api} now={now} />
        </main>
      ) : (
        <main>
          <div class="toolbar">
            <label for="search">Search models</label>
            <input id="search" type="search" placeholder="Filter by name" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
            <nav aria-label="Model pages" class="pager">
              <button type="button" class="secondary" disabled={pageNumber === 1} onClick={() => setAfters(afters.slice(0, -1))}>
                Previous
              </button>
              <span aria-live="polite">Page {pageNumber}</span>
              <button type="button" class="secondary" disabled={!page?.hasNext} onClick={() => page && setAfters([...afters, page.endCursor])}>
                Next
              </button>
            </nav>
          </div>
          {!permissions.canSetStage && <p class="note">This token can only read: changing stages needs the WRITE scope.</p>}
          {pageError && (
            <p class="error" role="alert">
              Could not load models: {pageError}
            </p>
          )}
          {page && page.names.length === 0 && <p class="note">{search ? `No model matches “${search}”.` : 'No models yet.'}</p>}
          <div class="grid">
            {page?.names.map((name) => {
              const model = state.models[name];
              return model ? (
                <ModelCard key={name} model={model} api={api} permissions={permissions} reviewer={viewer} now={now} />
              ) : (
                <article key={name} class="card loading" aria-busy="true">
                  <h2>{name}</h2>
                  {failed[name] ? <p class="error">Could not load: {failed[name]}</p> : <p>Loading…</p>}
                </article>
              );
            })}
          </div>
        </main>
      )}
    </>
  );
}
