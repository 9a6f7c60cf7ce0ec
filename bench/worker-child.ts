/** Child-process entry of `worker-procs.ts`: one bench worker with its own connections; IPC 'stats', 'stop'. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime } from '@temporalio/worker';
import { startVariantWorker } from './bench-workers.js';
import type { ChildWorkerSpec } from './worker-procs.js';

const spec = JSON.parse(process.env.BENCH_WORKER!) as ChildWorkerSpec;
let tasksNotFound = 0;
Runtime.install({
  logger: new DefaultLogger('WARN', (e) => {
    // Core warns once per workflow task the server no longer had (an Update's speculative task it dropped): P5
    // counts these instead of printing hundreds of lines.
    if (e.message.includes('Task not found')) tasksNotFound++;
    else
      console.error(
        `[bench worker ${spec.identity}] ${e.level} ${e.message} ${JSON.stringify(e.meta ?? {}).slice(0, 300)}`,
      );
  }),
  telemetryOptions: { logging: { filter: { core: 'WARN', other: 'WARN' }, forward: {} } },
});
// An orphan worker would keep polling a later run's server: leave with the parent.
process.on('disconnect', () => process.exit(1));
const read = (name: string) => ({
  code: readFileSync(join(spec.bundleDir, `${name}.js`), 'utf8'),
  sourceMap: readFileSync(join(spec.bundleDir, `${name}.js.map`), 'utf8'),
});
const native = await NativeConnection.connect({ address: spec.address });
const connection = await Connection.connect({ address: spec.address });
const w = await startVariantWorker({
  variant: spec.variant,
  server: { native, client: new Client({ connection }) },
  sink: spec.sink,
  taskQueue: spec.taskQueue,
  bundles: { real: read('real'), bare: read('bare') },
  identity: spec.identity,
});
process.on('message', (m) => {
  if (m === 'stats') process.send!({ tasksNotFound });
  if (m !== 'stop') return;
  void w
    .stop()
    .then(() => Promise.all([native.close(), connection.close()]))
    .then(() => process.exit(0));
});
process.send!({ ready: true });
