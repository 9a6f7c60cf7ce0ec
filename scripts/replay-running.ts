/**
 * Before a deploy: pulls the histories of every running plan from a live server and replays them against the
 * workflow code of this checkout. Exit code 1 if any would hit nondeterminism (then ship behind `patched()`).
 * Reads TEMPORAL_ADDRESS / TEMPORAL_NAMESPACE like the worker. Only plans are listed (items are their children,
 * listed too with `--items`).
 */
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { loadConfig } from '../worker/config.js';
import { bundleWorkflows } from '../worker/create-worker.js';

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const config = loadConfig();
  const kinds = process.argv.includes('--items') ? "KhKind IN ('plan','task','report')" : "KhKind='plan'";
  const query = `${kinds} AND ExecutionStatus='Running'`;
  const connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
  const client = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
  const workflowBundle = await bundleWorkflows(new DefaultLogger('WARN'));
  const histories = client.workflow.list({ query }).intoHistories({ concurrency: 5 });
  let replayed = 0;
  const failed: string[] = [];
  for await (const r of Worker.runReplayHistories({ workflowBundle }, histories)) {
    replayed += 1;
    if (r.error) {
      failed.push(r.workflowId);
      console.error(`[replay] ${r.workflowId} (${r.runId}): ${String(r.error)}`);
    }
  }
  console.log(`[replay] ${query}: ${replayed} replayed, ${failed.length} failed`);
  await connection.close();
  if (failed.length) process.exitCode = 1;
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
