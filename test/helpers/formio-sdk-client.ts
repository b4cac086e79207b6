import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';

export type SdkAnswer = { ok: true; result: any } | { ok: false; error: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Drives formio-sdk-runner.cjs: the real Formio SDK in a jsdom window, in a child Node process. */
export class FormioSdkClient {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly pending = new Map<number, (answer: SdkAnswer) => void>();
  private next = 0;

  constructor(baseUrl: string, projectUrl: string) {
    this.child = spawn(process.execPath, [path.join(__dirname, 'formio-sdk-runner.cjs'), baseUrl, projectUrl], { stdio: 'pipe' });
    readline.createInterface({ input: this.child.stdout }).on('line', (line) => {
      if (!line.startsWith('{')) return; // the renderer logs warnings to stdout now and then
      const answer = JSON.parse(line) as SdkAnswer & { id: number };
      this.pending.get(answer.id)?.(answer);
      this.pending.delete(answer.id);
    });
    this.child.stderr.resume();
  }

  call(op: string, args: Record<string, unknown> = {}): Promise<SdkAnswer> {
    const id = (this.next += 1);
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.child.stdin.write(`${JSON.stringify({ id, op, args })}\n`);
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.child.once('exit', () => resolve());
      this.child.stdin.end();
    });
  }
}
