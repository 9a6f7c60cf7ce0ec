import nodemailer from 'nodemailer';
import type { SendMailOptions, SMTPPoolSentMessageInfo, SMTPSentMessageInfo } from 'nodemailer';

/** SMTP and link settings, read once at worker start-up. */
export interface MailConfig {
  host: string;
  port: number;
  /** `true` for implicit TLS (port 465); `false` uses STARTTLS when the server offers it. */
  secure: boolean;
  user?: string;
  pass?: string;
  from: { name: string; email: string };
  pool: boolean;
  maxConnections: number;
  /** Messages per second towards the provider (SES sandbox: 1); only the pooled transport can pace. */
  rateLimitPerSecond?: number;
  /** Portal root, e.g. `https://kehoach.example.gov.vn`; submit links are `${portalBaseUrl}/nop/<token>`. */
  portalBaseUrl: string;
  /** HMAC key of the submit links. */
  linkSecret: string;
  /** A submit link stays valid this many days after the item's deadline. */
  linkTtlDays: number;
  /** Skip STARTTLS even if offered (loopback test servers only). */
  ignoreTLS?: boolean;
}

export type SentInfo = SMTPSentMessageInfo | SMTPPoolSentMessageInfo;

/** The narrow face of nodemailer that the activities use, so a test can hand in another transport. */
export interface Mailer {
  sendMail(message: SendMailOptions): Promise<SentInfo>;
  close(): void;
}

/**
 * One message per `1000/rate` ms rather than `rate` messages per 1,000 ms: nodemailer counts in fixed windows, so
 * `rateLimit: 14, rateDelta: 1000` lets 14 go at the end of one window and 14 more at the start of the next, twice
 * what a provider quoting "14 per second" (SES) accepts in that second. Even spacing never exceeds rate + 1.
 */
function pacing(perSecond: number): { rateDelta: number; rateLimit: number } {
  if (!(perSecond > 0)) throw new Error(`rateLimitPerSecond: ${perSecond} is not a positive number`);
  return { rateDelta: Math.max(1, Math.ceil(1000 / perSecond)), rateLimit: 1 };
}

/** A nodemailer SMTP transport; pooled so the connection set-up (and the server's greeting delay) is paid once. */
export function createMailer(config: MailConfig): Mailer {
  const auth = config.user ? { user: config.user, pass: config.pass ?? '' } : undefined;
  const common = {
    host: config.host,
    port: config.port,
    secure: config.secure,
    ignoreTLS: config.ignoreTLS ?? false,
    auth,
    from: { name: config.from.name, address: config.from.email },
    // Fail fast so Temporal's retry, not a hung socket, decides when to try again.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  };
  const transport = config.pool
    ? nodemailer.createTransport({
        ...common,
        pool: true,
        maxConnections: config.maxConnections,
        maxMessages: Infinity,
        // A message whose connection closes mid-send fails the activity instead of being re-sent by the pool
        // (up to 5 times by default): Temporal's retry is the only one, so a resend is at most one per attempt.
        maxRequeues: 0,
        ...(config.rateLimitPerSecond ? pacing(config.rateLimitPerSecond) : {}),
      })
    : nodemailer.createTransport(common);
  return {
    sendMail: (message) => transport.sendMail(message) as Promise<SentInfo>,
    close: () => transport.close(),
  };
}
