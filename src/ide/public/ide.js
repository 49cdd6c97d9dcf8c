/*
 * Orgraph IDE bootstrap: a credential bar above GraphiQL. The credential (API key or session token) is kept in
 * localStorage so a reload keeps working, and every GraphiQL request carries it as the Authorization header.
 * Served as a file (not inline) so the page runs under a strict Content-Security-Policy.
 */
(function () {
  'use strict';
  var STORAGE_KEY = 'orgraph.ide.auth';
  var EXAMPLES = [
    {
      query:
        '# Who am I? Needs a Bearer session token (get one with the login example).\n' +
        '{\n  viewer {\n    email\n    name\n    organizations { slug name viewerRole }\n    teams { username name }\n  }\n}\n',
    },
    {
      query:
        '# Sign in; paste the token into the bar above as a Bearer credential.\n' +
        'mutation Login($input: LoginInput!) {\n  login(input: $input) {\n    token\n    expiresAt\n    userErrors { field code message }\n  }\n}\n',
      variables: '{\n  "input": { "email": "admin@demo.orgraph.dev", "password": "orgraph-demo-admin" }\n}\n',
    },
    {
      query:
        '# An organization, its teams and effective policies (session or organization admin key).\n' +
        'query Organization($slug: String!) {\n  organization(slug: $slug) {\n    name\n    teams(first: 20) {\n      totalCount\n      edges { node { username name effectivePolicy { requestVisibility { value level locked } } } }\n    }\n  }\n}\n',
      variables: '{ "slug": "demo" }\n',
    },
    {
      query:
        '# Why is this model blocked for this team? (organization admin key or session)\n' +
        'query Check($checks: [ModelAccessCheckInput!]!) {\n  checkModelAccess(checks: $checks) {\n    endpointId allowed\n    access { decision level reason rule { pattern effect level } }\n    error { code message }\n  }\n}\n',
      variables: '{ "checks": [{ "teamUsername": "demo-research", "endpointId": "fal-ai/flux/dev", "surface": "API" }] }\n',
    },
  ];

  function loadAuth() {
    try {
      var saved = JSON.parse(window.localStorage.getItem(STORAGE_KEY) || 'null');
      if (saved && (saved.kind === 'Key' || saved.kind === 'Bearer') && typeof saved.value === 'string') return saved;
    } catch (e) {
      /* a corrupt entry is ignored */
    }
    return { kind: 'Bearer', value: '' };
  }

  function headersFor(auth) {
    var value = auth.value.trim();
    return value ? { Authorization: auth.kind + ' ' + value } : {};
  }

  var root = ReactDOM.createRoot(document.getElementById('graphiql'));
  var graphqlPath = document.body.getAttribute('data-graphql-path') || '/graphql';

  function render(auth) {
    var fetcher = GraphiQL.createFetcher({ url: graphqlPath, headers: headersFor(auth) });
    root.render(
      React.createElement(GraphiQL, {
        fetcher: fetcher,
        defaultEditorToolsVisibility: true,
        defaultTabs: EXAMPLES,
        shouldPersistHeaders: false,
      }),
    );
    var status = document.getElementById('auth-status');
    status.textContent = auth.value.trim() ? 'Sending ' + auth.kind + ' credential' : 'No credential (anonymous)';
  }

  var auth = loadAuth();
  var kind = document.getElementById('auth-kind');
  var value = document.getElementById('auth-value');
  kind.value = auth.kind;
  value.value = auth.value;
  document.getElementById('auth-form').addEventListener('submit', function (event) {
    event.preventDefault();
    auth = { kind: kind.value === 'Key' ? 'Key' : 'Bearer', value: value.value };
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(auth));
    render(auth);
  });
  render(auth);
})();
