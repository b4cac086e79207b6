import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { cacheDir, ferretDbToolDir } from '../../config/paths';

export const FERRETDB_VERSION = 'v1.24.2';
/**
 * The binary's name carries a hash of its sources (our wrapper and the pinned module versions), so a change to
 * tools/ferretdb is rebuilt on the next start instead of running a stale cached binary.
 */
function sourceHash(): string {
  const hash = createHash('sha256');
  for (const file of ['main.go', 'go.mod', 'go.sum']) hash.update(fs.readFileSync(path.join(ferretDbToolDir, file)));
  return hash.digest('hex').slice(0, 12);
}
export const DEFAULT_FERRETDB_BIN = path.join(cacheDir, 'bin', `ferretdb-${sourceHash()}`);

export class MissingToolchainError extends Error {
  constructor() {
    super(
      'The embedded database (FerretDB) is not built yet and no Go toolchain was found to build it.\n' +
        '  Either install Go >= 1.24 (https://go.dev/dl/ or `apt-get install golang`) and start again,\n' +
        '  or set MONGODB_URI=mongodb://... to use an existing MongoDB server instead.',
    );
    this.name = 'MissingToolchainError';
  }
}

function hasGo(): boolean {
  return spawnSync('go', ['version'], { stdio: 'ignore' }).status === 0;
}

/**
 * Returns the path of a runnable FerretDB binary, building it from tools/ferretdb (FerretDB pinned by go.mod/go.sum)
 * into the project's .cache when it is missing. Build progress goes to `progress` line by line.
 */
export async function ensureFerretDbBinary(
  configured: string | undefined,
  progress: (line: string) => void,
): Promise<string> {
  if (configured) {
    if (!fs.existsSync(configured)) throw new Error(`FERRETDB_BIN: no file at ${configured}`);
    return configured;
  }
  if (fs.existsSync(DEFAULT_FERRETDB_BIN)) return DEFAULT_FERRETDB_BIN;
  if (!hasGo()) throw new MissingToolchainError();

  progress(`Building the embedded database FerretDB ${FERRETDB_VERSION} (first start only, about 2-4 minutes)...`);
  fs.mkdirSync(path.dirname(DEFAULT_FERRETDB_BIN), { recursive: true });
  const partial = `${DEFAULT_FERRETDB_BIN}.partial-${process.pid}`;
  await new Promise<void>((resolve, reject) => {
    // -v prints each package as it is compiled: that is the progress the user sees.
    const build = spawn('go', ['build', '-v', '-trimpath', '-o', partial, '.'], {
      cwd: ferretDbToolDir,
      env: { ...process.env, GOFLAGS: '-mod=mod', GOTOOLCHAIN: 'local' },
      stdio: ['ignore', 'inherit', 'pipe'],
    });
    let count = 0;
    let buffered = '';
    build.stderr.setEncoding('utf8');
    build.stderr.on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.trim()) continue;
        count += 1;
        progress(`  [ferretdb build ${String(count).padStart(3)}] ${line.trim()}`);
      }
    });
    build.on('error', reject);
    build.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`Building FerretDB failed (go build exited with ${code})`)),
    );
  });
  // Rename is atomic: two processes building at once (tests, CI) never run a half-written binary.
  fs.renameSync(partial, DEFAULT_FERRETDB_BIN);
  progress('FerretDB built.');
  return DEFAULT_FERRETDB_BIN;
}
