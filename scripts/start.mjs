// `npm start`: build what is not built yet (or older than its sources), then run the server in this process.
// package.json starts this with --max-semi-space-size=32 (see README, Configuration); `npm run bench` measures with
// the same setting, so its figures are those of the server as started.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureEspeakNg } from './ensure-espeak-ng.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

function needsBuild(output, sources) {
  if (!fs.existsSync(output)) return true;
  const built = fs.statSync(output).mtimeMs;
  return sources.some((source) => fs.existsSync(source) && newestMtime(source) > built);
}

function run(script) {
  process.stderr.write(`> npm run ${script}\n`);
  const result = spawnSync('npm', ['run', '--silent', script], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const serverEntry = path.join(root, 'server', 'dist', 'main.js');
if (needsBuild(serverEntry, [path.join(root, 'server', 'src')])) run('build:server');
if (needsBuild(path.join(root, 'client', 'dist', 'index.html'), [path.join(root, 'client', 'src'), path.join(root, 'locales')])) {
  run('build:client');
}

// Read-aloud speaks with espeak-ng: installed here like the tests' Chromium; without it the platform still starts,
// and the read-aloud buttons say that no voice is installed.
const speech = ensureEspeakNg();
if (!speech.ok) process.stderr.write(`${speech.message}\nRead aloud is off until then.\n`);

process.chdir(root);
await import(serverEntry);
