import path from 'node:path';
import madge from 'madge';

/**
 * The layering holds in the code, not only in the docs: no import cycle anywhere under src/ (type-only imports
 * included: a type cycle is how runtime cycles start), and src/core imports nothing outside itself, so the shared
 * floor never learns about the modules built on it.
 */
const root = path.join(__dirname, '..');

async function graph() {
  const result = await madge(path.join(root, 'src'), {
    fileExtensions: ['ts'],
    tsConfig: path.join(root, 'tsconfig.json'),
    detectiveOptions: { ts: { skipTypeImports: false }, es6: { skipTypeImports: false } },
  });
  return result;
}

describe('module layering', () => {
  let built: Awaited<ReturnType<typeof graph>>;
  beforeAll(async () => {
    built = await graph();
  });

  it('has no import cycle under src/', () => {
    const cycles = built.circular();
    expect(cycles).toEqual([]);
  });

  it('keeps src/core free of imports from outside src/core', () => {
    const upward = Object.entries(built.obj())
      .filter(([file]) => file.startsWith('core/'))
      .flatMap(([file, imports]) => imports.filter((target) => !target.startsWith('core/')).map((target) => `${file} -> ${target}`));
    expect(upward).toEqual([]);
  });
});
