import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import { copyMissedEntries, settleAuditCopies } from '../../audit/audit-outbox';
import { submissionModel } from '../models/submission.model';

const AT_START_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;
const PERIODIC_WINDOW_MS = 60 * 60 * 1000;
const PERIOD_MS = 10 * 60 * 1000;
// Copies younger than this may still be under way in another process.
const SETTLING_MS = 60 * 1000;

/**
 * Copies to the audit log the creation entries that submissions carry but the log lacks (audit-outbox.ts): at
 * start for the last week, which covers this or another process having stopped between an insert and its copy,
 * then every ten minutes for the last hour, which covers a process that stopped while others run on.
 */
export function startSubmissionAuditRecovery(db: Connection, logger: Logger): { stop: () => Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  const stopping = new AbortController();
  const sweep = (windowMs: number) => {
    running = running
      .then(() =>
        copyMissedEntries(db, submissionModel(db), { since: new Date(Date.now() - windowMs), until: new Date(Date.now() - SETTLING_MS) }, stopping.signal),
      )
      .then((missing) => {
        if (missing > 0) logger.warn({ missing }, 'audit entries of submissions copied to the audit log after a missed copy');
      })
      .catch((error: unknown) => logger.error({ err: error }, 'copying missed audit entries failed; retried at the next sweep'));
  };
  sweep(AT_START_WINDOW_MS);
  const timer = setInterval(() => sweep(PERIODIC_WINDOW_MS), PERIOD_MS);
  timer.unref();
  return {
    // A long search at start must not hold up shutdown: it stops after its current page and resumes at the next start.
    stop: async () => {
      clearInterval(timer);
      stopping.abort();
      await running;
      await settleAuditCopies(db);
    },
  };
}
