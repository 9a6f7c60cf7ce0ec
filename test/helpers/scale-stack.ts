import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { hashPassword } from '../../portal/passwords.js';
import { openPortalStore } from '../../portal/store/open-store.js';
import type { PortalStore } from '../../portal/store/portal-store.js';
import type { BlobStore } from '../../storage/blob-store.js';
import { S3BlobStore } from '../../storage/s3-blob-store.js';
import type { ReceivedMail } from './smtp-sink.js';
import { startPortal } from './portal-server.js';
import { OFFICE_PASSWORD } from './portal-stack.js';
import type { SeaweedServer } from './seaweed.js';
import { startWorkerProcess, type WorkerProcess } from './worker-process.js';

/** The variables that point a worker or a portal at the bucket `bucket` of `seaweed` (`BLOB_STORE=s3`). */
export function s3Env(
  seaweed: Pick<SeaweedServer, 'endpoint' | 'region' | 'accessKeyId' | 'secretAccessKey'>,
  bucket: string,
) {
  return {
    BLOB_STORE: 's3',
    S3_ENDPOINT: seaweed.endpoint,
    S3_REGION: seaweed.region,
    S3_BUCKET: bucket,
    S3_ACCESS_KEY_ID: seaweed.accessKeyId,
    S3_SECRET_ACCESS_KEY: seaweed.secretAccessKey,
  } satisfies NodeJS.ProcessEnv;
}

/** A store client of its own on the bucket `env` names (each worker and portal has one in a deployment). */
export function s3Store(env: ReturnType<typeof s3Env>): BlobStore {
  return new S3BlobStore({
    endpoint: env.S3_ENDPOINT,
    region: env.S3_REGION,
    bucket: env.S3_BUCKET,
    accessKeyId: env.S3_ACCESS_KEY_ID,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY,
  });
}

/**
 * `worker/main.ts` as a child process on `taskQueue` with its own temporary REPORTS_DIR and the variables `env`
 * (the blob store); `stop` SIGTERMs it and removes the folder.
 */
export function startScaleWorker(
  env: TestWorkflowEnvironment,
  opts: { taskQueue: string; smtpPort: number; env: NodeJS.ProcessEnv },
): WorkerProcess & { reportsDir: string; stop(): Promise<void> } {
  const reportsDir = mkdtempSync(join(tmpdir(), 'kehoach-scale-reports-'));
  const worker = startWorkerProcess({
    temporalAddress: env.address,
    taskQueue: opts.taskQueue,
    smtpPort: opts.smtpPort,
    reportsDir,
    env: opts.env,
  });
  return {
    ...worker,
    reportsDir,
    async stop() {
      // SIGTERM drains (up to the worker's shutdown grace); SIGKILL after 10 s, a test's teardown must end.
      const timer = setTimeout(() => worker.proc.kill('SIGKILL'), 10_000);
      await worker.kill('SIGTERM');
      clearTimeout(timer);
      rmSync(reportsDir, { recursive: true, force: true });
    },
  };
}

/** A portal over HTTP on loopback with its own client of the shared redis store and its own S3 store client. */
export interface ScalePortal {
  url: string;
  store: PortalStore;
  blobs: BlobStore;
  stop(): Promise<void>;
}

export async function startScalePortal(
  client: Client,
  opts: { redisUrl: string; env: ReturnType<typeof s3Env>; taskQueue: string },
): Promise<ScalePortal> {
  const store = await openPortalStore(opts.redisUrl);
  const blobs = s3Store(opts.env);
  const portal = await startPortal(client, {
    env: {
      ...opts.env,
      TEMPORAL_TASK_QUEUE: opts.taskQueue,
      PORTAL_USERS: `vanphong:${await hashPassword(OFFICE_PASSWORD)}`,
    },
    store,
    blobs,
  });
  return {
    url: portal.url,
    store,
    blobs,
    async stop() {
      await portal.stop();
      await store.close();
      await blobs.close();
    },
  };
}

/** The `X-Kehoach-Key` and `X-Kehoach-Kind` headers of a received e-mail. */
export function mailKey(m: ReceivedMail): { key: string; kind: string } {
  return { key: String(m.headers.get('x-kehoach-key') ?? ''), kind: String(m.headers.get('x-kehoach-kind') ?? '') };
}

/** Polls `messages` until `pick` finds `n` of them (bounded); returns those found either way. */
export async function waitForMails(
  messages: readonly ReceivedMail[],
  pick: (m: ReceivedMail) => boolean,
  n: number,
  timeoutMs: number,
): Promise<ReceivedMail[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = messages.filter(pick);
    if (found.length >= n || Date.now() > deadline) return found;
    await new Promise((r) => setTimeout(r, 100));
  }
}

export interface ActivityRun {
  /** The activity type, e.g. `compileReport`. */
  type: string;
  /** The input's `key` (an e-mail's, a report's), when it has one. */
  key?: string;
  /** When the workflow scheduled it (server time, epoch ms). */
  scheduledAt: number;
  /** The worker that ran the attempt that completed (or failed for good), as the server recorded it. */
  identity?: string;
  attempt?: number;
}

/**
 * The identity of the worker that ran each activity of a workflow, from its history: the ActivityTaskStarted event
 * (written with the attempt that completed) of each scheduled activity, with the activity's type and the `key` of
 * its input when it has one (an e-mail's key).
 */
export async function activityRuns(client: Client, workflowId: string): Promise<ActivityRun[]> {
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  const runs = new Map<string, ActivityRun>();
  for (const e of history.events ?? []) {
    const s = e.activityTaskScheduledEventAttributes;
    if (s && e.eventId) {
      const data = s.input?.payloads?.[0]?.data;
      const key = data ? (JSON.parse(Buffer.from(data).toString('utf8')) as { key?: unknown }).key : undefined;
      runs.set(String(e.eventId), {
        type: s.activityType?.name ?? '',
        scheduledAt: Number(String(e.eventTime?.seconds)) * 1000 + Math.floor((e.eventTime?.nanos ?? 0) / 1e6),
        ...(typeof key === 'string' ? { key } : {}),
      });
    }
    const st = e.activityTaskStartedEventAttributes;
    const run = st ? runs.get(String(st.scheduledEventId)) : undefined;
    if (st && run) Object.assign(run, { identity: st.identity ?? undefined, attempt: st.attempt ?? 1 });
  }
  return [...runs.values()];
}
