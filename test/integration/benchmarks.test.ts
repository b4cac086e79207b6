import { spawn } from 'node:child_process';
import path from 'node:path';

/*
 * The two benchmarks import the built server's files by path, so a file moved or a signature changed breaks them
 * without any other test noticing (a moved parameter once broke `bench:cases` for a whole session). Each runs here at
 * a tiny size: this checks that they still run and print their figures, not the figures themselves, which are
 * measured on a quiet machine with `npm run bench` and `npm run bench:cases`.
 */
const root = path.resolve(__dirname, '..', '..');

function runBenchmark(script: string, env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'bench', script)], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

test('the submission benchmark runs and prints its ratio', async () => {
  const { code, output } = await runBenchmark('run.mjs', { BENCH_REQUESTS: '20', BENCH_WARMUP: '2', BENCH_ROUNDS: '1', BENCH_CONCURRENCY: '2' });
  expect(output).toMatch(/ratio product\/baseline, median of rounds: +\d\.\d\d/);
  expect(code).toBe(0);
}, 180_000);

test('the case benchmark seeds cases, times every request, counts its database reads and prints the server memory', async () => {
  const { code, output } = await runBenchmark('cases.mjs', { BENCH_CASE_SIZES: '200', BENCH_SAMPLES: '1', BENCH_WARMUP: '1', BENCH_ROUNDS: '2', BENCH_EXPORT_SAMPLES: '1' });
  for (const row of ['list: default (first page of 50)', 'list: search by alias', 'list: deep page', 'list: overdue, by deadline', 'GET /api/case-stats', 'case page (case, then the rest at once)', 'CSV export of all matches (rows)']) {
    expect(output).toContain(row);
  }
  // The counting server's figures: a whole number of commands, then the kilobytes of their replies.
  expect(output).toMatch(/caseworker: database commands, reply KB[\s\S]*list: default \(first page of 50\)\s+\d+\s+\d+\.\d/);
  expect(output).toMatch(/server RSS at 200 cases: max \d+ MB while serving lists/);
  expect(code).toBe(0);
}, 300_000);
