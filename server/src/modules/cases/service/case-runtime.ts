import type { Connection } from 'mongoose';
import type { WorkflowCatalog } from '../../workflows';
import type { CaseNewsPort } from './case-news.port';
import type { CaseReferralPort } from './case-referral.port';

/** Time as the cases module sees it; tests pass a clock they can move forward. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** What case services need besides the request: passed in, never module singletons. */
export interface CaseRuntime {
  db: Connection;
  catalog: WorkflowCatalog;
  clock: Clock;
  /** Referrals the workflow's `refer` actions ask for (modules/referrals); without it such a step is refused. */
  referrals?: CaseReferralPort;
  /** Told of the notifications and tasks a stored write brought (e-mails, when SMTP is configured). */
  news?: CaseNewsPort;
}
