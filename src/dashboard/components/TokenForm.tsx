import { useState } from 'preact/hooks';

export function TokenForm(props: { busy: boolean; error?: string; onSubmit: (token: string) => void }) {
  const [token, setToken] = useState('');
  return (
    <main class="signin">
      <h1>Modelstage</h1>
      <p>Every model's stages on one page, updated the moment a promotion commits.</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (token.trim()) props.onSubmit(token.trim());
        }}
      >
        <label for="token">API token</label>
        <input
          id="token"
          name="token"
          type="password"
          autocomplete="off"
          required
          value={token}
          onInput={(event) => setToken(event.currentTarget.value)}
          aria-describedby={props.error ? 'token-error token-help' : 'token-help'}
          aria-invalid={props.error ? true : undefined}
        />
        <p id="token-help" class="hint">
          Kept in this tab's session storage until you sign out or close the tab. Create one with{' '}
          <code>modelstage token create NAME --scopes read</code>.
        </p>
        {props.error && (
          <p id="token-error" class="error" role="alert">
            {props.error}
          </p>
        )}
        <button type="submit" disabled={props.busy}>
          {props.busy ? 'Checking…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
