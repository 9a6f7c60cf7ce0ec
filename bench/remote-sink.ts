/** Parent side of `sink-process.ts`: port, pid (for its CPU) and the received Message-IDs with receive times. */
import { fork } from 'node:child_process';
import { procCpuSeconds } from './proc-cpu.js';

export interface Received {
  id: string;
  at: number;
}

export interface RemoteSink {
  host: string;
  port: number;
  cpuSeconds(): number;
  /** Messages received since the previous call. */
  take(): Promise<Received[]>;
  stop(): Promise<void>;
}

export async function startRemoteSink(): Promise<RemoteSink> {
  const child = fork(new URL('./sink-process.ts', import.meta.url).pathname, [], { execArgv: ['--import', 'tsx'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m: { port: number }) => resolve(m.port));
    child.once('exit', (code) => reject(new Error(`sink process exited (${code})`)));
  });
  let seq = 0;
  const ask = (cmd: 'take') =>
    new Promise<Received[]>((resolve) => {
      const id = ++seq;
      const on = (m: { id?: number; got?: Received[] }) => {
        if (m.id !== id) return;
        child.off('message', on);
        resolve(m.got ?? []);
      };
      child.on('message', on);
      child.send({ id, cmd });
    });
  return {
    host: '127.0.0.1',
    port,
    cpuSeconds: () => procCpuSeconds(child.pid!),
    take: () => ask('take'),
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.send({ id: 0, cmd: 'stop' });
      }),
  };
}
