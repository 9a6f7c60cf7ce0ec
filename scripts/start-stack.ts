/**
 * `npm start`: the whole local stack in the foreground — Temporal dev server with its Web UI (state in a SQLite
 * file), a local SMTP server with a web inbox (maildev), the worker, the portal, and the sample plan started or
 * resumed. Ctrl-C stops every child; running it again resumes the same plan from the same database.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { Connection } from '@temporalio/client';
import { DateTime } from 'luxon';
import { connectClient, startPlan } from '../client/plan-client.js';
import { registerSearchAttributes, searchAttributeFlags } from '../client/register-search-attributes.js';
import { loadPlan } from '../domain/plan-file.js';
import type { Plan } from '../domain/plan-schema.js';
import { scheduleItems } from '../domain/schedule.js';
import { buildWorkCalendar } from '../domain/work-calendar.js';
import { hashPassword } from '../portal/passwords.js';
import { loadConfig } from '../worker/config.js';
import { loadStackConfig } from './stack-config.js';

const root = resolve(import.meta.dirname, '..');
const children: { name: string; proc: ChildProcess }[] = [];

function launch(name: string, cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env): ChildProcess {
  const proc = spawn(cmd, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = (chunk: Buffer) =>
    chunk
      .toString()
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => `[${name}] ${l}\n`)
      .join('');
  proc.stdout?.on('data', (c: Buffer) => process.stdout.write(prefix(c)));
  proc.stderr?.on('data', (c: Buffer) => process.stderr.write(prefix(c)));
  proc.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`[stack] ${name} exited (${signal ?? code}); stopping the stack`);
      void stop(1);
    }
  });
  children.push({ name, proc });
  return proc;
}

let stopping = false;
async function stop(code: number): Promise<never> {
  stopping = true;
  for (const { proc } of [...children].reverse()) {
    if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGINT');
  }
  await Promise.all(
    children.map(
      ({ proc }) =>
        new Promise<void>((done) => {
          if (proc.exitCode !== null || proc.signalCode !== null) return done();
          const timer = setTimeout(() => proc.kill('SIGKILL'), 15_000);
          proc.on('exit', () => {
            clearTimeout(timer);
            done();
          });
        }),
    ),
  );
  process.exit(code);
}

async function waitForServer(address: string): Promise<Connection> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1_000 });
      await connection.workflowService.getSystemInfo({});
      return connection;
    } catch (err) {
      if (Date.now() > deadline) throw new Error(`Temporal dev server did not answer on ${address}: ${String(err)}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

async function waitForHttp(url: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not answer`);
}

/** A random value kept in the git-ignored data folder (created once, owner-only), so it survives restarts. */
function keptSecret(dataDir: string, name: string, bytes: number): { value: string; file: string } {
  const file = join(dataDir, name);
  if (!existsSync(file)) writeFileSync(file, randomBytes(bytes).toString('base64url') + '\n', { mode: 0o600 });
  return { value: readFileSync(file, 'utf8').trim(), file };
}

/**
 * A local office login for the demo when PORTAL_USERS is not set: user `vanphong` with a random password kept in the
 * data folder. Only the file's name is printed, never the password.
 */
async function demoOfficeLogin(dataDir: string): Promise<{ users: string; file: string }> {
  const { value, file } = keptSecret(dataDir, 'office-password.txt', 9);
  return { users: `vanphong:${await hashPassword(value)}`, file };
}

