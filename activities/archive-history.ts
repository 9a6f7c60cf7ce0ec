/**
 * What an item's history says that its state does not: every e-mail actually sent (with the mail server's answer),
 * the shares handed to another unit, and every message it received. Read from all runs of the workflow (a long item
 * continues as new), oldest first. Plan times come from the item's own clock, so a demo's fast clock reads right.
 */
import type { Client } from '@temporalio/client';
import type { Payload } from '@temporalio/common';
import type proto from '@temporalio/proto';
import { DateTime } from 'luxon';
import { planTimeAt } from '../domain/plan-clock.js';
import type { EmailReceipt, EmailRequest } from '../workflows/email-request.js';
import type { ItemWorkflowInput } from '../workflows/item-types.js';
import type { ReassignInput } from '../workflows/messages.js';
import type { ArchivedEmail, ArchivedMessage } from '../storage/plan-archive.js';
import { messageIdFor } from './email.js';

type HistoryEvent = proto.temporal.api.history.v1.IHistoryEvent;
type Failure = proto.temporal.api.failure.v1.IFailure;

export interface ItemHistory {
  runs: string[];
  emails: ArchivedEmail[];
  reassignments: { from: string; to: string; reason: string; by: string; at: string }[];
  messages: ArchivedMessage[];
}

/** Epoch ms of a protobuf timestamp (int64 seconds come as Long objects). */
function msOf(t: { seconds?: unknown; nanos?: number | null } | null | undefined): number {
  if (!t) return 0;
  return Number(String(t.seconds ?? 0)) * 1000 + Math.floor((t.nanos ?? 0) / 1e6);
}

const idOf = (v: unknown): string => String(v ?? '');

function failureText(f: Failure | null | undefined): { type: string; message: string } {
  // The activity's own failure is the cause of the SDK's wrapper ("Activity task failed").
  const root = f?.cause ?? f;
  const type = root?.applicationFailureInfo?.type || (root?.timeoutFailureInfo ? 'Timeout' : 'Error');
  return { type, message: (root?.message ?? f?.message ?? '').slice(0, 1_000) };
}

/** Keeps what a reader needs of a submission's update (its content is in the unit's versions already). */
function messageArgs(name: string, args: unknown[]): unknown[] {
  if (name !== 'submitReport') return args;
  const [s] = args as [{ unit?: string; submittedBy?: string } | undefined];
  return [{ unit: s?.unit, submittedBy: s?.submittedBy }];
}

/**
 * Reads the history of every run of `workflowId` (the latest run, then back through `continuedExecutionRunId`).
 * Throws what the client throws: `WorkflowNotFoundError` (or a NOT_FOUND ServiceError) when the workflow is gone.
 */
