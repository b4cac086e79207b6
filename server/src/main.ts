import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import path from 'node:path';
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import { createApp } from './app';
import { ConfigError, loadConfig, type Config } from './config/env';
import { localesDir } from './config/paths';
import { resolveSessionSecret } from './config/session-secret';
import { connectDatabase } from './core/db/connection';
import { EmbeddedFerretDb } from './core/db/embedded-ferretdb';
import { ensureFerretDbBinary, MissingToolchainError } from './core/db/ferretdb-binary';
import { createServerI18n } from './core/i18n/i18n';
import { createLogger } from './core/logger';
import { ensureOrgDirectory, loadRolePresets, upgradeRolePresets } from './modules/access';
import { loadDemoCases, loadDemoData, type DemoResult } from './modules/demo';
import { ensureInstallation } from './modules/meta';
import { startForms } from './modules/forms';
import { markSubmissionsChanged } from './modules/submissions';
import { startSubmissionRecovery } from './modules/submissions';
import { createCaseServices, ensureCaseLists, ensureTimerQueue, startCaseListRepair, upgradeCaseFormData } from './modules/cases';
import { loadTemplateLibrary } from './modules/workflows';
import { createReferralPort, ensureInboxKeys, platformEmails } from './modules/referrals';

const SHUTDOWN_DEADLINE_MS = 9_000;

async function startDatabase(config: Config, logger: Logger): Promise<{ uri: string; embedded?: EmbeddedFerretDb }> {
  if (config.mongodbUri) {
    logger.info('using the MongoDB server from MONGODB_URI; no embedded database is started');
    return { uri: config.mongodbUri };
  }
  const binary = await ensureFerretDbBinary(config.ferretDbBin, (line) => process.stderr.write(`${line}\n`));
  const embedded = new EmbeddedFerretDb({ binary, dataDir: path.join(config.dataDir, 'ferretdb'), logger });
  const uri = await embedded.start();
  return { uri, embedded };
}

/** The generated demo password is shown once, on the terminal only (never in the JSON log). */
async function announceDemo(result: DemoResult, logger: Logger): Promise<void> {
  if (result.createdUsers > 0) logger.info({ users: result.createdUsers }, 'demo data loaded');
  if (result.generatedPassword) {
    process.stdout.write(`\nDemo users created (see README). Their password, shown only this once: ${result.generatedPassword}\n\n`);
  }
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  // A background task (a timer run, a mail, a repair) whose failure nobody awaited must not end the process and with
  // it every request in flight: it is logged, and the task runs again at its next turn.
  process.on('unhandledRejection', (reason: unknown) => logger.error({ err: reason }, 'a background task failed unexpectedly'));
  resolveSessionSecret(config.sessionSecret, config.dataDir);

  const { uri, embedded } = await startDatabase(config, logger);
  let db: Connection;
  try {
    db = await connectDatabase(uri);
    await ensureInstallation(db);
    // Users and roles stored before the organisation directory came are listed in it (org-directory.ts), before the
    // loaders below look roles up there.
    await ensureOrgDirectory(db, logger);
    await loadRolePresets(db);
    // Roles stored from a preset an earlier release had, and not edited since, get the preset's current rules.
    await upgradeRolePresets(db, { logger });
    await loadTemplateLibrary(db, { logger });
    await startForms(db);
    // Submissions the earlier layout may have missed edits of are reported to their cases again by the recovery.
    await upgradeCaseFormData(db, (submissionIds) => markSubmissionsChanged(db, submissionIds));
    if (!config.mongodbUri || config.demo) await announceDemo(await loadDemoData(db, config.demoPassword), logger);
  } catch (error) {
    await embedded?.stop();
    throw error;
  }

  // The first start after the upgrade that brought precomputed case lists builds them (resumable, with progress).
  await ensureCaseLists(db, { logger });
  // Likewise the timer queue: finished jobs stored before it move out, pending ones are listed (timer-queue.ts).
  await ensureTimerQueue(db, new Date(), logger);
  // And the keys the inbox reads referrals and notifications by (idempotent; progress in the log).
  await ensureInboxKeys(db, { logger });
  const i18n = createServerI18n(localesDir);
  // E-mails (referrals, a case's new notifications and tasks) only when SMTP is configured; the inbox holds everything either way.
  const emails = config.mail ? platformEmails(db, config.mail, i18n, logger) : undefined;
  const notifier = emails?.notifier;
  // Cases record the referrals their workflows ask for through the referrals module's port.
  const cases = createCaseServices(db, { logger, referrals: createReferralPort(db, notifier), ...(emails ? { news: emails.news } : {}) });
  if (!config.mongodbUri || config.demo) {
    const created = await loadDemoCases(db, { runtime: cases.runtime, caseEvents: cases.caseEvents, t: i18n.instance.getFixedT('en') });
    if (created > 0) logger.info({ cases: created }, 'demo cases created');
  }
  const app = createApp(config, { db, logger, i18n, caseRuntime: cases.runtime, caseEvents: cases.caseEvents, ...(notifier ? { notifier } : {}) });
  const server: Server = app.listen(config.port, config.host);
  // Responses in progress, so that shutdown can ask their keep-alive clients to close the connection once answered.
  const inProgress = new Set<ServerResponse>();
  server.prependListener('request', (_req: IncomingMessage, res: ServerResponse) => {
    inProgress.add(res);
    res.once('close', () => inProgress.delete(res));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  logger.info({ url }, 'listening');
  process.stdout.write(`Platform running at ${url}\n`);
  cases.scheduler.start();
  const recovery = startSubmissionRecovery(db, logger, cases.caseEvents);
  const caseListRepair = startCaseListRepair(db, logger);

  let shuttingDown = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ signal }, 'shutting down');
    const deadline = setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS);
    deadline.unref();
    // Stop accepting connections; requests in flight finish, idle keep-alive sockets close now. Without
    // `Connection: close` an answered keep-alive connection would hold the process until its keep-alive timeout.
    for (const res of inProgress) if (!res.headersSent) res.setHeader('Connection', 'close');
    server.prependListener('request', (_req: IncomingMessage, res: ServerResponse) => res.setHeader('Connection', 'close'));
    const sweep = setInterval(() => server.closeIdleConnections(), 250);
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
    clearInterval(sweep);
    await cases.scheduler.stop();
    // E-mails under way are finished, not cut off (none is retried after a restart, so none is sent twice).
    await emails?.idle();
    await recovery.stop();
    await caseListRepair.stop();
    await db.close().catch((error: unknown) => logger.warn({ err: error }, 'closing the database connection failed'));
    await embedded?.stop();
    logger.info('stopped');
    clearTimeout(deadline);
    process.exit(0);
  };
  process.on('SIGTERM', (signal) => void shutdown(signal));
  process.on('SIGINT', (signal) => void shutdown(signal));
  // The embedded database runs in its own process group; a closed terminal must stop it through us too.
  process.on('SIGHUP', (signal) => void shutdown(signal));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof MissingToolchainError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`Start-up failed: ${error instanceof Error ? error.message : String(error)}\n`);
  }
  process.exit(1);
});
