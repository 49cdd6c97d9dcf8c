import fs from 'node:fs';
import path from 'node:path';
import express, { type Request, type Response, type NextFunction } from 'express';

/**
 * The GraphQL IDE (GraphiQL) served from the server's own bundle: no CDN, so it works with no internet. A browser
 * asking for HTML at the GraphQL path gets the page; API clients fall through to the GraphQL handler.
 */
const ASSETS: Record<string, { file: string; type: string }> = {
  'react.js': { file: packageFile('react', 'umd/react.production.min.js'), type: 'text/javascript' },
  'react-dom.js': { file: packageFile('react-dom', 'umd/react-dom.production.min.js'), type: 'text/javascript' },
  'graphiql.js': { file: packageFile('graphiql', 'graphiql.min.js'), type: 'text/javascript' },
  'graphiql.css': { file: packageFile('graphiql', 'graphiql.min.css'), type: 'text/css' },
  'ide.js': { file: publicFile('ide.js'), type: 'text/javascript' },
  'ide.css': { file: publicFile('ide.css'), type: 'text/css' },
};

// GraphiQL styles its panes inline, hence 'unsafe-inline' for styles only; scripts come from this server alone.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function createIdeRouter(options: { graphqlPath: string }): express.Router {
  const router = express.Router();
  const page = renderPage(options.graphqlPath);

  router.get('/playground', (_req, res) => res.redirect(302, options.graphqlPath));
  router.get(options.graphqlPath, (req: Request, res: Response, next: NextFunction) => {
    // Browsers navigating here prefer HTML; GraphQL clients send GET queries with JSON accept headers.
    if (req.query.query !== undefined || req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) !== 'text/html') {
      next();
      return;
    }
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    res.setHeader('Cache-Control', 'no-cache');
    res.type('html').send(page);
  });
  router.get('/ide/assets/:name', (req, res, next) => {
    const asset = ASSETS[req.params.name];
    if (!asset) {
      next();
      return;
    }
    res.setHeader('Cache-Control', 'public, max-age=3600');
    res.type(asset.type);
    fs.createReadStream(asset.file).on('error', next).pipe(res);
  });
  return router;
}

function renderPage(graphqlPath: string): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Orgraph GraphQL IDE</title>
  <link rel="stylesheet" href="/ide/assets/graphiql.css">
  <link rel="stylesheet" href="/ide/assets/ide.css">
</head>
<body data-graphql-path="${graphqlPath}">
  <form id="auth-form" autocomplete="off">
    <div id="auth-bar">
      <strong>Orgraph</strong>
      <label for="auth-kind">Credential</label>
      <select id="auth-kind" aria-label="Credential kind">
        <option value="Bearer">Bearer (session token)</option>
        <option value="Key">Key (API key key_id:key_secret)</option>
      </select>
      <input id="auth-value" type="password" placeholder="Paste a session token or an API key" aria-label="Credential">
      <button id="auth-apply" type="submit">Apply</button>
      <span id="auth-status"></span>
    </div>
  </form>
  <div id="graphiql">Loading the IDE…</div>
  <script src="/ide/assets/react.js"></script>
  <script src="/ide/assets/react-dom.js"></script>
  <script src="/ide/assets/graphiql.js"></script>
  <script src="/ide/assets/ide.js"></script>
</body>
</html>`;
}

/** A file inside an installed package (the UMD bundles are not in the packages' `exports` maps). */
function packageFile(packageName: string, file: string): string {
  return path.join(path.dirname(require.resolve(`${packageName}/package.json`)), file);
}

/** The page's own scripts and styles live in src/ide/public (found from both src/ and the compiled dist/). */
function publicFile(name: string): string {
  const candidates = [path.join(__dirname, 'public', name), path.join(__dirname, '..', '..', '..', 'src', 'ide', 'public', name)];
  const found = candidates.find((candidate) => fs.existsSync(candidate));
  if (!found) throw new Error(`IDE asset ${name} not found (looked in ${candidates.join(', ')})`);
  return found;
}
