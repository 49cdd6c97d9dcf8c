import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/**
 * The browser tests drive Debian's Chromium (`/usr/bin/chromium`, or CHROMIUM_PATH); nothing downloads a browser of
 * its own. On a fresh Debian machine `npm test` obtains it the way `.ci/run` does — apt-get, when running as root —
 * and otherwise the browser tests fail with the exact command to run.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const INSTALL_CHROMIUM = 'sudo apt-get update && sudo apt-get install -y chromium';

export function chromiumMissingMessage(): string {
  return `Chromium not found at ${CHROMIUM_PATH}. Install Debian's package with \`${INSTALL_CHROMIUM}\` (npm test does it by itself when run as root), or set CHROMIUM_PATH to a Chromium binary.`;
}

/** Called once per run (test/globalSetup.ts): installs Debian's chromium when it is missing and we may. */
export function ensureChromium(log: (line: string) => void = (line) => console.log(line)): boolean {
  if (fs.existsSync(CHROMIUM_PATH)) return true;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (process.env.CHROMIUM_PATH || !isRoot || !fs.existsSync('/usr/bin/apt-get')) return false;
  log("\ninstalling Debian's chromium for the browser tests (apt-get, as .ci/run does)");
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'ignore' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  } catch (error) {
    log(`could not install chromium: ${(error as Error).message}`);
  }
  return fs.existsSync(CHROMIUM_PATH);
}
