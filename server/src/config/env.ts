import path from 'node:path';
import { z } from 'zod';
import { projectRoot } from './paths';

const booleanFlag = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no', ''])
  .default('')
  .transform((value) => value === '1' || value === 'true' || value === 'yes');

/**
 * Express's `trust proxy`: "false"/"true", a hop count, or a comma-separated list of addresses/subnets
 * ("loopback", "10.0.0.0/8"). Kept narrow so that a typo cannot silently trust every client's X-Forwarded-For.
 */
const trustProxy = z
  .string()
  .default('false')
  .transform((value, ctx): boolean | number | string[] => {
    const trimmed = value.trim();
    if (trimmed === 'false' || trimmed === '') return false;
    if (trimmed === 'true') return true;
    if (/^\d+$/.test(trimmed)) return Number(trimmed);
    const entries = trimmed.split(',').map((entry) => entry.trim());
    const valid = entries.every((entry) =>
      /^(loopback|linklocal|uniquelocal|[0-9a-fA-F:.]+(\/\d{1,3})?)$/.test(entry),
    );
    if (!valid) {
      ctx.addIssue({ code: 'custom', message: 'expected true, false, a hop count or a list of addresses/subnets' });
      return z.NEVER;
    }
    return entries;
  });

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().trim().min(1).default('./data'),
  MONGODB_URI: z
    .string()
    .trim()
    .regex(/^mongodb(\+srv)?:\/\/\S+$/, 'expected a mongodb:// or mongodb+srv:// connection string')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  DEMO_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  DEMO: booleanFlag,
  TRUST_PROXY: trustProxy,
  BODY_LIMIT: z
    .string()
    .trim()
    .regex(/^\d+(\.\d+)?\s*(b|kb|mb)?$/i, 'expected a size such as 1mb, 512kb or 1048576')
    .default('1mb'),
  FERRETDB_BIN: z.string().trim().min(1).optional(),
  /** Debian's espeak-ng, which reads texts aloud (installed by `npm start` and `npm test` when missing). */
  ESPEAK_NG_PATH: z.string().trim().min(1).default('/usr/bin/espeak-ng'),
  /** E-mail notifications (a new referral, a decision): sent only when set, through this SMTP server. */
  SMTP_URL: z.string().trim().regex(/^smtps?:\/\/\S+$/, 'expected smtp://[user:password@]host:port or smtps://…').optional(),
  MAIL_FROM: z.string().trim().email('expected an e-mail address').optional(),
  /** The address people open the platform at, for the links in e-mails. */
  PUBLIC_URL: z.string().trim().regex(/^https?:\/\/[^\s/]+(\/\S*)?$/, 'expected the http(s) address of the platform').optional(),
}).superRefine((values, ctx) => {
  // Without a sender or a link the e-mails would be refused or useless: say so at start-up, not at the first referral.
  if (!values.SMTP_URL) return;
  if (!values.MAIL_FROM) ctx.addIssue({ code: 'custom', path: ['MAIL_FROM'], message: 'required when SMTP_URL is set' });
  if (!values.PUBLIC_URL) ctx.addIssue({ code: 'custom', path: ['PUBLIC_URL'], message: 'required when SMTP_URL is set' });
});

/** Where and how e-mail notifications go; absent when SMTP_URL is not set. */
export interface MailConfig {
  smtpUrl: string;
  from: string;
  publicUrl: string;
}

export type Config = Readonly<{
  port: number;
  host: string;
  dataDir: string;
  mongodbUri: string | undefined;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  sessionSecret: string | undefined;
  demoPassword: string | undefined;
  demo: boolean;
  trustProxy: boolean | number | string[];
  bodyLimit: string;
  ferretDbBin: string | undefined;
  espeakNgPath: string;
  mail: MailConfig | undefined;
}>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the environment once; every problem is reported with the variable's name. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable counts as unset, as in most deployment tools.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
  }
  const values = parsed.data;
  return Object.freeze({
    port: values.PORT,
    host: values.HOST,
    dataDir: path.resolve(projectRoot, values.DATA_DIR),
    mongodbUri: values.MONGODB_URI,
    logLevel: values.LOG_LEVEL,
    sessionSecret: values.SESSION_SECRET,
    demoPassword: values.DEMO_PASSWORD,
    demo: values.DEMO,
    trustProxy: values.TRUST_PROXY,
    bodyLimit: values.BODY_LIMIT.replace(/\s+/g, ''),
    ferretDbBin: values.FERRETDB_BIN,
    espeakNgPath: values.ESPEAK_NG_PATH,
    mail: values.SMTP_URL
      ? Object.freeze({ smtpUrl: values.SMTP_URL, from: values.MAIL_FROM!, publicUrl: values.PUBLIC_URL!.replace(/\/+$/, '') })
      : undefined,
  });
}
