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

  it('requires PUBLIC_URL in production, so SSO redirect URIs never come from the Host header', () => {
    const production = { NODE_ENV: 'production', ENCRYPTION_KEY: 'k'.repeat(32) };
    expect(() => loadConfig(production)).toThrow(/PUBLIC_URL: required when NODE_ENV=production/);
    expect(loadConfig({ ...production, PUBLIC_URL: 'https://orgraph.example.com' }).PUBLIC_URL).toBe('https://orgraph.example.com');
    expect(loadConfig({ NODE_ENV: 'development' }).PUBLIC_URL).toBeUndefined();
  });

  it('accepts a DNS resolver address and names a bad one', () => {
    expect(loadConfig({ DNS_RESOLVER: '127.0.0.1:5353' }).DNS_RESOLVER).toBe('127.0.0.1:5353');
    expect(() => loadConfig({ DNS_RESOLVER: 'dns.example.com' })).toThrow(/DNS_RESOLVER/);
  });

  it('a bad value stops start-up with a message naming it, before touching any database', async () => {
    const failure = await run('npx', ['ts-node', '--transpile-only', 'src/main.ts'], {
      cwd: path.join(__dirname, '..'),
      env: { ...process.env, PORT: 'not-a-port', DATABASE_URL: '' },
    }).then(
      () => null,
      (error: unknown) => error as { code: number; stderr: string },
    );
    expect(failure?.code).toBe(2);
    expect(failure?.stderr).toMatch(/Invalid configuration:\s+PORT:/);
  });

  it('production without PUBLIC_URL refuses to start with a clear configuration error', async () => {
    const failure = await run('npx', ['ts-node', '--transpile-only', 'src/main.ts'], {
      cwd: path.join(__dirname, '..'),
      env: { ...process.env, NODE_ENV: 'production', ENCRYPTION_KEY: 'k'.repeat(32), PUBLIC_URL: '', DATABASE_URL: '' },
    }).then(
      () => null,
      (error: unknown) => error as { code: number; stderr: string },
    );
    expect(failure?.code).toBe(2);
    expect(failure?.stderr).toMatch(/Invalid configuration:\s+PUBLIC_URL: required when NODE_ENV=production/);
  });
});
