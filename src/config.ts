// Environment -> typed, validated configuration; the only module that reads process.env.
import { z } from 'zod';
import proxyaddr from 'proxy-addr';

const booleanString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const emptyAsUndefined = (v: unknown) => (v === '' ? undefined : v);

const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** "5s", "30m", "2h", "1d", "250ms" in milliseconds; null if it is none of those. */
export function durationMs(text: string): number | null {
  const match = text.match(/^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/);
  return match ? Math.round(Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS]) : null;
}

const configSchema = z.object({
  NODE_ENV: z.preprocess(emptyAsUndefined, z.enum(['development', 'production', 'test']).default('development')),
  PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(65535).default(4000)),
  HOST: z.preprocess(emptyAsUndefined, z.string().min(1).default('0.0.0.0')),
  DATABASE_URL: z.preprocess(
    emptyAsUndefined,
    z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' }).optional(),
  ),
  DATA_DIR: z.preprocess(emptyAsUndefined, z.string().min(1).default('./.data')),
  DEVICE_APPROVAL: z.preprocess(
    emptyAsUndefined,
    z.enum(['required', 'automatic'], { error: 'must be "required" or "automatic"' }).default('required'),
  ),
  MAX_DEVICES_PER_USER: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(10_000).optional()),
  ALLOW_SIGNUP: z.preprocess(emptyAsUndefined, booleanString.default(true)),
  ADMIN_EMAIL: z.preprocess(emptyAsUndefined, z.email().optional()),
  ADMIN_PASSWORD: z.preprocess(emptyAsUndefined, z.string().min(12, 'must be at least 12 characters').optional()),
  SESSION_TTL_DAYS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(365).default(30)),
  /** Browser origins allowed by CORS and for WebSockets (comma-separated); empty: none (same-origin and non-browser clients only). */
  CORS_ORIGINS: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .default('')
      .transform((v) => v.split(',').map((o) => o.trim()).filter(Boolean))
      .pipe(z.array(z.url({ protocol: /^https?$/, error: 'must be http(s) origins, comma-separated' }))),
  ),
  /**
   * Proxies in front of Gatehouse whose X-Forwarded-For is believed (comma-separated addresses, CIDR ranges or
   * proxy-addr's names: loopback, linklocal, uniquelocal); empty: none, the client is the TCP peer. The client's
   * address is what sign-in throttling counts and what events record.
   */
  TRUST_PROXY: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .default('')
      .transform((v) => v.split(',').map((o) => o.trim()).filter(Boolean))
      .refine(
        (list) => {
          try {
            proxyaddr.compile(list);
            return true;
          } catch {
            return false;
          }
        },
        { error: 'must be IP addresses, CIDR ranges or loopback/linklocal/uniquelocal, comma-separated' },
      ),
  ),
  /** GraphiQL and introspection; default on, except with NODE_ENV=production. */
  GRAPHIQL: z.preprocess(emptyAsUndefined, booleanString.optional()),
  /** Multiplies every sign-in throttle allowance (benchmarks raise it; 0 switches throttling off). */
  THROTTLE_SCALE: z.preprocess(emptyAsUndefined, z.coerce.number().min(0).max(1_000_000).default(1)),
  /**
   * Scheduling priority (nice, 0-19) for the threads that hash passwords, below the event loop's, so a storm of
   * sign-ins cannot starve every other request of CPU; 0 leaves them as they are. Linux only.
   */
  HASH_THREAD_NICE: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(19).default(10)),
  /**
   * Hand-written SQL on the hot paths as prepared statements (planned once per connection); `false` behind a pooler
   * that cannot keep them (PgBouncer in transaction mode before 1.21).
   */
  DATABASE_PREPARED_STATEMENTS: z.preprocess(emptyAsUndefined, booleanString.default(true)),
  /**
   * Waits between a webhook delivery's failed attempts (s, m, h, d; comma-separated): after the last one fails, the
   * delivery is given up. The default is Svix's schedule, about a day in all.
   */
  WEBHOOK_RETRY_SCHEDULE: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .default('5s,5m,30m,2h,5h,10h')
      .transform((v, ctx) => {
        const waits = v.split(',').map((part) => durationMs(part.trim()));
        if (!waits.length || waits.some((w) => w === null)) {
          ctx.addIssue({ code: 'custom', message: 'must be durations like 5s,5m,30m,2h (s, m, h or d), comma-separated' });
          return z.NEVER;
        }
        return waits as number[];
      }),
  ),
  /** An endpoint whose every attempt has failed for this long is disabled, with a WEBHOOK_DISABLED event. */
  WEBHOOK_DISABLE_AFTER: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .default('3d')
      .transform((v, ctx) => {
        const ms = durationMs(v.trim());
        if (ms === null) {
          ctx.addIssue({ code: 'custom', message: 'must be a duration like 3d, 12h or 30m' });
          return z.NEVER;
        }
        return ms;
      }),
  ),
  /** Webhook endpoints may be private, loopback or link-local addresses (development and tests only). */
  WEBHOOKS_ALLOW_PRIVATE: z.preprocess(emptyAsUndefined, booleanString.default(false)),
  /** Seconds between maintenance sweeps (stale devices, per the device policy); one instance sweeps at a time. */
  MAINTENANCE_INTERVAL_S: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(604_800).default(3600)),
  /** GET /metrics (event-loop delay, memory, connections) for benchmarks and monitoring; off by default. */
  METRICS: z.preprocess(emptyAsUndefined, booleanString.default(false)),
  LOG_LEVEL: z.preprocess(
    emptyAsUndefined,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  /** Alert emails go to this SMTP server (smtp://user:pass@host:port, or smtps://); unset: .eml files under DATA_DIR/mail. */
  SMTP_URL: z.preprocess(emptyAsUndefined, z.url({ protocol: /^smtps?$/, error: 'must be an smtp:// or smtps:// URL' }).optional()),
  /** The From of alert emails. */
  MAIL_FROM: z.preprocess(emptyAsUndefined, z.string().trim().min(3).max(254).default('Gatehouse <gatehouse@localhost>')),
  /** Where alert emails link to (the admin console's origin); unset: http://localhost:PORT. */
  PUBLIC_URL: z.preprocess(emptyAsUndefined, z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional()),
  /** An admin gets at most one alert email per this many seconds; the arrivals of that window come in one digest. */
  ALERT_DIGEST_SECONDS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(86_400).default(60)),
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Parses an environment (process.env by default); throws ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  if (parsed.data.ADMIN_PASSWORD && !parsed.data.ADMIN_EMAIL) {
    throw new ConfigError(['ADMIN_EMAIL: required when ADMIN_PASSWORD is set']);
  }
  return parsed.data;
}

/** Test runs point at an external server with TEST_DATABASE_URL; read here to keep process.env in one place. */
export function testDatabaseUrl(env: Record<string, string | undefined> = process.env): string | undefined {
  return env.TEST_DATABASE_URL || undefined;
}
