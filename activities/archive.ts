import { readFile } from 'node:fs/promises';
import { basename, extname, isAbsolute } from 'node:path';
import { ApplicationFailure, Context } from '@temporalio/activity';
import { QueryNotRegisteredError, QueryRejectedError, WorkflowNotFoundError, type Client } from '@temporalio/client';
import { FAILURES } from '../domain/failures.js';
import type { Plan } from '../domain/plan-schema.js';
import {
  BlobKeyConflictError,
  BlobStoreConfigError,
  InvalidBlobKeyError,
  InvalidBlobMetaError,
  validateBlobKey,
  type BlobStore,
} from '../storage/blob-store.js';
import {
  ARCHIVE_FORMAT,
  ARCHIVE_PATHS,
  archivePrefix,
  type ArchivedDocument,
  type ArchivedItemFile,
  type ArchivedPlanFile,
  type ArchivedUnit,
} from '../storage/plan-archive.js';
import type { ArchivedPlan, ArchivePlanInput } from '../workflows/activities-api.js';
import type { ItemDetail } from '../workflows/item-types.js';
import { itemDetailQuery, planDefinitionQuery, planStatusQuery } from '../workflows/messages.js';
import type { PlanStatus } from '../workflows/plan-types.js';
import { readItemHistory, type ItemHistory } from './archive-history.js';
import { archiveIndexHtml } from './archive-index.js';

export interface ArchiveDeps {
  /** Reads the plan and its items (queries, histories): closed workflows answer within the namespace's retention. */
  client: Client;
  /** Where the record is written, under `archive/<ORG>/<year>/`, and where reports filed since the store are read. */
  blobs: BlobStore;
  /** The archive's own timestamp; tests pass a fixed one. */
  now?: () => Date;
}

const JSON_TYPE = 'application/json; charset=utf-8';

/** Content types of the report files of runs that wrote them to a folder (`/…/report.docx`), by extension. */
const TYPES: Record<string, string> = {
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.html': 'text/html; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.png': 'image/png',
  '.pdf': 'application/pdf',
};

/** Inside an activity: its context (heartbeats); called directly (a script, a test): nothing. */
function activityContext(): Context | undefined {
  try {
    return Context.current();
  } catch {
    return undefined;
  }
}

/** The gRPC status code of a client error (a ServiceError carries it on its cause). */
function grpcCode(err: unknown): number | undefined {
  const e = err as { code?: unknown; cause?: { code?: unknown } } | null;
  const code = typeof e?.code === 'number' ? e.code : e?.cause?.code;
  return typeof code === 'number' ? code : undefined;
}

const NOT_FOUND = 5;
const FAILED_PRECONDITION = 9;

/** The workflow is not there (never started, or deleted after retention). */
const isNotFound = (err: unknown) => err instanceof WorkflowNotFoundError || grpcCode(err) === NOT_FOUND;

/** A query this workflow will never answer (unknown query, a handler that throws, a status it refuses): no retry. */
const isUnanswerable = (err: unknown) =>
  isNotFound(err) ||
  err instanceof QueryNotRegisteredError ||
  err instanceof QueryRejectedError ||
  grpcCode(err) === FAILED_PRECONDITION;

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err)).slice(0, 500);

/** A key segment from any file name: ASCII letters, digits, `.`, `_`, `-` (Vietnamese letters lose their marks). */
export function safeSegment(name: string): string {
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
  const clean = ascii.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '');
  // Long names keep their end (the extension).
  return (clean.length > 150 ? clean.slice(-150).replace(/^[.-]+/, '') : clean) || 'file';
}

/** Store faults no retry mends (a key or name no store takes, a store refusing this worker) become non-retryable. */
function permanent(err: unknown): unknown {
  if (err instanceof ApplicationFailure) return err;
  if (
    err instanceof BlobStoreConfigError ||
    err instanceof InvalidBlobKeyError ||
    err instanceof InvalidBlobMetaError ||
    err instanceof BlobKeyConflictError
  )
    return ApplicationFailure.nonRetryable(`archive: ${err.name}: ${err.message}`, FAILURES.archiveInvalid);
  return err;
}

/**
 * `archivePlanYear`: copies a closed plan-year's record out of Temporal into the blob store (storage/plan-archive.ts),
 * before the namespace's retention deletes the plan and its items. Idempotent: a retry or a second run writes the same
 * keys again. What cannot be read (an item workflow already gone, a report file deleted) is recorded in the archive
 * and returned as `problems`; only a fault no retry mends is thrown as `ArchiveInvalid`.
 */
