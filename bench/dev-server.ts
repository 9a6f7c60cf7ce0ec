/**
 * The real Temporal dev server (`temporal server start-dev`) spawned directly, so its pid is ours to read CPU from.
 * Free ports everywhere: other worktrees may run their own servers on this machine at the same time.
 */
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { freePort } from '../test/helpers/free-port.js';
import { startDevServer as startDevServerProcess } from '../test/helpers/dev-server-process.js';
import { procCpuSeconds } from './proc-cpu.js';

export interface DevServer {
  /** host:port, for worker processes that open their own connections. */
  address: string;
  client: Client;
  native: NativeConnection;
  pid: number;
  cpuSeconds(): number;
  stop(): Promise<void>;
}

/** `extraArgs`: more `start-dev` flags for one phase's own server (P9: a larger search attribute value limit). */
export async function startDevServer(extraArgs: string[] = []): Promise<DevServer> {
  const [port, httpPort, metricsPort] = [await freePort(), await freePort(), await freePort()];
  const server = await startDevServerProcess({
    port,
    extraArgs: [
      ...['--http-port', String(httpPort), '--metrics-port', String(metricsPort)],
      // performance.md §6: exercises continue-as-new at bench scale.
      ...['--dynamic-config-value', 'limit.historyCount.suggestContinueAsNew=1000'],
      // The default 1 s timer time-shift makes every timer fire up to ~1 s late (measured: a 1 ms sleep took 1,006 ms,
      // 71 ms with this), which on a compressed plan clock stretches a year to ≥ 75 s whatever the speed. Production
      // servers keep 1 s; the bench wants our code's cost, not the server's timer granularity.
      ...['--dynamic-config-value', 'history.timerProcessorMaxTimeShift="1ms"'],
      ...extraArgs,
    ],
  });
  // Never leave an orphan server behind when the bench dies on an error.
  process.once('exit', () => server.proc.kill('SIGKILL'));
  const pid = server.proc.pid!;
  const connection = await Connection.connect({ address: server.address });
  const native = await NativeConnection.connect({ address: server.address });
  return {
    address: server.address,
    client: new Client({ connection }),
    native,
    pid,
    cpuSeconds: () => procCpuSeconds(pid),
    async stop() {
      await native.close();
      await connection.close();
      await server.stop();
    },
  };
}