async function main(): Promise<void> {
  const config = loadConfig();
  const stack = loadStackConfig();
  const tools = JSON.parse(readFileSync(join(root, '.tools', 'tools.json'), 'utf8')) as { temporalCli: string };
  const dataDir = resolve(root, stack.KEHOACH_DATA_DIR);
  mkdirSync(join(dataDir, 'mail'), { recursive: true });
  const [host, port] = config.TEMPORAL_ADDRESS.split(':');

  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  launch('temporal', tools.temporalCli, [
    'server',
    'start-dev',
    '--ip',
    host ?? '127.0.0.1',
    '--port',
    port ?? '7233',
    '--ui-port',
    String(stack.KEHOACH_UI_PORT),
    '--db-filename',
    join(dataDir, 'temporal.sqlite'),
    '--log-level',
    'error',
    ...searchAttributeFlags(),
  ]);
  const connection = await waitForServer(config.TEMPORAL_ADDRESS);
  await registerSearchAttributes(connection, config.TEMPORAL_NAMESPACE);
  await connection.close();

  // maildev's exports hide its bin script from require.resolve; it is always installed beside us.
  const maildev = join(root, 'node_modules', 'maildev', 'dist', 'bin', 'maildev.js');
  launch('inbox', process.execPath, [
    maildev,
    '--smtp',
    String(config.SMTP_PORT),
    '--web',
    String(stack.KEHOACH_INBOX_PORT),
    '--ip',
    '127.0.0.1',
    '--web-ip',
    '127.0.0.1',
    '--mail-directory',
    join(dataDir, 'mail'),
  ]);
  const inboxUrl = `http://127.0.0.1:${stack.KEHOACH_INBOX_PORT}`;
  await waitForHttp(`${inboxUrl}/api/healthz`);

  const tsx = join(root, 'node_modules', '.bin', 'tsx');
  const login = config.PORTAL_USERS ? undefined : await demoOfficeLogin(dataDir);
  // No secret is built in: without LINK_SECRET the stack makes its own, once, and keeps it beside its data.
  const linkSecret = config.LINK_SECRET ?? keptSecret(dataDir, 'link-secret.txt', 32).value;
  const appEnv = {
    ...process.env,
    LINK_SECRET: linkSecret,
    ORGANISATIONS_FILE: resolve(root, config.ORGANISATIONS_FILE),
    REPORTS_DIR: resolve(root, config.REPORTS_DIR),
    UPLOADS_DIR: resolve(root, config.UPLOADS_DIR),
    // One folder store for the worker and the portal: the report the worker files is the one the portal serves.
    BLOB_DIR: resolve(root, config.BLOB_DIR),
    TZ: 'UTC',
    ...(login ? { PORTAL_USERS: login.users } : {}),
  };
  launch('worker', tsx, ['worker/main.ts'], appEnv);
  launch('portal', tsx, ['portal/main.ts'], appEnv);

  const client = await connectClient(config.TEMPORAL_ADDRESS, config.TEMPORAL_NAMESPACE);
  const started: { plan: Plan; workflowId: string; started: boolean }[] = [];
  for (const file of stack.KEHOACH_SAMPLE_PLAN.split(',')
    .map((f) => f.trim())
    .filter(Boolean)) {
    const plan = loadPlan(readFileSync(resolve(root, file), 'utf8'), file);
    // Plan time starts an hour before the first item opens, so the first e-mails arrive within seconds.
    const firstOpening = scheduleItems(plan, buildWorkCalendar(plan))
      .map((i) => i.opens.at)
      .sort()[0];
    const planStart = firstOpening ? DateTime.fromISO(firstOpening).minus({ hours: 1 }).toISO()! : undefined;
    const { handle, started: fresh } = await startPlan(client, plan, {
      taskQueue: config.TEMPORAL_TASK_QUEUE,
      clock: { speed: plan.demo?.speed ?? stack.KEHOACH_DEMO_SPEED, planStart },
    });
    started.push({ plan, workflowId: handle.workflowId, started: fresh });
  }
  await client.connection.close();

  const ui = `http://localhost:${stack.KEHOACH_UI_PORT}`;
  const orgs = started.map((s) => `"${s.plan.organisation.code}"`).join(', ');
  console.log(
    [
      '',
      `kehoach đang chạy / is running (Ctrl-C để dừng / to stop)`,
      `  Temporal UI:  ${ui}/namespaces/${config.TEMPORAL_NAMESPACE}/workflows?query=${encodeURIComponent(`KhOrg IN (${orgs})`)}`,
      `  Hộp thư / Inbox: ${inboxUrl}`,
      `  Cổng thông tin / Portal: ${config.PORTAL_BASE_URL}/van-phong`,
      ...started.map(
        (s) => `  Kế hoạch / Plan: ${s.workflowId} (${s.started ? 'bắt đầu mới / started' : 'tiếp tục / resumed'})`,
      ),
      `  Đăng nhập bằng e-mail / Sign in by e-mail (liên kết đến hộp thư trên / the link arrives in the inbox above):`,
      ...started.flatMap((s) => signInHints(s.plan)),
      login
        ? `  Quản trị viên / Administrator: vanphong, mật khẩu trong / password in ${relative(root, login.file)}`
        : '',
      '',
    ]
      .filter((l) => l !== '')
      .join('\n'),
  );
}

/** Who can sign in to try a plan's roles: its office, its director, one unit head. */
function signInHints(plan: Plan): string[] {
  const head = plan.units.find((u) => u.head.email !== plan.office.email) ?? plan.units[0]!;
  const org = plan.organisation.code;
  return [
    `    ${org}: Văn phòng / office ${plan.office.email}`,
    `    ${org}: ${plan.director.title ?? 'Thủ trưởng'} / director ${plan.director.email}`,
    `    ${org}: trưởng ${head.name} / unit head ${head.head.email}`,
  ];
}

main().catch(async (err) => {
  console.error(err instanceof Error ? err.message : err);
  await stop(1);
});
