import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

/**
 * The SDK consumer test (sdk/README.md, "Developing the SDK"): build and `npm pack` sdk/, install the tarball into a fresh project outside
 * the repository, type-check consumer files written as users would (strict, no skipLibCheck, `@ts-expect-error`
 * lines that must not type-check), then run the compiled consumer against a live Orgraph. The gateway consumer
 * (consumer-test/gateway.ts) is compiled and run twice, as CommonJS and as ESM; and a bundle of one small import
 * (`isOrgraphError`) is built with esbuild to check that the ESM build tree-shakes (its size is reported).
 *
 * `npm run test:sdk-consumer` starts its own Orgraph (embedded PostgreSQL, or a fresh database on TEST_DATABASE_URL);
 * test/sdkConsumer.test.ts calls `runSdkConsumerTest` with the jest test server instead.
 */
const exec = promisify(execFile);
const root = path.join(__dirname, '..');
const sdkDir = path.join(root, 'sdk');
const fixtureDir = path.join(sdkDir, 'consumer-test');

/** What the consumer's node_modules may hold: the SDK, its type-only dependency (and that one's peer), tooling. */
const ALLOWED_PACKAGES = new Set(['@orgraph/sdk', '@graphql-typed-document-node/core', 'graphql', 'typescript', '@types/node', 'undici-types']);

export interface ConsumerTarget {
  /** GraphQL endpoint of a live Orgraph. */
  url: string;
  /** An ADMIN key on the organization's root team (organization admin key). */
  apiKey: string;
  organizationSlug: string;
  /** The server's ingest credential (the gateway's). */
  ingestToken: string;
  log?: (line: string) => void;
}

/** Largest acceptable minified bundle of `import { isOrgraphError } from '@orgraph/sdk'` (the whole SDK is ~34 KB). */
export const SMALL_IMPORT_BUDGET_BYTES = 2_048;

