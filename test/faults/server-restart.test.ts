import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlan } from '../../client/plan-client.js';
import { itemWorkflowId, planWorkflowId } from '../../domain/ids.js';
import { expectedKeys, faultPlan } from '../fixtures/fault-plans.js';
import { freePort } from '../helpers/free-port.js';
import { auditMail, waitForKeys } from '../helpers/mail-audit.js';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.js';
import { startWorkerProcess, type WorkerProcess } from '../helpers/worker-process.js';
import { startDevServer, type DevServerProcess } from '../helpers/dev-server-process.js';

const TASK_QUEUE = 'kehoach-faults-restart';
// One plan day per 12 real seconds from a minute before Mon 02/03 08:00: reminder Tue (~12 s), due-today Wed (~24 s),
// overdue + office Thu (~36 s), director Fri (~48 s). The restart sits between Tue and Wed and must take < 12 s,
// or two steps would fold into one catch-up notice (by design) and the exact key check below would fail.
const CLOCK = { planStart: '2026-03-02T07:59:00+07:00', speed: 86_400 / 12 };
const plans = [faultPlan('RSTA', 3), faultPlan('RSTB', 3)];
const planIds = plans.map((p) => planWorkflowId(p.organisation.code, 2026));
const itemIds = planIds.map((id) => itemWorkflowId(id, 'task-01'));
const upTo = (iso: string) => plans.flatMap((p) => expectedKeys(p, Date.parse(iso)));

describe('dev server stopped mid-year and started again on the same SQLite file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kehoach-restart-'));
  const dbFile = join(dir, 'temporal.sqlite');
  let port: number;
  let server: DevServerProcess | undefined;
  let worker: WorkerProcess | undefined;
  let sink: SmtpSink;
  let client: Client | undefined;

  beforeAll(async () => {
    port = await freePort();
    server = await startDevServer({ port, dbFile });
    sink = await startSmtpSink();
    worker = startWorkerProcess({
      temporalAddress: server.address,
      taskQueue: TASK_QUEUE,
      smtpPort: sink.port,
      reportsDir: join(dir, 'reports'),
    });
    await worker.ready();
    client = new Client({ connection: await Connection.connect({ address: server.address }) });
  });

  afterAll(async () => {
    await worker?.kill('SIGKILL');
    await client?.connection.close();
    await server?.stop();
    await sink?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const runIds = async () =>
    Promise.all([...planIds, ...itemIds].map(async (id) => (await client!.workflow.getHandle(id).describe()).runId));

  it('keeps the same runs; later steps still fire; no e-mail lost or duplicated', async () => {
    for (const plan of plans) await startPlan(client!, plan, { taskQueue: TASK_QUEUE, clock: CLOCK });
    const beforeStop = upTo('2026-03-03T12:00:00+07:00');
    expect((await waitForKeys(sink.messages, beforeStop, 40_000)).missing).toEqual([]);
    const runsBefore = await runIds();

    const t0 = Date.now();
    await server!.stop();
    const atStop = sink.messages.length;
    server = await startDevServer({ port, dbFile });
    const restartMs = Date.now() - t0;
    console.log(`[server-restart] server down for ${restartMs} ms, ${atStop} e-mails before the stop`);

    const expected = upTo('2026-03-06T12:00:00+07:00');
    expect(expected).toHaveLength(2 * 3 * 6);
    const audit = await waitForKeys(sink.messages, expected, 60_000);
    expect(audit.missing).toEqual([]);
    // Settle before the audit, so a late duplicate shows (3 s is a quarter plan day; nothing new is due).
    await new Promise((r) => setTimeout(r, 3_000));
    expect(await runIds()).toEqual(runsBefore);
    for (const id of planIds) expect((await client!.workflow.getHandle(id).describe()).status.name).toBe('RUNNING');

    const final = auditMail(sink.messages, expected);
    console.log(
      `[server-restart] ${sink.messages.length} received of ${expected.length}, duplicates ${final.duplicates.size}, lost ${final.missing.length}`,
    );
    expect(final.duplicates).toEqual(new Map());
    expect(final.unexpected).toEqual([]);
    expect(sink.messages).toHaveLength(expected.length);
  });
});
