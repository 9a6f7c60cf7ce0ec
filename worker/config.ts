import { z } from 'zod';
import { parseNexusEndpoints } from '../nexus/endpoints-config.js';
import { blobStoreFields, checkBlobStore } from '../storage/config.js';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** Shortest LINK_SECRET accepted: 32 characters, e.g. `openssl rand -base64 32` (44). */
export const LINK_SECRET_MIN_LENGTH = 32;

/**
 * Every LINK_SECRET value this repository has ever shown (old defaults, examples, test fixtures). Anyone can read
 * them, so anyone could sign a session or a submit link with them.
 */
export const PUBLISHED_SECRETS: readonly string[] = [
  'kehoach-local-dev-secret-change-me',
  'a-long-random-secret-for-the-check',
  'test-secret-0123456789abcdef',
  'someone-elses-secret-0123',
  'test-secret',
];

const linkSecret = z
  .string()
  .min(
    LINK_SECRET_MIN_LENGTH,
    `is too short: at least ${LINK_SECRET_MIN_LENGTH} random characters (openssl rand -base64 32)`,
  )
  .refine(
    (s) => !PUBLISHED_SECRETS.includes(s),
    'is a value published in the kehoach repository: generate your own (openssl rand -base64 32)',
  );

/** Loopback and `*.localhost` issuers may be plain http (tests, the compose example); any other needs https. */
const LOCAL_HOST = /^(localhost|.+\.localhost|127\.\d+\.\d+\.\d+|\[::1\])$/;

/** OIDC_ISSUER needs OIDC_CLIENT_ID, and https unless it is on this machine. */
function checkOidc(c: { OIDC_ISSUER?: string; OIDC_CLIENT_ID?: string }, ctx: z.RefinementCtx): void {
  if (!c.OIDC_ISSUER) return;
  if (!c.OIDC_CLIENT_ID)
    ctx.addIssue({ code: 'custom', path: ['OIDC_CLIENT_ID'], message: 'is not set: OIDC_ISSUER needs the client id' });
  const url = new URL(c.OIDC_ISSUER);
  if (url.protocol !== 'https:' && !LOCAL_HOST.test(url.hostname))
    ctx.addIssue({
      code: 'custom',
      path: ['OIDC_ISSUER'],
      message: 'is not https: only an issuer on localhost or 127.0.0.1 may use plain http',
    });
}

/**
 * Every environment variable the app reads, with its default: read once at start-up. `.env.example` and the
 * `docker-compose.yml` environment are checked against this schema by a test.
 */
export const configSchema = z
  .strictObject({
    TEMPORAL_ADDRESS: z.string().default('127.0.0.1:7233'),
    TEMPORAL_NAMESPACE: z.string().default('default'),
    TEMPORAL_TASK_QUEUE: z.string().default('kehoach'),
    /** Mutual TLS to the Temporal frontend (files, read at start-up); all empty = plain gRPC on a trusted network. */
    TEMPORAL_TLS_CA_FILE: z.string().optional(),
    TEMPORAL_TLS_CERT_FILE: z.string().optional(),
    TEMPORAL_TLS_KEY_FILE: z.string().optional(),
    TEMPORAL_TLS_SERVER_NAME: z.string().optional(),
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
    /** Interface the portal listens on: loopback unless a container or reverse proxy setup says otherwise. */
    PORTAL_HOST: z.string().min(1).default('127.0.0.1'),
    /** Public address of the portal, used in e-mail links. */
    PORTAL_BASE_URL: z.url().default('http://localhost:3000'),
    /**
     * Signs submit links and sessions. No default: the worker and the portal refuse to start without it
     * (`loadServiceConfig`); `npm start` generates one into its data folder.
     */
    LINK_SECRET: linkSecret.optional(),
    LINK_TTL_DAYS: int(1, 400).default(60),
    /** Office users of the portal: `user:scrypt-hash` pairs separated by commas (see README). */
    PORTAL_USERS: z.string().default(''),
    /**
     * Where the portal keeps its sessions and login throttle: `redis://[:password@]host:port[/db]` (or `rediss://`),
     * shared by every portal replica; unset = in the portal's own memory (one portal, as `npm start` runs).
     */
    PORTAL_STORE_URL: z
      .url({
        protocol: /^rediss?$/,
        hostname: /^.+$/,
        error: 'is not redis://[:password@]host[:port][/db] or rediss://… (percent-encode / + = in a password)',
      })
      .optional(),
    /**
     * Sign-in through the province's SSO (OpenID Connect, code flow with PKCE): the issuer's address; unset = off.
     * Needs OIDC_CLIENT_ID; no OIDC_CLIENT_SECRET = a public client. Redirect URI: `<PORTAL_BASE_URL>/dang-nhap/oidc/callback`.
     */
    OIDC_ISSUER: z.url({ protocol: /^https?$/, error: 'is not an http(s) URL' }).optional(),
    OIDC_CLIENT_ID: z.string().min(1).optional(),
    OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    /** The ID token or userinfo claim that holds the person's e-mail address. */
    OIDC_EMAIL_CLAIM: z.string().min(1).default('email'),
    OIDC_SCOPES: z
      .string()
      .refine((s) => s.split(/\s+/).includes('openid'), 'must include openid (e.g. "openid email profile")')
      .default('openid email profile'),
    /**
     * The organisations directory (organisations/directory-file.ts): the bodies this deployment serves and who reports
     * to whom. Relative to the working directory, like the folders below; `npm start` resolves it in the project.
     */
    ORGANISATIONS_FILE: z.string().min(1).default('plans/organisations.yaml'),
    REPORTS_DIR: z.string().default('.data/reports'),
    UPLOADS_DIR: z.string().default('.data/uploads'),
    /** Reports and evidence, shared by every worker and portal: a folder (default) or S3 (storage/config.ts). */
    ...blobStoreFields,
    /**
     * The Nexus endpoint that leads to each parent namespace (`bo=kehoach-bo,tinh-b=kehoach-tinh-b`): a plan whose
     * `carriesOut.namespace` names one sends its accepted reports there (nexus/endpoints-config.ts); unset = none.
     */
    NEXUS_ENDPOINTS: z
      .string()
      .superRefine((s, ctx) => {
        const parsed = parseNexusEndpoints(s);
        if ('problems' in parsed) for (const message of parsed.problems) ctx.addIssue({ code: 'custom', message });
      })
      .default(''),
    /**
     * This worker serves the `kehoach-roll-up` Nexus service on its task queue: its namespace holds parent plans that
     * bodies in other namespaces report to, through an endpoint targeting this namespace and task queue.
     */
    NEXUS_ROLL_UP_HANDLER: bool.default(false),
  })
  .superRefine(checkBlobStore)
  .superRefine(checkOidc);

export type AppConfig = z.output<typeof configSchema>;
/** The configuration of a process that signs or checks links and sessions (the worker and the portal). */
export type ServiceConfig = AppConfig & { LINK_SECRET: string };

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

/** `loadConfig`, and LINK_SECRET must be set: the worker signs links with it and the portal checks them. */
export function loadServiceConfig(env: NodeJS.ProcessEnv = process.env): ServiceConfig {
  const config = loadConfig(env);
  if (!config.LINK_SECRET)
    throw new Error(
      'Invalid configuration:\n  LINK_SECRET: is not set: the worker and the portal need a long random secret ' +
        '(openssl rand -base64 32); npm start makes one in its data folder',
    );
  return { ...config, LINK_SECRET: config.LINK_SECRET };
}
