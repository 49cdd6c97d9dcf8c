import fs from 'node:fs';
import path from 'node:path';
import semver from 'semver';

/**
 * `engines` and the installed dependencies agree: every package in node_modules (root and sdk/) supports the lowest
 * Node our `engines` allows, so `npm ci` on Node 20 prints no EBADENGINE warning. A dependency bump that needs a
 * newer Node fails here (pin it, or override the transitive one in package.json `overrides`).
 */
const root = path.join(__dirname, '..');

function installedPackages(dir: string, found: Array<{ name: string; engines: string; at: string }> = []) {
  if (!fs.existsSync(dir)) return found;
  for (const entry of fs.readdirSync(dir)) {
    if (entry.startsWith('.')) continue;
    const folder = path.join(dir, entry);
    if (entry.startsWith('@')) {
      installedPackages(folder, found);
      continue;
    }
    const manifest = path.join(folder, 'package.json');
    if (fs.existsSync(manifest)) {
      const { name, version, engines } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name: string; version: string; engines?: { node?: string } };
      if (typeof engines?.node === 'string') found.push({ name: `${name}@${version}`, engines: engines.node, at: path.relative(root, folder) });
    }
    installedPackages(path.join(folder, 'node_modules'), found);
  }
  return found;
}

it.each(['.', 'sdk'])('every package installed in %s/node_modules supports the lowest Node of our engines', (project) => {
  const { engines } = JSON.parse(fs.readFileSync(path.join(root, project, 'package.json'), 'utf8')) as { engines: { node: string } };
  const lowest = semver.minVersion(engines.node)!;
  expect(lowest.major).toBe(20);
  const packages = installedPackages(path.join(root, project, 'node_modules'));
  expect(packages.length).toBeGreaterThan(project === '.' ? 300 : 0);
  const unsupported = packages.filter((pkg) => !semver.satisfies(lowest, pkg.engines));
  expect(unsupported.map((pkg) => `${pkg.name} needs node ${pkg.engines} (${pkg.at})`)).toEqual([]);
});
