/**
 * P6: two worker processes against one on the same task queue: P3's reminder burst (A only) with 1, 2, 1, 2 worker
 * processes, each on a fresh task queue. CPU of every worker process, the dev server, the SMTP sink and this
 * process (the client) from T0 until the last reminder is in, in cores: shows which process is the ceiling.
 */
import type { DevServer } from './dev-server.js';
import { runBurst, type P3Run } from './p3-burst.js';
import { machineCpuSeconds, selfCpuSeconds } from './proc-cpu.js';
import type { RemoteSink } from './remote-sink.js';
import { startWorkerProcesses, stopAll } from './worker-procs.js';

export interface P6Run extends P3Run {
  workers: number;
  /** Received / drain (T0 of the earliest plan to the last reminder received). */
  remindersPerS: number;
  workerCores: number[];
  serverCores: number;
  sinkCores: number;
  clientCores: number;
  /** The whole machine: minus the processes above, what others (not this bench) used meanwhile. */
  machineCores: number;
}

export interface P6Options {
  plans: number;
  startRate: number;
  /** Worker processes per run, e.g. [1, 2, 1, 2]. */
  order: number[];
}

export async function runP6(server: DevServer, sink: RemoteSink, bundleDir: string, o: P6Options): Promise<P6Run[]> {
  const runs: P6Run[] = [];
  for (const [k, workers] of o.order.entries()) {
    const taskQueue = `p6-${workers}w-${k}`;
    const procs = await startWorkerProcesses(workers, {
      address: server.address,
      taskQueue,
      variant: 'A',
      sink,
      bundleDir,
    });
    try {
      const r = await runBurst(server, sink, {
        variant: 'A',
        taskQueue,
        tag: `P6W${workers}R${k}X`,
        plans: o.plans,
        startRate: o.startRate,
        // Clean runs drain in < 15 s; a shorter wait than P3's 60 s keeps a loaded machine's run within budget.
        waitS: 30,
        cpu: () => [
          machineCpuSeconds(),
          server.cpuSeconds(),
          sink.cpuSeconds(),
          selfCpuSeconds(),
          ...procs.map((p) => p.cpuSeconds()),
        ],
      });
      const [machineCores, serverCores, sinkCores, clientCores, ...workerCores] = r.burstCores!;
      runs.push({
        ...r,
        workers,
        remindersPerS: r.received / r.drainS,
        workerCores,
        serverCores: serverCores!,
        sinkCores: sinkCores!,
        clientCores: clientCores!,
        machineCores: machineCores!,
      });
      console.error(`[bench] P6 ${workers} worker process(es) run ${k}: ${JSON.stringify(runs.at(-1))}`);
    } finally {
      await stopAll(procs);
    }
  }
  return runs;
}
