import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** `npm start`'s stack script as a child process, with its output kept for assertions. */
export interface StackProcess {
  proc: ChildProcess;
  output(): string;
  waitForOutput(text: string, timeoutMs?: number): Promise<void>;
  /** Ctrl-C, then wait until the script and all its children have exited. */
  interrupt(): Promise<number | null>;
}

export function startStack(env: NodeJS.ProcessEnv): StackProcess {
  const proc = spawn(`${root}node_modules/.bin/tsx`, ['scripts/start-stack.ts'], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout?.on('data', (c: Buffer) => (out += c.toString()));
  proc.stderr?.on('data', (c: Buffer) => (out += c.toString()));
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)));
  return {
    proc,
    output: () => out,
    async waitForOutput(text, timeoutMs = 90_000) {
      const deadline = Date.now() + timeoutMs;
      while (!out.includes(text)) {
        if (proc.exitCode !== null) throw new Error(`stack exited (${proc.exitCode}) before "${text}":\n${out}`);
        if (Date.now() > deadline) throw new Error(`no "${text}" after ${timeoutMs} ms:\n${out}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    },
    async interrupt() {
      proc.kill('SIGINT');
      return exited;
    },
  };
}
