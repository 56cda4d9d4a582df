import { useEffect, useState } from 'preact/hooks';
import { Api, ApiError, type ViewerView } from './api';
import { Dashboard } from './components/Dashboard';
import { TokenForm } from './components/TokenForm';

/** The token lives for the browser session only: a closed tab forgets it. */
const TOKEN_KEY = 'modelstage.token';

interface Session {
  api: Api;
  viewer: ViewerView;
}

export function App() {
  const [session, setSession] = useState<Session | null>(null);
  const [checking, setChecking] = useState(() => sessionStorage.getItem(TOKEN_KEY) !== null);
  const [error, setError] = useState<string>();

  const signIn = async (token: string) => {
    setChecking(true);
    const api = new Api(new URL('/graphql', location.href).toString(), token);
    try {
      const viewer = await api.viewer();
      sessionStorage.setItem(TOKEN_KEY, token);
      setError(undefined);
      setSession({ api, viewer });
    } catch (e) {
      sessionStorage.removeItem(TOKEN_KEY);
      setError(e instanceof ApiError && e.code === 'UNAUTHENTICATED' ? 'That token is unknown or revoked.' : `Could not sign in: ${String((e as Error).message ?? e)}`);
    } finally {
      setChecking(false);
    }
  };

  useEffect(() => {
    const saved = sessionStorage.getItem(TOKEN_KEY);
    if (saved) void signIn(saved);
  }, []);

  const signOut = () => {
    sessionStorage.removeItem(TOKEN_KEY);
    setSession(null);
  };

  if (session) return <Dashboard api={session.api} viewer={session.viewer} onSignOut={signOut} />;
  return <TokenForm busy={checking} error={error} onSubmit={(token) => void signIn(token)} />;
}
