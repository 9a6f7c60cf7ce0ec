import type { Client } from '@temporalio/client';
import type { ReceivedMail } from './smtp-sink.js';

/** What a fault test asserts on the sink: which keys never came, which came more than once. */
export interface MailAudit {
  missing: string[];
  /** key → number of copies, for keys received more than once. */
  duplicates: Map<string, number>;
  /** Keys whose copies do not all carry the same Message-ID (a duplicate a mail client could not fold). */
  mismatchedIds: string[];
  unexpected: string[];
}

export function keyOf(m: ReceivedMail): string {
  return String(m.headers.get('x-kehoach-key') ?? '');
}

export function auditMail(messages: readonly ReceivedMail[], expected: readonly string[]): MailAudit {
  const byKey = new Map<string, ReceivedMail[]>();
  for (const m of messages) byKey.set(keyOf(m), [...(byKey.get(keyOf(m)) ?? []), m]);
  const want = new Set(expected);
  return {
    missing: expected.filter((k) => !byKey.has(k)),
    duplicates: new Map([...byKey].filter(([, ms]) => ms.length > 1).map(([k, ms]) => [k, ms.length])),
    mismatchedIds: [...byKey].filter(([, ms]) => new Set(ms.map((m) => m.messageId)).size > 1).map(([k]) => k),
    unexpected: [...byKey.keys()].filter((k) => !want.has(k)),
  };
}

/** Polls until every expected key has arrived (bounded); returns the audit either way, for the assertions. */
export async function waitForKeys(
  messages: readonly ReceivedMail[],
  expected: readonly string[],
  timeoutMs: number,
): Promise<MailAudit> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const audit = auditMail(messages, expected);
    if (audit.missing.length === 0 || Date.now() > deadline) return audit;
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * `sendEmail` activities that ran more than once, by e-mail key, from the item workflows' histories: the activity's
 * started event records its last attempt number. A retried send is the only way a copy may legitimately repeat.
 */
export async function retriedSends(client: Client, workflowIds: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const id of workflowIds) {
    const history = await client.workflow.getHandle(id).fetchHistory();
    const scheduled = new Map<string, string>();
    for (const e of history.events ?? []) {
      const s = e.activityTaskScheduledEventAttributes;
      if (s && e.eventId) {
        const payload = s.input?.payloads?.[0]?.data;
        const key = payload ? (JSON.parse(Buffer.from(payload).toString('utf8')) as { key?: string }).key : undefined;
        if (key) scheduled.set(String(e.eventId), key);
      }
      const st = e.activityTaskStartedEventAttributes;
      if (st && (st.attempt ?? 1) > 1) {
        const key = scheduled.get(String(st.scheduledEventId));
        if (key) out.set(key, st.attempt ?? 1);
      }
    }
  }
  return out;
}

/**
 * Waits until every activity scheduled in each workflow's history has its completion written there. The server
 * buffers an activity's completion while a workflow task is running, so describe() may already show nothing
 * pending while history lacks it: read history only after this.
 */
export async function waitForSettledSends(client: Client, workflowIds: readonly string[], timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await Promise.all(
      workflowIds.map(async (id) => {
        const events = (await client.workflow.getHandle(id).fetchHistory()).events ?? [];
        const scheduled = events.filter((e) => e.activityTaskScheduledEventAttributes).length;
        return scheduled - events.filter((e) => e.activityTaskCompletedEventAttributes).length;
      }),
    );
    if (open.every((n) => n === 0)) return;
    if (Date.now() > deadline) throw new Error(`sends not settled in history: ${open.join(',')}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}
