// Installs a Debian package the platform runs (`espeak-ng` for read-aloud) or tests with (`chromium`) when its
// program is missing: with apt-get when we are root, otherwise it says exactly what to install.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

export function isRunnable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function versionOf(executable) {
  const result = spawnSync(executable, ['--version'], { encoding: 'utf8', timeout: 30_000 });
  return result.status === 0 ? result.stdout.trim().split('\n')[0] : undefined;
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

/**
 * Makes sure `executable` exists, installing Debian's `pkg` as root when it does not.
 * Answers `{ ok: true, version }` or `{ ok: false, message }` with what a person should run instead.
 */
export function ensureDebianPackage({ executable, pkg }) {
  if (isRunnable(executable)) return { ok: true, version: versionOf(executable), installed: false };
  const hint = `apt-get install ${pkg}`;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) return { ok: false, message: `${executable} is missing. Install it with:  sudo ${hint}` };
  process.stderr.write(`${executable} is missing; installing Debian's ${pkg} package...\n`);
  // The package lists of a fresh machine or container are often empty or stale: update them when the first try fails.
  const installed = apt(['install', '-y', '--no-install-recommends', pkg]) ||
    (apt(['update']) && apt(['install', '-y', '--no-install-recommends', pkg]));
  if (!installed || !isRunnable(executable)) return { ok: false, message: `Installing ${pkg} failed. Install it by hand with:  ${hint}` };
  return { ok: true, version: versionOf(executable), installed: true };
}