export async function runSdkConsumerTest(target: ConsumerTarget): Promise<{ output: string; smallImportBytes: number; wholeSdkBytes: number }> {
  const log = target.log ?? ((line: string) => console.log(line));
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'orgraph-sdk-consumer-'));
  try {
    if (!fs.existsSync(path.join(sdkDir, 'node_modules', '.bin', 'tsc'))) {
      log('installing the SDK’s own dev dependencies (sdk/node_modules)');
      await run('npm', ['ci', '--no-audit', '--no-fund'], sdkDir);
    }
    log('building and packing @orgraph/sdk');
    const packed = JSON.parse(await run('npm', ['pack', '--json', '--pack-destination', work], sdkDir)) as Array<{ filename: string; files: Array<{ path: string }> }>;
    const tarball = path.join(work, path.basename(packed[0].filename));
    const shipped = packed[0].files.map((file) => file.path);
    for (const format of ['cjs', 'esm']) {
      for (const file of ['index.js', 'index.d.ts', 'documents.js', 'documents.d.ts', 'package.json']) {
        assert(shipped.includes(`dist/${format}/${file}`), `the tarball ships dist/${format}/${file} (${shipped.join(', ')})`);
      }
    }
    assert(!shipped.some((file) => file.startsWith('consumer-test/') || file.startsWith('node_modules/')), 'the tarball ships no test fixtures');
    assertNoAnyInDeclarations(path.join(sdkDir, 'dist', 'cjs'));
    assertNoAnyInDeclarations(path.join(sdkDir, 'dist', 'esm'));

    const project = path.join(work, 'consumer');
    fs.mkdirSync(project);
    fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'orgraph-sdk-consumer', version: '1.0.0', private: true }, null, 2));
    for (const file of ['consumer.ts', 'browser.ts', 'tsconfig.node.json', 'tsconfig.browser.json']) {
      fs.copyFileSync(path.join(fixtureDir, file), path.join(project, file));
    }
    // One gateway source, two module systems: `.cts` compiles to CommonJS, `.mts` to ESM (TypeScript's NodeNext
    // resolves `@orgraph/sdk` through the `require` and the `import` conditions, with their own declarations).
    fs.copyFileSync(path.join(fixtureDir, 'gateway.ts'), path.join(project, 'gateway.cts'));
    fs.copyFileSync(path.join(fixtureDir, 'gateway.ts'), path.join(project, 'gateway.mts'));
    fs.writeFileSync(
      path.join(project, 'tsconfig.gateway.json'),
      JSON.stringify({
        compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2022'], types: ['node'], strict: true, skipLibCheck: false, outDir: 'dist' },
        files: ['gateway.cts', 'gateway.mts'],
      }),
    );
    log(`installing ${path.basename(tarball)} into a fresh project`);
    await run('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock', tarball, 'typescript@5', '@types/node@20'], project);
    const tree = JSON.parse(await run('npm', ['ls', '--all', '--json'], project)) as { dependencies?: Record<string, NpmTree> };
    const installed = [...packageNames(tree.dependencies ?? {})];
    const unexpected = installed.filter((name) => !ALLOWED_PACKAGES.has(name));
    assert(unexpected.length === 0, `the SDK pulls in nothing but its type-only dependency (unexpected: ${unexpected.join(', ')})`);

    log('type-checking the consumer files (Node: lib ES2022 + @types/node; browser: lib DOM, no Node types)');
    await run('npx', ['--no-install', 'tsc', '-p', 'tsconfig.node.json'], project);
    await run('npx', ['--no-install', 'tsc', '-p', 'tsconfig.browser.json'], project);
    log('type-checking and compiling the gateway consumer as CommonJS (.cts) and as ESM (.mts)');
    await run('npx', ['--no-install', 'tsc', '-p', 'tsconfig.gateway.json'], project);
    await assertMisuseFailsWithoutDirective(project);
    log('type-checking the examples of sdk/README.md against the installed package');
    writeReadmeExamples(project);
    await run('npx', ['--no-install', 'tsc', '-p', 'tsconfig.readme.json'], project);

    log(`running the compiled consumer against ${target.url}`);
    const output = await run('node', ['dist/consumer.js'], project, {
      ORGRAPH_URL: target.url,
      ORGRAPH_API_KEY: target.apiKey,
      ORGRAPH_ORGANIZATION: target.organizationSlug,
    });
    log(output.trim());
    assert(output.includes('consumer OK'), 'the consumer reports success');
    const env = { ORGRAPH_URL: target.url, ORGRAPH_API_KEY: target.apiKey, ORGRAPH_INGEST_TOKEN: target.ingestToken };
    for (const file of ['dist/gateway.cjs', 'dist/gateway.mjs']) {
      const gateway = await run('node', [file], project, env);
      log(gateway.trim());
      assert(gateway.includes(`gateway OK (${file.endsWith('.cjs') ? 'CommonJS' : 'ESM'})`), `${file} reports success in its module system`);
    }

    const smallImportBytes = await bundleSize(project, `export { isOrgraphError } from '@orgraph/sdk';`);
    const wholeSdkBytes = await bundleSize(project, `export * from '@orgraph/sdk';`);
    log(`esbuild --bundle --minify (ESM, browser): isOrgraphError alone ${smallImportBytes} bytes; the whole SDK ${wholeSdkBytes} bytes`);
    assert(smallImportBytes <= SMALL_IMPORT_BUDGET_BYTES, `a bundle of isOrgraphError alone stays within ${SMALL_IMPORT_BUDGET_BYTES} bytes (it is ${smallImportBytes})`);
    return { output, smallImportBytes, wholeSdkBytes };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Every ```ts block of sdk/README.md, as a user would paste it: each block becomes the body of its own async function
 * (blocks reuse names), its `@orgraph/sdk` imports are hoisted, and the few names the prose assumes you already have
 * are declared below. A README example that stops compiling fails the consumer test.
 */
const README_ASSUMES = [
  "import type { OrgraphClient } from '@orgraph/sdk';",
  '/** An existing session token, an id, clients and a team, as the README prose assumes. */',
  'declare const token: string;',
  'declare const someId: string;',
  'declare const client: OrgraphClient;',
  'declare const admin: OrgraphClient;',
  'declare const me: OrgraphClient;',
  'declare const team: { id: string; username: string };',
  'declare function storeSecretSomewhereSafe(secret: string): void;',
];

function writeReadmeExamples(project: string): void {
  const readme = fs.readFileSync(path.join(sdkDir, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]);
  assert(blocks.length >= 5, `sdk/README.md has at least five TypeScript examples (found ${blocks.length})`);
  const imported = new Set<string>();
  const bodies = blocks.map((block, index) => {
    const lines = block.split('\n').filter((line) => {
      const names = /^import \{ (.*) \} from '@orgraph\/sdk';$/.exec(line)?.[1];
      names?.split(',').forEach((name) => imported.add(name.trim()));
      return names === undefined;
    });
    return `export async function readmeExample${index + 1}(): Promise<void> {\n${lines.join('\n')}\n}\n`;
  });
  const header = imported.size ? [`import { ${[...imported].sort().join(', ')} } from '@orgraph/sdk';`] : [];
  fs.writeFileSync(path.join(project, 'readme-examples.ts'), [...header, ...README_ASSUMES, '', ...bodies].join('\n'));
  fs.writeFileSync(
    path.join(project, 'tsconfig.readme.json'),
    JSON.stringify({
      compilerOptions: { target: 'ES2022', module: 'commonjs', moduleResolution: 'node10', lib: ['ES2022'], types: ['node'], strict: true, skipLibCheck: false, noEmit: true },
      files: ['readme-examples.ts'],
    }),
  );
}

interface NpmTree {
  dependencies?: Record<string, NpmTree>;
}

function* packageNames(dependencies: Record<string, NpmTree>): Generator<string> {
  for (const [name, node] of Object.entries(dependencies)) {
    yield name;
    yield* packageNames(node.dependencies ?? {});
  }
}

/**
 * `@ts-expect-error` passes when the line has SOME error; this proves the both-credentials line fails for the
 * right reason by compiling it without the directive and reading the diagnostic.
 */
async function assertMisuseFailsWithoutDirective(project: string): Promise<void> {
  const source = fs.readFileSync(path.join(project, 'consumer.ts'), 'utf8');
  const marker = '  // @ts-expect-error exactly one credential: not both\n';
  assert(source.includes(marker), 'consumer.ts has the both-credentials misuse');
  fs.writeFileSync(path.join(project, 'misuse.ts'), source.replace(marker, ''));
  const result = await exec('npx', ['--no-install', 'tsc', '--noEmit', '--strict', '--types', 'node', '--lib', 'ES2022', 'misuse.ts'], { cwd: project }).then(
    () => null,
    (error: unknown) => (error as { stdout: string }).stdout,
  );
  assert(result !== null && /misuse\.ts\(\d+,\d+\): error TS2345: Argument of type '\{ url: string; apiKey: string; token: string; \}' is not assignable to parameter of type 'ClientOptions'/.test(result), `both credentials are rejected by the type of \`token\`/\`apiKey\` (tsc said: ${result})`);
}

