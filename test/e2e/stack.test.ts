import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectClient, getItemStatus, submitReport } from '../../client/plan-client.js';
import { freePort } from '../helpers/free-port.js';
import { listeningSockets } from '../helpers/listening-sockets.js';
import { overHttp, portalClient } from '../helpers/portal-client.js';
import { startStack, type StackProcess } from '../helpers/stack-process.js';

interface InboxMail {
  id: string;
  subject: string;
  to: { address: string }[];
  headers: Record<string, string>;
}

const ref = { org: 'E2E', year: 2026 };

/** The dev server, maildev, the worker and the sample plan, exactly as `npm start` runs them, on free ports. */
describe('npm start stack: dev server + worker + SMTP inbox, restart resumes the plan', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'kehoach-e2e-'));
  let env: NodeJS.ProcessEnv;
  let stack: StackProcess | undefined;
  let client: Client | undefined;
  let inbox = '';

  const inboxMails = async (): Promise<InboxMail[]> =>
    (await fetch(`${inbox}/api/email`)).json() as Promise<InboxMail[]>;
  const waitForMails = async (n: number, timeoutMs = 60_000): Promise<InboxMail[]> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const mails = await inboxMails();
      if (mails.length >= n) return mails;
      if (Date.now() > deadline)
        throw new Error(`inbox has ${mails.length} of ${n}: ${mails.map((m) => m.subject).join(' | ')}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  };

  beforeAll(async () => {
    const [temporalPort, uiPort, smtpPort, inboxPort, portalPort] = await Promise.all([
      freePort(),
      freePort(),
      freePort(),
      freePort(),
      freePort(),
    ]);
    env = {
      TEMPORAL_ADDRESS: `127.0.0.1:${temporalPort}`,
      KEHOACH_UI_PORT: String(uiPort),
      SMTP_PORT: String(smtpPort),
      KEHOACH_INBOX_PORT: String(inboxPort),
      PORTAL_PORT: String(portalPort),
      PORTAL_BASE_URL: `http://127.0.0.1:${portalPort}`,
      KEHOACH_DATA_DIR: dataDir,
      REPORTS_DIR: join(dataDir, 'reports'),
      KEHOACH_SAMPLE_PLAN: 'test/fixtures/plans/e2e.yaml',
    };
    inbox = `http://127.0.0.1:${inboxPort}`;
  });

  afterAll(async () => {
    await client?.connection.close();
    if (stack && stack.proc.exitCode === null) await stack.interrupt();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('sends each e-mail once through real SMTP, shows the plan in Temporal, and resumes after Ctrl-C', async () => {
    stack = startStack(env);
    await stack.waitForOutput('(bắt đầu mới / started)');
    client = await connectClient(env.TEMPORAL_ADDRESS!, 'default');

    // The portal is up: office pages ask for a login.
    const login = await (async () => {
      for (let i = 0; i < 100; i++) {
        const res = await fetch(`${env.PORTAL_BASE_URL}/dang-nhap`).catch(() => undefined);
        if (res) return res;
        await new Promise((r) => setTimeout(r, 200));
      }
      throw new Error('portal did not answer');
    })();
    expect(login.status).toBe(200);
    // npm start prints where the office password is kept, not the password.
    expect(stack.output()).toMatch(/Quản trị viên \/ Administrator: vanphong, mật khẩu trong \/ password in \S+/);
    expect(stack.output()).toContain('E2E: Văn phòng / office vanphong@example.org');
    // ... and neither it nor the link secret it made for itself; every socket of the stack listens on loopback.
    for (const secret of ['office-password.txt', 'link-secret.txt'])
      expect(stack.output()).not.toContain(readFileSync(join(dataDir, secret), 'utf8').trim());
    const listening = listeningSockets(stack.proc.pid!);
    expect(listening.length).toBeGreaterThanOrEqual(5);
    expect(listening.filter((a) => !/^(127\.0\.0\.1|::1|::ffff:127\.0\.0\.1):\d+$/.test(a))).toEqual([]);

    // Both heads get the assignment; KHTC submits through the workflow's update straight away.
    const assigned = await waitForMails(2);
    // The link in an assignment opens the unit's page: its expiry is in plan time, like the deadline it follows.
    const tccb = assigned.find((m) => m.to.some((t) => t.address === 'tccb@example.org'))!;
    const mail = (await (await fetch(`${inbox}/api/email/${tccb.id}`)).json()) as { text?: string; html?: string };
    const text = `${mail.text ?? ''} ${mail.html ?? ''}`;
    const link = /http:\/\/127\.0\.0\.1:\d+\/nop\/[\w.-]+/.exec(text)?.[0];
    const unitPage = await fetch(link ?? 'missing link');
    expect(unitPage.status).toBe(200);
    expect(await unitPage.text()).toContain('Phòng Tổ chức cán bộ');
    await submitReport(client, ref, 'task-03', { unit: 'KHTC', submittedBy: 'Trần Thị Kế', results: 'Đã đăng 2 tin.' });

    // One plan day per second: by plan day 11/03 TCCB has had its reminder, due-today and overdue notices, and the
    // office and then the director have been told, each exactly once.
    await waitForMails(8);
    await new Promise((r) => setTimeout(r, 3_000));
    const settled = await inboxMails();
    expect(settled).toHaveLength(8);
    const kinds = settled.map((m) => `${m.to.map((t) => t.address).join(',')} ${m.headers['x-kehoach-kind']}`).sort();
    expect(kinds).toEqual([
      'giamdoc@example.org escalation-director',
      'khtc@example.org assignment',
      'khtc@example.org receipt',
      'tccb@example.org assignment',
      'tccb@example.org due-today',
      'tccb@example.org overdue',
      'tccb@example.org reminder',
      'vanphong@example.org escalation-office',
    ]);
    expect(new Set(settled.map((m) => m.headers['message-id'])).size).toBe(8);

    // The Temporal API (what the Web UI shows) finds the overdue unit with one search; the list may lag the e-mail.
    const overdue = async () => {
      const ids: string[] = [];
      for await (const wf of client!.workflow.list({ query: `KhOrg="E2E" AND KhYear=2026 AND KhOverdueUnits="TCCB"` }))
        ids.push(wf.workflowId);
      return ids;
    };
    await expect.poll(overdue, { timeout: 10_000 }).toEqual(['plan-E2E-2026-task-03']);
    const before = await client.workflow.getHandle('plan-E2E-2026').describe();
    await client.connection.close();
    client = undefined;

    // Ctrl-C stops every child cleanly; a second start resumes the same plan run from the SQLite file.
    expect(await stack.interrupt()).toBe(0);
    stack = startStack(env);
    await stack.waitForOutput('(tiếp tục / resumed)');
    client = await connectClient(env.TEMPORAL_ADDRESS!, 'default');
    const after = await client.workflow.getHandle('plan-E2E-2026').describe();
    expect(after.runId).toBe(before.runId);
    const status = await getItemStatus(client, ref, 'task-03');
    expect(status.units.map((u) => [u.unit, u.state])).toEqual([
      ['KHTC', 'done-on-time'],
      ['TCCB', 'overdue'],
    ]);
    // The resumed run sends nothing again: once settled, the inbox still holds exactly the same 8 e-mails.
    await new Promise((r) => setTimeout(r, 3_000));
    const resumed = await inboxMails();
    const ids = (mails: InboxMail[]) => mails.map((m) => m.headers['message-id']).sort();
    expect(resumed).toHaveLength(8);
    expect(new Set(ids(resumed)).size).toBe(8);
    expect(ids(resumed)).toEqual(ids(settled));

    // A unit head signs in without a password: the link comes to the inbox; their page lists their unit's duty.
    const browser = portalClient(overHttp, env.PORTAL_BASE_URL!);
    const asked = await browser.post('/dang-nhap/lien-ket', {
      _csrf: await browser.csrfOf('/dang-nhap'),
      email: 'tccb@example.org',
    });
    expect(asked.status).toBe(200);
    const signIn = (await waitForMails(9)).find(
      (m) => m.headers['message-id'] && !ids(settled).includes(m.headers['message-id']),
    )!;
    const body = (await (await fetch(`${inbox}/api/email/${signIn.id}`)).json()) as { text?: string };
    const path = /\/dang-nhap\/lien-ket\/[A-Za-z0-9_-]+/.exec(body.text ?? '')?.[0];
    expect(path, 'a sign-in link in the e-mail').toBeDefined();
    expect((await browser.post(path!, { _csrf: await browser.csrfOf(path!) })).status).toBe(303);
    const duties = await (await browser.get('/van-phong/cua-toi')).text();
    expect(duties).toContain('Việc của đơn vị tôi');
    expect(duties).toContain('task-03');
  });
});
