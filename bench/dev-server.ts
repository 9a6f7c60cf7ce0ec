/**
 * The real Temporal dev server (`temporal server start-dev`) spawned directly, so its pid is ours to read CPU from.
 * Free ports everywhere: other worktrees may run their own servers on this machine at the same time.
 */
import { spawn } from 'node:child_process';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { freePort } from '../test/helpers/free-port.js';
import { toolPaths } from '../test/helpers/tools.js';
import { searchAttributeFlags } from '../client/register-search-attributes.js';
import { procCpuSeconds } from './proc-cpu.js';

export interface DevServer {
  client: Client;
  native: NativeConnection;
  pid: number;
  cpuSeconds(): number;
  stop(): Promise<void>;
}

export async function startDevServer(): Promise<DevServer> {
  const [port, httpPort, metricsPort] = [await freePort(), await freePort(), await freePort()];
  const args = [
    'server',
    'start-dev',
    '--headless',
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--http-port',
    String(httpPort),
  ];
  args.push('--metrics-port', String(metricsPort), '--log-level', 'error');
  // performance.md §6: exercises continue-as-new at bench scale.
  args.push('--dynamic-config-value', 'limit.historyCount.suggestContinueAsNew=1000');
  // The default 1 s timer time-shift makes every timer fire up to ~1 s late (measured: a 1 ms sleep took 1,006 ms,
  // 71 ms with this), which on a compressed plan clock stretches a year to ≥ 75 s whatever the speed. Production
  // servers keep 1 s; the bench wants our code's cost, not the server's timer granularity.
  args.push('--dynamic-config-value', 'history.timerProcessorMaxTimeShift="1ms"');
  args.push(...searchAttributeFlags());
  const child = spawn(toolPaths().temporalCli, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Never leave an orphan server behind when the bench dies on an error.
  process.once('exit', () => child.kill('SIGKILL'));
  const address = `127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1000 });
      await connection.workflowService.getSystemInfo({});
      const native = await NativeConnection.connect({ address });
      return {
        client: new Client({ connection }),
        native,
        pid: child.pid!,
        cpuSeconds: () => procCpuSeconds(child.pid!),
        async stop() {
          await native.close();
          await connection.close();
          child.kill('SIGTERM');
          await exited;
        },
      };
    } catch (err) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`dev server did not start: ${String(err)}`);
      await new Promise((r) => setTimeout(r, 300));
    }
  }
}
