import { spawn, execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { withExactWavSizes } from './wav-file';

/** Makes speech audio from text; the platform's one implementation runs Debian's espeak-ng. */
export interface SpeechSynthesizer {
  /** What identifies the sound it makes (program version and settings): part of every cache key. */
  identity(): Promise<string>;
  /** A WAV file of `text` read by `voice`. */
  synthesize(text: string, voice: string): Promise<Buffer>;
}

export class SpeechEngineMissing extends Error {
  constructor(executable: string, cause: unknown) {
    super(`${executable} could not be run`, { cause });
    this.name = 'SpeechEngineMissing';
  }
}

export class SpeechEngineBusy extends Error {
  constructor() {
    super('too many texts are being read aloud at once');
    this.name = 'SpeechEngineBusy';
  }
}

export interface EspeakOptions {
  executable: string;
  /** Words per minute: a little slower than espeak-ng's 175, for listeners who hear a language they read poorly. */
  wordsPerMinute?: number;
  /** At most this many espeak-ng processes at once (the machine's cores are shared with every request)... */
  parallel?: number;
  /** ...and at most this many waiting behind them; more is refused as busy rather than queued without bound. */
  waiting?: number;
  timeoutMs?: number;
}

const run = promisify(execFile);

/** espeak-ng as a child process: the text on standard input (never on the command line), the WAV on standard output. */
export function espeakNg(options: EspeakOptions): SpeechSynthesizer {
  const { executable, wordsPerMinute = 150, parallel = 2, waiting = 32, timeoutMs = 60_000 } = options;
  let running = 0;
  const queue: Array<() => void> = [];
  let version: Promise<string> | undefined;

  async function slot(): Promise<() => void> {
    if (running >= parallel) {
      if (queue.length >= waiting) throw new SpeechEngineBusy();
      await new Promise<void>((resolve) => queue.push(resolve));
    }
    running += 1;
    return () => {
      running -= 1;
      queue.shift()?.();
    };
  }

  function speak(text: string, voice: string): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      // -b 1: the input is UTF-8. Without -m, markup in the text is read as text, not interpreted.
      const child = spawn(executable, ['-b', '1', '-v', voice, '-s', String(wordsPerMinute), '--stdin', '--stdout'], {
        stdio: ['pipe', 'pipe', 'pipe'],
        timeout: timeoutMs,
      });
      const chunks: Buffer[] = [];
      let errors = '';
      child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => {
        errors = (errors + chunk.toString('utf8')).slice(-500);
      });
      child.on('error', (error) => reject(new SpeechEngineMissing(executable, error)));
      child.on('close', (code, signal) => {
        if (code !== 0) {
          reject(new Error(`espeak-ng ended with ${signal ?? `code ${code}`}: ${errors.trim()}`));
          return;
        }
        try {
          resolve(withExactWavSizes(Buffer.concat(chunks)));
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
      child.stdin.on('error', () => undefined);
      child.stdin.end(text, 'utf8');
    });
  }

  return {
    identity() {
      version ??= run(executable, ['--version'], { timeout: 10_000 }).then(
        ({ stdout }) => `${stdout.split('\n')[0]!.replace(/\s+Data at:.*$/, '').trim()}; ${wordsPerMinute} wpm`,
        (error: unknown) => {
          version = undefined;
          throw new SpeechEngineMissing(executable, error);
        },
      );
      return version;
    },
    async synthesize(text, voice) {
      const release = await slot();
      try {
        return await speak(text, voice);
      } finally {
        release();
      }
    },
  };
}
