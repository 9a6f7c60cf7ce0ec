import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/**
 * Every environment variable the app reads, with its default: read once at start-up. `.env.example` and the
 * `docker-compose.yml` environment are checked against this schema by a test.
 */
export const configSchema = z.strictObject({
  TEMPORAL_ADDRESS: z.string().default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().default('default'),
  TEMPORAL_TASK_QUEUE: z.string().default('kehoach'),
  /** Temporal Web UI, used for links from the portal to each item's workflow. */
  TEMPORAL_UI_URL: z.url().default('http://localhost:8233'),
  SMTP_HOST: z.string().default('127.0.0.1'),
  SMTP_PORT: int(1, 65535).default(1025),
  SMTP_SECURE: bool.default(false),
  SMTP_USER: z.string().optional(),
  SMTP_PASS: z.string().optional(),
  SMTP_POOL: bool.default(true),
  SMTP_MAX_CONNECTIONS: int(1, 100).default(5),
  /** Provider's send limit (messages per second); unset = no limit. */
  SMTP_RATE_PER_SECOND: int(1, 10_000).optional(),
  MAIL_FROM: z.email().default('kehoach@example.org'),
  MAIL_FROM_NAME: z.string().default('Hệ thống kế hoạch tuyên truyền'),
  PORTAL_PORT: int(1, 65535).default(3000),
  /** Public address of the portal, used in e-mail links. */
  PORTAL_BASE_URL: z.url().default('http://localhost:3000'),
  /** Signs submit links and sessions. The default is only for local runs; set a long random value in deployment. */
  LINK_SECRET: z.string().min(16).default('kehoach-local-dev-secret-change-me'),
  LINK_TTL_DAYS: int(1, 400).default(60),
  /** Office users of the portal: `user:scrypt-hash` pairs separated by commas (see README). */
  PORTAL_USERS: z.string().default(''),
  REPORTS_DIR: z.string().default('.data/reports'),
  UPLOADS_DIR: z.string().default('.data/uploads'),
});

export type AppConfig = z.output<typeof configSchema>;

/** Reads the app's variables from `env` (ignoring the rest); every bad variable is named in one error. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.fromEntries(
    Object.keys(configSchema.shape)
      .filter((k) => env[k] !== undefined && env[k] !== '')
      .map((k) => [k, env[k]]),
  );
  const parsed = configSchema.safeParse(known);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
