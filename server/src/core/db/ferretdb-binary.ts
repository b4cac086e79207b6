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
  for (const file of ['main.go', 'go.mod', 'go.sum', 'patches.json']) hash.update(fs.readFileSync(path.join(ferretDbToolDir, file)));
  return hash.digest('hex').slice(0, 12);
}

interface SourcePatch {
  file: string;
  find: string;
  replace: string;
  count: number;
}

/**
 * Applies tools/ferretdb/patches.json to the vendored FerretDB module: small fixes of the SQLite backend that make it
 * use its own _id index (see that file and tools/ferretdb/README.md). A patch whose text is not found exactly as
 * often as it says stops the build, so a changed upstream file can never be patched by accident.
 */
function applyPatches(vendorModuleDir: string): void {
  const { patches } = JSON.parse(fs.readFileSync(path.join(ferretDbToolDir, 'patches.json'), 'utf8')) as { patches: SourcePatch[] };
  for (const patch of patches) {
    const file = path.join(vendorModuleDir, patch.file);
    const source = fs.readFileSync(file, 'utf8');
    const found = source.split(patch.find).length - 1;
    if (found !== patch.count) throw new Error(`FerretDB patch for ${patch.file}: expected ${patch.count} occurrence(s) of ${JSON.stringify(patch.find)}, found ${found}`);
    fs.writeFileSync(file, source.split(patch.find).join(patch.replace));
  }
}

/** Runs a Go command in `cwd`; every non-empty line it writes to stderr goes to `progress`. */
function runGo(args: string[], cwd: string, progress: (line: string) => void, label: string, goflags: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const build = spawn('go', args, { cwd, env: { ...process.env, GOFLAGS: goflags, GOTOOLCHAIN: 'local' }, stdio: ['ignore', 'inherit', 'pipe'] });
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
        progress(`  [ferretdb ${label} ${String(count).padStart(3)}] ${line.trim()}`);
      }
    });
    build.on('error', reject);
    build.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`Building FerretDB failed (go ${args[0]} exited with ${code})`))));
  });
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
  // The pinned module is vendored into a scratch copy of tools/ferretdb (go.sum verifies what is downloaded), patched
  // there, and built from the vendored sources; the scratch folder is removed afterwards.
  const work = fs.mkdtempSync(path.join(cacheDir, 'ferretdb-build-'));
  try {
    for (const file of ['main.go', 'go.mod', 'go.sum']) fs.copyFileSync(path.join(ferretDbToolDir, file), path.join(work, file));
    await runGo(['mod', 'vendor'], work, progress, 'vendor', '-mod=mod');
    applyPatches(path.join(work, 'vendor', 'github.com', 'FerretDB', 'FerretDB'));
    // -v prints each package as it is compiled: that is the progress the user sees.
    await runGo(['build', '-v', '-trimpath', '-o', partial, '.'], work, progress, 'build', '-mod=vendor');
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  // Rename is atomic: two processes building at once (tests, CI) never run a half-written binary.
  fs.renameSync(partial, DEFAULT_FERRETDB_BIN);
  progress('FerretDB built.');
  return DEFAULT_FERRETDB_BIN;
}
