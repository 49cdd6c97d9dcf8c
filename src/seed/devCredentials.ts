import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Development credentials kept in the data folder (next to the embedded database, git-ignored) so that the ingest
 * and operator tokens, and the demo organization admin key, stay the same across restarts. Never used in
 * production: there the tokens come from the environment and the key is shown once.
 */
export interface DevCredentials {
  ingestToken: string;
  operatorToken: string;
  /** The demo organization admin key, when this data folder's start created it. */
  demoAdminKey?: string;
}

export function devCredentialsFile(dataDir: string): string {
  return path.join(dataDir, 'dev-credentials.json');
}

/** Reads the stored credentials, creating (and storing, readable by the owner only) the missing ones. */
export function loadDevCredentials(file: string): DevCredentials {
  let stored: Partial<DevCredentials> = {};
  try {
    stored = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<DevCredentials>;
  } catch {
    // first start, or an unreadable file: new credentials below
  }
  const credentials: DevCredentials = {
    ...stored,
    ingestToken: typeof stored.ingestToken === 'string' && stored.ingestToken.length >= 24 ? stored.ingestToken : `ogi_${crypto.randomBytes(24).toString('base64url')}`,
    operatorToken: typeof stored.operatorToken === 'string' && stored.operatorToken.length >= 24 ? stored.operatorToken : `ogo_${crypto.randomBytes(24).toString('base64url')}`,
  };
  saveDevCredentials(file, credentials);
  return credentials;
}

export function saveDevCredentials(file: string, credentials: DevCredentials): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
}
