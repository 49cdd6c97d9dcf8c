import fs from 'node:fs';
import path from 'node:path';
import express from 'express';

/**
 * The pages that links in emails open: accept an invite (sign in, then accept), choose a new password after a reset
 * request, and confirm a sign-up. Each is a small form whose script (served from here; the CSP allows nothing
 * else) reads the one-time token from the URL fragment and calls the GraphQL API, exactly as any client could.
 */
const PAGES: Record<string, { title: string; page: string; form: string; second?: string }> = {
  '/invites/accept': {
    title: 'Accept your invite',
    page: 'invite',
    form: `<p>Sign in with the address the invite was sent to; the invite is accepted at once.</p>
      <label>Email <input name="email" type="email" autocomplete="username" required maxlength="254"></label>
      <label>Password <input name="password" type="password" autocomplete="current-password" required maxlength="200"></label>
      <button type="submit">Sign in and accept</button>`,
    second: `<p>New to Orgraph? Create your account for the invited address; the invite is accepted at once.</p>
      <label>Your name <input name="name" autocomplete="name" required maxlength="100"></label>
      <label>Choose a password (10–200 characters) <input name="password" type="password" autocomplete="new-password" required minlength="10" maxlength="200"></label>
      <button type="submit">Create account and accept</button>`,
  },
  '/password-reset': {
    title: 'Choose a new password',
    page: 'reset',
    form: `<label>New password (10–200 characters) <input name="password" type="password" autocomplete="new-password" required minlength="10" maxlength="200"></label>
      <button type="submit">Set password</button>`,
  },
  '/sign-up/confirm': {
    title: 'Confirm your account',
    page: 'confirm',
    form: `<p>Confirm your email address to finish creating your Orgraph account.</p><button type="submit">Confirm</button>`,
  },
};

// From src/ under ts-node and jest; from the compiled dist/src/email/ the source folder is three levels up.
const SCRIPT_FILE = [path.join(__dirname, 'public', 'accountPages.js'), path.join(__dirname, '..', '..', '..', 'src', 'email', 'public', 'accountPages.js')].find((file) => fs.existsSync(file));
if (!SCRIPT_FILE) throw new Error('accountPages.js not found beside src/email/accountPages.ts');
const SCRIPT = fs.readFileSync(SCRIPT_FILE, 'utf8');
const CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; form-action 'none'; frame-ancestors 'none'";

export function createAccountPagesRouter(options: { graphqlPath: string }): express.Router {
  const router = express.Router();
  for (const [route, page] of Object.entries(PAGES)) {
    const html = render(page, options.graphqlPath);
    router.get(route, (_req, res) => {
      res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
      res.setHeader('Referrer-Policy', 'no-referrer');
      res.setHeader('Cache-Control', 'no-store');
      res.type('html').send(html);
    });
  }
  router.get('/account/assets/accountPages.js', (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.type('text/javascript').send(SCRIPT);
  });
  return router;
}

function render(page: { title: string; page: string; form: string; second?: string }, graphqlPath: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${page.title} · Orgraph</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:16px system-ui,sans-serif;max-width:28rem;margin:3rem auto;padding:0 1rem}label{display:block;margin:.8rem 0}input{display:block;width:100%;padding:.4rem}button{margin-top:1rem;padding:.5rem 1rem}#result{margin-top:1rem}</style>
</head><body data-page="${page.page}" data-graphql="${graphqlPath}">
<h1>${page.title}</h1>
<form id="form">${page.form}</form>${page.second ? `\n<form id="second">${page.second}</form>` : ''}
<p id="result" role="status"></p>
<script src="/account/assets/accountPages.js"></script>
</body></html>`;
}