export function createArchiveActivities({ client, blobs, now = () => new Date() }: ArchiveDeps) {
  const put = async (keys: string[], key: string, body: string | Buffer, contentType: string, fileName?: string) => {
    await blobs.put(key, Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8'), {
      contentType,
      ...(fileName ? { fileName } : {}),
    });
    keys.push(key);
  };

  /** Copies one report file, from the blob store (a key) or a folder (an absolute path); records why not when gone. */
  async function copyDocument(
    prefix: string,
    keys: string[],
    doc: { itemId: string; kind: string; source: string },
    taken: Set<string>,
  ): Promise<ArchivedDocument> {
    let body: Buffer | undefined;
    let contentType = 'application/octet-stream';
    let fileName = basename(doc.source);
    let missing: string | undefined;
    if (isAbsolute(doc.source)) {
      try {
        body = await readFile(doc.source);
        contentType = TYPES[extname(doc.source).toLowerCase()] ?? contentType;
      } catch (err) {
        missing = `không đọc được tệp ${doc.source}: ${messageOf(err)}`;
      }
    } else {
      let valid = true;
      try {
        validateBlobKey(doc.source);
      } catch {
        valid = false;
        missing = `"${doc.source}" không phải đường dẫn tệp hay khóa lưu trữ`;
      }
      const blob = valid ? await blobs.get(doc.source) : undefined;
      if (blob) {
        body = blob.body;
        contentType = blob.contentType;
        fileName = blob.fileName ?? fileName;
      } else if (valid) missing = `không còn tệp ${doc.source} trong kho lưu trữ`;
    }
    let segment = safeSegment(fileName);
    if (taken.has(segment)) segment = safeSegment(`${doc.kind}-${fileName}`);
    taken.add(segment);
    const path = ARCHIVE_PATHS.document(doc.itemId, segment);
    if (body) {
      await put(keys, prefix + path, body, contentType, fileName);
      return { ...doc, path, fileName, contentType, size: body.length };
    }
    // Gone at the source, but copied by an earlier run of this archive: that copy stands.
    const earlier = await blobs.head(prefix + path);
    if (earlier) {
      keys.push(prefix + path);
      return {
        ...doc,
        path,
        fileName: earlier.fileName ?? fileName,
        contentType: earlier.contentType,
        size: earlier.size,
      };
    }
    return { ...doc, missing };
  }

  /** One item's record: its state (a query), its history (e-mails, reassignments, messages), its report's files. */
  async function archiveItem(
    prefix: string,
    keys: string[],
    planWorkflowId: string,
    plan: Plan,
    entry: PlanStatus['items'][number],
    archivedAt: string,
  ): Promise<{ file: ArchivedItemFile; path: string } | undefined> {
    const problems: string[] = [];
    let detail: ItemDetail | undefined;
    let notFound = false;
    try {
      detail = await client.workflow.getHandle(entry.workflowId).query(itemDetailQuery);
    } catch (err) {
      if (!isUnanswerable(err)) throw err;
      notFound = isNotFound(err);
      problems.push(`${entry.itemId}: không đọc được tình trạng (${messageOf(err)})`);
    }
    let history: ItemHistory = { runs: [], emails: [], reassignments: [], messages: [] };
    try {
      history = await readItemHistory(client, entry.workflowId);
    } catch (err) {
      if (!isNotFound(err)) throw err;
      // Dropped by an amendment before it opened: there never was a workflow, and nothing is missing.
      if (notFound && entry.phase === 'dropped' && !entry.result) return undefined;
      problems.push(`${entry.itemId}: không còn lịch sử quy trình (${messageOf(err)})`);
    }
    const status = detail?.status ?? entry.result;
    const unitPrefix = `${entry.workflowId}/`;
    const unitOfEmail = (key: string) => (key.startsWith(unitPrefix) ? key.slice(unitPrefix.length).split('/')[0] : '');
    const names = Object.fromEntries(plan.units.map((u) => [u.code, u.name]));
    const units: ArchivedUnit[] = (detail?.units ?? []).map((state) => ({
      unit: state.unit,
      name: names[state.unit],
      state,
      outcome: status?.units.find((o) => o.unit === state.unit),
      emails: [],
    }));
    const unitEntry = (code: string): ArchivedUnit => {
      let u = units.find((x) => x.unit === code);
      if (!u) {
        const outcome = status?.units.find((o) => o.unit === code);
        u = { unit: code, name: names[code], ...(outcome ? { outcome } : {}), emails: [] };
        units.push(u);
      }
      return u;
    };
    for (const r of history.reassignments) unitEntry(r.from).reassignedTo = r.to;
    const officeEmails = [];
    for (const email of history.emails) {
      const code = unitOfEmail(email.key);
      if (!code || code === 'office') officeEmails.push(email);
      else unitEntry(code).emails.push(email);
    }

    const taken = new Set<string>();
    const documents: ArchivedDocument[] = [];
    for (const [kind, source] of Object.entries(status?.report?.files ?? {})) {
      const doc = await copyDocument(prefix, keys, { itemId: entry.itemId, kind, source }, taken);
      if (doc.missing) problems.push(`${entry.itemId}: ${kind}: ${doc.missing}`);
      documents.push(doc);
    }

    const file: ArchivedItemFile = {
      format: ARCHIVE_FORMAT,
      archivedAt,
      planWorkflowId,
      workflowId: entry.workflowId,
      itemId: entry.itemId,
      kind: entry.kind,
      title: entry.title,
      phase: entry.phase,
      ...(entry.failure ? { failure: entry.failure } : {}),
      ...(detail ? { item: detail.item } : {}),
      ...(status ? { status } : {}),
      units,
      officeEmails,
      reassignments: history.reassignments,
      messages: history.messages,
      documents,
      runs: history.runs,
      problems,
    };
    const path = ARCHIVE_PATHS.item(entry.itemId);
    await put(keys, prefix + path, JSON.stringify(file, null, 2) + '\n', JSON_TYPE);
    return { file, path };
  }

  async function archivePlanYear({ planWorkflowId }: ArchivePlanInput): Promise<ArchivedPlan> {
    const ctx = activityContext();
    const planHandle = client.workflow.getHandle(planWorkflowId);
    let plan: Plan;
    let status: PlanStatus;
    try {
      [plan, status] = await Promise.all([planHandle.query(planDefinitionQuery), planHandle.query(planStatusQuery)]);
    } catch (err) {
      if (isUnanswerable(err))
        throw ApplicationFailure.nonRetryable(
          `archive: plan ${planWorkflowId} cannot be read: ${messageOf(err)}`,
          FAILURES.archiveInvalid,
        );
      throw err;
    }
    try {
      const prefix = archivePrefix(status.organisation, status.year);
      validateBlobKey(prefix + ARCHIVE_PATHS.plan);
      const archivedAt = now().toISOString();
      const keys: string[] = [];
      const problems: string[] = [];
      const items = new Map<string, ArchivedItemFile>();
      const listed: ArchivedPlanFile['items'] = [];
      const documents: ArchivedDocument[] = [];
      for (const [n, entry] of status.items.entries()) {
        ctx?.heartbeat({ item: entry.itemId, of: status.items.length, done: n });
        const summary = { itemId: entry.itemId, kind: entry.kind, title: entry.title, phase: entry.phase };
        // Never opened: no workflow, nothing but the plan's entry (an item dropped before it opened, likewise).
        if (entry.phase === 'scheduled') {
          listed.push(summary);
          continue;
        }
        const archived = await archiveItem(prefix, keys, planWorkflowId, plan, entry, archivedAt);
        if (!archived) {
          listed.push(summary);
          continue;
        }
        const { file, path } = archived;
        items.set(entry.itemId, file);
        listed.push({ ...summary, path });
        documents.push(...file.documents);
        problems.push(...file.problems);
      }
      ctx?.heartbeat({ writing: ARCHIVE_PATHS.plan });
      const planFile: ArchivedPlanFile = {
        format: ARCHIVE_FORMAT,
        archivedAt,
        planWorkflowId,
        plan,
        status,
        items: listed,
        documents,
        problems,
      };
      // Last but the index: a plan.json stands for a whole record.
      await put(keys, prefix + ARCHIVE_PATHS.plan, JSON.stringify(planFile, null, 2) + '\n', JSON_TYPE);
      await put(keys, prefix + ARCHIVE_PATHS.index, archiveIndexHtml(planFile, items), 'text/html; charset=utf-8');
      return { prefix, keys: [...new Set(keys)].sort(), problems };
    } catch (err) {
      throw permanent(err);
    }
  }

  return { archivePlanYear };
}
