// Run by `npm run test:e2e` before Jest: the browser tests drive Debian's `chromium` through playwright-core.
// When it is missing, install it with apt-get if we are root; otherwise stop and say exactly what to install.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const executable = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const INSTALL_HINT = 'apt-get install chromium';

function isRunnable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function version() {
  const result = spawnSync(executable, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

function apt(args) {
  process.stderr.write(`> apt-get ${args.join(' ')}\n`);
  const result = spawnSync('apt-get', args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.error) process.stderr.write(`apt-get could not run: ${result.error.message}\n`);
  return result.status === 0;
}

function fail(message) {
  process.stderr.write(`\n${message}\n`);
  process.exit(1);
}

if (isRunnable(executable)) {
  process.stdout.write(`Browser tests use ${executable} (${version() ?? 'version unknown'})\n`);
  process.exit(0);
}

if (process.env.CHROMIUM_PATH) {
  fail(`CHROMIUM_PATH is set to ${executable}, but there is no executable file there.\n` +
    `Point CHROMIUM_PATH at a Chromium binary, or unset it and run: ${INSTALL_HINT} (as root)`);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) {
  fail(`The browser tests need Debian's Chromium at ${executable}, and it is not installed.\n` +
    `Install it with:  sudo ${INSTALL_HINT}\n` +
    `(or set CHROMIUM_PATH to an existing Chromium binary).`);
}

process.stderr.write(`Chromium is missing at ${executable}; installing Debian's chromium package...\n`);
// The package lists of a fresh machine or container are often empty or stale: update them when the first try fails.
const installed = apt(['install', '-y', '--no-install-recommends', 'chromium']) ||
  (apt(['update']) && apt(['install', '-y', '--no-install-recommends', 'chromium']));
if (!installed || !isRunnable(executable)) {
  fail(`Installing Chromium failed. Install it by hand with:  ${INSTALL_HINT}\n` +
    `(or set CHROMIUM_PATH to an existing Chromium binary).`);
}
process.stdout.write(`Installed ${version() ?? 'chromium'} at ${executable}\n`);