export async function readItemHistory(client: Client, workflowId: string): Promise<ItemHistory> {
  const converter = client.options.loadedDataConverter;
  const decode = async <T>(payloads: Payload[] | null | undefined, index = 0): Promise<T | undefined> => {
    if (!payloads?.length) return undefined;
    let decoded = payloads;
    for (const codec of [...converter.payloadCodecs].reverse()) decoded = await codec.decode(decoded);
    const one = decoded[index];
    return one ? converter.payloadConverter.fromPayload<T>(one) : undefined;
  };
  const decodeAll = async (payloads: Payload[] | null | undefined): Promise<unknown[]> => {
    const out: unknown[] = [];
    for (let i = 0; i < (payloads?.length ?? 0); i++) out.push(await decode(payloads, i));
    return out;
  };

  // Newest run first, as the chain links backwards; reversed below.
  const runs: { runId: string; events: HistoryEvent[] }[] = [];
  let runId: string | undefined = (await client.workflow.getHandle(workflowId).describe()).runId;
  while (runId) {
    const history: proto.temporal.api.history.v1.IHistory = await client.workflow
      .getHandle(workflowId, runId)
      .fetchHistory();
    const events: HistoryEvent[] = history.events ?? [];
    runs.push({ runId, events });
    runId = events[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId || undefined;
    if (runs.length > 10_000) break; // a chain that loops: never seen, but never spin
  }
  runs.reverse();

  const first = runs[0]?.events[0]?.workflowExecutionStartedEventAttributes;
  const input = await decode<ItemWorkflowInput>(first?.input?.payloads as Payload[] | undefined);
  const zone = input?.ctx.timeZone ?? 'UTC';
  const planIso = (e: HistoryEvent) => {
    const real = msOf(e.eventTime);
    const ms = input?.clock ? planTimeAt(input.clock, real) : real;
    return DateTime.fromMillis(ms, { zone }).toISO() ?? new Date(ms).toISOString();
  };

  const emails: ArchivedEmail[] = [];
  const reassignments: ItemHistory['reassignments'] = [];
  const messages: ArchivedMessage[] = [];
  for (const run of runs) {
    const scheduled = new Map<string, ArchivedEmail>();
    for (const e of run.events) {
      const s = e.activityTaskScheduledEventAttributes;
      if (s && s.activityType?.name === 'sendEmail') {
        const req = await decode<EmailRequest>(s.input?.payloads as Payload[] | undefined);
        if (!req) continue;
        const email: ArchivedEmail = {
          key: req.key,
          messageId: messageIdFor(req.key),
          kind: req.kind,
          unit: req.unit.code,
          to: req.to.map((r) => r.email),
          cc: (req.cc ?? []).map((r) => r.email),
          scheduledAt: planIso(e),
          outcome: 'unfinished',
        };
        scheduled.set(idOf(e.eventId), email);
        emails.push(email);
        continue;
      }
      const started = e.activityTaskStartedEventAttributes;
      if (started) {
        const email = scheduled.get(idOf(started.scheduledEventId));
        if (email) email.attempts = started.attempt ?? 1;
        continue;
      }
      const done = e.activityTaskCompletedEventAttributes;
      if (done) {
        const email = scheduled.get(idOf(done.scheduledEventId));
        if (!email) continue;
        const receipt = await decode<EmailReceipt>(done.result?.payloads as Payload[] | undefined);
        email.outcome = 'sent';
        email.sentAt = planIso(e);
        if (receipt) {
          email.messageId = receipt.messageId || email.messageId;
          email.accepted = receipt.accepted;
          email.rejected = receipt.rejected;
        }
        continue;
      }
      const failed =
        e.activityTaskFailedEventAttributes ??
        e.activityTaskTimedOutEventAttributes ??
        e.activityTaskCanceledEventAttributes;
      if (failed) {
        const email = scheduled.get(idOf(failed.scheduledEventId));
        if (!email) continue;
        email.outcome = 'failed';
        email.failure =
          'failure' in failed && failed.failure
            ? failureText(failed.failure)
            : { type: 'Cancelled', message: 'cancelled' };
        continue;
      }
      const update = e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest;
      if (update?.input?.name) {
        const name = update.input.name;
        const args = await decodeAll(update.input.args?.payloads as Payload[] | undefined);
        const at = planIso(e);
        messages.push({
          kind: 'update',
          name,
          at,
          ...(update.meta?.identity ? { identity: update.meta.identity } : {}),
          args: messageArgs(name, args),
        });
        if (name === 'reassignItem') {
          const r = args[0] as ReassignInput | undefined;
          if (r) reassignments.push({ from: r.from, to: r.to, reason: r.reason, by: r.by, at });
        }
        continue;
      }
      const signal = e.workflowExecutionSignaledEventAttributes;
      if (signal?.signalName) {
        messages.push({
          kind: 'signal',
          name: signal.signalName,
          at: planIso(e),
          ...(signal.identity ? { identity: signal.identity } : {}),
          args: await decodeAll(signal.input?.payloads as Payload[] | undefined),
        });
      }
    }
  }
  return { runs: runs.map((r) => r.runId), emails, reassignments, messages };
}
