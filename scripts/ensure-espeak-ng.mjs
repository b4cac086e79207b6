// Read-aloud makes its speech with Debian's `espeak-ng` (README, "Read aloud"). Run by `npm start` and by the tests
// before anything that speaks: installs it with apt-get when we are root, otherwise says what to install.
import { ensureDebianPackage } from './debian-package.mjs';

export const ESPEAK_NG = process.env.ESPEAK_NG_PATH || '/usr/bin/espeak-ng';

export function ensureEspeakNg() {
  return ensureDebianPackage({ executable: ESPEAK_NG, pkg: 'espeak-ng' });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = ensureEspeakNg();
  if (result.ok) {
    process.stdout.write(`Read aloud uses ${ESPEAK_NG} (${result.version ?? 'version unknown'})\n`);
  } else {
    process.stderr.write(`\n${result.message}\n`);
    process.exit(1);
  }
}