/**
 * No `any` in the declarations, generated ones included (the SDK's public types are generated types). The one
 * exception is codegen's `TypedDocumentString` class (`__meta__?: Record<string, any>`), which is internal: the
 * package's index names no such class; `@orgraph/sdk/documents` exposes it only as the type of its documents.
 */
function assertNoAnyInDeclarations(dist: string): void {
  const offenders: string[] = [];
  const internalClass = /^export declare class TypedDocumentString<[^\n]*\{\n(?: {4}[^\n]*\n)*\}\n/m;
  const code = (text: string) => text.split('\n').filter((line) => !/^\s*(\*|\/\*|\/\/)/.test(line));
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith('.d.ts')) {
        let text = fs.readFileSync(file, 'utf8');
        if (path.relative(dist, file) === path.join('generated', 'graphql.d.ts')) {
          assert(internalClass.test(text), 'generated/graphql.d.ts declares the TypedDocumentString class this check expects');
          text = text.replace(internalClass, '');
        } else {
          assert(!code(text).some((line) => line.includes('TypedDocumentString')), `${path.relative(dist, file)} does not expose codegen's TypedDocumentString`);
        }
        code(text)
          .filter((line) => /\bany\b/.test(line))
          .forEach((line) => offenders.push(`${path.relative(dist, file)}: ${line.trim()}`));
      }
    }
  };
  walk(dist);
  const index = fs.readFileSync(path.join(dist, 'index.d.ts'), 'utf8');
  assert(!index.includes('generated'), 'index.d.ts exposes no generated module wholesale');
  assert(offenders.length === 0, `no \`any\` in the SDK's declarations:\n${offenders.join('\n')}`);
}

