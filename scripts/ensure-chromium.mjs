// Run by `npm run test:e2e` before Jest: the browser tests drive Debian's `chromium` through playwright-core.
// When it is missing, install it with apt-get if we are root; otherwise stop and say exactly what to install.
import { ensureDebianPackage, isRunnable } from './debian-package.mjs';

const executable = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

function fail(message) {
  process.stderr.write(`\n${message}\n`);
  process.exit(1);
}

if (process.env.CHROMIUM_PATH && !isRunnable(executable)) {
  fail(`CHROMIUM_PATH is set to ${executable}, but there is no executable file there.\n` +
    'Point CHROMIUM_PATH at a Chromium binary, or unset it and run: apt-get install chromium (as root)');
}

const result = ensureDebianPackage({ executable, pkg: 'chromium' });
if (!result.ok) fail(`The browser tests need Debian's Chromium.\n${result.message}\n(or set CHROMIUM_PATH to an existing Chromium binary).`);
process.stdout.write(`${result.installed ? 'Installed' : 'Browser tests use'} ${result.version ?? 'chromium'} at ${executable}\n`);
