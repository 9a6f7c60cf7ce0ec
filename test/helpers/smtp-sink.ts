import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** One message as the sink received it, parsed. `to` is the SMTP envelope (who was actually delivered to). */
export interface ReceivedMail {
  messageId: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  /** Lower-case header names; structured values (addresses, dates) as mailparser gives them. */
  headers: Map<string, unknown>;
  attachments: { filename: string; contentType: string; content: Buffer }[];
  receivedAt: Date;
  raw: Buffer;
}

export interface SmtpSinkOptions {
  /** Recipients for which the sink answers RCPT TO with a permanent 550. */
  rejectRecipients?: (address: string) => boolean;
  /**
   * Runs once a message is stored, before its final 250 reply; the reply waits for the returned promise. Fault tests
   * use it to crash the worker between "the server has the message" and "the activity completed".
   */
  beforeReply?: (mail: ReceivedMail, count: number) => void | Promise<void>;
}

export interface SmtpSink {
  host: string;
  port: number;
  messages: ReceivedMail[];
  /** Resolves once at least `n` messages arrived; rejects with what did arrive after `timeoutMs` (default 10 s). */
  waitFor(n: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  /** `true`: every new connection and every command on an open one gets a transient 421, as in an outage. */
  setDown(down: boolean): void;
  stop(): Promise<void>;
}

/** An SMTP error carrying the reply code smtp-server sends. */
function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

/**
 * A real SMTP server on loopback for tests: no TLS, no AUTH, no reverse lookup.
 *
 * smtp-server 3.21.6 still waits 100 ms before its greeting (early-talker check) and has no option to turn that off;
 * it is paid once per connection, so tests use the pooled transport, as production does.
 */
export async function startSmtpSink(opts: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const messages: ReceivedMail[] = [];
  const waiters: { n: number; resolve: () => void }[] = [];
  let down = false;
  const refuseIfDown = (callback: (err?: Error | null) => void) =>
    callback(down ? smtpError(421, 'Service not available (test sink is down)') : null);

  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    disableReverseLookup: true,
    logger: false,
    size: 25 * 1024 * 1024,
    onConnect: (_session, callback) => refuseIfDown(callback),
    onMailFrom: (_address, _session, callback) => refuseIfDown(callback),
    onRcptTo: (address, _session, callback) => {
      if (down) return refuseIfDown(callback);
      if (opts.rejectRecipients?.(address.address)) {
        return callback(smtpError(550, `Mailbox unavailable: ${address.address}`));
      }
      callback();
    },
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', (err) => callback(err));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        const receivedAt = new Date();
        const envelopeTo = session.envelope.rcptTo.map((a) => a.address);
        const envelopeFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        simpleParser(raw)
          .then((parsed) => {
            messages.push({
              messageId: parsed.messageId ?? '',
              from: envelopeFrom,
              to: envelopeTo,
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : '',
              headers: parsed.headers as Map<string, unknown>,
              attachments: parsed.attachments.map((a) => ({
                filename: a.filename ?? '',
                contentType: a.contentType,
                content: a.content,
              })),
              receivedAt,
              raw,
            });
            for (const w of waiters.filter((w) => messages.length >= w.n)) {
              waiters.splice(waiters.indexOf(w), 1);
              w.resolve();
            }
            return opts.beforeReply?.(messages[messages.length - 1]!, messages.length);
          })
          .then(() => callback())
          .catch((err: unknown) => callback(err instanceof Error ? err : new Error(String(err))));
      });
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  // smtp-server logs socket errors itself; a test that drops connections must not crash the process.
  server.on('error', () => undefined);
  const { port } = server.server.address() as AddressInfo;

  return {
    host: '127.0.0.1',
    port,
    messages,
    waitFor(n, timeoutMs = 10_000) {
      if (messages.length >= n) return Promise.resolve(messages.slice());
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`smtp sink: expected ${n} messages within ${timeoutMs} ms, got ${messages.length}`)),
          timeoutMs,
        );
        waiters.push({
          n,
          resolve: () => {
            clearTimeout(timer);
            resolve(messages.slice());
          },
        });
      });
    },
    setDown(value) {
      down = value;
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
