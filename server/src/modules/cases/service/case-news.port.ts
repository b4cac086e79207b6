import type { CaseRecord } from '../storage/case.model';

/** What a stored case write brought that staff should hear of beyond their inbox. */
export interface CaseNews {
  /** The case as stored after the write. */
  record: CaseRecord;
  /** The workflows' `notify-role` messages (and the timers' notices) of this write, by workflow role. */
  notifications: ReadonlyArray<{ role: string; messageKey: string }>;
  /** Tasks the write opened, by workflow role; `orgId` (hex) when the task is another organisation's (a referral's receiver). */
  tasks: ReadonlyArray<{ role: string; orgId?: string }>;
}

/**
 * The seam through which the cases module tells of new notifications and tasks (implemented by modules/referrals:
 * e-mails when SMTP is configured). Called after the write is stored; it must return at once and never fail the
 * write: the inbox holds everything either way.
 */
export interface CaseNewsPort {
  caseNews(news: CaseNews): void;
}
