import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, parse, validate } from 'graphql';

/**
 * The README and docs/ are the manual a newcomer follows, so what they show must work: the test command CI runs is
 * the README's, every GraphQL example validates against the committed schema, every relative link points at a file
 * that exists, and nothing in the repository sends the reader to a file outside it.
 */
const root = path.join(__dirname, '..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');
const markdownFiles = ['README.md', ...fs.readdirSync(path.join(root, 'docs')).filter((name) => name.endsWith('.md')).map((name) => `docs/${name}`)];

function fencedBlocks(markdown: string, language: string): string[] {
  return [...markdown.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((match) => match[1]);
}

describe('README and docs', () => {
  it('CI runs exactly the test command the README gives', () => {
    const [commands] = fencedBlocks(read('README.md'), 'sh');
    const testCommand = commands
      .split('\n')
      .map((line) => line.replace(/#.*$/, '').trim())
      .find((line) => /^npm (run )?test\b/.test(line));
    expect(testCommand).toBe('npm test');
    const ciSteps = read('.ci/run').split('\n').map((line) => line.trim());
    expect(ciSteps).toContain(testCommand);
  });

  it('every GraphQL example validates against schema/schema.graphql', () => {
    const schema = buildSchema(read('schema/schema.graphql'));
    const examples = markdownFiles.flatMap((file) => fencedBlocks(read(file), 'graphql').map((source) => ({ file, source })));
    expect(examples.length).toBeGreaterThanOrEqual(4);
    const invalid = examples
      .map(({ file, source }) => ({ file, errors: validate(schema, parse(source)).map((error) => error.message) }))
      .filter(({ errors }) => errors.length);
    expect(invalid).toEqual([]);
  });

  it('every relative link points at a file of the repository', () => {
    const broken: string[] = [];
    for (const file of markdownFiles) {
      for (const [, target] of read(file).matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^(https?:|mailto:|#)/.test(target)) continue;
        const resolved = path.resolve(path.dirname(path.join(root, file)), target.replace(/#.*$/, ''));
        if (!fs.existsSync(resolved)) broken.push(`${file} -> ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('no source, test, migration, script or document refers to a file outside the repository', () => {
    const outside = /DESIGN(\.md)? ?§|\.\.\/shared\/|shared\/contracts\/|\/work\//;
    const self = path.join('test', 'docs.test.ts');
    const offenders: string[] = [];
    const visit = (dir: string) => {
      for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
        const relative = path.join(dir, entry.name);
        if (entry.isDirectory()) {
          if (!['node_modules', 'dist', '.data'].includes(entry.name)) visit(relative);
        } else if (/\.(ts|mts|mjs|js|md|graphql|yml|json)$/.test(entry.name) && relative !== self) {
          read(relative)
            .split('\n')
            .forEach((line, index) => outside.test(line) && offenders.push(`${relative}:${index + 1}`));
        }
      }
    };
    for (const dir of ['src', 'test', 'migrations', 'scripts', 'bench', 'docs', 'schema', 'sdk']) visit(dir);
    for (const file of ['README.md', 'codegen.yml', '.ci/run']) read(file).split('\n').forEach((line, index) => outside.test(line) && offenders.push(`${file}:${index + 1}`));
    expect(offenders).toEqual([]);
  });
});
