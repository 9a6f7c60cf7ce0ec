import type { Client } from '@temporalio/client';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import proto from '@temporalio/proto';

type History = proto.temporal.api.history.v1.IHistory;
const EventType = proto.temporal.api.enums.v1.EventType;

/**
 * A history as searchable JSON with every payload replaced by the value it carries, decoded with the SDK's payload
 * converter: update requests and results, signal and workflow inputs, activity inputs and results, failure details,
 * memo, search attributes, headers, markers. `JSON.stringify` of the raw history shows payloads as base64, so a
 * search of it finds no submitted text whether the history holds it or not.
 */
export function historyText(history: History): string {
  return JSON.stringify((history.events ?? []).map(decoded));
}

/**
 * Event types after the first `from` events, other than workflow tasks: the time-skipping server records the
 * workflow task that carried a rejected update (the real server drops such speculative tasks), never the update.
 */
export function eventTypesSince(history: History, from: number): string[] {
  return (history.events ?? [])
    .slice(from)
    .map((e) => EventType[e.eventType ?? 0] ?? String(e.eventType))
    .filter((t) => !t.startsWith('EVENT_TYPE_WORKFLOW_TASK_'));
}

/**
 * When each e-mail was sent, by its key: the server time (ms) at which its `sendEmail` was scheduled. The sink's
 * receivedAt is real time; this is the time-skipping server's, from which plan time follows.
 */
export async function sendEmailTimes(client: Client, workflowIds: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const id of workflowIds) {
    for (const e of (await client.workflow.getHandle(id).fetchHistory()).events ?? []) {
      const scheduled = e.activityTaskScheduledEventAttributes;
      const input = scheduled?.input?.payloads?.[0];
      if (scheduled?.activityType?.name !== 'sendEmail' || !input) continue;
      const { key } = defaultPayloadConverter.fromPayload<{ key: string }>(input);
      out.set(key, Number(String(e.eventTime?.seconds)) * 1000 + Math.floor((e.eventTime?.nanos ?? 0) / 1e6));
    }
  }
  return out;
}

function decoded(value: unknown): unknown {
  if (isPayload(value)) return decodePayload(value);
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map(decoded);
  if (value === null || typeof value !== 'object') return value;
  if (isLong(value)) return value.toString();
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decoded(v)]));
}

function decodePayload(payload: Payload): unknown {
  try {
    return defaultPayloadConverter.fromPayload(payload);
  } catch {
    // An encoding the default converter does not know: its bytes as text are still worth searching.
    const encoding = Buffer.from(payload.metadata?.encoding ?? []).toString('utf8');
    return { encoding, text: Buffer.from(payload.data ?? []).toString('utf8') };
  }
}

/** By the message's protobufjs type: `instanceof` fails across the two protobufjs copies in this install. */
function isPayload(value: unknown): value is Payload {
  const type = (value as { $type?: { fullName?: string } } | null)?.$type;
  return type?.fullName === '.temporal.api.common.v1.Payload';
}

/** protobufjs reads int64 fields (event ids, versions) as Long objects. */
function isLong(value: object): value is { toString(): string } {
  return 'low' in value && 'high' in value && 'unsigned' in value;
}
