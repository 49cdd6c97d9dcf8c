// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

export default tseslint.config(
  {
    // Browser assets (src/**/public/*.js) and the one .mjs OIDC test helper are plain JavaScript outside the
    // TypeScript program; the type-checked rules below cannot run on them. test/support/gql is generated (codegen).
    ignores: ['dist/**', 'sdk/**', 'node_modules/**', 'coverage/**', '**/*.js', '**/*.mjs', 'test/support/gql/**'],
  },
  {
    files: ['src/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts', 'test/**/*.ts'],
    extends: [js.configs.recommended, tseslint.configs.strictTypeChecked, tseslint.configs.stylisticTypeChecked],
    plugins: { 'import-x': importX },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    settings: {
      // Without these the plugin parses only .js dependencies, so no-cycle silently sees no TypeScript imports.
      'import-x/extensions': ['.ts'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })],
    },
    rules: {
      // Type-only imports are erased at compile time, so the rule (by design) follows value imports only.
      // ignoreExternal: a cycle between our files never runs through a package, so packages are not parsed.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // Module manifests merge their services into the app's open `Services` interface with
      // `interface Services extends ReturnType<typeof build> {}` (declaration merging needs an interface).
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
      // The code mixes `T[]` and `Array<{ ... }>` on purpose (the generic form reads better around object types).
      '@typescript-eslint/array-type': 'off',
      // Arrow shorthand around void calls (`() => done()`) is the idiom across the codebase; rewriting it is churn.
      '@typescript-eslint/no-confusing-void-expression': 'off',
      // type-graphql object types are plain data classes: resolvers return object literals of their shape and
      // spread entities into them; no class here relies on its prototype or constructor.
      '@typescript-eslint/no-unsafe-class-instance-assignment': 'off',
      '@typescript-eslint/no-misused-spread': 'off',
      // Enum values arrive as strings from SQL rows and JSON; `as Enum` at that boundary is the conversion.
      '@typescript-eslint/no-unsafe-enum-assignment': 'off',
      // The remaining `!` follow guards the compiler cannot see (a row a foreign key guarantees, Map.get after has,
      // a nullable column of a row the query filtered); replacing them with throws would add unreachable branches.
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Its fixes drop `?.` and `??` at runtime edges (driver errors, headers, parsed JSON) whose declared types are
      // narrower than what arrives; the checks stay so behaviour cannot change.
      '@typescript-eslint/no-unnecessary-condition': 'off',
      // Async functions without await implement async interfaces (Apollo plugin hooks, DataLoader batch functions)
      // and turn throws into rejections, which callers rely on.
      '@typescript-eslint/require-await': 'off',
      // graphql-js `Kind`/`OperationTypeNode` and our registered GraphQL enums are string enums compared with their
      // literal values; tsc already rejects a literal that is no member.
      '@typescript-eslint/no-unsafe-enum-comparison': 'off',
      // String()/Number()/Boolean() around SQL and driver values whose declared types are narrower than what arrives
      // (bigint counts as strings, JSON columns); removing them could change behaviour.
      '@typescript-eslint/no-unnecessary-type-conversion': 'off',
      // Express error handlers need their four-parameter shape, and `_` marks fields dropped by destructuring.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
      // No-op methods implement interfaces (TypeORM's Logger, a mailer without a pool to close).
      '@typescript-eslint/no-empty-function': ['error', { allow: ['methods'] }],
      // `!x || x.a !== b` reads as the guard it is; the optional-chain rewrite hides the null case.
      '@typescript-eslint/prefer-optional-chain': 'off',
      // `||` on strings is deliberate where an empty string must fall through (display names, headers).
      '@typescript-eslint/prefer-nullish-coalescing': ['error', { ignorePrimitives: { string: true } }],
      // Policy overrides are plain records keyed by setting name; delete is how a key leaves them.
      '@typescript-eslint/no-dynamic-delete': 'off',
      // Code that rethrows (or rejects with) a caught value passes it on unchanged, whatever it is.
      '@typescript-eslint/only-throw-error': ['error', { allowThrowingUnknown: true }],
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingUnknown: true }],
      // Numbers in messages and SQL fragments are the norm; null, undefined, objects and any stay forbidden.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  {
    // Tests, benchmarks and scripts read JSON over HTTP (`response.body`, `JSON.parse`), which is `any` until the
    // typed test documents exist.
    files: ['scripts/**/*.ts', 'bench/**/*.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      // Sums and messages over those `any` JSON fields.
      '@typescript-eslint/restrict-plus-operands': 'off',
      '@typescript-eslint/restrict-template-expressions': 'off',
      // Untyped CommonJS packages (dns2, graphql-schema-linter, relay-compiler's binary path) are loaded by require.
      '@typescript-eslint/no-require-imports': 'off',
      // Child-process message handlers are async on purpose: a rejection crashes the child, which fails the run.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
    },
  },
);
