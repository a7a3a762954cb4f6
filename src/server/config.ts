/**
 * Server configuration, from the environment only. Nothing is required:
 * without DATABASE_URL the server keeps its data in an SQLite file.
 */
import { resolve } from 'node:path';
import { z } from 'zod';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { error: 'DATABASE_URL must start with postgres:// or postgresql://' })
    .optional(),
  TRUST_PROXY: z
    .string()
    .trim()
    .transform((value, ctx) => {
      if (value === '' || value === 'false') return false;
      const parts = value.split(',').map((part) => part.trim());
      if (parts.every((part) => PROXY_KEYWORDS.has(part) || z.union([z.ipv4(), z.ipv6(), z.cidrv4(), z.cidrv6()]).safeParse(part).success)) return parts.join(',');
      ctx.addIssue({
        code: 'custom',
        message: 'TRUST_PROXY must name the proxy in front: its addresses or networks (127.0.0.1, 10.0.0.0/8) or loopback; never "true" (that would believe any client)',
      });
      return z.NEVER;
    })
    .default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).default('info'),
});

/** Named groups of addresses Fastify's trustProxy understands. */
const PROXY_KEYWORDS = new Set(['loopback', 'linklocal', 'uniquelocal']);

export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
  /**
   * Which proxy's X-Forwarded-For and -Proto to believe (Fastify's trustProxy): false (the
   * default) believes none, so a client cannot choose the address it is limited by.
   */
  readonly trustProxy: string | false;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'silent';
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = envSchema.safeParse({
    PORT: env.PORT || undefined,
    HOST: env.HOST || undefined,
    DATA_DIR: env.DATA_DIR || undefined,
    DATABASE_URL: env.DATABASE_URL || undefined,
    TRUST_PROXY: env.TRUST_PROXY || undefined,
    LOG_LEVEL: env.LOG_LEVEL || undefined,
  });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid configuration in the environment:\n${lines.join('\n')}`);
  }
  return {
    port: parsed.data.PORT,
    host: parsed.data.HOST,
    dataDir: resolve(parsed.data.DATA_DIR),
    databaseUrl: parsed.data.DATABASE_URL,
    trustProxy: parsed.data.TRUST_PROXY,
    logLevel: parsed.data.LOG_LEVEL,
  };
}
