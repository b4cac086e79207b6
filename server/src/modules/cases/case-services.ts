import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import { WorkflowCatalog } from '../workflows';
import type { SubmissionCasePort } from '../submissions';
import { createCaseSubmissions } from './service/case-submissions.service';
import { systemClock, type CaseRuntime, type Clock } from './service/case-runtime';
import { caseTimerHandler } from './timers/case-timer.handler';
import { DurableScheduler } from './timers/durable-scheduler';
import type { CaseNewsPort } from './service/case-news.port';
import type { CaseReferralPort } from './service/case-referral.port';

export interface CaseServices {
  runtime: CaseRuntime;
  /** The cases side of the submissions seam. */
  caseEvents: SubmissionCasePort;
  scheduler: DurableScheduler;
}

export interface CaseServicesOptions {
  /**
   * Records the referrals the workflows' `refer` actions ask for: the referrals module's port
   * (`createReferralPort`), handed in by main.ts and app.ts, since referrals builds on cases and not the other way.
   */
  referrals: CaseReferralPort;
  /** Told of new notifications and tasks (the referrals module's e-mails, when SMTP is configured). */
  news?: CaseNewsPort;
  clock?: Clock;
  logger?: Logger;
  pollMs?: number;
  workerId?: string;
}

/** Everything the cases and workflows modules need, built once per process (main) or per test app. */
export function createCaseServices(db: Connection, options: CaseServicesOptions): CaseServices {
  const runtime: CaseRuntime = { db, catalog: new WorkflowCatalog(db), clock: options.clock ?? systemClock, referrals: options.referrals, ...(options.news ? { news: options.news } : {}) };
  const scheduler = new DurableScheduler({
    db,
    clock: runtime.clock,
    handler: caseTimerHandler(runtime),
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.pollMs ? { pollMs: options.pollMs } : {}),
    ...(options.workerId ? { workerId: options.workerId } : {}),
  });
  return { runtime, caseEvents: createCaseSubmissions(runtime), scheduler };
}
