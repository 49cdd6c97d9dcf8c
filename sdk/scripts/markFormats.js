// Marks each build folder with its module system. The nearest package.json is what Node and bundlers read for the
// files inside, so each must also repeat `sideEffects: false`, or bundlers keep every module (no tree-shaking).
const fs = require('node:fs');
for (const [folder, type] of [['dist/cjs', 'commonjs'], ['dist/esm', 'module']]) {
  fs.writeFileSync(`${folder}/package.json`, `${JSON.stringify({ type, sideEffects: false })}\n`);
}