/** Minified size of a browser ESM bundle of `source`, resolved from the consumer project (esbuild is the repository's). */
async function bundleSize(project: string, source: string): Promise<number> {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    stdin: { contents: source, resolveDir: project, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].contents.byteLength;
}

async function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}): Promise<string> {
  try {
    const { stdout } = await exec(command, args, { cwd, env: { ...process.env, ...env }, maxBuffer: 32 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`\`${command} ${args.join(' ')}\` failed in ${cwd}:\n${stdout ?? ''}\n${stderr ?? ''}`);
  }
}

function assert(condition: boolean, what: string): asserts condition {
  if (!condition) throw new Error(`SDK consumer test failed: ${what}`);
}

/** CLI: a live Orgraph over a fresh database (embedded PostgreSQL unless TEST_DATABASE_URL is set), then the test. */
async function main(): Promise<void> {
  require('reflect-metadata');
  const { Client } = await import('pg');
  const { loadConfig } = await import('../src/core/config');
  const { createLogger } = await import('../src/core/logger');
  const { migrate } = await import('../src/core/db');
  const { createAppDataSource } = await import('../src/app/database');
  const { startServer } = await import('../src/app/server');
  const { seedDemo } = await import('../src/seed/demo');
  const { startEmbeddedPostgres } = await import('../src/core/embeddedPostgres');

  const cleanups: Array<() => Promise<unknown>> = [];
  try {
    let adminUrl = process.env.TEST_DATABASE_URL;
    if (!adminUrl) {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'orgraph-sdk-consumer-pg-'));
      fs.chmodSync(dataDir, 0o777);
      const embedded = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'data'), port: 20_000 + crypto.randomInt(20_000), ephemeral: true });
      cleanups.unshift(async () => {
        await embedded.stop();
        fs.rmSync(dataDir, { recursive: true, force: true });
      });
      adminUrl = embedded.adminUrl;
    }
    const name = `orgraph_sdk_consumer_${crypto.randomBytes(4).toString('hex')}`;
    const admin = new Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    cleanups.unshift(async () => {
      const dropper = new Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    });
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;

    const db = createAppDataSource({ url: url.toString(), poolSize: 4 });
    await db.initialize();
    cleanups.unshift(() => db.destroy());
    await migrate(db);
    const demo = await seedDemo(db);
    if (!demo.adminKey) throw new Error('the demo seed did not create an organization admin key');
    const ingestToken = `consumer-ingest-${crypto.randomBytes(16).toString('hex')}`;
    const config = loadConfig({ NODE_ENV: 'test', PORT: '0', LOG_LEVEL: 'silent', ARGON2_MEMORY_KIB: '1024', INGEST_TOKEN: ingestToken });
    const server = await startServer({ db, config, logger: createLogger('silent'), port: 0 });
    cleanups.unshift(() => server.close());

    await runSdkConsumerTest({ url: `${server.url}/graphql`, apiKey: demo.adminKey, organizationSlug: demo.organizationSlug, ingestToken });
    console.log('SDK consumer test passed.');
  } finally {
    for (const cleanup of cleanups) await cleanup().catch((error: unknown) => console.error('cleanup failed:', error));
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
