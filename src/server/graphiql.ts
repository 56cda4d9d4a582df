import { renderGraphiQL } from '@graphql-yoga/render-graphiql';

/**
 * The tab's token, under the key the dashboard keeps it (src/dashboard/App.tsx, TOKEN_KEY; the
 * GraphiQL browser test signs in on the dashboard and then opens GraphiQL, so the two agree).
 */
const TOKEN_KEY = 'modelstage.token';

/**
 * Runs in the page before GraphiQL starts. Every request needs a token, introspection included,
 * so GraphiQL must not start without one: it would show UNAUTHENTICATED and keep "Error fetching
 * schema" after a token is pasted. So the page takes the token this tab signed in to the
 * dashboard with (same origin, sessionStorage), or asks for one and checks it with `viewer`; then
 * it starts GraphiQL with that token in the headers, which are not persisted to localStorage
 * (the token stays as short-lived as the dashboard's). When the headers are edited later (another
 * token), the schema is fetched again, through GraphiQL's own re-fetch button.
 */
const beforeGraphiQL = `
(function () {
  var KEY = ${JSON.stringify(TOKEN_KEY)};
  function headersFor(token) {
    return JSON.stringify({ Authorization: 'Bearer ' + token }, null, 2);
  }
  function start(render, root, options, token) {
    var headers = headersFor(token);
    var fetchedWith = headers;
    var pending;
    render(root, Object.assign({}, options, {
      headers: headers,
      initialHeaders: headers,
      shouldPersistHeaders: false,
      onEditHeaders: function (value) {
        clearTimeout(pending);
        pending = setTimeout(function () {
          try { JSON.parse(value || '{}'); } catch (notYet) { return; }
          if (value === fetchedWith) return;
          fetchedWith = value;
          var refetch = document.querySelector('button[aria-label^="Re-fetch GraphQL schema"]');
          if (refetch) refetch.click();
        }, 400);
      },
    }));
  }
  /** Asks the server who the token is: ok(), refused(message) or unreachable(message). */
  function check(token, ok, refused, unreachable) {
    fetch(location.pathname, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer ' + token },
      body: JSON.stringify({ query: '{ viewer { name } }' }),
    }).then(function (response) { return response.json(); }).then(function (body) {
      if (body.data && body.data.viewer) ok();
      else refused((body.errors && body.errors[0] && body.errors[0].message) || 'no answer');
    }, function (failure) { unreachable(failure.message); });
  }
  function ask(render, root, options, why) {
    var form = document.createElement('form');
    form.className = 'modelstage-token';
    form.innerHTML = '<h1>Modelstage GraphiQL</h1>'
      + '<p>Every request needs an API token, the schema too. Paste one (it is kept in this tab only, as the <a href="/">dashboard</a> keeps it).</p>'
      + '<label for="modelstage-token">API token</label>'
      + '<input id="modelstage-token" name="token" type="password" autocomplete="off" spellcheck="false" placeholder="mst_…" required>'
      + '<button type="submit">Open GraphiQL</button>'
      + '<p class="modelstage-token-error" role="alert"></p>';
    var error = form.querySelector('.modelstage-token-error');
    error.textContent = why || '';
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var token = form.elements.token.value.trim();
      if (!token) return;
      error.textContent = '';
      check(token, function () {
        sessionStorage.setItem(KEY, token);
        form.remove();
        start(render, root, options, token);
      }, function (message) {
        error.textContent = 'That token was refused: ' + message;
      }, function (message) {
        error.textContent = 'Could not reach the server: ' + message;
      });
    });
    root.parentNode.insertBefore(form, root);
    form.elements.token.focus();
  }
  window.modelstageGraphiQL = function (render, root, options) {
    var saved = sessionStorage.getItem(KEY);
    if (!saved) return ask(render, root, options);
    // A token kept from earlier may have been revoked since: check it before GraphiQL uses it.
    check(saved, function () { start(render, root, options, saved); }, function (message) {
      sessionStorage.removeItem(KEY);
      ask(render, root, options, 'The token this tab was signed in with was refused: ' + message);
    }, function () { start(render, root, options, saved); });
  };
})();
`;

const tokenFormStyle = `
.modelstage-token { max-width: 32rem; margin: 10vh auto; padding: 0 1rem; font: 16px/1.5 system-ui, sans-serif; display: grid; gap: .5rem; }
.modelstage-token input, .modelstage-token button { font: inherit; padding: .5rem; }
.modelstage-token-error { color: #b00020; min-height: 1.5em; }
`;

/** The call that starts GraphiQL in yoga's page: it goes through the token step above instead. */
const START_CALL = 'YogaGraphiQL.renderYogaGraphiQL(';

/** Yoga's self-contained GraphiQL page (no CDN), started with the tab's token. */
export function renderModelstageGraphiQL(options: Parameters<typeof renderGraphiQL>[0]): string {
  const page = renderGraphiQL(options);
  const call = page.lastIndexOf(START_CALL);
  const head = page.indexOf('</head>');
  // A new version of the page that no longer has these seams must fail loudly, not start without a token.
  if (call < 0 || head < 0 || head > call) throw new Error('@graphql-yoga/render-graphiql changed its page: update src/server/graphiql.ts');
  return (
    page.slice(0, head) +
    `<style>${tokenFormStyle}</style><script>${beforeGraphiQL}</script>` +
    page.slice(head, call) +
    'modelstageGraphiQL(YogaGraphiQL.renderYogaGraphiQL, ' +
    page.slice(call + START_CALL.length)
  );
}
