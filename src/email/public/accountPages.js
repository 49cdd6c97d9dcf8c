// Runs the email-link pages: the one-time token comes from the URL fragment (never sent to the server in the URL).
(function () {
  var body = document.body;
  var token = new URLSearchParams(location.hash.slice(1)).get('token') || '';
  var result = document.getElementById('result');
  var form = document.getElementById('form');

  function gql(query, variables, bearer) {
    var headers = { 'content-type': 'application/json' };
    if (bearer) headers.authorization = 'Bearer ' + bearer;
    return fetch(body.dataset.graphql, { method: 'POST', headers: headers, body: JSON.stringify({ query: query, variables: variables }) })
      .then(function (r) { return r.json(); })
      .then(function (r) {
        if (r.errors && r.errors.length) throw new Error(r.errors[0].message);
        return r.data;
      });
  }
  function failed(payload) {
    if (payload.userErrors && payload.userErrors.length) throw new Error(payload.userErrors[0].message);
    return payload;
  }
  function show(text) { result.textContent = text; }

  var actions = {
    invite: function (data) {
      return gql('mutation($i: LoginInput!) { login(input: $i) { token userErrors { code message } } }', { i: { email: data.get('email'), password: data.get('password') } })
        .then(function (d) { return failed(d.login).token; })
        .then(function (session) {
          return gql('mutation($i: AcceptInviteInput!) { acceptInvite(input: $i) { invite { status } userErrors { code message } } }', { i: { token: token } }, session)
            .then(function (d) { failed(d.acceptInvite); sessionStorage.setItem('orgraphToken', session); show('Invite accepted. You are signed in.'); });
        });
    },
    inviteNewAccount: function (data) {
      return gql('mutation($i: AcceptInviteInput!) { acceptInvite(input: $i) { sessionToken userErrors { code message } } }', { i: { token: token, newAccount: { name: data.get('name'), password: data.get('password') } } })
        .then(function (d) { sessionStorage.setItem('orgraphToken', failed(d.acceptInvite).sessionToken); show('Account created and invite accepted. You are signed in.'); });
    },
    reset: function (data) {
      return gql('mutation($i: ResetPasswordInput!) { resetPassword(input: $i) { userErrors { code message } } }', { i: { token: token, newPassword: data.get('password') } })
        .then(function (d) { failed(d.resetPassword); show('Password changed. Sign in with your new password.'); });
    },
    confirm: function () {
      return gql('mutation($i: ConfirmSignUpInput!) { confirmSignUp(input: $i) { token userErrors { code message } } }', { i: { token: token } })
        .then(function (d) { sessionStorage.setItem('orgraphToken', failed(d.confirmSignUp).token); show('Account confirmed. You are signed in.'); });
    },
  };

  if (!token) show('This link is incomplete: open it exactly as it appears in the email.');
  function handle(target, action) {
    target.addEventListener('submit', function (event) {
      event.preventDefault();
      show('…');
      actions[action](new FormData(target)).catch(function (error) { show(error.message); });
    });
  }
  handle(form, body.dataset.page);
  var second = document.getElementById('second');
  if (second) handle(second, 'inviteNewAccount');
})();
