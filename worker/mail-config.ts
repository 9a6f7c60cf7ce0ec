import type { MailConfig } from '../activities/mailer.js';
import type { ServiceConfig } from './config.js';

/** The mailer's slice of the app configuration. */
export function mailConfigFrom(config: ServiceConfig): MailConfig {
  return {
    host: config.SMTP_HOST,
    port: config.SMTP_PORT,
    secure: config.SMTP_SECURE,
    user: config.SMTP_USER,
    pass: config.SMTP_PASS,
    from: { name: config.MAIL_FROM_NAME, email: config.MAIL_FROM },
    pool: config.SMTP_POOL,
    maxConnections: config.SMTP_MAX_CONNECTIONS,
    rateLimitPerSecond: config.SMTP_RATE_PER_SECOND,
    portalBaseUrl: config.PORTAL_BASE_URL,
    linkSecret: config.LINK_SECRET,
    linkTtlDays: config.LINK_TTL_DAYS,
    // Loopback catchers (maildev, the test sink) offer no certificate worth checking.
    ignoreTLS: !config.SMTP_SECURE && ['127.0.0.1', 'localhost', '::1'].includes(config.SMTP_HOST),
  };
}
