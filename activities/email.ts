import { access } from 'node:fs/promises';
import { ApplicationFailure, Context } from '@temporalio/activity';
import { DateTime } from 'luxon';
import type { SendMailOptions } from 'nodemailer';
import type { Attachment } from 'nodemailer/lib/mailer/index.js';
import { isAbsolute } from 'node:path';
import { permanentIfUnusable, type BlobStore } from '../storage/blob-store.js';
import { FAILURES } from '../domain/failures.js';
import { deadlineCalendar } from './email-calendar.js';
import type { EmailReceipt, EmailRequest, Recipient } from '../workflows/email-request.js';
import type { MailConfig, Mailer } from './mailer.js';
import { signItemToken, submitUrl } from './submit-link.js';
import { renderEmail, type RenderLink } from './templates/render-email.js';

/** The few logger methods used; Temporal's activity logger and `console` both fit. */
export interface EmailLogger {
  info(message: string, meta?: Record<string, unknown>): void;
  warn(message: string, meta?: Record<string, unknown>): void;
}

export interface EmailDeps {
  mailer: Mailer;
  config: MailConfig;
  /** Where report files are kept (the e-mail names them by blob key); without one, such files are missing. */
  blobs?: BlobStore;
  /** Used outside an activity (unit tests, scripts); inside one, the activity's own logger is used. */
  logger?: EmailLogger;
}

/**
 * `<plan-SGDDT-HCM-2026-task-03.VP.reminder-3@kehoach>` from the key `plan-SGDDT-HCM-2026-task-03/VP/reminder-3`:
 * readable in a mail client's source view, and the same on every attempt so a duplicate is recognisable.
 */
