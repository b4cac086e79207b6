import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import { copyMissedEntries, settleAuditCopies } from '../../audit';
import { submissionModel } from '../storage/submission.model';
import type { SubmissionCasePort } from './submission-case.port';
import { settleMarkedSubmissions } from './submission-outbox';

const AT_START_WINDOW_MS = 7 * 24 * 60 * 60 * 1000;
const PERIODIC_WINDOW_MS = 60 * 60 * 1000;
const PERIOD_MS = 10 * 60 * 1000;
// Writes younger than this may still be under way in another process.
const SETTLING_MS = 60 * 1000;

/** Log lines of the recovery, one per sweep that found something (tests wait for them). */
export const MISSED_AUDIT_COPIES = 'audit entries of submissions copied to the audit log after a missed copy';
export const UNSETTLED_SUBMISSIONS = 'unfinished submission writes settled (audit entries, case reports, deletions)';

/**
 * Finishes what stopped processes left behind, at start and then every ten minutes, one sweep after the other:
 *  - creation entries that submissions carry but the audit log lacks (audit-outbox.ts): at start for the last week,
 *    later for the last hour, which covers this or another process having stopped between an insert and its copy;
 *  - changes of submissions left unfinished (submission-outbox.ts): an update or deletion whose audit entry, case
 *    report or removal did not happen, and a creation whose case was not told.
 * Each finding is logged once, after the copies it counts are stored.
 */
export function startSubmissionRecovery(db: Connection, logger: Logger, caseEvents?: SubmissionCasePort): { stop: () => Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  const stopping = new AbortController();
  const sweep = (windowMs: number) => {
    running = running
      .then(async () => {
        const until = new Date(Date.now() - SETTLING_MS);
        const missing = await copyMissedEntries(db, submissionModel(db), { since: new Date(Date.now() - windowMs), until }, stopping.signal);
        if (missing > 0) logger.warn({ missing }, MISSED_AUDIT_COPIES);
        const { settled, failed, error } = await settleMarkedSubmissions(db, caseEvents, until, stopping.signal);
        if (settled > 0 || failed > 0) logger.warn({ settled, failed, ...(error ? { err: error } : {}) }, UNSETTLED_SUBMISSIONS);
      })
      .catch((error: unknown) => logger.error({ err: error }, 'recovering unfinished submission writes failed; retried at the next sweep'));
  };
  sweep(AT_START_WINDOW_MS);
  const timer = setInterval(() => sweep(PERIODIC_WINDOW_MS), PERIOD_MS);
  timer.unref();
  return {
    // A long search at start must not hold up shutdown: it stops after its current step and resumes at the next start.
    stop: async () => {
      clearInterval(timer);
      stopping.abort();
      await running;
      await settleAuditCopies(db);
    },
  };
}
