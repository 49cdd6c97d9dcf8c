import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { loadConfig } from '../src/core/config';

const run = promisify(execFile);

describe('configuration', () => {
  it('applies defaults and coerces numbers', () => {
    const config = loadConfig({ PORT: '8080' });
    expect(config.PORT).toBe(8080);
    expect(config.GRAPHQL_MAX_DEPTH).toBe(12);
    expect(config.isProduction).toBe(false);
  });

  it('names every bad variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' })).toThrow(
      /PORT[\s\S]*DATABASE_URL[\s\S]*LOG_LEVEL|PORT[\s\S]*LOG_LEVEL[\s\S]*DATABASE_URL/,
    );
  });

  it('requires an encryption key in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/ENCRYPTION_KEY/);
  });

  it('a bad value stops start-up with a message naming it, before touching any database', async () => {
    const failure = await run('npx', ['ts-node', '--transpile-only', 'src/main.ts'], {
      cwd: path.join(__dirname, '..'),
      env: { ...process.env, PORT: 'not-a-port', DATABASE_URL: '' },
    }).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(2);
    expect(failure?.stderr).toMatch(/Invalid configuration:\s+PORT:/);
  });
});
