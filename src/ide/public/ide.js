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
    {
      query:
        '# Usage: cost per team and product over the last 90 days, by week (organization admin key or session).\n' +
        'query Usage($slug: String!, $start: String!) {\n  organization(slug: $slug) {\n    usage(start: $start, timeframe: WEEK, groupBy: [TEAM, PRODUCT], expand: [SUMMARY]) {\n      start end\n      summary { teamUsername product quantity cost currency }\n    }\n  }\n}\n',
      variables: JSON.stringify({ slug: 'demo', start: new Date(Date.now() - 90 * 86400000).toISOString().slice(0, 10) }, null, 2) + '\n',
    },
    {
      query:
        '# Invoices of last month (closed: ISSUED) with their lines (organization admin key or session; ADMIN or BILLING).\n' +
        'query Invoices($slug: String!, $month: String!) {\n  organization(slug: $slug) {\n    billingSummary(month: $month) { month status total invoiceCount }\n    invoices(month: $month, first: 20) {\n      edges { node { id team { username } status total issuedAt lines { kind endpointId unit quantity amount } } }\n    }\n  }\n}\n',
      variables: JSON.stringify({ slug: 'demo', month: new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() - 1, 1)).toISOString().slice(0, 7) }, null, 2) + '\n',
    },
    {
      query:
        '# Spending alerts and when they fired (organization admin key or session; ADMIN or BILLING).\n' +
        'query Alerts($slug: String!) {\n  organization(slug: $slug) {\n    billingTimezone\n    spendingAlerts(first: 20) {\n      edges { node { id threshold period hardLimit team { username } events { periodStart spend firedAt } } }\n    }\n  }\n}\n',
      variables: '{ "slug": "demo" }\n',
    },
    {
      query:
        '# API keys of every team, root team included (secrets are never shown). To mint a new organization admin key,\n' +
        '# run createApiKey with the root team\'s id and scope ADMIN: { "input": { "teamId": "<rootTeam.id>", "alias": "…", "scope": "ADMIN" } }.\n' +
        'query Keys($slug: String!) {\n  organization(slug: $slug) {\n    rootTeam { id username }\n    teams(first: 10, includeRoot: true) {\n      edges { node { username kind apiKeys(first: 5) { edges { node { id alias keyId scope createdAt lastUsedAt } } } } }\n    }\n  }\n}\n',
      variables: '{ "slug": "demo" }\n',
    },
    {
      query:
        '# Ingest: what the metering pipeline sends. Needs the ingest token (Bearer; `npm start` prints it).\n' +
        'mutation Ingest($input: IngestUsageInput!) {\n  ingestUsage(input: $input) {\n    accepted duplicates\n    rejected { index field code message }\n    userErrors { field code message }\n  }\n}\n',
      variables:
        JSON.stringify(
          { input: { records: [{ id: 'ide-' + Date.now(), timestamp: new Date(Date.now() - 60000).toISOString(), teamUsername: 'demo-research', product: 'MODEL_APIS', endpointId: 'fal-ai/flux/dev', quantity: '4' }] } },
          null,
          2,
        ) + '\n',
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
