import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface OidcProviderProcess {
  issuer: string;
  stop(): Promise<void>;
}

/** Starts test/support/oidcProvider.mjs (a real `oidc-provider`) as a child process and waits until it listens. */
export async function startOidcProvider(options: {
  port: number;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  accounts: Record<string, { email: string; email_verified: boolean; name?: string }>;
  keySeed?: string;
  clockOffsetMs?: number;
  /** The issuer it claims in discovery and tokens (default: its own address). */
  claimedIssuer?: string;
}): Promise<OidcProviderProcess> {
  const child: ChildProcess = spawn(process.execPath, [path.join(__dirname, 'oidcProvider.mjs')], {
    env: {
      ...process.env,
      OIDC_PORT: String(options.port),
      OIDC_CLIENT_ID: options.clientId,
      OIDC_CLIENT_SECRET: options.clientSecret,
      OIDC_REDIRECT_URI: options.redirectUri,
      OIDC_ACCOUNTS: JSON.stringify(options.accounts),
      OIDC_KEY_SEED: options.keySeed ?? 'one',
      OIDC_CLOCK_OFFSET_MS: String(options.clockOffsetMs ?? 0),
      OIDC_ISSUER: options.claimedIssuer ?? '',
      NODE_ENV: 'development',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`OIDC provider did not start: ${stderr}`)), 15_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('READY')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`OIDC provider exited (${code}): ${stderr}`));
    });
  });
  return {
    // Where it answers (discovery at <issuer>/.well-known/openid-configuration), whatever issuer it claims.
    issuer: `http://127.0.0.1:${options.port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
}

/**
 * Drives a browser-less login through the provider: follows redirects with a cookie jar, submits the dev login form
 * as `login` and the consent form, and stops at the redirect back to Orgraph's callback (returned, not followed).
 * The prompts answered on the way (`login`, `consent`) are pushed to `prompts`.
 */
export async function loginAtProvider(authorizationUrl: string, login: string, callbackPrefix: string, prompts: string[] = []): Promise<string> {
  const cookies = new Map<string, string>();
  const cookieHeader = () => [...cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  const remember = (response: Response) => {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...value] = pair.split('=');
      cookies.set(name.trim(), value.join('='));
    }
  };
  let url = authorizationUrl;
  for (let step = 0; step < 20; step++) {
    if (url.startsWith(callbackPrefix)) return url;
    const response = await fetch(url, { redirect: 'manual', headers: { cookie: cookieHeader() } });
    remember(response);
    const location = response.headers.get('location');
    if (location) {
      url = new URL(location, url).toString();
      continue;
    }
    const html = await response.text();
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!prompt || !action) throw new Error(`unexpected provider page (${response.status}): ${html.slice(0, 300)}`);
    prompts.push(prompt);
    const body = new URLSearchParams(prompt === 'login' ? { prompt, login, password: 'any' } : { prompt });
    const submitted = await fetch(new URL(action, url), {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    remember(submitted);
    const next = submitted.headers.get('location');
    if (!next) throw new Error(`provider did not redirect after ${prompt} (${submitted.status}): ${(await submitted.text()).slice(0, 300)}`);
    url = new URL(next, url).toString();
  }
  throw new Error('login did not reach the callback');
}
