import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Linter, type ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

/**
 * No import cycles between our modules, checked on every `npm test` (the full type-checked lint runs in CI as
 * `npm run lint`; it takes minutes, this takes seconds). Only value imports count: `import type` is erased at
 * compile time, so it cannot create a load-order cycle.
 */
const root = path.join(__dirname, '..');

const config: Linter.Config = {
  files: ['**/*.ts'],
  languageOptions: { parser: tseslint.parser },
  plugins: { 'import-x': importX as unknown as ESLint.Plugin },
  settings: {
    'import-x/extensions': ['.ts'],
    'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
    'import-x/resolver-next': [createTypeScriptImportResolver({ project: path.join(root, 'tsconfig.json') })],
  },
  rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
};

/**
 * ESLint's file-finding API needs ES module support that jest lacks; the Linter class runs the rule file by file.
 * Inline directives are for the full lint (their rules are not loaded here).
 */
function cycleFindings(files: string[], cwd = root): string[] {
  const linter = new Linter({ configType: 'flat', cwd });
  return files.flatMap((file) =>
    linter.verify(fs.readFileSync(file, 'utf8'), [config], { filename: file, allowInlineConfig: false }).map((m) => `${path.relative(root, file)}:${m.line} ${m.ruleId ?? ''} ${m.message}`),
  );
}

function typeScriptFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : typeScriptFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

it('finds a value-import cycle (the check can fail)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'orgraph-cycle-'));
  try {
    fs.writeFileSync(path.join(dir, 'a.ts'), "import { b } from './b';\nexport const a = (): number => b + 1;\n");
    fs.writeFileSync(path.join(dir, 'b.ts'), "import { a } from './a';\nexport const b = 2;\nexport const c = (): number => a();\n");
    const found = cycleFindings([path.join(dir, 'a.ts'), path.join(dir, 'b.ts')], dir);
    expect(found).toHaveLength(2);
    expect(found.every((finding) => finding.includes('import-x/no-cycle'))).toBe(true);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

it('src/, scripts/, bench/ and test/ have no import cycle', () => {
  const files = ['src', 'scripts', 'bench', 'test'].flatMap((dir) => typeScriptFiles(path.join(root, dir)));
  expect(files.length).toBeGreaterThan(200);
  expect(cycleFindings(files)).toEqual([]);
  // About 15 s of CPU (each file's value imports are followed through the graph); a busy machine needs more time.
}, 180_000);