export function messageIdFor(key: string): string {
  const local = key
    .replace(/\//g, '.')
    .replace(/[^A-Za-z0-9._-]/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/^\.+|\.+$/g, '');
  if (!local)
    throw ApplicationFailure.nonRetryable(
      `email key "${key}" has no usable characters for a Message-ID`,
      FAILURES.emailRejected,
    );
  return `<${local}@kehoach>`;
}

// Deliberately plain: the plan schema already validates addresses; this catches what would make SMTP refuse.
const ADDRESS = /^[^\s@<>(),;:"[\]\\]+@[^\s@<>(),;:"[\]\\]+\.[^\s@<>(),;:"[\]\\]+$/;

/** Inside an activity: its context (logger, cancellation); in a plain test: nothing. */
function activityContext(): Context | undefined {
  try {
    return Context.current();
  } catch {
    return undefined;
  }
}

interface SmtpLikeError {
  code?: string;
  responseCode?: number;
  response?: string;
  message?: string;
}

/**
 * Permanent: the server said 5xx (mailbox unknown, policy) or nodemailer could not build an envelope.
 * Transient: anything else, including 4xx and a refused connection. Authentication errors stay retryable even
 * though servers answer 535: the fix is a corrected password, after which the pending e-mails should still go.
 */
function isPermanent(err: SmtpLikeError): boolean {
  if (err.code === 'EAUTH' || err.code === 'EABORT') return false;
  if (typeof err.responseCode === 'number') return err.responseCode >= 500;
  return err.code === 'EENVELOPE' || err.code === 'EMESSAGE' || err.code === 'ECONFIG';
}

const asAddress = (r: Recipient) => ({ name: r.name, address: r.email });

/**
 * The files an e-mail attaches, read from the blob store by key (any worker can send what another filed); a path
 * starting with `/` is a file of a run recorded before reports went to the store. A file that is not there is
 * permanent for this attempt's inputs: `EmailAttachmentMissing`, an incident the office can retry once it is back.
 */
async function attachmentsOf(req: EmailRequest, blobs: BlobStore | undefined): Promise<Attachment[]> {
  const out: Attachment[] = [];
  for (const f of req.files ?? []) {
    const missing = () =>
      ApplicationFailure.nonRetryable(
        `email ${req.key}: attachment ${f.name} not found at ${f.path}`,
        FAILURES.emailAttachmentMissing,
      );
    if (isAbsolute(f.path)) {
      await access(f.path).catch(() => {
        throw missing();
      });
      out.push({ filename: f.name, path: f.path });
      continue;
    }
    const blob = await permanentIfUnusable(
      async () => blobs?.get(f.path),
      (message) => ApplicationFailure.nonRetryable(`email ${req.key}: ${message}`, FAILURES.blobStoreUnusable),
    );
    if (!blob) throw missing();
    out.push({ filename: blob.fileName ?? f.name, content: blob.body, contentType: blob.contentType });
  }
  return out;
}

/** Activities that send e-mail; the transport and config come in, so tests use a real SMTP sink on loopback. */
export function createEmailActivities({ mailer, config, logger, blobs }: EmailDeps) {
  /** Renders and sends one e-mail; safe to retry: the Message-ID, text and calendar UID are the same every time. */
  async function sendEmail(req: EmailRequest): Promise<EmailReceipt> {
    const ctx = activityContext();
    const log: EmailLogger | undefined = ctx?.log ?? logger;
    const messageId = messageIdFor(req.key);

    const recipients = [...req.to, ...(req.cc ?? [])];
    if (req.to.length === 0)
      throw ApplicationFailure.nonRetryable(`email ${req.key}: no recipient in "to"`, FAILURES.emailRejected);
    const invalid = recipients.filter((r) => !ADDRESS.test(r.email));
    if (invalid.length > 0) {
      throw ApplicationFailure.nonRetryable(
        `email ${req.key}: invalid address ${invalid.map((r) => JSON.stringify(r.email)).join(', ')} (expected name@domain)`,
        FAILURES.emailRejected,
      );
    }

    // Expiry counts from the deadline, not from now, so a retried e-mail carries the very same link.
    let link: RenderLink | undefined;
    if (req.submitLink) {
      const expiresAt = DateTime.fromISO(req.deadline.at).plus({ days: config.linkTtlDays }).toJSDate();
      link = {
        url: submitUrl(config.portalBaseUrl, signItemToken(req.submitLink, expiresAt, config.linkSecret)),
        expiresAt,
      };
    }
    const { subject, html, text } = renderEmail(req, link);

    const attachments = await attachmentsOf(req, blobs);

    const message: SendMailOptions = {
      messageId,
      from: { name: config.from.name, address: config.from.email },
      to: req.to.map(asAddress),
      cc: req.cc?.map(asAddress),
      subject,
      text,
      html,
      headers: { 'X-Kehoach-Key': req.key, 'X-Kehoach-Kind': req.kind },
      attachments: [
        {
          filename: req.locale === 'en' ? 'deadline.ics' : 'han-nop.ics',
          content: deadlineCalendar(req, subject, link?.url),
          contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
        },
        ...attachments,
      ],
      // Only the files listed above: nothing in a request may make the worker fetch a URL.
      disableUrlAccess: true,
      signal: ctx?.cancellationSignal,
    };

    try {
      const info = await mailer.sendMail(message);
      const accepted = info.accepted.map(String);
      const rejected = info.rejected.map(String);
      if (accepted.length === 0) {
        throw ApplicationFailure.nonRetryable(
          `email ${req.key}: every recipient was rejected (${rejected.join(', ')})`,
          FAILURES.emailRejected,
        );
      }
      if (rejected.length > 0) log?.warn('Some recipients were rejected', { key: req.key, rejected });
      log?.info('E-mail sent', { key: req.key, kind: req.kind, messageId, accepted: accepted.length });
      return { messageId, accepted, rejected };
    } catch (e) {
      if (e instanceof ApplicationFailure) throw e;
      const err = (e ?? {}) as SmtpLikeError;
      const what = `email ${req.key} to ${recipients.map((r) => r.email).join(', ')}: ${err.message ?? String(e)}`;
      if (isPermanent(err))
        throw ApplicationFailure.nonRetryable(what, FAILURES.emailRejected, {
          code: err.code,
          responseCode: err.responseCode,
        });
      // Plain error: Temporal retries it with the activity's retry policy.
      throw new Error(what, { cause: e });
    }
  }

  return { sendEmail };
}
