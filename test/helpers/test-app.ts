import type { Express } from 'express';
import type { Connection } from 'mongoose';
import pino from 'pino';
import { createApp, type AppDeps } from '../../server/src/app';
import { loadConfig, type Config } from '../../server/src/config/env';
import { localesDir } from '../../server/src/config/paths';
import { createServerI18n } from '../../server/src/core/i18n/i18n';
import { createTestDatabase, dropTestDatabase } from './test-database';

export interface TestApp {
  app: Express;
  db: Connection;
  config: Config;
  close: () => Promise<void>;
}

/** The real app on its own real database, for supertest. */
export async function createTestApp(
  label: string,
  env: NodeJS.ProcessEnv = {},
  deps: Partial<Omit<AppDeps, 'db' | 'logger' | 'i18n'>> = {},
): Promise<TestApp> {
  const db = await createTestDatabase(label);
  const config = loadConfig({ LOG_LEVEL: 'silent', ...env });
  const app = createApp(config, { ...deps, db, logger: pino({ level: 'silent' }), i18n: createServerI18n(localesDir) });
  return { app, db, config, close: () => dropTestDatabase(db) };
}
